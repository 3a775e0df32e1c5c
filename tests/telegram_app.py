"""The bot's Telegram application on the in-process fake Bot API, as the chat tests build it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fake_telegram import FakeBotApi, OfflineRequest
from fake_telegram.offline import OFFLINE_BASE_URL
from sqlalchemy.engine import Engine

from bot.channels.telegram import build_application
from bot.context import AppContext
from bot.core.conversation import Conversation
from bot.settings import load_settings
from scheduler.clock import ManualClock

TOKEN = "123:ABC"


def offline_app(engine: Engine, tmp_path: Path, clock: ManualClock, **settings: Any) -> AppContext:
    """The app on the test's database; its own settings (admins, upload limit) in `settings`."""
    values: dict[str, Any] = {
        "database_url": f"sqlite:///{tmp_path}/unused.db",
        "telegram_bot_token": TOKEN,
        "telegram_api_base_url": OFFLINE_BASE_URL,
        "files_dir": tmp_path / "files",
        **settings,
    }
    return AppContext(
        settings=load_settings(**values), engine=engine, clock=clock, files_dir=tmp_path / "files"
    )


@asynccontextmanager
async def offline_application(api: FakeBotApi, app: AppContext) -> AsyncIterator[Any]:
    """The running Telegram application, its requests answered by `api` in this process."""
    conversation = Conversation(app)
    application = build_application(
        app.settings,
        conversation,
        request=OfflineRequest(api),
        get_updates_request=OfflineRequest(api),
    )
    try:
        async with application:
            yield application
    finally:
        conversation.close()
