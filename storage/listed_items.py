"""What earlier outbox rows listed, per chat: items of a pending morning carried over to
today's, notices already listed (never listed twice), items recently shown in a chat."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from storage.models import ChatLink, MessageRef, Notification
from storage.outbox import CHUNK, PENDING, SENT


def pending_items(
    session: Session, *, chat_link_ids: Sequence[int], kinds: Sequence[str], before: datetime
) -> dict[tuple[int, str], list[dict[str, Any]]]:
    """The items listed by pending rows of these kinds due before `before`, per (chat, kind)."""
    found: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for start in range(0, len(chat_link_ids), CHUNK):
        query = (
            select(
                col(Notification.chat_link_id), col(Notification.kind), col(Notification.payload)
            )
            .where(
                col(Notification.state) == PENDING,
                col(Notification.kind).in_(list(kinds)),
                col(Notification.chat_link_id).in_(list(chat_link_ids[start : start + CHUNK])),
                col(Notification.due_at) < before,
            )
            .order_by(col(Notification.due_at), col(Notification.id))
        )
        for link_id, kind, payload in session.execute(query):
            found.setdefault((link_id, kind), []).extend((payload or {}).get("items", ()))
    return found


def listed_items(
    session: Session,
    *,
    chat_link_ids: Sequence[int],
    kinds: Sequence[str],
    since: datetime,
    before: datetime,
) -> set[tuple[int, int, str, int, str | None]]:
    """(chat, occurrence, kind, offset, own due) of every item an earlier row of these kinds
    listed (whatever its state): a notice already listed is not listed again."""
    found: set[tuple[int, int, str, int, str | None]] = set()
    for start in range(0, len(chat_link_ids), CHUNK):
        query = select(col(Notification.chat_link_id), col(Notification.payload)).where(
            col(Notification.kind).in_(list(kinds)),
            col(Notification.chat_link_id).in_(list(chat_link_ids[start : start + CHUNK])),
            col(Notification.due_at) >= since,
            col(Notification.due_at) < before,
        )
        for link_id, payload in session.execute(query):
            for item in (payload or {}).get("items", ()):
                found.add(
                    (
                        link_id,
                        int(item["occurrence_id"]),
                        str(item.get("kind", "escalation")),
                        int(item.get("offset", 0)),
                        item.get("own_due"),
                    )
                )
    return found


def recently_shown(
    session: Session, *, channel: str, chat_id: str, occurrence_id: int, since: datetime
) -> bool:
    """Whether a message in this chat since `since` spoke of the item: a reply or view naming
    it, or a morning message listing it."""
    refs = select(func.count()).where(
        col(MessageRef.channel) == channel,
        col(MessageRef.chat_id) == chat_id,
        col(MessageRef.occurrence_id) == occurrence_id,
        col(MessageRef.created_at) >= since,
    )
    if session.execute(refs).scalar_one():
        return True
    sent = (
        select(col(Notification.payload))
        .join(ChatLink, col(ChatLink.id) == col(Notification.chat_link_id))
        .where(
            col(ChatLink.channel) == channel,
            col(ChatLink.chat_id) == chat_id,
            col(Notification.state) == SENT,
            col(Notification.sent_at) >= since,
        )
    )
    return any(
        int(item["occurrence_id"]) == occurrence_id
        for (payload,) in session.execute(sent)
        for item in (payload or {}).get("items", ())
    )
