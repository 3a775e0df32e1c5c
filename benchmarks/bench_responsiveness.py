"""How long other chats wait while a leader's workbook is built (run by hand).

    python benchmarks/bench_responsiveness.py                  # SQLite, 2,000 items
    python benchmarks/bench_responsiveness.py --units 50 --tasks 10

A synthetic province from bench_engine (UNITS × TASKS tasks, 16 occurrences each). A leader
sends /xuatbaocao; 50 ms later another person sends /help. Measured twice: with the answer
worked out on the event loop (how the core ran before) and through `Conversation.handle`
(worker threads): the workbook's time, the longest the loop went without running a 5 ms
heartbeat, and how long /help waited for its answer.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from bench_engine import build

from bot.context import AppContext
from bot.core.conversation import Conversation
from bot.core.protocol import IncomingMessage, Response
from bot.settings import load_settings
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.database import make_engine
from storage.migrate import upgrade

LEADER = "1"
NOW = datetime(2024, 7, 10, 9, 0, tzinfo=VIETNAM_TZ)


def message(user: str, text: str) -> IncomingMessage:
    return IncomingMessage(
        channel="telegram",
        chat_id=user,
        user_id=user,
        user_name="Người dùng",
        text=text,
        is_private=True,
    )


class Heartbeat:
    """Wakes every 5 ms and keeps the longest gap between two wake-ups."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._running = True

    async def run(self) -> None:
        last = time.perf_counter()
        while self._running:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last)
            last = now

    def stop(self) -> None:
        self._running = False


async def measure(conversation: Conversation, *, on_loop: bool) -> tuple[float, float, float]:
    async def heavy() -> Response:
        if on_loop:
            return conversation.answer(message(LEADER, "/xuatbaocao"))
        return await conversation.handle(message(LEADER, "/xuatbaocao"))

    async def help_later() -> float:
        await asyncio.sleep(0.05)
        await conversation.handle(message("2", "/help"))
        # From when it was due: a blocked loop delays the sending itself.
        return time.perf_counter() - (started + 0.05)

    heartbeat = Heartbeat()
    beating = asyncio.create_task(heartbeat.run())
    await asyncio.sleep(0.02)
    started = time.perf_counter()
    response, waited = await asyncio.gather(heavy(), help_later())
    workbook = time.perf_counter() - started
    heartbeat.stop()
    await beating
    names = [reply.attachment.file_name for reply in response.replies if reply.attachment]
    assert names, [reply.text for reply in response.replies]
    return workbook, heartbeat.longest, waited


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=25)
    parser.add_argument("--tasks", type=int, default=5)
    args = parser.parse_args()
    with TemporaryDirectory(prefix="nhacviec-bench-") as scratch:
        url = f"sqlite:///{scratch}/bench.db"
        engine = make_engine(url)
        upgrade(engine)
        total = build(engine, args.units, args.tasks)
        files = Path(scratch) / "files"
        settings = load_settings(database_url=url, files_dir=files, admin_ids=LEADER)
        app = AppContext(settings=settings, engine=engine, clock=ManualClock(NOW), files_dir=files)
        conversation = Conversation(app)
        # Once first, so imports and the admin's first-message setup are not measured.
        asyncio.run(measure(conversation, on_loop=False))
        print(f"{total:,} items; /xuatbaocao by a leader, /help from another chat 50 ms later")
        print(f"{'':<22}{'workbook':>12}{'loop stalled':>16}{'/help waited':>16}")
        runs = (("on the event loop", True), ("worker threads", False)) * 2
        for label, on_loop in runs:
            workbook, stalled, waited = asyncio.run(measure(conversation, on_loop=on_loop))
            print(
                f"{label:<22}{workbook * 1000:>10.0f} ms{stalled * 1000:>13.0f} ms"
                f"{waited * 1000:>13.0f} ms"
            )
        conversation.close()
        engine.dispose()


if __name__ == "__main__":
    main()
