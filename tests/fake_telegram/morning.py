"""A busy reminder morning through the real engine, the Telegram sender and the fake Bot API
enforcing Telegram's limits, all on one virtual clock (no real waiting).

Used by the pacing test and `benchmarks/bench_telegram.py`. The ratio compares the time the
morning took with the least Telegram's limits allow for the same messages: 20 a minute in
each group and 30 a second overall.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from factories import link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from telegram import Bot

from bot.channels.telegram.pacing import Pacer
from bot.channels.telegram.sender import TelegramSender
from bot.engine import ReminderEngine
from fake_telegram.api import FakeBotApi
from fake_telegram.limits import BOT_WINDOW, GROUP_WINDOW, PER_BOT, PER_GROUP, FloodLimits
from fake_telegram.offline import OFFLINE_BASE_URL, OfflineRequest
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.models import ChatLink, Notification

TOKEN = "123:ABC"
MORNING = datetime(2024, 3, 11, 8, 0, tzinfo=VIETNAM_TZ)  # a Monday: reminders and digests
TICK = timedelta(minutes=1)


@dataclass(frozen=True)
class Morning:
    messages: int
    sent: int
    lost: int
    refused: int  # 429 answers
    seconds: float
    least_seconds: float

    @property
    def ratio(self) -> float:
        """1.0 is as fast as Telegram's limits allow."""
        if self.seconds <= 0:
            return 1.0
        return min(1.0, self.least_seconds / self.seconds)

    @property
    def refused_share(self) -> float:
        return self.refused / max(1, self.messages)


def seed(engine: Engine, items_per_group: list[int]) -> None:
    """Groups each hearing that many units (a district's group of its communes), each unit
    with an item due this morning, and a leaders' group: every unit's morning check-in is one
    message, so a group gets as many messages as it has units."""
    with Session(engine) as session:
        plan = make_plan(session)
        number = 0
        for index, items in enumerate(items_per_group):
            for _ in range(items):
                number += 1
                unit = make_unit(session, f"Đơn vị số {number}")
                link_chat(session, unit=unit, chat_id=str(-1000 - index), channel="telegram")
                make_item(session, plan, unit, str(number), due=MORNING.date())
        link_chat(session, unit=None, chat_id="-999", channel="telegram")
        session.commit()


def least_seconds(per_chat: Counter[str]) -> float:
    """The earliest the last message can go out under the limits, bursts allowed."""
    group = max(
        (math.ceil(count / PER_GROUP) - 1) * GROUP_WINDOW
        for chat, count in per_chat.items()
        if chat.startswith("-")
    )
    overall = (math.ceil(sum(per_chat.values()) / PER_BOT) - 1) * BOT_WINDOW
    return max(group, overall, 0.0)


async def run_morning(engine: Engine, *, paced: bool, ticks: int = 240) -> Morning:
    clock = ManualClock(MORNING)

    def seconds() -> float:
        return (clock.now() - MORNING).total_seconds()

    async def sleep(delay: float) -> None:
        clock.advance(timedelta(seconds=max(0.0, delay)))

    limits = FloodLimits(seconds)
    api = FakeBotApi(TOKEN, limits=limits)
    with Session(engine) as session:
        for chat_id in session.exec(select(ChatLink.chat_id)).all():
            api.add_group(int(chat_id), f"Nhóm {chat_id}")
    bot = Bot(TOKEN, base_url=OFFLINE_BASE_URL, request=OfflineRequest(api))
    pacer = Pacer(clock=seconds, sleep=sleep) if paced else None
    sender = TelegramSender(bot, pacer=pacer)
    reminder = ReminderEngine(
        engine, clock, {"telegram": sender}, worker_id="bench", sleep=sleep, max_attempts=100
    )
    try:
        for _ in range(ticks):
            started = clock.now()
            await reminder.tick()
            if not _unsent(engine):
                break
            # The next tick comes at the next whole minute, as the serving loop runs it.
            elapsed = clock.now() - started
            clock.advance(TICK * (elapsed // TICK + 1) - elapsed)
    finally:
        await sender.aclose()
    with Session(engine) as session:
        rows = session.exec(
            select(ChatLink.chat_id, Notification.state).join(
                ChatLink, col(ChatLink.id) == col(Notification.chat_link_id)
            )
        ).all()
    per_chat = Counter(chat for chat, _ in rows)
    sent = sum(1 for _, state in rows if state == "sent")
    first = limits.first_accepted or 0.0
    return Morning(
        messages=len(rows),
        sent=sent,
        lost=len(rows) - sent,
        refused=limits.refused,
        seconds=(limits.last_accepted or 0.0) - first,
        least_seconds=least_seconds(per_chat),
    )


def _unsent(engine: Engine) -> int:
    with Session(engine) as session:
        return len(
            session.exec(
                select(Notification.id).where(col(Notification.state).in_(("pending", "claimed")))
            ).all()
        )
