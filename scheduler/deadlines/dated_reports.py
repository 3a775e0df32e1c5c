"""Reports named with their own date: "Báo cáo Quý 1 vào ngày 15/3/2024 (số liệu tính từ ngày
15/12/2023 đến 14/3/2024)", "báo cáo 6 tháng chậm nhất ngày 28/5", "chậm nhất vào ngày 02
hàng tháng". Used for a plan's reporting sentences and for deadline cells alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from scheduler import periods
from scheduler.deadlines.patterns import (
    BAO_CAO,
    LATEST,
    NAM,
    NGAY,
    ROMAN_OR_DIGIT,
    SLASH_DATE,
    THANG,
    make_date,
    make_year,
    word_date,
)
from scheduler.deadlines.text import FoldedText
from scheduler.reporting import Slot

_PERIOD = (
    rf"(?:quy\s*{ROMAN_OR_DIGIT}"
    rf"|(?P<half>0?6|sau)\s+{THANG}(?:\s+dau\s+{NAM})?"
    rf"|(?P<whole>(?:cuoi\s+)?{NAM})(?!\s*\d))"
)
# "ngày 05/6" or, as decrees write it, "ngày 05 tháng 6" (its groups named w_…).
_WORD_DATE = word_date("w_")
# Laws and plans also name the periods without "báo cáo", each date in brackets: "định kỳ 6 tháng
# (trước ngày 05/6) và hằng năm (trước ngày 05/12)".
_DATED = re.compile(
    rf"(?:{BAO_CAO}(?:\s+(?:ket\s+qua|dinh\s+ky|cchc))?"
    # "định kỳ hằng năm (trước ngày 10/12)" alone stays the plan year's own date.
    rf"|\bdinh\s+ky(?!\s+(?:(?:hang|moi)\s+)?(?:cuoi\s+)?{NAM})|\bva)"
    rf"\s+(?:(?:hang|moi)\s+)?{_PERIOD}"
    rf"(?:\s*/\s*(?P<pyear>\d{{4}})|\s+{NAM}\s+(?P<pyear2>\d{{4}}))?"
    rf"\s*[:,(]?(?:\s+(?:g\S{{1,3}}|nop|duoc|thuc\s+hien|phai))*"
    rf"\s*(?P<qual>{LATEST}|truoc|han)?(?:\s+(?:la|vao|trong))*\s*(?:{NGAY}\s*)?"
    rf"(?:{SLASH_DATE}|{_WORD_DATE})"
)
_WINDOW = re.compile(
    rf"^[\s(,;.:]*(?:[^\s()]+\s+){{0,4}}?t\S{{0,2}}\s+(?:{NGAY}\s+)?"
    r"(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})(?:\s*/\s*(?P<y1>\d{4}))?"
    rf"\s*(?:d\S{{0,2}}n|-)\s*(?:{NGAY}\s+)?"
    r"(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})(?:\s*/\s*(?P<y2>\d{4}))?"
)
_MONTHLY = re.compile(
    rf"(?P<qual>{LATEST}|truoc|han)?(?:\s+(?:la|vao))*\s*{NGAY}\s+(?P<day>\d{{1,2}})"
    rf"\s+(?:cua\s+)?(?P<which>(?:hang|moi)\s+{THANG}|{THANG}\s+(?:sau|tiep\s+theo|ke\s+tiep|nay)"
    # "Báo cáo tháng gửi trước ngày 15 của tháng": "of the month" said last, as "hằng tháng".
    rf"|(?<=cua\s){THANG}(?=\s*(?:$|[.,;:()])))"
    r"(?![a-z])"
)
_QUARTER_DAY = re.compile(
    rf"(?P<qual>{LATEST}|truoc|han)?(?:\s+(?:la|vao))*\s*{NGAY}\s+(?P<day>\d{{1,2}})"
    rf"\s+(?:cua\s+)?(?:(?P<last>{THANG}\s+cuoi\s+(?:cua\s+)?quy)"
    rf"|{THANG}\s+dau\s+(?:cua\s+)?quy\s+(?:sau|tiep\s+theo|ke\s+tiep))"
)
_PREVIOUS_MONTH = re.compile(rf"{THANG}\s+truoc")


@dataclass(frozen=True)
class DatedReport:
    """A report the text gives its own day ("Báo cáo Quý 1 vào ngày 15/3/2024"), and where the
    words stand in the folded text."""

    slot: Slot
    start: int
    end: int


@dataclass(frozen=True)
class MonthlyStatement:
    """The day monthly reports are due; `next_month` when that day falls in the month after the
    reported one; `calendar_month` when the data cover the whole previous month."""

    day: int
    next_month: bool
    calendar_month: bool
    start: int
    end: int


@dataclass(frozen=True)
class QuarterStatement:
    """ "trước ngày 15 của tháng cuối quý", "chậm nhất ngày 05 tháng đầu quý sau"."""

    day: int
    next_quarter: bool
    start: int
    end: int


def _code(match: re.Match[str]) -> str | None:
    if match.group("quarter"):
        quarter = periods.quarter_number(match.group("quarter"))
        return f"Q{quarter}" if quarter else None
    if match.group("half"):
        return "H1"
    return "Y"


def _report_year_and_due(
    match: re.Match[str], code: str, named_year: str | None, plan_year: int
) -> tuple[int, date | None]:
    """The period's year and the due day. Without a year, a due day early in the period
    ("báo cáo quý IV chậm nhất ngày 10/01", "báo cáo năm … ngày 15/01") can only be after the
    period has ended, so in the next year."""
    try:
        period_year = make_year(named_year, plan_year)
    except ValueError:
        return plan_year, None
    word = match.group("day") is None
    explicit = match.group("w_dyear" if word else "dyear")
    day, month = (
        (match.group("w_day"), match.group("w_month")) if word else match.group("day", "month")
    )
    due = make_date(day, month, explicit, period_year)
    if due is None:
        return period_year, None
    if explicit:
        if not named_year:
            period_year = due.year - 1 if code in ("Y", "Q4") and due.month == 1 else due.year
        return period_year, due
    start, last = periods.span(code, period_year)
    if due < start + (last - start) / 4:
        due = periods.clamped_date(due.year + 1, due.month, due.day)
    return period_year, due


def _window(match: re.Match[str], period_year: int) -> tuple[date, date] | None:
    """ "từ ngày 15/12/2023 đến 14/3/2024"; without years the window ends in the period's year."""
    window_end = make_date(match.group("d2"), match.group("m2"), match.group("y2"), period_year)
    if window_end is None:
        return None
    start_year = window_end.year
    if not match.group("y1") and int(match.group("m1")) > window_end.month:
        start_year -= 1
    window_start = make_date(match.group("d1"), match.group("m1"), match.group("y1"), start_year)
    if window_start is None or window_start > window_end:
        return None
    return window_start, window_end


