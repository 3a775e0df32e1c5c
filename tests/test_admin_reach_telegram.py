"""On Telegram: a person who blocked the bot (403 "bot was blocked by the user") leaves the
unit unreachable, and the next morning the admin named in NHACVIEC_ADMIN_IDS hears it once;
writing to the bot again switches the chat back on and clears the unit's flag."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import make_item, make_plan, make_unit
from fake_telegram import FakeBotApi, OfflineRequest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from telegram_app import TOKEN, offline_app, offline_application

from bot.channels.telegram import TelegramSender, build_bot
from bot.context import AppContext
from bot.engine import ReminderEngine
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.vocabulary import Role
from storage.database import session_scope
from storage.invites import create_invite
from storage.models import ChatLink
from storage.recipients import ADMIN_AUDIENCE, unit_reach

STAFF = 5101
ADMIN = 5200
# Thursday 14/3/2024.
MORNING = datetime(2024, 3, 14, 8, 0, tzinfo=VIETNAM_TZ)


@pytest.fixture
def api() -> FakeBotApi:
    api = FakeBotApi(TOKEN)
    api.add_private_chat(STAFF, "Lan", "Phạm")
    api.add_private_chat(ADMIN, "Hùng", "Trần")
    return api


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> AppContext:
    return offline_app(engine, tmp_path, ManualClock(MORNING), admin_ids=str(ADMIN))


@pytest.fixture
async def telegram(api: FakeBotApi, app: AppContext) -> AsyncIterator[Any]:
    async with offline_application(api, app) as application:
        yield application


async def _say(api: FakeBotApi, application: Any, user: int, text: str) -> None:
    api.user_message(user_id=user, chat_id=user, text=text, first_name="Người dùng")
    updates = await application.bot.get_updates(timeout=0)
    for update in updates:
        await application.process_update(update)
    await application.bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)


def _to_admin(api: FakeBotApi) -> list[str]:
    return [
        call.params["text"]
        for call in api.calls_to("sendMessage")
        if str(call.params["chat_id"]) == str(ADMIN) and "chưa nhắn tới" in call.params["text"]
    ]


async def _staff_and_admin(
    api: FakeBotApi, telegram: Any, app: AppContext, *march_days: int
) -> tuple[int, ReminderEngine]:
    """A unit with items due on those days of March 2024 and one staff member linked in a
    private chat (no group), the admin from the settings known; the engine sending to them."""
    with session_scope(app.engine) as session:
        unit = make_unit(session, "Phòng Tư pháp")
        plan = make_plan(session)
        for number, day in enumerate(march_days, 4):
            make_item(session, plan, unit, str(number), due=date(2024, 3, day))
        assert unit.id is not None
        unit_id = unit.id
        code = create_invite(
            session, unit_id=unit.id, role=Role.STAFF, now=app.clock.now(), actor="test"
        ).code
    await _say(api, telegram, STAFF, f"/start {code}")
    # The admin from the settings becomes one by writing to the bot.
    await _say(api, telegram, ADMIN, "/help")
    sender = TelegramSender(build_bot(app.settings, request=OfflineRequest(api)))
    return unit_id, ReminderEngine(app.engine, app.clock, {"telegram": sender})


async def test_the_admin_hears_once_that_a_person_blocked_the_bot(
    api: FakeBotApi, telegram: Any, app: AppContext
) -> None:
    clock = app.clock
    assert isinstance(clock, ManualClock)
    _, reminder = await _staff_and_admin(api, telegram, app, 15, 18)
    report = await reminder.tick()
    assert [record.chat_id for record in report.sent] == [str(STAFF)]
    assert _to_admin(api) == []

    api.block_chat(STAFF)
    clock.set(MORNING + timedelta(days=1))
    report = await reminder.tick()
    assert report.sent == [] and report.parked
    assert _to_admin(api) == []

    # Monday: the admin hears of the blocked chat and the unit left without any, once.
    clock.set(datetime(2024, 3, 18, 8, 0, tzinfo=VIETNAM_TZ))
    await reminder.tick()
    clock.set(datetime(2024, 3, 18, 10, 0, tzinfo=VIETNAM_TZ))
    await reminder.tick()
    (text,) = _to_admin(api)
    assert "Phòng Tư pháp" in text and "chặn bot" in text and len(text) <= 2000


def _active(engine: Engine, chat_id: int) -> list[tuple[str, bool]]:
    with Session(engine) as session:
        links = session.exec(select(ChatLink).where(ChatLink.chat_id == str(chat_id))).all()
        return sorted((link.audience, link.active) for link in links)


async def test_writing_again_after_blocking_switches_the_chat_back_on(
    api: FakeBotApi, telegram: Any, app: AppContext
) -> None:
    engine, clock = app.engine, app.clock
    assert isinstance(clock, ManualClock)
    unit_id, reminder = await _staff_and_admin(api, telegram, app, 15, 18, 20)
    await reminder.tick()

    # Both block the bot: the staff member's morning and the admin's report are parked.
    api.block_chat(STAFF)
    api.block_chat(ADMIN)
    clock.set(MORNING + timedelta(days=1))
    await reminder.tick()
    clock.set(datetime(2024, 3, 18, 8, 0, tzinfo=VIETNAM_TZ))
    await reminder.tick()
    assert _active(engine, ADMIN) == [(ADMIN_AUDIENCE, False)]
    with Session(engine) as session:
        assert unit_reach(session)[unit_id] == "none"

    # They unblock and write again: their chats serve them again, the flag clears.
    api.unblock_chat(STAFF)
    api.unblock_chat(ADMIN)
    clock.set(datetime(2024, 3, 18, 10, 0, tzinfo=VIETNAM_TZ))
    await _say(api, telegram, STAFF, "/nhiemvu")
    await _say(api, telegram, ADMIN, "/help")
    assert _active(engine, ADMIN) == [(ADMIN_AUDIENCE, True)]
    assert all(active for _, active in _active(engine, STAFF))
    with Session(engine) as session:
        # Reached again, through the person's private chat (no group): no longer "none".
        assert unit_reach(session)[unit_id] == "private"

    # The next morning the unit's check-in reaches the staff member's chat again.
    start = api.mark()
    clock.set(datetime(2024, 3, 19, 8, 0, tzinfo=VIETNAM_TZ))
    report = await reminder.tick()
    assert [record.chat_id for record in report.sent] == [str(STAFF)]
    assert any("Việc cần làm" in call.params["text"] for call in api.calls[start:])
