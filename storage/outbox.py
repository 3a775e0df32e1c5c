"""The outbox: notifications are rows before they are sent (see README, delivery guarantee).

A row is inserted once per key and never again; a worker claims rows for a lease, sends them
and records the outcome only while its claim holds. On PostgreSQL concurrent workers claim
with ``FOR UPDATE SKIP LOCKED`` and never take the same row; on SQLite the claim is one UPDATE
statement, which holds the database's single write lock, so even a second process could not
take the same row (SQLite is still meant for one bot process).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import CursorResult
from sqlmodel import Session, SQLModel, col

from storage.models import ChatLink, MessageRef, Notification

CHUNK = 500
# A backlog longer than this (Telegram's messages a minute in a group) is sent first.
BACKLOG = 20

PENDING = "pending"
CLAIMED = "claimed"
SENT = "sent"
PARKED = "parked"
SUPERSEDED = "superseded"

# The kind of a unit's morning message: its items travel in the payload ("shown").
CHECKIN = "checkin"


@dataclass(frozen=True)
class NewNotification:
    key: str
    kind: str
    audience: str
    unit_id: int | None
    chat_link_id: int
    occurrence_id: int | None
    payload: dict[str, Any]
    due_at: datetime


@dataclass(frozen=True)
class ClaimedNotification(NewNotification):
    """A row a worker claimed: what was queued, and where and how often it was tried."""

    id: int
    attempts: int
    channel: str
    chat_id: str
    link_active: bool


def _insert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert


def insert_absent(
    session: Session, *, rows: Sequence[NewNotification], now: datetime
) -> list[tuple[int, str]]:
    """Insert the rows whose key is new; returns (id, key) of those actually inserted."""
    if not rows:
        return []
    table = SQLModel.metadata.tables[str(Notification.__tablename__)]
    # One cached statement run as executemany: compiling a many-row VALUES list costs more
    # than the insert itself.
    statement = (
        _insert(session)(table)
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(table.c.id, table.c.key)
    )
    inserted: list[tuple[int, str]] = []
    connection = session.connection()
    for start in range(0, len(rows), CHUNK * 10):
        values = [
            {
                "key": row.key,
                "kind": row.kind,
                "audience": row.audience,
                "unit_id": row.unit_id,
                "chat_link_id": row.chat_link_id,
                "occurrence_id": row.occurrence_id,
                "payload": row.payload,
                "due_at": row.due_at,
                "state": PENDING,
                "next_attempt_at": row.due_at,
                "claimed_by": None,
                "claimed_until": None,
                "attempts": 0,
                "last_error": None,
                "sent_at": None,
                "created_at": now,
            }
            for row in rows[start : start + CHUNK * 10]
        ]
        result = connection.execute(statement, values)
        inserted.extend((row_id, key) for row_id, key in result)
    return inserted


def supersede_older(
    session: Session,
    *,
    newest: Iterable[tuple[int | None, str, int, datetime]],
    reason: str,
) -> int:
    """Mark pending rows superseded when a newer notice of the same topic exists.

    `newest` holds (occurrence_id, kind, chat_link_id, due_at) of the newest notices; a topic is
    an item in one chat, or a digest kind in one chat.
    """
    latest: dict[tuple[Any, ...], datetime] = {}
    for occurrence_id, kind, link_id, due_at in newest:
        topic = _topic(occurrence_id, kind, link_id)
        if topic not in latest or latest[topic] < due_at:
            latest[topic] = due_at
    if not latest:
        return 0
    newest_overall = max(latest.values())
    links = sorted({topic[-1] for topic in latest})
    stale: list[int] = []
    for start in range(0, len(links), CHUNK):
        query = select(
            col(Notification.id),
            col(Notification.occurrence_id),
            col(Notification.kind),
            col(Notification.chat_link_id),
            col(Notification.due_at),
        ).where(
            col(Notification.state) == PENDING,
            col(Notification.chat_link_id).in_(links[start : start + CHUNK]),
            # Only rows older than the newest notice can be stale; today's fresh rows are not.
            col(Notification.due_at) < newest_overall,
        )
        for row_id, occurrence_id, kind, link_id, due_at in session.execute(query):
            newest_at = latest.get(_topic(occurrence_id, kind, link_id))
            if newest_at is not None and due_at < newest_at:
                stale.append(row_id)
    for start in range(0, len(stale), CHUNK):
        session.execute(
            update(Notification)
            .where(col(Notification.id).in_(stale[start : start + CHUNK]))
            .where(col(Notification.state) == PENDING)
            .values(state=SUPERSEDED, last_error=reason)
        )
    return len(stale)


def _topic(occurrence_id: int | None, kind: str, link_id: int | None) -> tuple[Any, ...]:
    if occurrence_id is None:
        return (kind, link_id)
    return ("item", occurrence_id, link_id)


def claim(
    session: Session,
    *,
    now: datetime,
    worker_id: str,
    limit: int,
    lease: timedelta,
    channels: Collection[str],
) -> list[ClaimedNotification]:
    """Claim up to `limit` rows ready to send on the given channels, oldest first (long
    backlogs of one chat first).

    Ready: pending and due for an attempt, or claimed by a worker whose lease ran out (it
    died between claiming and recording). The caller commits right after, so the claim is
    visible to other workers before anything is sent. `now` must be read from the clock for
    this claim, not once per tick: the lease counts from the claim (see `renew` for batches
    that take longer than it).
    """
    if not channels:
        return []
    # Chats with a backlog longer than a group may receive in a minute go first, the longest
    # first, each chat's rows oldest first: a group allowed 20 messages a minute that has 60
    # waiting must start at once, while a chat with two can wait a few seconds without
    # finishing any later. Below that, plain oldest first.
    ranked = (
        select(
            col(Notification.id).label("id"),
            func.row_number()
            .over(
                partition_by=col(Notification.chat_link_id),
                order_by=(col(Notification.due_at).desc(), col(Notification.id).desc()),
            )
            .label("left"),
        )
        .join(ChatLink, col(ChatLink.id) == col(Notification.chat_link_id))
        .where(col(ChatLink.channel).in_(sorted(channels)))
        .where(
            or_(
                and_(
                    col(Notification.state) == PENDING,
                    col(Notification.next_attempt_at) <= now,
                ),
                and_(
                    col(Notification.state) == CLAIMED,
                    col(Notification.claimed_until) < now,
                ),
            )
        )
        .subquery()
    )
    ready = (
        select(col(Notification.id))
        .join(ranked, ranked.c.id == col(Notification.id))
        .order_by(
            case((ranked.c.left > BACKLOG, ranked.c.left), else_=0).desc(),
            col(Notification.due_at),
            col(Notification.id),
        )
        .limit(limit)
        .with_for_update(skip_locked=True, of=Notification)
    )
    statement = (
        update(Notification)
        .where(col(Notification.id).in_(ready.scalar_subquery()))
        .values(
            state=CLAIMED,
            claimed_by=worker_id,
            claimed_until=now + lease,
            attempts=col(Notification.attempts) + 1,
        )
        .returning(col(Notification.id))
    )
    ids = [row_id for (row_id,) in session.execute(statement)]
    if not ids:
        return []
    query = (
        select(
            col(Notification.key),
            col(Notification.kind),
            col(Notification.audience),
            col(Notification.unit_id),
            col(Notification.chat_link_id),
            col(Notification.occurrence_id),
            col(Notification.payload),
            col(Notification.due_at),
            col(Notification.id),
            col(Notification.attempts),
            col(ChatLink.channel),
            col(ChatLink.chat_id),
            col(ChatLink.active),
        )
        .join(ChatLink, col(ChatLink.id) == col(Notification.chat_link_id))
        .where(col(Notification.id).in_(ids))
        .order_by(col(Notification.due_at), col(Notification.id))
    )
    return _busiest_first([ClaimedNotification(*row) for row in session.execute(query)])


def _priority(left: int) -> int:
    return left if left > BACKLOG else 0


def _busiest_first(rows: list[ClaimedNotification]) -> list[ClaimedNotification]:
    """The batch in the claim's order: long backlogs first, each chat in its own order."""
    left: dict[int, int] = {}
    keyed: list[tuple[int, ClaimedNotification]] = []
    for row in reversed(rows):  # oldest-first rows: count from each chat's newest
        left[row.chat_link_id] = left.get(row.chat_link_id, 0) + 1
        keyed.append((left[row.chat_link_id], row))
    keyed.sort(key=lambda pair: (-_priority(pair[0]), pair[1].due_at, pair[1].id))
    return [row for _, row in keyed]