def find_dated_reports(text: FoldedText, *, year: int) -> list[DatedReport]:
    found: list[DatedReport] = []
    for match in _DATED.finditer(text.folded):
        code = _code(match)
        named_year = match.group("pyear") or match.group("pyear2")
        if code is None:
            continue
        report_year, due = _report_year_and_due(match, code, named_year, year)
        if due is None:
            continue
        if match.group("qual") == "truoc":
            due -= timedelta(days=1)
        end = match.end()
        window_match = _WINDOW.match(text.folded[end : end + 90])
        window = _window(window_match, report_year) if window_match else None
        if window_match and window:
            end += window_match.end()
        found.append(DatedReport(Slot(code, report_year, due, window), match.start(), end))
    return found


def find_monthly_statement(text: FoldedText) -> MonthlyStatement | None:
    match = _MONTHLY.search(text.folded)
    if match is None:
        return None
    day = int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    after = text.folded[match.end() : match.end() + 120]
    which = match.group("which")
    explicit_next = which.endswith(("sau", "theo", "tiep"))
    previous = bool(_PREVIOUS_MONTH.search(after))
    # "ngày 02 hàng tháng" can only report on the month just ended; a day late in the month
    # ("ngày 25 hàng tháng") reports on the month itself, and so does "của tháng báo cáo".
    same_month = which.endswith("nay")
    next_month = explicit_next or (not same_month and (previous or day <= 10))
    if match.group("qual") == "truoc":
        day -= 1
        if day < 1:
            return None
    # A report due in the following month covers the month just ended, day 1 to its end.
    return MonthlyStatement(day, next_month, next_month, match.start(), match.end())


def find_quarterly_statement(text: FoldedText) -> QuarterStatement | None:
    match = _QUARTER_DAY.search(text.folded)
    if match is None:
        return None
    day = int(match.group("day")) - (1 if match.group("qual") == "truoc" else 0)
    if not 1 <= day <= 31:
        return None
    return QuarterStatement(day, match.group("last") is None, match.start(), match.end())
