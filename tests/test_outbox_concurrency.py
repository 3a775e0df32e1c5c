"""Four workers, each with its own connection pool, tick at the same moment: each notification
is sent exactly once (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one-statement claims)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from datetime import date, datetime

from conftest import cli_database_url
from factories import link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from messages.outgoing import OutgoingMessage
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.delivery import ChatAddress, SentReceipt
from scheduler.engine import ReminderEngine
from storage.database import make_engine
from storage.models import MessageRef, Notification

WORKERS = 4
MOMENT = datetime(2024, 3, 11, 8, 0, tzinfo=VIETNAM_TZ)  # a Monday: reminders and digests


class SharedChat:
    """The chat network all workers talk to; it notes which worker delivered what."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.delivered: list[tuple[str, str, str]] = []

    def sender(self, worker: str) -> WorkerSender:
        return WorkerSender(self, worker)


class WorkerSender:
    def __init__(self, chat: SharedChat, worker: str) -> None:
        self.chat = chat
        self.worker = worker
        self.count = 0

    @property
    def channel(self) -> str:
        return "console"

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        # A network round trip takes time; other workers claim meanwhile.
        await asyncio.sleep(0.002)
        self.count += 1
        message_id = f"{self.worker}-{self.count}"
        with self.chat.lock:
            self.chat.delivered.append((self.worker, address.chat_id, message.text))
        return SentReceipt(message_id=message_id)


def _url(engine: Engine) -> str:
    return cli_database_url(engine)


def _seed(engine: Engine) -> int:
    with Session(engine) as session:
        plan = make_plan(session)
        number = 0
        for u in range(12):
            unit = make_unit(session, f"UBND xã số {u + 1}")
            link_chat(session, unit=unit, chat_id=f"xa-{u + 1}")
            for due in (date(2024, 3, 11), date(2024, 3, 12), date(2024, 3, 14), date(2024, 3, 20)):
                for _ in range(3):
                    number += 1
                    make_item(session, plan, unit, str(number), due=due)
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()
        return number


def test_four_workers_send_each_notification_once(engine: Engine) -> None:
    _seed(engine)
    url = _url(engine)
    chat = SharedChat()
    barrier = threading.Barrier(WORKERS)
    errors: list[BaseException] = []
    senders = [chat.sender(f"w{i}") for i in range(WORKERS)]

    def work(index: int) -> None:
        own_engine = make_engine(url)
        try:
            reminder = ReminderEngine(
                own_engine,
                ManualClock(MOMENT),
                {"console": senders[index]},
                worker_id=f"w{index}",
                batch_size=4,
            )
            barrier.wait()
            asyncio.run(reminder.tick())
        except BaseException as exc:  # reported below, with the thread's own traceback
            errors.append(exc)
        finally:
            own_engine.dispose()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(WORKERS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    assert time.monotonic() - started < 300

    with Session(engine) as session:
        rows = list(session.exec(select(Notification)).all())
        refs = list(session.exec(select(MessageRef)).all())
    # 12 units × 12 items: due 11/3 (today), 12/3 (-1), 14/3 (-3), 20/3 (-7), plus digests
    # for 12 unit chats and the leaders' chat.
    assert len(rows) == 12 * 12 + 13
    assert Counter(row.state for row in rows) == {"sent": len(rows)}
    assert len(chat.delivered) == len(rows), "a notification was sent twice or not at all"
    assert len(refs) == len(rows)
    assert {ref.notification_id for ref in refs} == {row.id for row in rows}
    by_worker = Counter(worker for worker, _, _ in chat.delivered)
    assert sum(by_worker.values()) == len(rows)
    assert len(by_worker) >= 2, f"the workers did not share the work: {by_worker}"
    assert all(row.attempts == 1 for row in rows)
