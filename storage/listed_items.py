"""What earlier outbox rows listed, per chat: items of a pending morning carried over to
today's, notices already listed (never listed twice), items recently shown in a chat, and
the lines of a sent check-in, which a reply to it may mean; and the record of which item a
message speaks of."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
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
    return occurrence_id in recently_listed(session, channel=channel, chat_id=chat_id, since=since)


def shown_items(payload: dict[str, Any] | None) -> list[int]:
    """The items a sent row showed, in its order: the lines it was sent with ("shown"), or
    for rows sent before those were kept, the items it was planned with."""
    payload = payload or {}
    if "shown" in payload:
        return [int(number) for number in payload["shown"]]
    return [int(item["occurrence_id"]) for item in payload.get("items", ())]


def message_items(session: Session, *, channel: str, chat_id: str, message_id: str) -> list[int]:
    """The items a message the bot sent speaks of: one for a reply or a one-line reminder,
    each line of a check-in in order (kept when it was sent); empty when not recorded."""
    found = session.execute(
        select(col(MessageRef.occurrence_id), col(Notification.payload))
        .outerjoin(Notification, col(Notification.id) == col(MessageRef.notification_id))
        .where(
            col(MessageRef.channel) == channel,
            col(MessageRef.chat_id) == chat_id,
            col(MessageRef.message_id) == message_id,
        )
    ).first()
    if found is None:
        return []
    occurrence_id, payload = found
    if payload and "shown" in payload:
        return shown_items(payload)
    return [occurrence_id] if occurrence_id is not None else []


def latest_checkin_items(
    session: Session,
    *,
    channel: str,
    chat_id: str,
    kind: str,
    since: datetime,
    unit_id: int | None = None,
) -> list[int]:
    """The lines of the last check-in sent to this chat since `since`; with `unit_id`, a
    chat that had none (a person's private chat beside the unit's group) takes the unit's."""
    base = (
        _sent_since(since)
        .where(col(Notification.kind) == kind)
        .order_by(col(Notification.sent_at).desc(), col(Notification.id).desc())
        .limit(1)
    )
    found = session.execute(
        base.where(col(ChatLink.channel) == channel, col(ChatLink.chat_id) == chat_id)
    ).first()
    if found is None and unit_id is not None:
        found = session.execute(base.where(col(Notification.unit_id) == unit_id)).first()
    return shown_items(found[0]) if found is not None else []


def recently_listed(session: Session, *, channel: str, chat_id: str, since: datetime) -> set[int]:
    """Every item a message in this chat spoke of since `since`: replies and views naming
    one, and the lines of the morning messages sent there."""
    found = {
        occurrence_id
        for (occurrence_id,) in session.execute(
            select(col(MessageRef.occurrence_id)).where(
                col(MessageRef.channel) == channel,
                col(MessageRef.chat_id) == chat_id,
                col(MessageRef.occurrence_id).is_not(None),
                col(MessageRef.created_at) >= since,
            )
        )
    }
    sent = _sent_since(since).where(
        col(ChatLink.channel) == channel, col(ChatLink.chat_id) == chat_id
    )
    for (payload,) in session.execute(sent):
        found.update(shown_items(payload))
    return found


def _sent_since(since: datetime) -> Any:
    """The payloads of the rows sent since `since`, with their chat joined for filtering."""
    return (
        select(col(Notification.payload))
        .join(ChatLink, col(ChatLink.id) == col(Notification.chat_link_id))
        .where(col(Notification.state) == SENT, col(Notification.sent_at) >= since)
    )


def remember_message(
    session: Session,
    *,
    channel: str,
    chat_id: str,
    message_id: str,
    occurrence_id: int,
    now: datetime,
) -> None:
    """Record that a message the bot sent speaks of an occurrence (idempotent)."""
    existing = session.execute(
        select(col(MessageRef.id)).where(
            col(MessageRef.channel) == channel,
            col(MessageRef.chat_id) == chat_id,
            col(MessageRef.message_id) == message_id,
        )
    ).first()
    if existing is None:
        session.add(
            MessageRef(
                channel=channel,
                chat_id=chat_id,
                message_id=message_id,
                occurrence_id=occurrence_id,
                created_at=now,
            )
        )
