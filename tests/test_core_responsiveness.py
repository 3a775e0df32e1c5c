"""A heavy command in one chat must not hold up other chats or the reminder jobs.

The heavy command is a test-only leader command added through the conversation's registry:
it signals that it started, then blocks its thread until the test lets it finish. Were the
core's work done on the event loop, nothing else could be answered meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from core_fixtures import private
from core_helpers import ADMIN_ID, Chat, make_chat
from fake_telegram import FakeBotApi, FakeTelegramServer, RecordedCall
from fake_zalo import FakeZalo, running_fake_zalo
from sqlalchemy.engine import Engine

from bot.channels.telegram import TelegramRunner
from bot.channels.zalo.api import ZaloApi
from bot.channels.zalo.dispatch import ZaloDispatcher
from bot.channels.zalo.polling import ZaloPoller
from bot.channels.zalo.webhook import SECRET_HEADER, ZaloWebhook, serve_webhook
from bot.core.commands import Access, Command
from bot.core.conversation import Conversation
from bot.core.pending import EVIDENCE, Key, PendingActions
from bot.core.protocol import Response
from bot.core.turn import Turn
from bot.engine import ReminderEngine, TickReport
from messages.outgoing import OutgoingMessage
from scheduler.clock import ManualClock

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
            # The first message makes the configured admin a person; that write, committed
            # here, would otherwise hold the database for the whole slow command.
            api.user_message(user_id=leader, chat_id=leader, text="/help", first_name="Quản trị")
            await _sent_to(api, leader)
            api.user_message(user_id=leader, chat_id=leader, text="/cham", first_name="Quản trị")
            await slow.wait_started()
            api.user_message(user_id=leader, chat_id=leader, text="/help", first_name="Quản trị")
            api.user_message(user_id=other, chat_id=other, text="/help", first_name="Lan")

            await _sent_to(api, other)
            assert len(_texts_to(api, leader)) == 1

            slow.release.set()
            await _sent_to(api, leader, count=3)
            _, first, second = _texts_to(api, leader)
            assert first == SLOW_DONE and second != SLOW_DONE
        finally:
            slow.release.set()
            stop.set()
            await asyncio.wait_for(running, timeout=BOUND)
            chat.conv.close()


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_over_zalo_other_chats_are_answered_and_one_chats_order_kept(
    engine: Engine, clock: ManualClock, tmp_path: Path, slow: SlowCommand, mode: str
) -> None:
    leader, other = ADMIN_ID, "501"
    with running_fake_zalo(poll_cap=0.3) as fake:
        chat = make_chat(engine, clock, tmp_path, admin_ids=f"zalo:{leader}")
        slow.install(chat.conv)
        api = ZaloApi(fake.token, base_url=fake.base_url)
        dispatcher = ZaloDispatcher(api, chat.conv, max_upload_bytes=1 << 20)
        stop = asyncio.Event()
        if mode == "polling":
            running = asyncio.create_task(ZaloPoller(api, dispatcher).run(stop))
            send: Callable[[str, str], object] = _zalo_push(fake)
        else:
            webhook = ZaloWebhook(dispatcher, secret="webhook-secret-123")
            server, port = serve_webhook(webhook, host="127.0.0.1", port=0, path="/zalo")
            client = httpx.AsyncClient()
            send = _zalo_post(client, f"http://127.0.0.1:{port}/zalo")
        try:
            # Made a person first (see the Telegram test), then the slow command.
            await _maybe(send(leader, "/help"))
            await asyncio.to_thread(
                fake.wait_for, lambda: bool(fake.texts_to(leader)), timeout=BOUND
            )
            await _maybe(send(leader, "/cham"))
            await slow.wait_started()
            await _maybe(send(leader, "/help"))
            await _maybe(send(other, "/help"))

            await asyncio.to_thread(
                fake.wait_for, lambda: bool(fake.texts_to(other)), timeout=BOUND
            )
            assert len(fake.texts_to(leader)) == 1

            slow.release.set()
            await asyncio.to_thread(
                fake.wait_for, lambda: len(fake.texts_to(leader)) >= 3, timeout=BOUND
            )
            _, first, second = fake.texts_to(leader)
            assert first == SLOW_DONE and second != SLOW_DONE
        finally:
            slow.release.set()
            stop.set()
            if mode == "polling":
                await asyncio.wait_for(running, timeout=BOUND)
            else:
                await client.aclose()
                server.stop()
                await asyncio.wait_for(webhook.drain(), timeout=BOUND)
            await api.aclose()
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


def _zalo_push(fake: FakeZalo) -> Callable[[str, str], None]:
    def push(user: str, text: str) -> None:
        fake.push_text(text, user_id=user, name="Người dùng")

    return push


def _zalo_post(client: httpx.AsyncClient, url: str) -> Callable[[str, str], object]:
    sent = 0

    async def post(user: str, text: str) -> None:
        nonlocal sent
        sent += 1
        message = {
            "from": {"id": user, "display_name": "Người dùng", "is_bot": False},
            "chat": {"id": user, "chat_type": "PRIVATE"},
            "text": text,
            "message_id": f"m{sent}",
        }
        body = json.dumps({"event_name": "message.text.received", "message": message})
        answer = await client.post(
            url, content=body.encode(), headers={SECRET_HEADER: "webhook-secret-123"}
        )
        assert answer.status_code == 200

    return post


async def _maybe(result: object) -> None:
    if asyncio.iscoroutine(result):
        await result


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
