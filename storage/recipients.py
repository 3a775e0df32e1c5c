"""Who receives what: the chats linked to each unit and to the leaders, and unit lookup."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session, col

from storage.models import ChatLink, Unit


@dataclass(frozen=True)
class ChatTarget:
    """One active chat: a unit's group (unit_id set) or a leaders' chat (unit_id None)."""

    chat_link_id: int
    channel: str
    chat_id: str
    unit_id: int | None


@dataclass(frozen=True)
class Recipients:
    by_unit: dict[int, list[ChatTarget]]
    leaders: list[ChatTarget]

    def for_unit(self, unit_id: int | None) -> list[ChatTarget]:
        if unit_id is None:
            return self.leaders
        return self.by_unit.get(unit_id, [])


def active_recipients(session: Session) -> Recipients:
    """Every active chat link of an active unit, and the leaders' chats."""
    query = (
        select(
            col(ChatLink.id),
            col(ChatLink.channel),
            col(ChatLink.chat_id),
            col(ChatLink.unit_id),
            col(ChatLink.audience),
        )
        .outerjoin(Unit, col(Unit.id) == col(ChatLink.unit_id))
        .where(col(ChatLink.active).is_(True))
        .where((col(ChatLink.unit_id).is_(None)) | (col(Unit.active).is_(True)))
        .order_by(col(ChatLink.id))
    )
    by_unit: dict[int, list[ChatTarget]] = {}
    leaders: list[ChatTarget] = []
    for link_id, channel, chat_id, unit_id, audience in session.execute(query):
        target = ChatTarget(link_id, channel, chat_id, unit_id)
        if audience == "leaders":
            leaders.append(target)
        elif unit_id is not None:
            by_unit.setdefault(unit_id, []).append(target)
    return Recipients(by_unit=by_unit, leaders=leaders)


def chat_links_for_unit(session: Session, *, unit_id: int) -> list[ChatTarget]:
    return active_recipients(session).for_unit(unit_id)


def leader_chat_links(session: Session) -> list[ChatTarget]:
    return active_recipients(session).leaders


def unit_names(session: Session, *, unit_ids: Iterable[int] | None = None) -> dict[int, str]:
    query = select(col(Unit.id), col(Unit.name))
    if unit_ids is not None:
        query = query.where(col(Unit.id).in_(list(unit_ids)))
    return {unit_id: name for unit_id, name in session.execute(query)}
