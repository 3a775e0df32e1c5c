"""Recurring duties: "hàng tháng", "định kỳ quý", "Theo quý, 6 tháng, năm", "06 tháng, cuối năm",
"báo cáo trước ngày 05 của tháng sau", "Báo cáo Quý 1 vào ngày 15/3/2024 (số liệu …)".

Reports without their own day take it from the plan's reporting calendar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from scheduler import periods
from scheduler.deadlines.dated_reports import (
    QuarterStatement,
    find_dated_reports,
    find_monthly_statement,
    find_quarterly_statement,
)
from scheduler.deadlines.once import read_once
from scheduler.deadlines.patterns import BAO_CAO, NAM, NGAY, ROMAN_OR_DIGIT, THANG, make_year
from scheduler.deadlines.text import FoldedText
from scheduler.reporting import MonthlyRule, ReportingCalendar, Slot

# "mỗi" also comes out of OCR as "mgdi", "m6i".
_EVERY = r"\b(?:hang|moi|tung|dinh\s+ky|m[a-z0-9]{1,2}i)\s+"
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
# A report named by its period without a date of its own: "Báo cáo quý I/2024", "báo cáo năm
# 2024", "Báo cáo 6 tháng đầu năm": due when the reporting calendar says.
_NAMED = re.compile(
    rf"{BAO_CAO}(?:\s+(?:ket\s+qua|dinh\s+ky|cchc|tinh\s+hinh))?\s+"
    rf"(?:quy\s*{ROMAN_OR_DIGIT}|(?P<half>0?6|sau)\s+{THANG}(?:\s+dau\s+{NAM})?"
    rf"|(?P<whole>{NAM})(?=\s+\d{{4}})|{THANG}\s+(?P<month>\d{{1,2}})(?!\d))"
    rf"(?:\s*/\s*(?P<y1>\d{{4}})|\s*,?\s*{NAM}\s+(?P<y2>\d{{4}})|\s+(?P<y3>\d{{4}}))?(?!\d)"
)
_PERIODIC = re.compile(rf"\bdinh\s+ky\b|{_EVERY}(?:{THANG}|quy|{NAM})\b")
_REPORT = re.compile(BAO_CAO)
_DAY = re.compile(rf"\b{NGAY}\s+\d{{1,2}}\b")
_FULL_DATE_AFTER = re.compile(rf"^\s*(?:/|-\s*\d|\.\s*\d|{THANG}\s+\d)")
_WINDOW_WORD_BEFORE = re.compile(r"\b(?:t\S{0,2}|d\S{0,2}n)\s+$")


@dataclass(frozen=True)
class RecurringReading:
    """`explicit` when the part names its own reports (a date, a monthly day, a period), so
    nothing else in it is a separate one-off deadline."""

    slots: list[Slot]
    explicit: bool
    unread_day: bool = False


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


def _named_slots(
    text: FoldedText, *, year: int, reporting: ReportingCalendar, taken: list[tuple[int, int]]
) -> list[Slot]:
    slots: list[Slot] = []
    for match in _NAMED.finditer(text.folded):
        if any(start <= match.start() < end for start, end in taken):
            continue
        named_year = make_year(match.group("y1") or match.group("y2") or match.group("y3"), year)
        if match.group("month"):
            month = int(match.group("month"))
            if not 1 <= month <= 12:
                continue
            due, window = reporting.monthly.resolve(named_year, month)
            assumed = not reporting.monthly.stated
            slots.append(Slot(f"M{month:02d}", named_year, due, window, assumed))
            continue
        if match.group("quarter"):
            quarter = periods.quarter_number(match.group("quarter"))
            code = f"Q{quarter}"
        else:
            code = "H1" if match.group("half") else "Y"
        due, maybe_window = reporting.rule(code).resolve(named_year)
        slots.append(Slot(code, named_year, due, maybe_window))
    return slots


def _quarter_slots(
    statement: QuarterStatement, *, year: int, reporting: ReportingCalendar
) -> list[Slot]:
    """Every quarter's report on the stated day, each with the calendar's data window."""
    slots: list[Slot] = []
    for quarter in (1, 2, 3, 4):
        due_year, due_month = periods.shift_month(
            year, 3 * quarter, 1 if statement.next_quarter else 0
        )
        due = periods.clamped_date(due_year, due_month, statement.day)
        window = reporting.rule(f"Q{quarter}").resolve(year)[1]
        slots.append(Slot(f"Q{quarter}", year, due, window))
    return slots


def _has_unread_day(folded: str, read: list[tuple[int, int]]) -> bool:
    """A day number no rule took ("hàng quý vào ngày 15": of which month?)."""
    for match in _DAY.finditer(folded):
        if any(start <= match.start() < end for start, end in read):
            continue
        if _FULL_DATE_AFTER.match(folded[match.end() :]):
            continue
        # "từ ngày 01 đến ngày cuối cùng …" describes a data window, not a due day.
        if _WINDOW_WORD_BEFORE.search(folded[max(0, match.start() - 8) : match.start()]):
            continue
        return True
    return False


def read_recurring(
    text: FoldedText, *, year: int, reporting: ReportingCalendar
) -> RecurringReading | None:
    """The reports this part asks for in `year`, or None when it is not a recurring duty."""
    folded = text.folded
    dated = find_dated_reports(text, year=year)
    statement = find_monthly_statement(text)
    named = _named_slots(
        text, year=year, reporting=reporting, taken=[(r.start, r.end) for r in dated]
    )
    quarter_statement = find_quarterly_statement(text)
    wanted = frequencies(folded)
    periodic = bool(_PERIODIC.search(folded))
    if statement is not None:
        wanted.add("M")
    recurring = bool(
        dated
        or named
        or statement
        or quarter_statement
        or wanted & {"M", "Q"}
        or len(wanted) >= 2
        or (wanted and (periodic or _REPORT.search(folded)))
        or periodic
    )
    if not recurring:
        return None
    explicit = bool(dated or named or statement or quarter_statement)
    if wanted == {"Y"} and not explicit:
        # "Tháng 10 hằng năm", "ngày 15/12 hằng năm": the plan year's own date.
        own_dates = [t for t in read_once(text, year=year).tokens if not t.code.endswith("-Y")]
        if own_dates:
            return None
    # The plan's regular reports stand in for a duty that names no frequency of its own; a
    # duty with its own quarterly rule ("trước ngày 05 của tháng đầu quý sau") owes only those.
    defaulted = not wanted and not dated and not named
    if defaulted:
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
    by_calendar = wanted
    if quarter_statement is not None:
        by_calendar = set() if defaulted else wanted - {"Q"}
    slots = {slot.code: slot for slot in calendar.slots(by_calendar, year)}
    if quarter_statement is not None:
        for slot in _quarter_slots(quarter_statement, year=year, reporting=reporting):
            slots[slot.code] = slot
    for slot in named:
        slots[slot.code] = slot
    for report in dated:
        slots[report.slot.code] = report.slot
    read = [(r.start, r.end) for r in dated]
    read += [(m.start, m.end) for m in (statement, quarter_statement) if m is not None]
    return RecurringReading(list(slots.values()), explicit, _has_unread_day(folded, read))
