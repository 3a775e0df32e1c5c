"""Which reporting period a leader means: "Quý I/2024", "quy 1/2024", "2024-Q1", "6 tháng 2024".

Pure: the export and the report draft both read a period typed by a person (with or without
diacritics) and need its stable key (the one occurrences carry) and its calendar span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scheduler import periods
from scheduler.folding import fold

_YEAR = r"(?:nam\s*)?(\d{4})"
_KEY_QUARTER = re.compile(r"^(\d{4})-q([1-4])$")
_KEY_HALF = re.compile(r"^(\d{4})-h([12])$")
_KEY_YEAR = re.compile(r"^(\d{4})-y$")
_KEY_MONTH = re.compile(r"^(\d{4})-m(\d{1,2})$")
_PREFIX = r"^(?:bao cao\s+)?"
_QUARTER = re.compile(_PREFIX + r"quy\s*(iv|iii|ii|i|[1-4])\s*(?:[/\-.,]\s*|\s+)" + _YEAR + "$")
_HALF = re.compile(
    _PREFIX + r"(?:0?6|sau)\s*thang(?:\s*(dau|cuoi)\s*nam)?\s*[/\-.,]?\s*" + _YEAR + "$"
)
_YEAR_REPORT = re.compile(_PREFIX + r"(?:ca\s+)?nam\s*(\d{4})$")
_MONTH = re.compile(_PREFIX + r"thang\s*(\d{1,2})\s*(?:[/\-.]\s*|\s+nam\s+|\s+)(\d{4})$")


@dataclass(frozen=True)
class ReportPeriod:
    """A reporting period: `key` matches Occurrence.period_key; `start`/`end` are inclusive."""

    key: str
    label: str
    start: date
    end: date


def period(code: str, year: int) -> ReportPeriod:
    """The period with this code ("Q1", "M02", "H1", "H2", "Y"), named as the plan importer
    names its occurrences, so that keys and labels match the stored ones."""
    start, end = periods.span(code, year)
    return ReportPeriod(
        key=periods.key(code, year), label=periods.label(code, year), start=start, end=end
    )


def parse_report_period(text: str) -> ReportPeriod | None:
    """Read a period the way staff type it; None when it is not a period we know.

    Accepted: quarters ("Quý I/2024", "quy 1/2024", "Quý 2 năm 2024", "2024-Q1"), the
    six-month reports ("6 tháng 2024", "06 tháng đầu năm 2024", "2024-H1", "6 tháng cuối
    năm 2024", "2024-H2"), the year ("Năm 2024", "2024-Y") and months ("Tháng 02/2024",
    "2024-M02").
    """
    try:
        return _parse(fold(text))
    except ValueError:  # a year no calendar has ("quý 1/0000")
        return None


def _parse(folded: str) -> ReportPeriod | None:
    if match := _KEY_QUARTER.match(folded):
        return period(f"Q{match.group(2)}", int(match.group(1)))
    if match := _QUARTER.match(folded):
        number = periods.quarter_number(match.group(1))
        return period(f"Q{number}", int(match.group(2))) if number else None
    if match := _KEY_HALF.match(folded):
        return period(f"H{match.group(2)}", int(match.group(1)))
    if match := _HALF.match(folded):
        return period("H2" if match.group(1) == "cuoi" else "H1", int(match.group(2)))
    if match := _KEY_YEAR.match(folded) or _YEAR_REPORT.match(folded):
        return period("Y", int(match.group(1)))
    if match := _KEY_MONTH.match(folded):
        year_text, month_text = match.group(1), match.group(2)
    elif match := _MONTH.match(folded):
        month_text, year_text = match.group(1), match.group(2)
    else:
        return None
    number = int(month_text)
    if not 1 <= number <= 12:
        return None
    return period(f"M{number:02d}", int(year_text))
