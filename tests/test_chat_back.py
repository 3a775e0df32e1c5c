"""On Telegram: people who blocked the bot are switched off (their unit flagged, the admin
told); writing to the bot again switches their private chat back on, so an admin hears the
next report and the unit's flag on `units list` clears."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import make_item, make_plan, make_unit
from fake_telegram import FakeBotApi, OfflineRequest
from fake_telegram.offline import OFFLINE_BASE_URL
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.channels.telegram import TelegramSender, build_application, build_bot
from bot.context import AppContext
from bot.core.conversation import Conversation
from bot.engine import ReminderEngine
from bot.settings import load_settings
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.vocabulary import Role
from storage.database import session_scope
from storage.invites import create_invite
from storage.models import ChatLink
from storage.recipients import ADMIN_AUDIENCE, unit_reach

TOKEN = "123:ABC"
STAFF = 5301
ADMIN = 5302
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
    settings = load_settings(
        database_url=f"sqlite:///{tmp_path}/unused.db",
        telegram_bot_token=TOKEN,
        telegram_api_base_url=OFFLINE_BASE_URL,
        files_dir=tmp_path / "files",
        admin_ids=str(ADMIN),
    )
    return AppContext(
        settings=settings, engine=engine, clock=ManualClock(MORNING), files_dir=tmp_path / "files"
    )


@pytest.fixture
async def telegram(api: FakeBotApi, app: AppContext) -> AsyncIterator[Any]:
    application = build_application(
        app.settings,
        Conversation(app),
        request=OfflineRequest(api),
        get_updates_request=OfflineRequest(api),
    )
    async with application:
        yield application


async def _say(api: FakeBotApi, application: Any, user: int, text: str) -> None:
    api.user_message(user_id=user, chat_id=user, text=text, first_name="Người dùng")
    updates = await application.bot.get_updates(timeout=0)
    for update in updates:
        await application.process_update(update)
    await application.bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)


def _active(engine: Engine, chat_id: int) -> list[tuple[str, bool]]:
    with Session(engine) as session:
        links = session.exec(select(ChatLink).where(ChatLink.chat_id == str(chat_id))).all()
        return sorted((link.audience, link.active) for link in links)


async def test_writing_again_after_blocking_switches_the_chat_back_on(
    api: FakeBotApi, telegram: Any, app: AppContext
) -> None:
    engine, clock = app.engine, app.clock
    assert isinstance(clock, ManualClock)
    with session_scope(engine) as session:
        unit = make_unit(session, "Phòng Tư pháp")
        plan = make_plan(session)
        for number, due in (("4", 15), ("5", 18), ("6", 20)):
            make_item(session, plan, unit, number, due=date(2024, 3, due))
        unit_id = unit.id
        code = create_invite(
            session, unit_id=unit.id, role=Role.STAFF, now=clock.now(), actor="test"
        ).code
    await _say(api, telegram, STAFF, f"/start {code}")
    await _say(api, telegram, ADMIN, "/help")
    reminder = ReminderEngine(
        engine,
        clock,
        {"telegram": TelegramSender(build_bot(app.settings, request=OfflineRequest(api)))},
    )
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
