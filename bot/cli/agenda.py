"""`nhacviec agenda`: every reminder, escalation and digest the engine would send, unsent."""

from __future__ import annotations

import json
from datetime import date, timedelta

import click

from bot.cli.common import open_app, parse_day
from messages import texts
from messages.errors import UserFacingError
from messages.render import render
from scheduler.engine import ReminderEngine
from scheduler.policy import ReminderPolicy
from storage.units import find_unit

KINDS = ("reminder", "overdue", "escalation", "digest")
# The agenda is read as columns: every kind takes the width of the longest name.
KIND_WIDTH = 12


def _kind_names() -> dict[str, str]:
    return {kind: texts.text("cli", f"agenda_kind_{kind}").ljust(KIND_WIDTH) for kind in KINDS}


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return parse_day(text)
    except UserFacingError:
        raise UserFacingError(
            texts.text("cli", "agenda_day_unread", text=repr(text), option=option)
        ) from None


@click.command("agenda")
@click.option(
    "--from",
    "start_text",
    default=None,
    help="Từ ngày (dd/mm/yyyy), mặc định hôm nay.",
)
@click.option(
    "--to",
    "end_text",
    default=None,
    help="Đến ngày (dd/mm/yyyy), mặc định +30 ngày.",
)
@click.option("--unit", default=None, help="Chỉ một đơn vị (tên, có dấu hay không đều được).")
@click.option("--json", "as_json", is_flag=True, help="In một mảng JSON.")
def agenda(start_text: str | None, end_text: str | None, unit: str | None, as_json: bool) -> None:
    """Xem trước các nhắc việc, báo cáo lãnh đạo và bản tổng hợp sẽ gửi (không gửi gì)."""
    app = open_app()
    start = _day(start_text, "--from") or app.clock.today()
    end = _day(end_text, "--to") or start + timedelta(days=30)
    engine = ReminderEngine(
        app.engine, app.clock, {}, policy=ReminderPolicy(hour=app.settings.reminder_hour)
    )
    notices = engine.agenda(start, end, unit=unit)
    if unit is not None:
        with app.session() as session:
            found = find_unit(session, name=unit)
            unit = found.name if found is not None else unit
    if as_json:
        click.echo(json.dumps([n.to_json() for n in notices], ensure_ascii=False, indent=2))
        return
    click.echo(
        render(
            "engine/agenda.txt",
            notices=notices,
            start=start,
            end=end,
            unit=unit,
            kinds=_kind_names(),
        )
    )
