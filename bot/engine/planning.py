"""Planning: what is due for whom, turned into outbox rows (one check-in per chat and morning).

The pure rules (which notice falls on which day) live in `scheduler.planner` and
`scheduler.policy`; this module reads the open items and the chats, and groups the day's
notices the way people receive them:

- a unit's reminders and overdue nudges of one morning travel in ONE check-in row per chat,
  whose payload lists the items (re-checked one by one at send time); on the digest day the
  check-in also carries the week's list, so a unit's chat hears from the engine once a morning;
- escalations travel in one batch per chat and morning (the leaders, or a lead unit waiting
  for its coordinating units), whatever day each fell due during a downtime;
- the leaders' weekly digest stays its own message.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from messages.errors import UserFacingError
from scheduler.planner import PlannedNotice, digest_notices, item_notices
from scheduler.policy import NoticeKind, Recipient, ReminderPolicy, due_ranges_for_day
from scheduler.workdays import WorkCalendar
from storage import outbox
from storage.outbox import CHECKIN
from storage.reminders import PlanSettings, open_dated_items, plan_start_days

log = logging.getLogger(__name__)

# Kinds gathered into a check-in; the recipient is the item's own unit.
CHECKIN_KINDS = frozenset({NoticeKind.REMINDER, NoticeKind.OVERDUE})


@dataclass(frozen=True)
class Rules:
    """The calendar and every plan's policy, read and parsed once per tick."""

    calendar: WorkCalendar
    default: ReminderPolicy
    policies: dict[int, ReminderPolicy]
    plans: tuple[PlanSettings, ...]

    def policy(self, plan_id: int) -> ReminderPolicy:
        return self.policies.get(plan_id, self.default)

    def in_use(self) -> set[ReminderPolicy]:
        return {*self.policies.values(), self.default}


def parse_policies(
    plans: Iterable[PlanSettings], *, default: ReminderPolicy
) -> dict[int, ReminderPolicy]:
    policies: dict[int, ReminderPolicy] = {}
    for plan in plans:
        try:
            policies[plan.plan_id] = ReminderPolicy.from_json(plan.reminder_policy, base=default)
        except UserFacingError as exc:
            # One plan's bad setting must not silence every other plan.
            log.warning("plan %s: %s; default reminder policy used", plan.code, exc)
            policies[plan.plan_id] = default
    return policies


@dataclass(frozen=True)
class Entry:
    """One item of a check-in or an escalation batch: the one shape a reminder travels in,
    from planning through the outbox payload to the re-check at send time."""

    occurrence_id: int
    kind: NoticeKind
    offset: int
    own_due: str | None
    recipient: Recipient = Recipient.UNIT

    @classmethod
    def of(cls, notice: PlannedNotice) -> Entry:
        assert notice.occurrence_id is not None
        return cls(
            occurrence_id=notice.occurrence_id,
            kind=notice.kind,
            offset=notice.offset,
            own_due=notice.own_due.isoformat() if notice.own_due else None,
            recipient=notice.recipient,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "occurrence_id": self.occurrence_id,
            "kind": self.kind.value,
            "offset": self.offset,
            "own_due": self.own_due,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], *, recipient: Recipient, kind: str) -> Entry:
        return cls(
            occurrence_id=int(data["occurrence_id"]),
            kind=NoticeKind(data.get("kind", kind)),
            offset=data.get("offset", 0),
            own_due=data.get("own_due"),
            recipient=recipient,
        )


def entries_of(payload: dict[str, Any], *, recipient: Recipient, kind: str) -> list[Entry]:
    return [
        Entry.from_json(entry, recipient=recipient, kind=kind) for entry in payload.get("items", ())
    ]


def planned_notices(
    session: Any,
    rules: Rules,
    *,
    start: date,
    end: date,
    tz: ZoneInfo,
    unit_names: dict[int, str],
    with_unit_digests: Sequence[tuple[int, str]],
    digests_from: date | None = None,
) -> list[PlannedNotice]:
    """Every notice on days in [start, end] for the open items, and the weekly digests."""
    ranges: dict[str, set[tuple[date, date]]] = {"lead": set(), "coordinating": set()}
    in_use = rules.in_use()
    day = start
    while day <= end:
        for role, found in ranges.items():
            found.update(
                due_ranges_for_day(day, policies=in_use, calendar=rules.calendar, role=role)
            )
        day += timedelta(days=1)
    items = open_dated_items(
        session,
        due_ranges=_merge(ranges["lead"]),
        coordinating_ranges=_merge(ranges["coordinating"]),
        plan_starts=plan_start_days(rules.plans, tz),
    )
    notices: list[PlannedNotice] = []
    cache: dict[tuple[Any, ...], Any] = {}
    for item in items:
        notices.extend(
            item_notices(
                item,
                policy=rules.policy(item.plan_id),
                calendar=rules.calendar,
                tz=tz,
                start=start,
                end=end,
                unit_names=unit_names,
                cache=cache,
            )
        )
    notices.extend(
        digest_notices(
            start=digests_from or start,
            end=end,
            policy=rules.default,
            calendar=rules.calendar,
            tz=tz,
            units=with_unit_digests,
        )
    )
    return notices


