"""`nhacviec tick`: one plan-and-send pass, as if it were a given moment."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import click

from bot.channels import build_senders
from bot.cli.agenda import KINDS
from bot.cli.common import open_app
from bot.engine import ReminderEngine, TickReport
from bot.serve import reminder_engine
from messages import texts
from messages.render import render
from storage.notice_audiences import audience_names


@click.command("tick")
@click.option(
    "--now", "now_text", default=None, help='Thời điểm giả định, ví dụ "20/01/2025 08:00".'
)
def tick(now_text: str | None) -> None:
    """Chạy một lượt lên lịch và gửi nhắc việc qua các kênh đã cấu hình, rồi in những gì đã gửi."""
    app = open_app(now=now_text)
    senders = build_senders(app)
    engine = reminder_engine(app, senders)
    report = asyncio.run(_tick(engine, senders))
    with app.session() as session:
        names = audience_names(session, notification_ids=[r.notification_id for r in report.sent])
    click.echo(
        render(
            "engine/tick_report.txt",
            report=report,
            audiences=names,
            kinds={kind: texts.text("cli", f"agenda_kind_{kind}") for kind in KINDS},
        )
    )


async def _tick(engine: ReminderEngine, senders: Mapping[str, object]) -> TickReport:
    try:
        return await engine.tick()
    finally:
        for sender in senders.values():
            close = getattr(sender, "aclose", None)
            if close is not None:
                await close()
