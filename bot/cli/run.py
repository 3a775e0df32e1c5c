"""`nhacviec run`: the bot itself — chat channels and reminders — until Ctrl+C or SIGTERM."""

from __future__ import annotations

import asyncio

import click

from bot.cli.common import open_app
from bot.cli.log_setup import configure_logging


@click.command("run")
def run() -> None:
    """Chạy bot: nhận tin nhắn Telegram/Zalo và gửi nhắc việc đúng lịch (dừng bằng Ctrl+C)."""
    # Imported here: the chat libraries are heavy and every other command would pay for them.
    from bot.serve import serve

    app = open_app()
    configure_logging(app.settings)
    asyncio.run(serve(app))
