"""A tick that runs longer than the claim lease: a second worker never sends a row again.

Worker A's chat answers slowly (each message moves the shared clock one minute, as a busy
morning at 20 messages a minute per group does); after each of its sends, worker B — another
thread with its own connection pool — runs a short tick of its own against the same database.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import date, datetime, timedelta

from factories import link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from test_outbox_concurrency import _url

from bot.engine import ReminderEngine
from bot.engine.sender import ChatAddress, SentReceipt
from messages.outgoing import OutgoingMessage
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.database import make_engine
from storage.models import Notification

MOMENT = datetime(2024, 3, 11, 8, 0, tzinfo=VIETNAM_TZ)  # a Monday
LEASE = timedelta(minutes=2)
SEND_TAKES = timedelta(minutes=1)


class Chat:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.delivered: list[tuple[str, str, str]] = []  # (worker, chat, text)

    def note(self, worker: str, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        with self.lock:
            self.delivered.append((worker, address.chat_id, message.text))
            return SentReceipt(message_id=f"{worker}-{len(self.delivered)}")


class QuickSender:
    def __init__(self, chat: Chat) -> None:
        self.chat = chat

    @property
    def channel(self) -> str:
        return "console"

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        return self.chat.note("B", address, message)


class SlowSender:
    """Each message takes a minute of the shared clock; then worker B gets a turn."""

    def __init__(self, chat: Chat, clock: ManualClock, other: ReminderEngine) -> None:
        self.chat = chat
        self.clock = clock
        self.other = other

    @property
    def channel(self) -> str:
        return "console"

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        receipt = self.chat.note("A", address, message)
        self.clock.advance(SEND_TAKES)
        errors: list[BaseException] = []

        def other_tick() -> None:
            try:
                asyncio.run(self.other.tick())
            except BaseException as exc:  # reported in the test's thread
                errors.append(exc)

        thread = threading.Thread(target=other_tick)
        thread.start()
        thread.join(timeout=60)
        assert not errors, errors
        return receipt


def _seed(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        number = 0
        # Three chats, each hearing six units: eighteen morning check-ins.
        for u in range(3):
            for due in (date(2024, 3, 11), date(2024, 3, 12), date(2024, 3, 14)):
                for _ in range(2):
                    number += 1
                    unit = make_unit(session, f"UBND xã số {number}")
                    link_chat(session, unit=unit, chat_id=f"xa-{u + 1}")
                    make_item(session, plan, unit, str(number), due=due)
        session.commit()


def test_a_tick_longer_than_the_lease_keeps_its_claims(engine: Engine) -> None:
    _seed(engine)
    chat = Chat()
    clock = ManualClock(MOMENT)
    b_engine = make_engine(_url(engine))
    try:
        worker_b = ReminderEngine(
            b_engine,
            clock,
            {"console": QuickSender(chat)},
            worker_id="B",
            batch_size=1,
            max_per_tick=1,
            lease=LEASE,
        )
        worker_a = ReminderEngine(
            engine,
            clock,
            {"console": SlowSender(chat, clock, worker_b)},
            worker_id="A",
            batch_size=3,
            lease=LEASE,
        )
        errors: list[BaseException] = []

        def run_a() -> None:
            try:
                asyncio.run(worker_a.tick())
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=run_a)
        thread.start()
        thread.join(timeout=300)
        assert not errors, errors
    finally:
        b_engine.dispose()

    with Session(engine) as session:
        rows = list(session.exec(select(Notification)).all())
    assert rows and Counter(row.state for row in rows) == {"sent": len(rows)}
    sent = Counter((chat_id, text) for _, chat_id, text in chat.delivered)
    twice = [key for key, number in sent.items() if number > 1]
    assert not twice, f"{len(twice)} messages sent twice, e.g. {twice[0]}"
    assert len(chat.delivered) == len(rows)
    workers = Counter(worker for worker, _, _ in chat.delivered)
    assert workers["A"] > 3 and workers["B"] > 0, workers
