"""Through the Telegram adapter: workbook and draft arrive as documents, the chart as a photo."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from factories import link_chat
from fake_telegram import FakeBotApi, OfflineRequest
from report_factories import NOW, seed_quarter
from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram_app import TOKEN, offline_app, offline_application

from bot.channels.telegram import TelegramSender, build_bot
from bot.context import AppContext
from bot.engine import ReminderEngine
from scheduler.clock import ManualClock

LEADER = 7001
LEADERS_GROUP = -100900


@pytest.fixture
def api() -> FakeBotApi:
    api = FakeBotApi(TOKEN)
    api.add_private_chat(LEADER, "Hùng", "Trần")
    api.add_group(LEADERS_GROUP, "Lãnh đạo Sở")
    return api


@pytest.fixture
def app_context(engine: Engine, tmp_path: Path) -> AppContext:
    with Session(engine) as session:
        seed_quarter(session)
        link_chat(session, unit=None, chat_id=str(LEADERS_GROUP), channel="telegram")
        session.commit()
    return offline_app(engine, tmp_path, ManualClock(NOW), admin_ids=str(LEADER))


@pytest.fixture
async def telegram(api: FakeBotApi, app_context: AppContext) -> AsyncIterator[Any]:
    async with offline_application(api, app_context) as application:
        yield application


async def _say(api: FakeBotApi, application: Any, text: str) -> None:
    api.user_message(user_id=LEADER, chat_id=LEADER, text=text, first_name="Hùng")
    updates = await application.bot.get_updates(timeout=0)
    for update in updates:
        await application.process_update(update)
    await application.bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)


async def test_export_and_report_arrive_as_documents(api: FakeBotApi, telegram: Any) -> None:
    await _say(api, telegram, "/xuatbaocao 01/KH-SLĐTBXH")
    await _say(api, telegram, "/baocao quy 1/2024 01/KH-SLĐTBXH")
    workbook, draft = api.calls_to("sendDocument")
    name, content, _ = workbook.files["document"]
    assert name == "Tong hop CCHC 10-04-2024.xlsx"
    assert content[:2] == b"PK"  # a zip package, as every .xlsx is
    assert "Bảng tổng hợp tiến độ CCHC" in workbook.params["caption"]
    assert workbook.params["parse_mode"] == "HTML"
    name, content, _ = draft.files["document"]
    assert name == "Du thao bao cao CCHC 2024-Q1.docx"
    assert content[:2] == b"PK"
    assert "Dự thảo báo cáo kết quả CCHC Quý I/2024" in draft.params["caption"]


async def test_status_is_a_photo_with_its_text(api: FakeBotApi, telegram: Any) -> None:
    await _say(api, telegram, "/tinhhinh")
    photos = api.calls_to("sendPhoto")
    assert len(photos) == 1
    _, content, _ = photos[0].files["photo"]
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Tình hình thực hiện" in photos[0].params["caption"]


async def test_weekly_digest_reaches_the_leaders_group_with_the_chart(
    api: FakeBotApi, app_context: AppContext, tmp_path: Path
) -> None:
    sender = TelegramSender(build_bot(app_context.settings, request=OfflineRequest(api)))
    reminder = ReminderEngine(
        app_context.engine,
        ManualClock(NOW.replace(day=8, hour=8)),  # Monday 8/4/2024, digest time
        {"telegram": sender},
        charts_dir=tmp_path / "charts",
    )
    await reminder.tick()
    photos = [c for c in api.calls_to("sendPhoto") if c.params["chat_id"] == str(LEADERS_GROUP)]
    assert len(photos) == 1
    _, content, _ = photos[0].files["photo"]
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
