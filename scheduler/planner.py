"""Turns open items and the calendar into dated notices with idempotency keys (no I/O).

A notice is planned per audience (a unit or the leaders); the engine then writes one outbox row
per chat linked to that audience. The key names what, for whom, which period and which
offset, plus the own due date it was computed from, so that a deadline moved by a re-import
is reminded again while a restart never repeats anything:
``kind:occurrence:audience/chatlink:period:offset:due``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from scheduler import names
from scheduler.policy import (
    ItemState,
    Notice,
    NoticeKind,
    Recipient,
    ReminderPolicy,
    digest_day,
    digest_moment,
    own_due,
    schedule,
    send_moment,
)
from scheduler.workdays import WorkCalendar

LEADERS = "leaders"


@dataclass(frozen=True)
class DueItem:
    """An open dated occurrence as the planner needs it."""

    occurrence_id: int
    plan_id: int
    # The local day the plan entered the bot: nothing is planned before it, so importing a
    # plan in March does not fire the reminders of January.
    plan_start: date
    unit_id: int
    unit_name: str
    role: str
    task_id: int
    task_number: str
    period_key: str
    period_label: str
    effective_due: date | None
    status: str
    kind: str
    lead_unit_ids: tuple[int, ...] = ()
    # The plan's own last day: a day off there brings the reminders before the holiday.
    nominal_due: date | None = None

    def state(self) -> ItemState:
        return ItemState(
            effective_due=self.effective_due,
            role=self.role,
            status=self.status,
            kind=self.kind,
            nominal_due=self.nominal_due,
        )


@dataclass(frozen=True)
class PlannedNotice:
    """One notice for one audience; `audience_unit_id` is None for the leaders, `item` is the
    item the notice is about (None for a digest)."""

    at: datetime
    kind: NoticeKind
    recipient: Recipient
    offset: int
    audience_unit_id: int | None
    audience_name: str
    period_key: str
    period_label: str | None
    item: DueItem | None = None
    own_due: date | None = None

    @property
    def audience(self) -> str:
        return LEADERS if self.audience_unit_id is None else "unit"

    @property
    def occurrence_id(self) -> int | None:
        return self.item.occurrence_id if self.item else None

    @property
    def task_number(self) -> str | None:
        return self.item.task_number if self.item else None

    @property
    def item_unit_id(self) -> int | None:
        """The unit the notice is about: the item's, or the unit a digest goes to."""
        return self.item.unit_id if self.item else self.audience_unit_id

    @property
    def item_unit_name(self) -> str | None:
        if self.item is not None:
            return self.item.unit_name
        return None if self.audience_unit_id is None else self.audience_name

    def key(self, chat_link_id: int) -> str:
        occurrence = self.occurrence_id if self.occurrence_id is not None else "-"
        due = self.own_due.isoformat() if self.own_due else "-"
        return (
            f"{self.kind.value}:{occurrence}:{self.recipient.value}/{chat_link_id}:"
            f"{self.period_key}:{self.offset}:{due}"
        )

    def topic(self, chat_link_id: int) -> tuple[Any, ...]:
        """Notices of one topic replace each other: only the latest one is worth sending."""
        if self.occurrence_id is None:
            return (self.kind.value, chat_link_id)
        return ("item", self.occurrence_id, chat_link_id)

    def payload(self) -> dict[str, Any]:
        return {
            "offset": self.offset,
            "recipient": self.recipient.value,
            "period_key": self.period_key,
            "own_due": self.own_due.isoformat() if self.own_due else None,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "kind": self.kind.value,
            "audience": self.audience_name,
            "task": self.task_number,
            "period": self.period_label,
            "unit": self.item_unit_name,
            "offset": self.offset,
            "due": self.own_due.isoformat() if self.own_due else None,
        }


def item_notices(
    item: DueItem,
    *,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
    tz: ZoneInfo,
    start: date,
    end: date,
    unit_names: Mapping[int, str],
    cache: dict[tuple[Any, ...], tuple[date, list[Notice]]] | None = None,
) -> list[PlannedNotice]:
    """The item's notices on days in [start, end], from the day its plan entered the bot.

    `cache`, shared across calls, keeps one schedule per due date, role and policy: a
    province has hundreds of thousands of items but only a few hundred distinct due dates.
    """
    state = item.state()
    if not state.nagged or item.effective_due is None:
        return []
    key = (item.effective_due, item.nominal_due, item.role, policy)
    cached = cache.get(key) if cache is not None else None
    if cached is None:
        cached = (
            own_due(item.effective_due, role=item.role, policy=policy, calendar=calendar),
            schedule(state, policy=policy, calendar=calendar),
        )
        if cache is not None:
            cache[key] = cached
    due, planned = cached
    notices: list[PlannedNotice] = []
    for notice in planned:
        if not (start <= notice.day <= end) or notice.day < item.plan_start:
            continue
        for audience_id in _audiences(item, notice.recipient):
            notices.append(
                PlannedNotice(
                    at=send_moment(notice.day, policy=policy, tz=tz),
                    kind=notice.kind,
                    recipient=notice.recipient,
                    offset=notice.offset,
                    audience_unit_id=audience_id,
                    audience_name=LEADERS
                    if audience_id is None
                    else unit_names.get(audience_id, item.unit_name),
                    period_key=item.period_key,
                    period_label=item.period_label,
                    item=item,
                    own_due=due,
                )
            )
    return notices


