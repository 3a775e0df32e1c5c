"""The Telegram adapter's own cost: updates handled and reminders sent per second.

The Bot API is the in-process fake behind python-telegram-bot's BaseRequest seam, and the
conversation answers at once, so the figures are what the adapter and python-telegram-bot add
on top of the conversation core and the network (the real limit is Telegram's: ~30 msg/s).

A third figure is pacing: a morning as busy as the largest example's busiest (34 unit groups,
here with 1 to 60 items due each, and the leaders' group) through the real engine and sender,
against the fake Bot API enforcing Telegram's limits on a virtual clock. It prints how close
the morning came to what the limits allow (1.0 = as fast as allowed) and the share of 429s,
without pacing (every message sent at once, as before) and with it.

python benchmarks/bench_telegram.py [--updates 500] [--sends 500] [--groups 34]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fake_telegram import FakeBotApi, OfflineRequest
from fake_telegram.morning import Morning, run_morning, seed
from fake_telegram.offline import OFFLINE_BASE_URL
from telegram import Bot

from bot.channels.telegram import TelegramSender, build_application
from bot.core.protocol import IncomingMessage, Response
from bot.engine.sender import ChatAddress
from bot.settings import load_settings
from messages.outgoing import Button, OutgoingMessage
from storage.database import make_engine
from storage.migrate import upgrade

TOKEN = "123:ABC"
BUTTONS = ((Button("Đã xong", "done:1"), Button("Đang làm", "progress:1")),)


class Echo:
    async def handle(self, message: IncomingMessage) -> Response:
        return Response(replies=(OutgoingMessage(text=f"Đã nhận: {message.text}"),))

    def on_bot_removed(self, channel: str, chat_id: str) -> None: ...

    def on_member_left(self, channel: str, chat_id: str, user_id: str) -> None: ...

    def on_chat_migrated(self, channel: str, old_chat_id: str, new_chat_id: str) -> None: ...

    def remember_sent(
        self, channel: str, chat_id: str, message_id: str, occurrence_id: int
    ) -> None: ...


async def updates_per_second(count: int, workdir: Path, *, rate_limited: bool) -> float:
    api = FakeBotApi(TOKEN)
    for user in range(count):
        api.add_private_chat(10_000 + user, f"Cán bộ {user}")
    settings = load_settings(
        telegram_bot_token=TOKEN,
        telegram_api_base_url=OFFLINE_BASE_URL,
        database_url=f"sqlite:///{workdir}/bench.db",
    )
    application = build_application(
        settings,
        Echo(),
        request=OfflineRequest(api),
        get_updates_request=OfflineRequest(api),
        rate_limited=rate_limited,
    )
    async with application:
        for user in range(count):
            api.user_message(user_id=10_000 + user, chat_id=10_000 + user, text=f"xong {user}")
        updates = await application.bot.get_updates(timeout=0, limit=100)
        started = time.perf_counter()
        handled = 0
        while updates:
            for update in updates:
                await application.process_update(update)
                handled += 1
            updates = await application.bot.get_updates(
                offset=updates[-1].update_id + 1, timeout=0, limit=100
            )
        elapsed = time.perf_counter() - started
    assert handled == count and len(api.calls_to("sendMessage")) == count
    return count / elapsed


async def sends_per_second(count: int) -> float:
    api = FakeBotApi(TOKEN)
    api.add_group(-100, "Văn phòng Sở")
    # No rate limiter here: the point is the adapter's cost, not Telegram's pace.
    sender = TelegramSender(Bot(TOKEN, base_url=OFFLINE_BASE_URL, request=OfflineRequest(api)))
    address = ChatAddress("telegram", "-100")
    message = OutgoingMessage(text="<b>Nhắc việc</b>: hạn 15/03/2024", html=True, buttons=BUTTONS)
    await sender.send(address, message)
    started = time.perf_counter()
    for _ in range(count):
        await sender.send(address, message)
    elapsed = time.perf_counter() - started
    await sender.aclose()
    return count / elapsed


def items_per_group(groups: int) -> list[int]:
    """Busy and quiet units side by side: 1 to 60 items due the same morning."""
    return [1 + (index * 37) % 60 for index in range(groups)]


def morning(workdir: Path, groups: int, *, paced: bool) -> Morning:
    engine = make_engine(f"sqlite:///{workdir}/morning-{'paced' if paced else 'raw'}.db")
    upgrade(engine)
    seed(engine, items_per_group(groups))
    try:
        return asyncio.run(run_morning(engine, paced=paced))
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=500)
    parser.add_argument("--sends", type=int, default=500)
    parser.add_argument("--groups", type=int, default=34)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        raw = asyncio.run(updates_per_second(args.updates, Path(workdir), rate_limited=False))
        paced = asyncio.run(updates_per_second(120, Path(workdir), rate_limited=True))
    sent = asyncio.run(sends_per_second(args.sends))
    print(f"updates handled: {raw:,.0f}/s ({args.updates} text messages, one reply each)")
    print(f"  with the rate limiter on, as in `nhacviec run`: {paced:,.0f}/s (Telegram's pace)")
    print(f"reminders sent:  {sent:,.0f}/s ({args.sends} HTML messages with buttons)")
    with tempfile.TemporaryDirectory() as workdir:
        for paced in (False, True):
            result = morning(Path(workdir), args.groups, paced=paced)
            print(
                f"morning, {'paced  ' if paced else 'unpaced'}: {result.messages} messages to "
                f"{args.groups + 1} groups in {result.seconds:.0f} s (least the limits allow: "
                f"{result.least_seconds:.0f} s) → ratio {result.ratio:.2f}; "
                f"429 answers {result.refused} ({result.refused_share:.1%}); "
                f"lost {result.lost}"
            )


if __name__ == "__main__":
    main()
