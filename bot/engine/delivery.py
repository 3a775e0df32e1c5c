"""Delivery: claim ready outbox rows, send each through its channel, record what happened.

Per-recipient errors never stop the batch: flood limits and network errors are retried with
back-off, a blocked bot or a vanished chat parks the row with its reason and marks the chat
unreachable, so the unit shows as not reached instead of silently forgotten.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.engine import Engine

from bot.engine.composing import SendContext, Skip
from bot.engine.planning import CHECKIN
from bot.engine.reach import REACH
from bot.engine.sender import ChatAddress, DeliveryError, Sender
from messages import texts
from messages.outgoing import OutgoingMessage
from scheduler.clock import Clock
from scheduler.policy import NoticeKind
from storage import outbox
from storage.database import session_scope
from storage.recipients import mark_unreachable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SentRecord:
    notification_id: int
    key: str
    kind: str
    channel: str
    chat_id: str
    message_id: str
    text: str


@dataclass
class TickReport:
    """What one tick did; `quiet` says why nothing was sent (day off, night)."""

    at: datetime
    planned: int = 0
    sent: list[SentRecord] = field(default_factory=list)
    retried: list[tuple[str, str]] = field(default_factory=list)
    parked: list[tuple[str, str]] = field(default_factory=list)
    superseded: list[tuple[str, str]] = field(default_factory=list)
    waiting: dict[str, int] = field(default_factory=dict)
    quiet: str | None = None


class Composing(Protocol):
    def load_context(
        self, claimed: list[outbox.ClaimedNotification], now: datetime
    ) -> SendContext: ...

    def prepare(
        self, row: outbox.ClaimedNotification, context: SendContext
    ) -> OutgoingMessage | Skip: ...


@dataclass
class Delivery:
    engine: Engine
    clock: Clock
    senders: Mapping[str, Sender]
    worker_id: str
    batch_size: int
    lease: timedelta
    max_attempts: int
    # When chats paced by their channel may be tried again (the tick waits for the first).
    wakes: set[datetime] = field(default_factory=set)

    def claim(self, now: datetime) -> list[outbox.ClaimedNotification]:
        with session_scope(self.engine) as session:
            return outbox.claim(
                session,
                now=now,
                worker_id=self.worker_id,
                limit=self.batch_size,
                lease=self.lease,
                channels=set(self.senders),
            )

    def waiting(self, now: datetime) -> dict[str, int]:
        with session_scope(self.engine) as session:
            waiting = outbox.waiting_by_channel(session, now=now)
        return {channel: n for channel, n in waiting.items() if channel not in self.senders}

    async def deliver(
        self,
        claimed: list[outbox.ClaimedNotification],
        composer: Composing,
        now: datetime,
        report: TickReport,
    ) -> None:
        context = await asyncio.to_thread(composer.load_context, claimed, now)
        waiting_chats: dict[tuple[str, str], datetime] = {}
        renew_at = now + self.lease / 2
        for position, row in enumerate(claimed):
            now = self.clock.now()
            if now >= renew_at:
                # A slow batch (a chat paced at 20 a minute) keeps what it has not sent yet.
                rest = [later.id for later in claimed[position:]]
                await asyncio.to_thread(self._renew, rest, now + self.lease)
                renew_at = now + self.lease / 2
            chat = (row.channel, row.chat_id)
            if chat in waiting_chats:
                # The chat asked us to slow down: its other messages wait, untried.
                await asyncio.to_thread(self._release, row, waiting_chats[chat])
                continue
            if row.kind in (NoticeKind.DIGEST, CHECKIN, REACH):
                # These read the database (and a digest may draw a chart): not on the loop.
                prepared = await asyncio.to_thread(composer.prepare, row, context)
            else:
                prepared = composer.prepare(row, context)
            if isinstance(prepared, Skip):
                await asyncio.to_thread(self._skip, row, prepared, report)
                continue
            try:
                receipt = await self.senders[row.channel].send(
                    ChatAddress(row.channel, row.chat_id), prepared
                )
            except DeliveryError as exc:
                if exc.retry_after:
                    waiting_chats[chat] = now + timedelta(seconds=exc.retry_after)
                if exc.untried:
                    # Paced by the channel: nothing was sent, so no attempt is counted.
                    until = now + timedelta(seconds=exc.retry_after or 1)
                    waiting_chats[chat] = until
                    self.wakes.add(until)
                    await asyncio.to_thread(self._release, row, until)
                    continue
                await asyncio.to_thread(self._failed, row, exc, now, report)
                continue
            except Exception as exc:  # a bug or outage in one channel must not stop the batch
                log.exception("sending %s failed", row.key)
                error = DeliveryError(f"{type(exc).__name__}: {exc}")
                await asyncio.to_thread(self._failed, row, error, now, report)
                continue
            await asyncio.to_thread(self._sent, row, receipt.message_id, prepared, now)
            report.sent.append(
                SentRecord(
                    notification_id=row.id,
                    key=row.key,
                    kind=row.kind,
                    channel=row.channel,
                    chat_id=row.chat_id,
                    message_id=receipt.message_id,
                    text=prepared.text,
                )
            )

    def _renew(self, ids: list[int], until: datetime) -> None:
        with session_scope(self.engine) as session:
            outbox.renew(session, ids=ids, worker_id=self.worker_id, until=until)

    def _release(self, row: outbox.ClaimedNotification, until: datetime) -> None:
        with session_scope(self.engine) as session:
            outbox.release(
                session, notification_id=row.id, worker_id=self.worker_id, next_attempt_at=until
            )

    def _skip(self, row: outbox.ClaimedNotification, skip: Skip, report: TickReport) -> None:
        with session_scope(self.engine) as session:
            if skip.park:
                outbox.mark_parked(
                    session, notification_id=row.id, worker_id=self.worker_id, reason=skip.reason
                )
                report.parked.append((row.key, skip.reason))
            else:
                outbox.mark_superseded(
                    session, notification_id=row.id, worker_id=self.worker_id, reason=skip.reason
                )
                report.superseded.append((row.key, skip.reason))

    def _failed(
        self,
        row: outbox.ClaimedNotification,
        error: DeliveryError,
        now: datetime,
        report: TickReport,
    ) -> None:
        with session_scope(self.engine) as session:
            if error.permanent or row.attempts >= self.max_attempts:
                reason = (
                    error.reason
                    if error.permanent
                    else texts.text(
                        "engine", "send_failed", attempts=row.attempts, reason=error.reason
                    )
                )
                outbox.mark_parked(
                    session, notification_id=row.id, worker_id=self.worker_id, reason=reason
                )
                if error.permanent:
                    # The bot was blocked or the chat is gone: stop planning for it, so the
                    # unit shows as unreachable (units list, leaders' messages).
                    mark_unreachable(session, chat_link_id=row.chat_link_id, reason=reason)
                report.parked.append((row.key, reason))
                return
            wait = retry_delay(row.attempts, error.retry_after)
            outbox.mark_retry(
                session,
                notification_id=row.id,
                worker_id=self.worker_id,
                error=error.reason,
                next_attempt_at=now + wait,
            )
            report.retried.append((row.key, error.reason))

    def _sent(
        self,
        row: outbox.ClaimedNotification,
        message_id: str,
        message: OutgoingMessage,
        now: datetime,
    ) -> None:
        with session_scope(self.engine) as session:
            recorded = outbox.mark_sent(
                session,
                notification_id=row.id,
                worker_id=self.worker_id,
                at=max(self.clock.now(), now),
                channel=row.channel,
                chat_id=row.chat_id,
                message_id=message_id,
                occurrence_id=message.occurrence_id,
                # The lines as sent (re-checked, with the week's list): what a reply may mean.
                payload={**row.payload, "shown": list(message.listed)} if message.listed else None,
            )
        if not recorded:
            log.warning("claim on %s expired before it was recorded as sent", row.key)


def retry_delay(attempts: int, retry_after: float | None) -> timedelta:
    """Exponential back-off from one minute to an hour; the network's own wait wins if longer."""
    backoff = min(60 * 2 ** max(0, attempts - 1), 3600)
    return timedelta(seconds=max(backoff, retry_after or 0))