def _audiences(item: DueItem, recipient: Recipient) -> Sequence[int | None]:
    if recipient is Recipient.UNIT:
        return [item.unit_id]
    if recipient is Recipient.LEAD:
        return [unit_id for unit_id in item.lead_unit_ids if unit_id != item.unit_id]
    return [None]


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_label(day: date) -> str:
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    return names.week_name(monday, sunday)


def digest_notices(
    *,
    start: date,
    end: date,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
    tz: ZoneInfo,
    units: Iterable[tuple[int, str]],
    leaders: bool = True,
) -> list[PlannedNotice]:
    """Weekly digests falling on days in [start, end]: the leaders' one and each unit's list."""
    unit_list = list(units)
    notices: list[PlannedNotice] = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        day = digest_day(monday, policy=policy, calendar=calendar)
        if day is not None and start <= day <= end:
            at = digest_moment(day, policy=policy, tz=tz)
            if leaders:
                notices.append(_digest(at, day, None, LEADERS))
            notices.extend(_digest(at, day, unit_id, name) for unit_id, name in unit_list)
        monday += timedelta(days=7)
    return notices


def _digest(at: datetime, day: date, unit_id: int | None, name: str) -> PlannedNotice:
    return PlannedNotice(
        at=at,
        kind=NoticeKind.DIGEST,
        recipient=Recipient.LEADERS if unit_id is None else Recipient.UNIT,
        offset=0,
        audience_unit_id=unit_id,
        audience_name=name,
        period_key=week_key(day),
        period_label=week_label(day),
    )


def latest_per_topic(
    notices: Iterable[tuple[PlannedNotice, int]],
) -> list[tuple[PlannedNotice, int]]:
    """After downtime only the latest notice per item and chat goes out, not a backlog."""
    latest: dict[tuple[Any, ...], tuple[PlannedNotice, int]] = {}
    for notice, link_id in notices:
        topic = notice.topic(link_id)
        current = latest.get(topic)
        if current is None or (notice.at, notice.offset) > (current[0].at, current[0].offset):
            latest[topic] = (notice, link_id)
    return sorted(latest.values(), key=lambda pair: (pair[0].at, pair[0].key(pair[1])))


# Escalations go to the leaders (and a late coordinating unit to its lead unit) in one message
# per chat and day: one picture of what is late, not one message per overdue item.
BATCHED_RECIPIENTS = frozenset({Recipient.LEADERS, Recipient.LEAD})


@dataclass(frozen=True)
class EscalationBatch:
    """The escalations of one day for one chat; the items it covers travel in its payload."""

    at: datetime
    day: date
    chat_link_id: int
    recipient: Recipient
    audience_unit_id: int | None
    notices: tuple[PlannedNotice, ...]

    @property
    def key(self) -> str:
        return f"escalation-batch:{self.chat_link_id}:{self.day.isoformat()}"

    def payload(self) -> dict[str, Any]:
        return {
            "recipient": self.recipient.value,
            "day": self.day.isoformat(),
            "items": [
                {
                    "occurrence_id": notice.occurrence_id,
                    "offset": notice.offset,
                    "own_due": notice.own_due.isoformat() if notice.own_due else None,
                }
                for notice in self.notices
            ],
        }


def batch_escalations(
    pairs: Iterable[tuple[PlannedNotice, int]], *, tz: ZoneInfo
) -> tuple[list[tuple[PlannedNotice, int]], list[EscalationBatch]]:
    """Split (notice, chat) pairs into those sent one by one and the day's escalation batches.

    A batch belongs to the day its escalations fall on, so a restart the same day plans the
    same key again, and a day missed during downtime keeps its own batch.
    """
    single: list[tuple[PlannedNotice, int]] = []
    grouped: dict[tuple[int, date], list[PlannedNotice]] = {}
    for notice, link_id in pairs:
        if notice.kind is NoticeKind.ESCALATION and notice.recipient in BATCHED_RECIPIENTS:
            day = notice.at.astimezone(tz).date()
            grouped.setdefault((link_id, day), []).append(notice)
        else:
            single.append((notice, link_id))
    batches = [
        EscalationBatch(
            at=min(notice.at for notice in notices),
            day=day,
            chat_link_id=link_id,
            recipient=notices[0].recipient,
            audience_unit_id=notices[0].audience_unit_id,
            notices=tuple(
                sorted(notices, key=lambda n: (n.item_unit_name or "", n.occurrence_id or 0))
            ),
        )
        for (link_id, day), notices in sorted(grouped.items())
    ]
    return single, batches
