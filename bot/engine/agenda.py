"""What `nhacviec agenda` shows: the messages the engine would send, per chat and morning,
each with the items it would list — not one line per notice.

The grouping is the engine's own (`planning.group_mornings`): a unit's reminders, overdue
nudges and Monday's week list are one check-in; the escalations of a morning are one message
per audience; the leaders' digest stays its own message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.engine.planning import CHECKIN, morning_kind, morning_order
from scheduler.planner import PlannedNotice
from scheduler.policy import NoticeKind, Recipient


@dataclass
class AgendaMessage:
    """One message to the chats of one audience at one moment."""

    at: datetime
    kind: str  # "checkin", "escalation" or "digest"
    audience_name: str
    audience_unit_id: int | None
    period_label: str | None = None
    week: bool = False
    items: list[PlannedNotice] = field(default_factory=list)
    # The chats that would receive it (0: nobody, the unit is not linked to the bot).
    chats: int = 0

    @property
    def item_count(self) -> int:
        return len(self.items)

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "kind": self.kind,
            "audience": self.audience_name,
            "chats": self.chats,
            "week": self.week,
            "period": self.period_label,
            "items": [notice.to_json() for notice in self.items],
        }


def agenda_messages(
    notices: list[PlannedNotice], *, tz: ZoneInfo, chats: dict[int | None, int]
) -> list[AgendaMessage]:
    """Group the notices into messages per audience and day, as the engine sends them;
    `chats` counts the active chats of each unit (None: the leaders)."""
    grouped: dict[tuple[date, str, Recipient, int | None], AgendaMessage] = {}
    for notice in notices:
        kind = morning_kind(notice) or notice.kind.value
        day = notice.at.astimezone(tz).date()
        recipient = Recipient.UNIT if kind == CHECKIN else notice.recipient
        key = (day, kind, recipient, notice.audience_unit_id)
        message = grouped.get(key)
        if message is None:
            message = grouped[key] = AgendaMessage(
                at=notice.at,
                kind=kind,
                audience_name=notice.audience_name,
                audience_unit_id=notice.audience_unit_id,
                chats=chats.get(notice.audience_unit_id, 0),
            )
        # A morning's message goes at the latest of its notices' times, as planning does.
        message.at = max(message.at, notice.at)
        if notice.occurrence_id is None:
            message.week = message.week or kind == CHECKIN
            message.period_label = message.period_label or notice.period_label
        else:
            message.items.append(notice)
    messages = list(grouped.values())
    for message in messages:
        message.items.sort(key=morning_order)
    return sorted(
        messages,
        key=lambda m: (
            m.at,
            m.kind != NoticeKind.DIGEST.value,
            m.audience_unit_id is not None,
            m.audience_name,
        ),
    )
