"""`nhacviec agenda`: every reminder, escalation and digest the engine would send, unsent."""

from __future__ import annotations

import json
from datetime import date, timedelta

import click

from bot.cli.common import open_app, parse_day
from bot.engine import ReminderEngine
from bot.engine.agenda import agenda_messages
from messages import texts
from messages.errors import UserFacingError
from messages.render import render
from scheduler.policy import ReminderPolicy
from storage.recipients import active_recipients
from storage.units import find_unit

KINDS = ("checkin", "reminder", "overdue", "escalation", "digest")
# The agenda is read as columns: every kind takes the width of the longest name.
KIND_WIDTH = 13


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
    """Xem trước các tin sẽ gửi cho từng chat mỗi sáng (không gửi gì)."""
    app = open_app()
    start = _day(start_text, "--from") or app.clock.today()
    end = _day(end_text, "--to") or start + timedelta(days=30)
    engine = ReminderEngine(
        app.engine, app.clock, {}, policy=ReminderPolicy(hour=app.settings.reminder_hour)
    )
    notices = engine.agenda(start, end, unit=unit)
    with app.session() as session:
        if unit is not None:
            found = find_unit(session, name=unit)
            unit = found.name if found is not None else unit
        recipients = active_recipients(session)
        chats: dict[int | None, int] = {None: len(recipients.leaders)}
        chats.update((unit_id, len(targets)) for unit_id, targets in recipients.by_unit.items())
    # Per chat and morning, as the engine sends them: one check-in listing the unit's items.
    messages = agenda_messages(notices, tz=app.clock.tz, chats=chats)
    if as_json:
        click.echo(json.dumps([m.to_json() for m in messages], ensure_ascii=False, indent=2))
        return
    click.echo(
        render(
            "engine/agenda.txt",
            messages=messages,
            start=start,
            end=end,
            unit=unit,
            kinds=_kind_names(),
        )
    )