def renew(session: Session, *, ids: Sequence[int], worker_id: str, until: datetime) -> int:
    """Extend this worker's claim on rows it has not finished yet (a slow batch keeps them).

    Rows another worker took after our lease ran out stay theirs; returns the rows renewed.
    """
    renewed = 0
    for start in range(0, len(ids), CHUNK):
        result = session.execute(
            update(Notification)
            .where(
                col(Notification.id).in_(list(ids[start : start + CHUNK])),
                col(Notification.state) == CLAIMED,
                col(Notification.claimed_by) == worker_id,
            )
            .values(claimed_until=until)
            .execution_options(synchronize_session=False)
        )
        assert isinstance(result, CursorResult)
        renewed += result.rowcount
    return renewed


def _mine(notification_id: int, worker_id: str) -> Any:
    return and_(
        col(Notification.id) == notification_id,
        col(Notification.state) == CLAIMED,
        col(Notification.claimed_by) == worker_id,
    )


def _finish(session: Session, notification_id: int, worker_id: str, **values: Any) -> bool:
    result = session.execute(
        update(Notification)
        .where(_mine(notification_id, worker_id))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


def mark_sent(
    session: Session,
    *,
    notification_id: int,
    worker_id: str,
    at: datetime,
    channel: str,
    chat_id: str,
    message_id: str,
    occurrence_id: int | None,
    payload: dict[str, Any] | None = None,
) -> bool:
    """Record a sent message and the chat message it became; False if the claim was lost.

    The message reference is recorded either way: the message is in the chat, and replies to
    it must find the item. `payload`, when given, replaces the row's (what was shown).
    """
    done = _finish(
        session,
        notification_id,
        worker_id,
        state=SENT,
        sent_at=at,
        claimed_until=None,
        last_error=None,
        **({"payload": payload} if payload is not None else {}),
    )
    statement = (
        _insert(session)(MessageRef)
        .values(
            channel=channel,
            chat_id=chat_id,
            message_id=message_id,
            occurrence_id=occurrence_id,
            notification_id=notification_id,
            created_at=at,
        )
        .on_conflict_do_nothing(index_elements=["channel", "chat_id", "message_id"])
    )
    session.execute(statement)
    return done


def mark_retry(
    session: Session,
    *,
    notification_id: int,
    worker_id: str,
    error: str,
    next_attempt_at: datetime,
) -> bool:
    return _back_to_pending(
        session, notification_id, worker_id, next_attempt_at, last_error=error[:1000]
    )


def release(
    session: Session, *, notification_id: int, worker_id: str, next_attempt_at: datetime
) -> bool:
    """Give a claimed row back untried (its chat asked us to wait); the attempt is not counted."""
    return _back_to_pending(
        session,
        notification_id,
        worker_id,
        next_attempt_at,
        attempts=col(Notification.attempts) - 1,
    )


def _back_to_pending(
    session: Session, notification_id: int, worker_id: str, at: datetime, **values: Any
) -> bool:
    """Unclaim a row so that any worker may try it again from `at`."""
    return _finish(
        session,
        notification_id,
        worker_id,
        state=PENDING,
        next_attempt_at=at,
        claimed_by=None,
        claimed_until=None,
        **values,
    )


def mark_parked(session: Session, *, notification_id: int, worker_id: str, reason: str) -> bool:
    return _give_up(session, notification_id, worker_id, PARKED, reason)


def mark_superseded(session: Session, *, notification_id: int, worker_id: str, reason: str) -> bool:
    return _give_up(session, notification_id, worker_id, SUPERSEDED, reason)


def _give_up(
    session: Session, notification_id: int, worker_id: str, state: str, reason: str
) -> bool:
    """Close a claimed row for good (`state`), keeping why."""
    return _finish(
        session,
        notification_id,
        worker_id,
        state=state,
        claimed_until=None,
        last_error=reason[:1000],
    )


def waiting_by_channel(session: Session, *, now: datetime) -> dict[str, int]:
    """Rows ready to send, per channel (a channel with no sender configured keeps its rows)."""
    query = (
        select(col(ChatLink.channel), func.count())
        .select_from(Notification)
        .join(ChatLink, col(ChatLink.id) == col(Notification.chat_link_id))
        .where(col(Notification.state) == PENDING, col(Notification.next_attempt_at) <= now)
        .group_by(col(ChatLink.channel))
    )
    return {channel: number for channel, number in session.execute(query)}


def counts_by_state(session: Session) -> dict[str, int]:
    query = select(col(Notification.state), func.count()).group_by(col(Notification.state))
    return {state: number for state, number in session.execute(query)}
