"""When an item is reminded, nudged and escalated: the reminder policy, as pure rules.

Every day below is a working day of the calendar; offsets count working days from the item's
own due date (negative before it). The item's own due date is its effective due date, moved
again to the next working day should the calendar have changed since the plan was imported;
a coordinating unit's own date lies some working days before the lead unit's, so that its
input arrives in time.

A last day that falls on a day off ("trước 31/01" in Tết) is legally moved to the next working
day (Điều 148 BLDS), but offices expect to hear of it before the holiday: the reminders count
from the last working day before the plan's own day, lateness and escalation from the legal end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from scheduler.errors import RuleError
from scheduler.workdays import WorkCalendar

# Reminders go out within office hours only: never at night.
EARLIEST_HOUR = 7
LATEST_HOUR = 17

# Statuses and kinds that are never nagged.
QUIET_STATUSES = frozenset({"done"})
UNDATED_KINDS = frozenset({"continuous", "on_request", "relative", "unknown"})
# A period whose day the plan did not write ("Hằng tháng" alone): reminded before and on the
# assumed day, but never overdue nor escalated from a date nobody set.
ASSUMED_KIND = "assumed"


class NoticeKind(StrEnum):
    REMINDER = "reminder"  # before the due date and on the due morning
    OVERDUE = "overdue"  # nudges to the late unit itself
    ESCALATION = "escalation"  # to the leaders, or to the lead unit for a coordinating unit
    DIGEST = "digest"


class Recipient(StrEnum):
    """Who a notice is for, relative to the item."""

    UNIT = "unit"  # the unit the item is assigned to
    LEAD = "lead"  # the lead unit of the same task (a coordinating unit is late)
    LEADERS = "leaders"


@dataclass(frozen=True)
class ReminderPolicy:
    """Defaults follow the issue; each plan may override any of them (Plan.reminder_policy)."""

    days_before: tuple[int, ...] = (7, 3, 1)
    on_due_day: bool = True
    overdue_after: tuple[int, ...] = (1, 3)
    # Working days overdue after which the leaders' chat hears of it; None: never.
    escalate_after: int | None = 3
    # A coordinating unit's input is due this many working days before the lead's date.
    coordinating_ahead: int = 2
    # A late coordinating unit is reported to the lead unit first, this many days late.
    coordinating_escalate_after: int | None = 1
    hour: int = 8
    minute: int = 0
    digest_weekday: int = 0  # Monday
    digest_hour: int = 8

    def __post_init__(self) -> None:
        for name in ("days_before", "overdue_after"):
            values = getattr(self, name)
            if any(value < 1 or value > 60 for value in values):
                raise RuleError("policy.days_range", key=name)
        for name in ("escalate_after", "coordinating_escalate_after"):
            value = getattr(self, name)
            if value is not None and not 1 <= value <= 60:
                raise RuleError("policy.escalate_range", key=name)
        if not 0 <= self.coordinating_ahead <= 30:
            raise RuleError("policy.coordinating_ahead_range")
        for name in ("hour", "digest_hour"):
            if not EARLIEST_HOUR <= getattr(self, name) <= LATEST_HOUR:
                raise RuleError(
                    "policy.hour_range", key=name, earliest=EARLIEST_HOUR, latest=LATEST_HOUR
                )
        if not 0 <= self.minute <= 59:
            raise RuleError("policy.minute_range")
        if not 0 <= self.digest_weekday <= 4:
            raise RuleError("policy.digest_weekday_range")

    @classmethod
    def from_json(
        cls, data: Mapping[str, Any] | None, *, base: ReminderPolicy | None = None
    ) -> ReminderPolicy:
        """A plan's overrides on top of `base` (the defaults); unknown keys are refused."""
        policy = base or cls()
        if not data:
            return policy
        unknown = sorted(set(data) - set(_FIELDS))
        if unknown:
            raise RuleError(
                "policy.unknown_keys", unknown=", ".join(unknown), known=", ".join(_FIELDS)
            )
        values: dict[str, Any] = {}
        for key, raw in data.items():
            values[key] = _FIELDS[key](key, raw)
        if "hour" in values and isinstance(values["hour"], tuple):
            values["hour"], values["minute"] = values["hour"]
        if "digest_hour" in values and isinstance(values["digest_hour"], tuple):
            values["digest_hour"] = values["digest_hour"][0]
        return replace(policy, **values)

    @property
    def send_time(self) -> time:
        return time(self.hour, self.minute)

    def offsets(self) -> frozenset[int]:
        """Every offset (working days from an own due date) at which some notice may fall."""
        values = {-days for days in self.days_before} | set(self.overdue_after)
        if self.on_due_day:
            values.add(0)
        for after in (self.escalate_after, self.coordinating_escalate_after):
            if after is not None:
                values.add(after)
        return frozenset(values)


