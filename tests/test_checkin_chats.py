"""The morning check-in in real chats: a unit whose only link is one person's private chat,
on Telegram (fake Bot API through python-telegram-bot's request seam) and on Zalo (fake
Zalo Bot API over HTTP); a person who blocked the bot leaves the unit flagged unreachable."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import make_item, make_plan, make_unit
from fake_telegram import FakeBotApi, OfflineRequest
from fake_zalo import FakeZalo, running_fake_zalo
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from telegram_app import TOKEN, offline_app, offline_application
from zalo_chat import until, zalo_app

from bot.channels.telegram import TelegramSender, build_bot
from bot.channels.zalo.runner import run_zalo, zalo_sender
from bot.context import AppContext
from bot.core.conversation import Conversation
from bot.engine import ReminderEngine
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.vocabulary import Role
from storage.database import session_scope
from storage.invites import create_invite
from storage.models import ChannelIdentity, ChatLink, Notification, Occurrence, Unit
from storage.recipients import unreachable_units

STAFF = 5101
# Thursday 14/3/2024: the item due Friday 15/3 is one working day away.
MORNING = datetime(2024, 3, 14, 8, 0, tzinfo=VIETNAM_TZ)


def _seed(
    engine: Engine, clock: ManualClock, unit_name: str, plan_code: str = "KH-01/2024"
) -> tuple[int, int, str]:
    with session_scope(engine) as session:
        unit = make_unit(session, unit_name)
        plan = make_plan(session, code=plan_code)
        item = make_item(session, plan, unit, "4", due=date(2024, 3, 15))
        invite = create_invite(
            session, unit_id=unit.id, role=Role.STAFF, now=clock.now(), actor="test"
        )
        assert unit.id is not None and item.id is not None
        return unit.id, item.id, invite.code


# --- Telegram ------------------------------------------------------------------------------


@pytest.fixture
def api() -> FakeBotApi:
    api = FakeBotApi(TOKEN)
    api.add_private_chat(STAFF, "Lan", "Phạm")
    return api


@pytest.fixture
def telegram_app(engine: Engine, tmp_path: Path) -> AppContext:
    return offline_app(engine, tmp_path, ManualClock(MORNING))


@pytest.fixture
async def telegram(api: FakeBotApi, telegram_app: AppContext) -> AsyncIterator[Any]:
    async with offline_application(api, telegram_app) as application:
        yield application


async def _say(api: FakeBotApi, application: Any, text: str, reply_to: int | None = None) -> None:
    api.user_message(user_id=STAFF, chat_id=STAFF, text=text, first_name="Lan", reply_to=reply_to)
    updates = await application.bot.get_updates(timeout=0)
    for update in updates:
        await application.process_update(update)
    await application.bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)


async def test_telegram_unit_reached_only_through_a_private_chat(
    api: FakeBotApi, telegram: Any, telegram_app: AppContext
) -> None:
    engine, clock = telegram_app.engine, telegram_app.clock
    assert isinstance(clock, ManualClock)
    unit_id, occurrence_id, code = _seed(engine, clock, "Phòng Tư pháp")
    await _say(api, telegram, f"/start {code}")
    # A staff member's private chat is no unit chat; with no group the unit was unreachable.
    with Session(engine) as session:
        assert unreachable_units(session, unit_ids=[unit_id]) == {unit_id}

    sender = TelegramSender(build_bot(telegram_app.settings, request=OfflineRequest(api)))
    reminder = ReminderEngine(engine, clock, {"telegram": sender})
    report = await reminder.tick()
    assert [record.chat_id for record in report.sent] == [str(STAFF)]
    (checkin,) = [c for c in api.calls_to("sendMessage") if "Việc cần làm" in c.params["text"]]
    assert f"<b>#{occurrence_id}</b>" in checkin.params["text"]
    assert len(checkin.params["text"]) <= 2000
    (row,) = checkin.params["reply_markup"]["inline_keyboard"]
    assert [button["callback_data"] for button in row] == [
        f"{kind}:{occurrence_id}" for kind in ("done", "progress", "blocked", "evidence")
    ]
    with Session(engine) as session:
        assert unreachable_units(session, unit_ids=[unit_id]) == set()

    # Replying to the one-line check-in is about its item.
    await _say(api, telegram, "xong", reply_to=int(checkin.result["message_id"]))
    with Session(engine) as session:
        stored = session.get(Occurrence, occurrence_id)
        assert stored is not None and stored.status == "done"

    # The person blocks the bot: the next morning's message is parked and the unit flagged.
    with session_scope(engine) as session:
        tu_phap = session.get(Unit, unit_id)
        assert tu_phap is not None
        make_item(session, make_plan(session, code="KH2"), tu_phap, "5", due=date(2024, 3, 18))
    api.block_chat(STAFF)
    clock.set(MORNING + timedelta(days=1))
    report = await reminder.tick()
    assert report.sent == [] and [reason for _, reason in report.parked]
    with Session(engine) as session:
        assert unreachable_units(session, unit_ids=[unit_id]) == {unit_id}
        links = session.exec(select(ChatLink).where(ChatLink.unit_id == unit_id)).all()
        assert [link.active for link in links] == [False]


# --- Zalo ----------------------------------------------------------------------------------


@pytest.fixture
def fake() -> Iterator[FakeZalo]:
    with running_fake_zalo(poll_cap=0.3) as server:
        yield server


async def test_zalo_unit_reached_only_through_a_private_chat(
    engine: Engine, fake: FakeZalo, tmp_path: Path
) -> None:
    clock = ManualClock(MORNING - timedelta(hours=1))
    app = zalo_app(engine, fake, clock, tmp_path / "files")
    unit_id, occurrence_id, code = _seed(engine, clock, "Văn phòng Sở")
    blocked_unit, _, blocked_code = _seed(engine, clock, "Phòng Nội vụ", "KH-02/2024")
    stop = asyncio.Event()
    runner = asyncio.create_task(run_zalo(app, Conversation(app), stop))
    user, blocked = "zalo-hanh", "blocked-user"
    try:
        fake.push_text(f"/start {code}", user_id=user, name="Võ Thị Hạnh")
        fake.push_text(f"/start {blocked_code}", user_id=blocked, name="Lê Văn Bình")
        await until(lambda: bool(fake.texts_to(user)))
        await until(lambda: _linked_people(engine) == 2)
        before = len(fake.texts_to(user))
        clock.set(MORNING)
        sender = zalo_sender(app)
        assert sender is not None
        report = await ReminderEngine(engine, clock, {"zalo": sender}).tick()
        assert [record.chat_id for record in report.sent] == [user]
        (checkin,) = fake.texts_to(user)[before:]
        assert f"#{occurrence_id} " in checkin and "<b>" not in checkin
        assert f"Trả lời: xong {occurrence_id}" in checkin
        assert len(checkin) <= 2000
        # The typed form works in the private chat.
        count = len(fake.texts_to(user))
        fake.push_text(f"xong {occurrence_id}", user_id=user, name="Võ Thị Hạnh")
        await until(lambda: len(fake.texts_to(user)) > count)
    finally:
        stop.set()
        await asyncio.wait_for(runner, timeout=5)
    with Session(engine) as session:
        stored = session.get(Occurrence, occurrence_id)
        assert stored is not None and stored.status == "done"
        # The person who blocked the bot: the row is parked, the unit flagged unreachable.
        parked = session.exec(select(Notification).where(Notification.state == "parked")).all()
        assert [row.unit_id for row in parked] == [blocked_unit]
        assert unreachable_units(session) >= {blocked_unit}
        assert unit_id not in unreachable_units(session)


def _linked_people(engine: Engine) -> int:
    with Session(engine) as session:
        return len(session.exec(select(ChannelIdentity)).all())
