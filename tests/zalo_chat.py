"""Driving the Zalo runner against the fake Zalo Bot API in tests: the app it serves, and
bounded waits for what the bot sends (real HTTP on loopback, so nothing is instant)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from fake_zalo import FakeZalo
from sqlalchemy.engine import Engine

from bot.context import AppContext
from bot.settings import load_settings
from scheduler.clock import ManualClock


def zalo_app(engine: Engine, server: FakeZalo, clock: ManualClock, files_dir: Path) -> AppContext:
    """The app as `nhacviec run` builds it for Zalo alone, on the fake server."""
    settings = load_settings(
        zalo_bot_token=server.token,
        zalo_api_base_url=server.base_url,
        files_dir=files_dir,
        telegram_bot_token=None,
    )
    return AppContext(settings=settings, engine=engine, clock=clock, files_dir=files_dir)


async def until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)
