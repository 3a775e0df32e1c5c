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
from scheduler.folding import fold, nfc
from storage.console_people import console_account, find_people


@click.command("chat")
@click.option("--as", "who", required=True, metavar="PERSON", help="Tên hoặc mã số người dùng.")
@click.option("--now", default=None, metavar="'dd/mm/yyyy HH:MM'", help="Giữ đồng hồ cố định.")
@click.option(
    "--code",
    default=None,
    metavar="MÃ",
    help="Mã mời (nhacviec invite): người mới vào bot như khi gửi /start MÃ.",
)
def chat(who: str, now: str | None, code: str | None) -> None:
    """Trò chuyện với bot trong cửa sổ dòng lệnh, với tư cách một người dùng."""
    app = open_app(now=now)
    try:
        asyncio.run(_chat(app, who, code))
    finally:
        app.engine.dispose()


async def _chat(app: AppContext, who: str, code: str | None) -> None:
    with app.session() as session:
        people = find_people(session, who=who)
        if len(people) > 1 or (not people and not code):
            raise UserFacingError(render("channels/console_who.txt", who=who, people=people))
        if people:
            person = people[0]
            identity = console_account(session, person=person)
            user_id, name = identity.external_id, person.full_name
        else:
            # Someone not in the database yet joins the way they would on Telegram: the invite
            # code creates the person, who is then found by name next time.
            name = nfc(" ".join(who.split()))
            user_id = "new-" + "-".join(fold(name).split())
    console = ConsoleChat(Conversation(app), user_id=user_id, user_name=name, write=_write)
    _write(render("channels/console_welcome.txt", name=name))
    if code:
        await console.say(f"/start {code}")
    await chat_loop(console, write=_write, prompt=lambda: f"{name}> ")


def _write(text: str) -> None:
    click.echo(f"{text}\n")
