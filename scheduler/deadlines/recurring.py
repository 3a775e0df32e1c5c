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
from scheduler.deadlines.patterns import BAO_CAO, NAM, ROMAN_OR_DIGIT, THANG, make_year
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


@dataclass(frozen=True)
class RecurringReading:
    """`explicit` when the part names its own reports (a date, a monthly day, a period), so
    nothing else in it is a separate one-off deadline."""

    slots: list[Slot]
    explicit: bool


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
            slots.append(Slot(f"M{month:02d}", named_year, due, window))
            continue
        if match.group("quarter"):
            quarter = periods.quarter_number(match.group("quarter"))
            code = f"Q{quarter}"
        else:
            code = "H1" if match.group("half") else "Y"
        due, maybe_window = reporting.rule(code).resolve(named_year)
        slots.append(Slot(code, named_year, due, maybe_window))
    return slots


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
    wanted = frequencies(folded)
    periodic = bool(_PERIODIC.search(folded))
    if statement is not None:
        wanted.add("M")
    recurring = bool(
        dated
        or named
        or statement
        or wanted & {"M", "Q"}
        or len(wanted) >= 2
        or (wanted and (periodic or _REPORT.search(folded)))
        or periodic
    )
    if not recurring:
        return None
    explicit = bool(dated or named or statement)
    if wanted == {"Y"} and not explicit:
        # "Tháng 10 hằng năm", "ngày 15/12 hằng năm": the plan year's own date.
        own_dates = [t for t in read_once(text, year=year).tokens if not t.code.endswith("-Y")]
        if own_dates:
            return None
    if not wanted and not dated and not named:
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
    for slot in named:
        slots[slot.code] = slot
    for report in dated:
        slots[report.code] = Slot(report.code, report.year, report.due, report.window)
    return RecurringReading(list(slots.values()), explicit)
