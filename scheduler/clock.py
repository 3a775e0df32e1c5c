"""The one source of "now": every component receives a clock instead of reading the time."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock(Protocol):
    """Gives aware datetimes in the product's time zone."""

    @property
    def tz(self) -> ZoneInfo: ...

    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    """Wall-clock time in a fixed zone (Asia/Ho_Chi_Minh unless configured)."""

    def __init__(self, tz: ZoneInfo = VIETNAM_TZ) -> None:
        self._tz = tz

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def now(self) -> datetime:
        return datetime.now(self._tz)

    def today(self) -> date:
        return self.now().date()


class ManualClock:
    """A clock that only moves when told to; used by tests, `tick --now` and the demo."""

    def __init__(self, start: datetime, tz: ZoneInfo = VIETNAM_TZ) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=tz)
        self._tz = tz
        self._now = start.astimezone(tz)

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.date()

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self._tz)
        self._now = moment.astimezone(self._tz)

    def advance(self, delta: timedelta) -> None:
        self._now = self._now + delta