@dataclass(frozen=True)
class Morning:
    """The messages of one chat at one send moment of `day`."""

    chat_link_id: int
    day: date
    at: datetime
    kind: str
    recipient: Recipient
    audience_unit_id: int | None
    entries: tuple[Entry, ...]
    week: bool = False

    @property
    def key(self) -> str:
        prefix = "escalation-batch" if self.kind == NoticeKind.ESCALATION else self.kind
        return f"{prefix}:{self.chat_link_id}:{self.day.isoformat()}:{self.at:%H%M}"

    def row(self) -> outbox.NewNotification:
        payload: dict[str, Any] = {
            "recipient": self.recipient.value,
            "day": self.day.isoformat(),
            "items": [entry.to_json() for entry in self.entries],
        }
        if self.week:
            payload["week"] = True
        return outbox.NewNotification(
            key=self.key,
            kind=self.kind,
            audience=self.recipient.value,
            unit_id=self.audience_unit_id,
            chat_link_id=self.chat_link_id,
            occurrence_id=None,
            payload=payload,
            due_at=self.at,
        )


def morning_kind(notice: PlannedNotice) -> str | None:
    """The morning message a notice travels in: the unit's check-in (its reminders, overdue
    nudges and Monday's week list), the escalation batch, or None when it is sent alone (the
    leaders' digest)."""
    if (notice.kind in CHECKIN_KINDS and notice.recipient is Recipient.UNIT) or (
        notice.kind is NoticeKind.DIGEST and notice.audience_unit_id is not None
    ):
        return CHECKIN
    if notice.kind is NoticeKind.ESCALATION:
        return NoticeKind.ESCALATION.value
    return None


def morning_order(notice: PlannedNotice) -> tuple[str, int]:
    """How the items of a morning's message are listed."""
    return (notice.item_unit_name or "", notice.occurrence_id or 0)


def group_mornings(
    pairs: Iterable[tuple[PlannedNotice, int]], *, today: date, tz: ZoneInfo
) -> tuple[list[tuple[PlannedNotice, int]], list[Morning]]:
    """Split (notice, chat) pairs into those sent alone (the leaders' digest) and the
    mornings: per chat and send time today, one check-in and one escalation batch.

    Notices missed during a downtime join today's morning, so a chat never gets one message
    per missed day.
    """
    single: list[tuple[PlannedNotice, int]] = []
    grouped: dict[tuple[int, str, Recipient, int | None], list[PlannedNotice]] = {}
    moments: dict[tuple[int, str, Recipient, int | None], datetime] = {}
    for notice, link_id in pairs:
        kind = morning_kind(notice)
        if kind is None:
            single.append((notice, link_id))
            continue
        recipient = Recipient.UNIT if kind == CHECKIN else notice.recipient
        group = (link_id, kind, recipient, notice.audience_unit_id)
        grouped.setdefault(group, []).append(notice)
        # Today's send time of the notice, wherever its own day was.
        local = notice.at.astimezone(tz)
        at = datetime.combine(today, local.timetz()) if local.date() < today else local
        moments[group] = max(moments.get(group, at), at)
    mornings = []
    for group, notices in sorted(grouped.items(), key=lambda pair: pair[0][:2]):
        link_id, kind, recipient, unit_id = group
        items = [notice for notice in notices if notice.occurrence_id is not None]
        items.sort(key=morning_order)
        mornings.append(
            Morning(
                chat_link_id=link_id,
                day=today,
                at=moments[group],
                kind=kind,
                recipient=recipient,
                audience_unit_id=unit_id,
                entries=tuple(Entry.of(notice) for notice in items),
                week=any(notice.kind is NoticeKind.DIGEST for notice in notices),
            )
        )
    return single, mornings


def single_rows(pairs: Iterable[tuple[PlannedNotice, int]]) -> list[outbox.NewNotification]:
    return [
        outbox.NewNotification(
            key=notice.key(link_id),
            kind=notice.kind.value,
            audience=notice.recipient.value,
            unit_id=notice.audience_unit_id,
            chat_link_id=link_id,
            occurrence_id=notice.occurrence_id,
            payload=notice.payload(),
            due_at=notice.at,
        )
        for notice, link_id in pairs
    ]


def _merge(ranges: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged
