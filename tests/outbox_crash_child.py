"""A bot process that dies by SIGKILL in the middle of delivering (used by test_outbox_crash).

Usage: python outbox_crash_child.py DATABASE_URL MOMENT MODE DELIVERY_LOG
MODE "before-send": killed after claiming, before the chat network gets the message;
MODE "after-send": the chat network has the message (written to DELIVERY_LOG), then killed
before the result is recorded.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import datetime
from pathlib import Path

from bot.engine import ReminderEngine
from bot.engine.sender import ChatAddress, SentReceipt
from messages.outgoing import OutgoingMessage
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.database import make_engine


class DyingSender:
    def __init__(self, mode: str, log: Path) -> None:
        self.mode = mode
        self.log = log

    @property
    def channel(self) -> str:
        return "console"

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        if self.mode == "after-send":
            with self.log.open("a", encoding="utf-8") as handle:
                handle.write(f"{address.chat_id}\t{message.occurrence_id}\n")
                handle.flush()
                os.fsync(handle.fileno())
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")


def main() -> None:
    url, moment, mode, log = sys.argv[1:5]
    clock = ManualClock(datetime.fromisoformat(moment).replace(tzinfo=VIETNAM_TZ))
    engine = make_engine(url)
    reminder = ReminderEngine(
        engine, clock, {"console": DyingSender(mode, Path(log))}, catch_up_days=0
    )
    asyncio.run(reminder.tick())


if __name__ == "__main__":
    main()
