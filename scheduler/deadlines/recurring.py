"""Recurring duties: "hàng tháng", "định kỳ quý", "Theo quý, 6 tháng, năm", "06 tháng, cuối năm",
"báo cáo trước ngày 05 của tháng sau", "Báo cáo Quý 1 vào ngày 15/3/2024 (số liệu …)".

Reports without their own day take it from the plan's reporting calendar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from scheduler import periods
from scheduler.deadlines.dated_reports import find_dated_reports, find_monthly_statement
from scheduler.deadlines.once import read_once
from scheduler.deadlines.patterns import BAO_CAO, NAM, THANG
from scheduler.deadlines.text import FoldedText
from scheduler.reporting import MonthlyRule, ReportingCalendar

_EVERY = r"\b(?:hang|moi|tung|dinh\s+ky)\s+"
_MONTHLY = re.compile(
    rf"{_EVERY}{THANG}\b|(?<![\d\s])\s*\b{THANG}(?=\s*(?:,|va\b|/\s*quy))|^{THANG}(?=\s*(?:,|va\b))"
    rf"|{BAO_CAO}\s+{THANG}(?!\s*\d)"
)
_NOT_QUARTER = (
    r"(?!\s*(?:dinh|trinh|che|hoach|mo|tac|uoc|chuan|luat|pham|nap|doi|iv|i{1,3}|[1-4])\b)"
)
_QUARTERLY = re.compile(
    rf"(?:{_EVERY}|\btheo\s+){'quy'}\b{_NOT_QUARTER}"
    rf"|\bquy(?=\s*(?:,|;|va\b|0?6\b|sau\s+{THANG}|{NAM}\b|$))|{BAO_CAO}\s+quy\b{_NOT_QUARTER}"
)
_HALF = re.compile(rf"(?<![\d/])(?:0?6|sau)\s+{THANG}(?!\s*(?:ke|tinh|sau|tu|\d))")
# "định kỳ 6 tháng", "6 tháng một lần": twice a year, so the year report too.
_SEMIANNUAL = re.compile(
    rf"(?:{_EVERY}|\bsau\s+moi\s+)(?:0?6|sau)\s+{THANG}\b|(?:0?6|sau)\s+{THANG}\s*(?:/|mot)\s*lan"
)
_YEARLY = re.compile(rf"(?:\bhang|\bmoi|\bcuoi|,|\bva|{BAO_CAO})\s*{NAM}\b(?!\s*\d)")
_PERIODIC = re.compile(rf"\bdinh\s+ky\b|{_EVERY}(?:{THANG}|quy|{NAM})\b")
_REPORT = re.compile(BAO_CAO)


@dataclass(frozen=True)
class Slot:
    code: str
    year: int
    due: date
    window: tuple[date, date] | None

    @property
    def key(self) -> str:
        return periods.key(self.code, self.year)

    @property
    def label(self) -> str:
        return periods.label(self.code, self.year)


def frequencies(folded: str) -> set[str]:
    found: set[str] = set()
    if _MONTHLY.search(folded):
        found.add("M")
    if _QUARTERLY.search(folded):
        found.add("Q")
    if _HALF.search(folded):
        found.add("H")
    if _YEARLY.search(folded) or _SEMIANNUAL.search(folded):
        found.add("Y")
    return found


def read_recurring(
    text: FoldedText, *, year: int, reporting: ReportingCalendar
) -> list[Slot] | None:
    """The reports this part asks for in `year`, or None when it is not a recurring duty."""
    folded = text.folded
    dated = find_dated_reports(text, year=year)
    statement = find_monthly_statement(text)
    wanted = frequencies(folded)
    periodic = bool(_PERIODIC.search(folded))
    if statement is not None:
        wanted.add("M")
    recurring = bool(
        dated
        or statement
        or wanted & {"M", "Q"}
        or len(wanted) >= 2
        or (wanted and (periodic or _REPORT.search(folded)))
        or periodic
    )
    if not recurring:
        return None
    if wanted == {"Y"} and not dated and statement is None:
        # "Tháng 10 hằng năm", "ngày 15/12 hằng năm": the plan year's own date.
        named = [t for t in read_once(text, year=year).tokens if not t.code.endswith("-Y")]
        if named:
            return None
    if not wanted and not dated:
        wanted = set(reporting.regular)
    calendar = reporting
    if statement is not None:
        calendar = replace(
            calendar,
            monthly=MonthlyRule(
                day=statement.day,
                next_month=statement.next_month,
                window_start_day=1 if statement.calendar_month else 15,
            ),
        )
    slots = {
        slot.code: Slot(slot.code, year, slot.due, slot.window)
        for slot in calendar.slots(wanted, year)
    }
    for report in dated:
        slots[report.code] = Slot(report.code, report.year, report.due, report.window)
    return list(slots.values())
