"""Duties due on a month's last working day: "ngày làm việc cuối cùng của tháng", "… của tháng
cuối quý". The day depends on the work calendar (weekends, holidays, make-up Saturdays), so it is
the due day itself, never moved."""

from __future__ import annotations

import re

from scheduler import periods
from scheduler.reporting import Slot
from scheduler.workdays import WorkCalendar

_LAST_WORKING_DAY = re.compile(
    r"\bngay\s+lam\s+viec\s+cuoi(?:\s+cung)?\s+(?:cua\s+|trong\s+)?thang"
    r"(?P<quarter>\s+cuoi\s+(?:cua\s+)?quy)?(?!\s*\d)"
)


def find_last_working_days(folded: str, year: int, calendar: WorkCalendar) -> list[Slot] | None:
    match = _LAST_WORKING_DAY.search(folded)
    if match is None:
        return None
    months = (3, 6, 9, 12) if match.group("quarter") else range(1, 13)
    found: list[Slot] = []
    for month in months:
        code = f"Q{month // 3}" if match.group("quarter") else f"M{month:02d}"
        first, last = periods.span(code, year)
        due = calendar.previous_working_day(periods.month_end(year, month))
        found.append(Slot(code, year, due, (first, last)))
    return found
