"""Nobody silently forgotten: the admins hear who the bot cannot reach.

At the morning planning, units with items needing attention that no chat reaches, and chats
switched off since the previous working day because they blocked the bot or vanished, go into
one row per admin chat and day (key ``reach:<chat>:<day>``): a restart neither loses nor
repeats it. At send time the list is read again, so a unit linked since is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from messages import texts
from messages.fitting import fit
from messages.outgoing import OutgoingMessage
from messages.render import render
from scheduler.planner import PlannedNotice
from scheduler.policy import Recipient, ReminderPolicy, send_moment
from scheduler.progress import Progress
from scheduler.workdays import WorkCalendar
from storage import outbox
from storage.database import session_scope
from storage.items import items_by_ids
from storage.recipients import (
    ADMIN_AUDIENCE,
    Recipients,
    admin_chats,
    switched_off_chats,
    unit_names,
    unreachable_units,
)

REACH = "reach"
# Units and chats listed before "… và N khác": the message stays short on a phone.
LIST_LINES = 15


def unreached_items(
    notices: Iterable[PlannedNotice], recipients: Recipients, *, now: datetime
) -> dict[int, set[int]]:
    """The unit's own items due by `now` that no chat of the unit would carry, per unit."""
    found: dict[int, set[int]] = {}
    for notice in notices:
        unit_id = notice.audience_unit_id
        if (
            unit_id is None
            or notice.occurrence_id is None
            or notice.recipient is not Recipient.UNIT
            or notice.at > now
            or recipients.for_unit(unit_id)
        ):
            continue
        found.setdefault(unit_id, set()).add(notice.occurrence_id)
    return found


def _window(today: date, calendar: WorkCalendar, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """From the previous working day's start to today's: what the last message did not see."""
    previous = calendar.previous_working_day(today - timedelta(days=1))
    return (
        datetime.combine(previous, time(0), tzinfo=tz),
        datetime.combine(today, time(0), tzinfo=tz),
    )


def admin_rows(
    session: Session,
    *,
    unreached: dict[int, set[int]],
    now: datetime,
    today: date,
    calendar: WorkCalendar,
    policy: ReminderPolicy,
    tz: ZoneInfo,
) -> list[outbox.NewNotification]:
    since, before = _window(today, calendar, tz)
    unlinked = texts.text("engine", "skip_chat_unlinked")
    off = [
        chat
        for chat in switched_off_chats(session, since=since, before=before)
        if chat.reason != unlinked
    ]
    if not unreached and not off:
        return []
    admins = admin_chats(session, now=now)
    # A stable time of day: a later planning the same day must not supersede this row.
    due_at = min(now, send_moment(today, policy=policy, tz=tz))
    payload = {
        "day": today.isoformat(),
        "units": {str(unit): sorted(items) for unit, items in sorted(unreached.items())},
        "chats": [chat.chat_link_id for chat in off],
        "since": since.isoformat(),
        "before": before.isoformat(),
    }
    return [
        outbox.NewNotification(
            key=f"{REACH}:{admin.chat_link_id}:{today.isoformat()}",
            kind=REACH,
            audience=ADMIN_AUDIENCE,
            unit_id=None,
            chat_link_id=admin.chat_link_id,
            occurrence_id=None,
            payload=payload,
            due_at=due_at,
        )
        for admin in admins
    ]


@dataclass(frozen=True)
class UnreachedUnit:
    name: str
    open: int
    overdue: int


@dataclass(frozen=True)
class OffChat:
    title: str
    unit_name: str | None


def reach_message(
    engine: Engine,
    payload: dict[str, object],
    *,
    today: date,
    calendar: WorkCalendar,
    tz: ZoneInfo,
) -> OutgoingMessage | None:
    """The admins' message from fresh data: units still unreached with items still open,
    worst first, and the chats still switched off; None when nothing is left to say."""
    if payload.get("day") != today.isoformat():
        return None
    listed = payload.get("units")
    wanted = {int(unit): list(items) for unit, items in (listed or {}).items()}  # type: ignore[attr-defined]
    chat_ids = [int(chat) for chat in payload.get("chats") or []]  # type: ignore[attr-defined]
    with session_scope(engine) as session:
        still = unreachable_units(session, unit_ids=wanted) if wanted else set()
        ids = [occurrence for unit in still for occurrence in wanted[unit]]
        items = items_by_ids(session, occurrence_ids=ids, today=today, calendar=calendar, tz=tz)
        chats = (
            switched_off_chats(
                session,
                since=datetime.fromisoformat(str(payload["since"])),
                before=datetime.fromisoformat(str(payload["before"])),
                chat_link_ids=chat_ids,
            )
            if chat_ids
            else []
        )
        names = unit_names(
            session, unit_ids=still | {chat.unit_id for chat in chats if chat.unit_id}
        )
    units = []
    for unit in still:
        open_items = [items[i] for i in wanted[unit] if i in items and items[i].status != "done"]
        if open_items:
            overdue = sum(item.progress is Progress.OVERDUE for item in open_items)
            units.append(UnreachedUnit(names.get(unit, str(unit)), len(open_items), overdue))
    units.sort(key=lambda unit: (-unit.overdue, -unit.open, unit.name))
    off = [OffChat(chat.title, names.get(chat.unit_id or 0)) for chat in chats]
    if not units and not off:
        return None

    def draw(lines: int) -> str:
        return render(
            "admin_reach.html",
            today=today,
            units=units[:lines],
            more_units=max(0, len(units) - lines),
            chats=off[:lines],
            more_chats=max(0, len(off) - lines),
        )

    return OutgoingMessage(text=fit(draw, LIST_LINES), html=True)
