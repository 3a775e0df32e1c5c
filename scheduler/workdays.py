"""Vietnam's working-day calendar and the effective due date of a time limit.

Working days are Monday–Friday minus public holidays (Tết included), plus the make-up
Saturdays the government announces; an admin can add the year's official swaps.
Bộ luật Dân sự 2015, Điều 148 khoản 5: a limit whose last day is a day off ends at the
end of the next working day.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays

from scheduler import names


@lru_cache(maxsize=64)
def _official(year: int) -> tuple[frozenset[date], frozenset[date]]:
    table = holidays.country_holidays("VN", years=[year])
    days_off = frozenset(day for day in table if day.year == year)
    make_up = frozenset(day for day in table.weekend_workdays if day.year == year)
    return days_off, make_up


@dataclass(frozen=True)
class WorkCalendar:
    """Official holidays from the `holidays` package plus admin overrides from the database."""

    extra_days_off: frozenset[date] = field(default_factory=frozenset)
    extra_working_days: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def with_overrides(
        cls, days_off: Iterable[date] = (), working_days: Iterable[date] = ()
    ) -> WorkCalendar:
        return cls(frozenset(days_off), frozenset(working_days))

    def official_days_off(self, year: int) -> list[date]:
        """Public holidays of `year` by law (Tết included), without admin overrides."""
        return sorted(_official(year)[0])

    def official_make_up_days(self, year: int) -> list[date]:
        """Weekend days the government made working days in `year`."""
        return sorted(_official(year)[1])

    def is_holiday(self, day: date) -> bool:
        return day in _official(day.year)[0] or day in self.extra_days_off

    def holiday_name(self, day: date) -> str | None:
        if day in self.extra_days_off:
            return names.EXTRA_DAY_OFF
        name = holidays.country_holidays("VN", years=[day.year], language="vi").get(day)
        return str(name) if name else None

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        days_off, make_up = _official(day.year)
        if day in make_up:
            return True
        return day.weekday() < 5 and day not in days_off

    def next_working_day(self, day: date) -> date:
        """The first working day on or after `day`."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def previous_working_day(self, day: date) -> date:
        """The last working day on or before `day`."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def effective_due(self, nominal: date) -> date:
        """Điều 148 khoản 5 BLDS 2015: a limit ending on a day off moves to the next working day."""
        return self.next_working_day(nominal)

    def add_working_days(self, day: date, count: int) -> date:
        """Move `count` working days from `day` (negative: back); `day` itself is not counted."""
        step = timedelta(days=1 if count >= 0 else -1)
        remaining = abs(count)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for day in _days(start + timedelta(days=1), end) if self.is_working_day(day))


def _days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)
