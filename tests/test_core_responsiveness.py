"""A heavy command in one chat must not hold up other chats or the reminder jobs.

The heavy command is a test-only leader command added through the conversation's registry:
it signals that it started, then blocks its thread until the test lets it finish. Were the
core's work done on the event loop, nothing else could be answered meanwhile.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from core_fixtures import private
from core_helpers import ADMIN_ID, Chat, make_chat
from fake_telegram import FakeBotApi, FakeTelegramServer, RecordedCall
from sqlalchemy.engine import Engine

from bot.channels.telegram import TelegramRunner
from bot.core.commands import Access, Command
from bot.core.conversation import Conversation
from bot.core.pending import EVIDENCE, Key, PendingActions
from bot.core.protocol import Response
from bot.core.turn import Turn
from messages.outgoing import OutgoingMessage
from scheduler.clock import ManualClock
from scheduler.engine import ReminderEngine, TickReport

# Generous bounds: a loaded test machine must not fail these, a blocked loop always does.
BOUND = 20.0
STRANGER = 4242
SLOW_DONE = "Đã xong việc nặng"


class SlowCommand:
    """A leader command that holds its worker thread until `release` is set."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def run(self, turn: Turn, args: str) -> Response:
        self.started.set()
        # Bounded so that a broken build fails the test instead of hanging it.
        self.release.wait(timeout=BOUND)
        return Response(replies=(OutgoingMessage(text=SLOW_DONE),))

    def install(self, conversation: Conversation) -> None:
        registry = conversation.registry
        registry.commands["cham"] = Command("cham", ("cham",), self.run, access=Access.LEADER)
        registry.aliases[("cham",)] = "cham"

    async def wait_started(self) -> None:
        assert await asyncio.to_thread(self.started.wait, BOUND), "the slow command never ran"


@pytest.fixture
def slow() -> Iterator[SlowCommand]:
    command = SlowCommand()
    yield command
    command.release.set()  # never leave a worker thread waiting after a failed test


@pytest.fixture
def chat(engine: Engine, clock: ManualClock, tmp_path: Path, slow: SlowCommand) -> Chat:
    chat = make_chat(engine, clock, tmp_path)
    slow.install(chat.conv)
    return chat


async def test_help_in_another_chat_is_answered_while_a_heavy_command_runs(
    chat: Chat, slow: SlowCommand
) -> None:
    heavy = asyncio.create_task(chat.say(private(ADMIN_ID, "/cham", name="Quản trị")))
    await slow.wait_started()

    answer = await asyncio.wait_for(chat.text(private("501", "/help")), timeout=BOUND)

    assert "/start" in answer  # not linked yet: told how to link
    assert not heavy.done()
    slow.release.set()
    done = await asyncio.wait_for(heavy, timeout=BOUND)
    assert [reply.text for reply in done.replies] == [SLOW_DONE]


async def test_the_reminder_tick_runs_while_a_heavy_command_runs(
    chat: Chat, slow: SlowCommand
) -> None:
    heavy = asyncio.create_task(chat.say(private(ADMIN_ID, "/cham", name="Quản trị")))
    await slow.wait_started()

    reminders = ReminderEngine(chat.engine, chat.clock, {})
    report = await asyncio.wait_for(reminders.tick(), timeout=BOUND)

    assert isinstance(report, TickReport) and report.quiet is None
    assert not heavy.done()
    slow.release.set()
    await asyncio.wait_for(heavy, timeout=BOUND)


async def test_one_chats_messages_still_come_in_order_over_telegram(
    engine: Engine, clock: ManualClock, tmp_path: Path, slow: SlowCommand
) -> None:
    """Over HTTP: another chat's /help is answered during the heavy command, while the
    leader's own next message waits for the heavy one (their order is kept)."""
    api = FakeBotApi()
    leader, other = int(ADMIN_ID), STRANGER
    api.add_private_chat(leader, "Quản trị")
    api.add_private_chat(other, "Lan")
    with FakeTelegramServer(api) as server:
        chat = make_chat(
            engine,
            clock,
            tmp_path,
            telegram_bot_token=api.token,
            telegram_api_base_url=server.base_url,
        )
        slow.install(chat.conv)
        runner = TelegramRunner.from_settings(chat.conv.app.settings, chat.conv, commands=[])
        stop = asyncio.Event()
        running = asyncio.create_task(runner.run(stop))
        try:
            api.user_message(user_id=leader, chat_id=leader, text="/cham", first_name="Quản trị")
            await slow.wait_started()
            api.user_message(user_id=leader, chat_id=leader, text="/help", first_name="Quản trị")
            api.user_message(user_id=other, chat_id=other, text="/help", first_name="Lan")

            await _sent_to(api, other)
            assert _texts_to(api, leader) == []

            slow.release.set()
            await _sent_to(api, leader, count=2)
            first, second = _texts_to(api, leader)
            assert first == SLOW_DONE and second != SLOW_DONE
        finally:
            slow.release.set()
            stop.set()
            await asyncio.wait_for(running, timeout=BOUND)
            chat.conv.close()


def test_pending_take_hands_an_item_to_one_taker_only(clock: ManualClock) -> None:
    """Two messages of one person answered at once must not both use the awaited reason."""
    pending = PendingActions(clock)
    key = ("telegram", "1", "1")
    takers = 8
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: races show up
    try:
        for round_number in range(200):
            pending.expect(key, EVIDENCE, round_number)
            barrier = threading.Barrier(takers)
            taken: list[int | None] = []

            threads = [
                threading.Thread(target=_take, args=(pending, key, barrier, taken))
                for _ in range(takers)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert [value for value in taken if value is not None] == [round_number]
    finally:
        sys.setswitchinterval(switch)


def _take(
    pending: PendingActions, key: Key, barrier: threading.Barrier, taken: list[int | None]
) -> None:
    barrier.wait()
    taken.append(pending.take(key, EVIDENCE))


async def _sent_to(api: FakeBotApi, chat_id: int, *, count: int = 1) -> None:
    def wait() -> RecordedCall:
        return api.wait_for_call(
            "sendMessage",
            lambda call: (
                len(_texts_to(api, chat_id)) >= count and call.params["chat_id"] == str(chat_id)
            ),
            timeout=BOUND,
        )

    await asyncio.to_thread(wait)


def _texts_to(api: FakeBotApi, chat_id: int) -> list[str]:
    return [
        str(call.params["text"])
        for call in api.calls_to("sendMessage")
        if call.params["chat_id"] == str(chat_id) and call.error_code is None
    ]
