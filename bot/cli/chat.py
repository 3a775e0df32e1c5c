"""`nhacviec chat --as PERSON`: talk to the bot from a terminal, as a person of the database."""

from __future__ import annotations

import asyncio

import click

from bot.channels.console import ConsoleChat
from bot.channels.console_loop import chat_loop
from bot.cli.common import open_app
from bot.context import AppContext
from bot.core.conversation import Conversation
from messages.errors import UserFacingError
from messages.render import render
from storage.console_people import console_account, find_people


@click.command("chat")
@click.option("--as", "who", required=True, metavar="PERSON", help="Tên hoặc mã số người dùng.")
@click.option("--now", default=None, metavar="'YYYY-MM-DD HH:MM'", help="Giữ đồng hồ cố định.")
def chat(who: str, now: str | None) -> None:
    """Trò chuyện với bot trong cửa sổ dòng lệnh, với tư cách một người dùng."""
    app = open_app(now=now)
    try:
        asyncio.run(_chat(app, who))
    finally:
        app.engine.dispose()


async def _chat(app: AppContext, who: str) -> None:
    with app.session() as session:
        people = find_people(session, who=who)
        if len(people) != 1:
            raise UserFacingError(render("channels/console_who.txt", who=who, people=people))
        person = people[0]
        identity = console_account(session, person=person)
        user_id, name = identity.external_id, person.full_name
    console = ConsoleChat(Conversation(app), user_id=user_id, user_name=name, write=_write)
    _write(render("channels/console_welcome.txt", name=name))
    await chat_loop(console, write=_write, prompt=lambda: f"{name}> ")


def _write(text: str) -> None:
    click.echo(f"{text}\n")
