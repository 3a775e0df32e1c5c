"""Which reporting period a leader means: "Quý I/2024", "quy 1/2024", "2024-Q1", "6 tháng 2024".

Pure: the export and the report draft both read a period typed by a person (with or without
diacritics) and need its stable key (the one occurrences carry) and its calendar span.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from scheduler.folding import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_LABEL = {1: "I", 2: "II", 3: "III", 4: "IV"}

_YEAR = r"(?:nam\s*)?(\d{4})"
_KEY_QUARTER = re.compile(r"^(\d{4})-q([1-4])$")
_KEY_HALF = re.compile(r"^(\d{4})-h1$")
_KEY_YEAR = re.compile(r"^(\d{4})-y$")
_KEY_MONTH = re.compile(r"^(\d{4})-m(\d{1,2})$")
_PREFIX = r"^(?:bao cao\s+)?"
_QUARTER = re.compile(_PREFIX + r"quy\s*(iv|iii|ii|i|[1-4])\s*(?:[/\-.,]\s*|\s+)" + _YEAR + "$")
_HALF = re.compile(_PREFIX + r"(?:0?6|sau)\s*thang(?:\s*dau\s*nam)?\s*[/\-.,]?\s*" + _YEAR + "$")
_YEAR_REPORT = re.compile(_PREFIX + r"(?:ca\s+)?nam\s*(\d{4})$")
_MONTH = re.compile(_PREFIX + r"thang\s*(\d{1,2})\s*(?:[/\-.]\s*|\s+nam\s+|\s+)(\d{4})$")


@dataclass(frozen=True)
class ReportPeriod:
    """A reporting period: `key` matches Occurrence.period_key; `start`/`end` are inclusive."""

    key: str
    label: str
    start: date
    end: date


def quarter(year: int, number: int) -> ReportPeriod:
    first_month = 3 * (number - 1) + 1
    last_month = first_month + 2
    return ReportPeriod(
        key=f"{year}-Q{number}",
        label=f"Quý {_ROMAN_LABEL[number]}/{year}",
        start=date(year, first_month, 1),
        end=date(year, last_month, calendar.monthrange(year, last_month)[1]),
    )


def half_year(year: int) -> ReportPeriod:
    return ReportPeriod(
        key=f"{year}-H1", label=f"6 tháng {year}", start=date(year, 1, 1), end=date(year, 6, 30)
    )


def whole_year(year: int) -> ReportPeriod:
    return ReportPeriod(
        key=f"{year}-Y", label=f"Năm {year}", start=date(year, 1, 1), end=date(year, 12, 31)
    )


def month(year: int, number: int) -> ReportPeriod:
    return ReportPeriod(
        key=f"{year}-M{number:02d}",
        label=f"Tháng {number:02d}/{year}",
        start=date(year, number, 1),
        end=date(year, number, calendar.monthrange(year, number)[1]),
    )


def parse_report_period(text: str) -> ReportPeriod | None:
    """Read a period the way staff type it; None when it is not a period we know.

    Accepted: quarters ("Quý I/2024", "quy 1/2024", "Quý 2 năm 2024", "2024-Q1"), the
    six-month report ("6 tháng 2024", "06 tháng đầu năm 2024", "2024-H1"), the year
    ("Năm 2024", "2024-Y") and months ("Tháng 02/2024", "2024-M02").
    """
    folded = fold(text)
    if match := _KEY_QUARTER.match(folded) or _QUARTER.match(folded):
        number_text, year_text = (
            (match.group(2), match.group(1))
            if match.re is _KEY_QUARTER
            else (match.group(1), match.group(2))
        )
        number = _ROMAN.get(number_text) or int(number_text)
        return quarter(int(year_text), number)
    if match := _KEY_HALF.match(folded) or _HALF.match(folded):
        return half_year(int(match.group(1)))
    if match := _KEY_YEAR.match(folded) or _YEAR_REPORT.match(folded):
        return whole_year(int(match.group(1)))
    if match := _KEY_MONTH.match(folded):
        year_text, month_text = match.group(1), match.group(2)
    elif match := _MONTH.match(folded):
        month_text, year_text = match.group(1), match.group(2)
    else:
        return None
    number = int(month_text)
    if not 1 <= number <= 12:
        return None
    return month(int(year_text), number)
