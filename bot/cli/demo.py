"""`nhacviec demo`: see the bot work on an example plan with no token and no network."""

from __future__ import annotations

import asyncio
import sys
from datetime import date, timedelta
from pathlib import Path

import click

from bot.cli.common import parse_moment
from bot.demo.session import DemoSession
from bot.demo.world import UNIT_CHAT, build_world
from messages.render import render
from scheduler.clock import VIETNAM_TZ
from storage.database import session_scope
from storage.units import list_units


@click.command("demo")
@click.option(
    "--weeks", default=4, show_default=True, type=click.IntRange(1, 52), help="Số tuần mô phỏng."
)
@click.option(
    "--interactive/--no-interactive",
    default=True,
    help="Sau mô phỏng, cho gõ lệnh như cán bộ hoặc lãnh đạo (mặc định khi có bàn phím).",
)
@click.option(
    "--from",
    "start_text",
    default=None,
    metavar="dd/mm/yyyy",
    help="Ngày bắt đầu mô phỏng (mặc định: trước hạn đầu tiên của kế hoạch mẫu).",
)
@click.option(
    "--data-dir",
    default="data",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục chứa demo.db (tạo lại mỗi lần chạy).",
)
def demo(weeks: int, interactive: bool, start_text: str | None, data_dir: Path) -> None:
    """Chạy thử bot trên kế hoạch mẫu: không cần token, không cần mạng."""
    start = parse_moment(start_text, VIETNAM_TZ).date() if start_text else None
    # Piped input is a script, not a person at a keyboard.
    interactive = interactive and sys.stdin.isatty()
    asyncio.run(_demo(data_dir, weeks=weeks, start=start, interactive=interactive))


async def _demo(data_dir: Path, *, weeks: int, start: date | None, interactive: bool) -> None:
    world = build_world(data_dir, weeks=weeks, start=start)
    try:
        with session_scope(world.app.engine) as session:
            unit_count = len(list_units(session))
        _write(
            render(
                "demo/intro.txt",
                db_path=str(data_dir / "demo.db"),
                plan_title=world.review.plan_title,
                plan_code=world.review.plan_code,
                year=world.review.year,
                task_count=len(world.review.tasks),
                unit_count=unit_count,
                staff=world.staff.name,
                leader=world.leader.name,
                unit_name=world.unit_name,
                unit_chat=world.chat_titles[UNIT_CHAT],
                weeks=weeks,
                start=world.start,
                end=world.end - _ONE_DAY,
                hour=world.app.settings.reminder_hour,
            )
            + "\n"
        )
        run = DemoSession(world, write=_write)
        await run.run_to_end(scripted=not interactive)
        _write(
            render(
                "demo/summary.txt",
                until=world.end - _ONE_DAY,
                total=run.screen.sent,
                by_chat=sorted(run.screen.per_chat.items()),
            )
            + "\n"
        )
        if interactive:
            await run.interact()
        else:
            await run.closing_talk()
    finally:
        world.app.engine.dispose()


def _write(text: str) -> None:
    click.echo(text)


_ONE_DAY = timedelta(days=1)
