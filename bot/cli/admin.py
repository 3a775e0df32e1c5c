"""`nhacviec admin …`: who manages the bot (besides NHACVIEC_ADMIN_IDS)."""

from __future__ import annotations

import click

from bot.cli.common import open_app
from messages.render import render
from scheduler.vocabulary import Channel
from storage import identities

ACTOR = "cli"


@click.group()
def admin() -> None:
    """Quản trị viên: thêm, xem danh sách."""


@admin.command("add")
@click.argument("user_id")
@click.option("--name", required=True, help="Họ tên quản trị viên.")
@click.option(
    "--channel",
    type=click.Choice([Channel.TELEGRAM.value, Channel.ZALO.value, Channel.CONSOLE.value]),
    default=Channel.TELEGRAM.value,
    show_default=True,
    help="Mạng chat của mã người dùng.",
)
def admin_add(user_id: str, name: str, channel: str) -> None:
    """Cấp quyền quản trị cho một tài khoản Telegram hoặc Zalo (mã người dùng dạng số)."""
    app = open_app()
    with app.session() as session:
        person = identities.add_admin(
            session,
            channel=channel,
            external_id=user_id,
            full_name=name,
            now=app.clock.now(),
            actor=ACTOR,
        )
        text = render(
            "people/admin_added.txt", name=person.full_name, channel=channel, user_id=user_id
        )
    click.echo(text)


@admin.command("list")
def admin_list() -> None:
    """Danh sách quản trị viên và tài khoản chat của họ."""
    app = open_app()
    with app.session() as session:
        admins = [
            {
                "id": person.id,
                "name": person.full_name,
                "active": person.active,
                "accounts": [f"{i.channel}:{i.external_id}" for i in identities],
            }
            for person, identities in identities.list_admins(session)
        ]
    click.echo(
        render("people/admin_list.txt", admins=admins, configured=app.settings.admin_id_list)
    )