def _days_list(key: str, raw: Any) -> tuple[int, ...]:
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = [raw]
    if not isinstance(raw, list | tuple) or not all(
        isinstance(value, int) and not isinstance(value, bool) for value in raw
    ):
        raise RuleError("policy.not_a_days_list", key=key)
    return tuple(sorted(set(raw), reverse=True))


def _optional_days(key: str, raw: Any) -> int | None:
    if raw is None or raw is False:
        return None
    return _int(key, raw)


def _int(key: str, raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise RuleError("policy.not_an_integer", key=key)
    return raw


def _bool(key: str, raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise RuleError("policy.not_a_boolean", key=key)
    return raw


def _clock_time(key: str, raw: Any) -> int | tuple[int, int]:
    """An hour as 8 or "08:00"."""
    if isinstance(raw, str):
        hours, _, minutes = raw.strip().partition(":")
        if hours.isdigit() and (not minutes or minutes.isdigit()):
            return int(hours), int(minutes or 0)
        raise RuleError("policy.not_a_time", key=key)
    return _int(key, raw)


_FIELDS: dict[str, Any] = {
    "days_before": _days_list,
    "on_due_day": _bool,
    "overdue_after": _days_list,
    "escalate_after": _optional_days,
    "coordinating_ahead": _int,
    "coordinating_escalate_after": _optional_days,
    "hour": _clock_time,
    "minute": _int,
    "digest_weekday": _int,
    "digest_hour": _clock_time,
}


@dataclass(frozen=True)
class Notice:
    """One notice of one item: what, to whom, on which working day."""

    kind: NoticeKind
    recipient: Recipient
    offset: int
    day: date


@dataclass(frozen=True)
class ItemState:
    """What the policy needs to know about one occurrence."""

    effective_due: date | None
    role: str = "lead"
    status: str = "not_started"
    kind: str = "once"
    withdrawn: bool = False
    # The plan's own last day, when known: a day off there brings the reminders forward.
    nominal_due: date | None = None

    @property
    def nagged(self) -> bool:
        """Done, undated (continuous, on request) and withdrawn items are never nagged."""
        return (
            self.effective_due is not None
            and not self.withdrawn
            and self.status not in QUIET_STATUSES
            and self.kind not in UNDATED_KINDS
        )


def own_due(
    effective_due: date, *, role: str, policy: ReminderPolicy, calendar: WorkCalendar
) -> date:
    """The working day the unit's own part is due (earlier for a coordinating unit)."""
    due = calendar.effective_due(effective_due)
    if role == "coordinating" and policy.coordinating_ahead:
        due = calendar.add_working_days(due, -policy.coordinating_ahead)
    return due


def remind_by(
    effective_due: date,
    *,
    nominal_due: date | None,
    role: str,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
) -> date:
    """The working day the unit is reminded to finish by: its own due date, or, when the
    plan's last day is a day off, the last working day before it (a coordinating unit's
    lead time counted back from there), whichever comes first."""
    due = own_due(effective_due, role=role, policy=policy, calendar=calendar)
    if nominal_due is None or calendar.is_working_day(nominal_due):
        return due
    early = calendar.previous_working_day(nominal_due)
    if role == "coordinating" and policy.coordinating_ahead:
        early = calendar.add_working_days(early, -policy.coordinating_ahead)
    return min(due, early)


def schedule(item: ItemState, *, policy: ReminderPolicy, calendar: WorkCalendar) -> list[Notice]:
    """Every notice the item gets while it stays open, in day order (nothing if not nagged)."""
    if not item.nagged or item.effective_due is None:
        return []
    due = own_due(item.effective_due, role=item.role, policy=policy, calendar=calendar)
    early = remind_by(
        item.effective_due,
        nominal_due=item.nominal_due,
        role=item.role,
        policy=policy,
        calendar=calendar,
    )
    notices = [
        Notice(NoticeKind.REMINDER, Recipient.UNIT, -days, calendar.add_working_days(early, -days))
        for days in policy.days_before
    ]
    if policy.on_due_day:
        notices.append(Notice(NoticeKind.REMINDER, Recipient.UNIT, 0, early))
    if item.kind == ASSUMED_KIND:
        return sorted(notices, key=lambda notice: notice.day)
    notices.extend(
        Notice(NoticeKind.OVERDUE, Recipient.UNIT, days, calendar.add_working_days(due, days))
        for days in policy.overdue_after
    )
    if item.role == "coordinating" and policy.coordinating_escalate_after is not None:
        after = policy.coordinating_escalate_after
        notices.append(
            Notice(
                NoticeKind.ESCALATION, Recipient.LEAD, after, calendar.add_working_days(due, after)
            )
        )
    if policy.escalate_after is not None:
        after = policy.escalate_after
        notices.append(
            Notice(
                NoticeKind.ESCALATION,
                Recipient.LEADERS,
                after,
                calendar.add_working_days(due, after),
            )
        )
    # Same day and offset: the unit hears it before anyone is told about it.
    return sorted(
        notices, key=lambda notice: (notice.day, notice.offset, notice.recipient != Recipient.UNIT)
    )


def notices_on(
    day: date, item: ItemState, *, policy: ReminderPolicy, calendar: WorkCalendar
) -> list[Notice]:
    """The notices the item gets on `day`; none on a day off."""
    if not calendar.is_working_day(day):
        return []
    return [
        notice for notice in schedule(item, policy=policy, calendar=calendar) if notice.day == day
    ]


def due_ranges_for_day(
    day: date,
    *,
    policies: Iterable[ReminderPolicy],
    calendar: WorkCalendar,
    role: str | None = None,
) -> list[tuple[date, date]]:
    """Effective-due ranges of the items that can have a notice on `day`, for an indexed query.

    Inverts `schedule`: a notice with offset k falls on `day` when the own due date is
    `day` moved back k working days; the stored effective due date lies on that working day
    or on the days off just before it; a coordinating unit's lead date lies further on. A
    reminder (k <= 0) may count from the working day before a holiday, whose legal end is
    the next working day: the range reaches it. The ranges are a superset; `schedule`
    decides for each item found. With `role`, only the ranges of lead or of coordinating
    assignments.
    """
    if not calendar.is_working_day(day):
        return []
    ranges: set[tuple[date, date]] = set()
    for policy in policies:
        shifts = set()
        if role != "coordinating":
            shifts.add(0)
        if role != "lead":
            shifts.add(policy.coordinating_ahead)
        for offset in policy.offsets():
            own = calendar.add_working_days(day, -offset)
            for shift in shifts:
                lead_due = calendar.add_working_days(own, shift)
                previous = calendar.add_working_days(lead_due, -1)
                last = calendar.add_working_days(lead_due, 1) if offset <= 0 else lead_due
                ranges.add((previous + timedelta(days=1), last))
    return sorted(ranges)


def send_moment(day: date, *, policy: ReminderPolicy, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, policy.send_time, tzinfo=tz)


def digest_day(week_start: date, *, policy: ReminderPolicy, calendar: WorkCalendar) -> date | None:
    """The digest's day in the week starting `week_start` (a Monday): the policy's weekday,
    or the next working day of the same week when that is a day off; None if the week has none
    (a Tết week)."""
    day = week_start + timedelta(days=policy.digest_weekday)
    while day < week_start + timedelta(days=7):
        if calendar.is_working_day(day):
            return day
        day += timedelta(days=1)
    return None


def digest_moment(day: date, *, policy: ReminderPolicy, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(policy.digest_hour), tzinfo=tz)
