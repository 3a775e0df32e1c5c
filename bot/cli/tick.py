"""`nhacviec tick`: one plan-and-send pass, as if it were a given moment."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import click

from bot.channels import build_senders
from bot.cli.common import open_app
from bot.engine import ReminderEngine, TickReport
from messages.render import render
from scheduler.policy import ReminderPolicy


@click.command("tick")
@click.option("--now", "now_text", default=None, help='Thời điểm giả định "YYYY-MM-DD HH:MM".')
def tick(now_text: str | None) -> None:
    """Chạy một lượt lên lịch và gửi nhắc việc qua các kênh đã cấu hình, rồi in những gì đã gửi."""
    app = open_app(now=now_text)
    senders = build_senders(app)
    engine = ReminderEngine(
        app.engine,
        app.clock,
        senders,
        policy=ReminderPolicy(hour=app.settings.reminder_hour),
        charts_dir=app.files_dir / "charts",
    )
    report = asyncio.run(_tick(engine, senders))
    click.echo(render("engine/tick_report.txt", report=report))


async def _tick(engine: ReminderEngine, senders: Mapping[str, object]) -> TickReport:
    try:
        return await engine.tick()
    finally:
        for sender in senders.values():
            close = getattr(sender, "aclose", None)
            if close is not None:
                await close()
