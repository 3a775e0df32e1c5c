"""Weekly duties: "thứ Năm hằng tuần", "trước 10 giờ thứ Hai hằng tuần", "hằng tuần vào thứ Sáu".

Every such weekday of the plan year is one occurrence. Period keys count the weekday's
occurrences in the year ("2024-W01" is the year's first Thursday for a Thursday duty), so a duty
moved from Thursday to Friday keeps its history on the same keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from scheduler import names

_DAY_NAMES = {
    "hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3,
    "sau": 4, "6": 4, "bay": 5, "7": 5,
}  # fmt: skip
_WEEKDAY = r"(?:thu\s+(?P<day>hai|ba|tu|nam|sau|bay|[2-7])\b|(?P<sunday>chu\s+nhat))"
_EVERY_WEEK = r"(?:hang|moi|tung)\s+tuan"
_CUTOFF = r"(?:(?P<hour>\d{1,2})\s*(?:h|gio|:)\s*(?P<minute>\d{2})?(?:\s*phut)?\s+(?:ngay\s+)?)"
_WEEKLY = (
    re.compile(
        rf"(?:truoc\s+)?{_CUTOFF}?(?:vao\s+)?(?:(?:cac\s+)?ngay\s+)?{_WEEKDAY}"
        rf"\s*,?\s*{_EVERY_WEEK}"
    ),
    re.compile(
        rf"{_EVERY_WEEK}\s*,?\s*(?:truoc\s+)?{_CUTOFF}?(?:vao\s+)?(?:(?:cac\s+)?ngay\s+)?{_WEEKDAY}"
    ),
)
_WEEKLY_ALONE = re.compile(rf"\b{_EVERY_WEEK}\b")


@dataclass(frozen=True)
class WeeklyRule:
    weekday: int
    cutoff: time | None


def find_weekly(folded: str) -> WeeklyRule | None:
    match = _WEEKLY[0].search(folded) or _WEEKLY[1].search(folded)
    if match is None:
        return None
    groups = {key: value for key, value in match.groupdict().items() if value}
    weekday = 6 if "sunday" in groups else _DAY_NAMES[groups["day"]]
    cutoff = None
    if "hour" in groups:
        hour, minute = int(groups["hour"]), int(groups.get("minute", 0))
        if hour > 23 or minute > 59:
            return None
        cutoff = time(hour, minute)
    return WeeklyRule(weekday, cutoff)


def mentions_weekly(folded: str) -> bool:
    return bool(_WEEKLY_ALONE.search(folded))


@dataclass(frozen=True)
class WeekDay:
    key: str
    label: str
    due: date
    window: tuple[date, date]


def week_days(rule: WeeklyRule, year: int) -> list[WeekDay]:
    """Every `rule.weekday` of `year`, with the Monday–Sunday week around it as its window."""
    day = date(year, 1, 1)
    day += timedelta(days=(rule.weekday - day.weekday()) % 7)
    found: list[WeekDay] = []
    number = 1
    while day.year == year:
        monday = day - timedelta(days=day.weekday())
        sunday = monday + timedelta(days=6)
        label = names.week_name(monday, sunday)
        found.append(WeekDay(f"{year}-W{number:02d}", label, day, (monday, sunday)))
        day += timedelta(days=7)
        number += 1
    return found
