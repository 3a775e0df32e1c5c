"""`nhacviec invite UNIT`: one-time codes that link a person or a group to a unit."""

from __future__ import annotations

import click

from bot.cli.common import open_app
from bot.core.commands.invite import group_link, invite_link
from messages import texts
from messages.errors import UserFacingError
from messages.render import render
from scheduler.vocabulary import Audience, Role
from storage import identities, invites
from storage.models import Invite, Unit

ACTOR = "cli"
# Roles as offices say them ("cán bộ", "đầu mối", "lãnh đạo"), beside the stored English ones.
ROLE_VALUES = {
    "can-bo": Role.STAFF,
    "dau-moi": Role.FOCAL_POINT,
    "lanh-dao": Role.LEADER,
    Role.STAFF.value: Role.STAFF,
    Role.FOCAL_POINT.value: Role.FOCAL_POINT,
    Role.LEADER.value: Role.LEADER,
}


@click.command("invite")
@click.argument("unit", required=False)
@click.option(
    "--role",
    type=click.Choice(list(ROLE_VALUES), case_sensitive=False),
    default="can-bo",
    show_default=True,
    help="Vai trò: can-bo (cán bộ), dau-moi (đầu mối), lanh-dao (lãnh đạo; "
    "không cần đơn vị). Cũng nhận staff, focal_point, leader.",
)
@click.option("--leaders", is_flag=True, help="Mã liên kết nhóm lãnh đạo (không cần đơn vị).")
@click.option("--all-units", is_flag=True, help="Một mã cho mỗi đơn vị đang hoạt động.")
@click.option("--count", default=1, show_default=True, help="Số mã cần tạo (mỗi mã một người).")
@click.option("--hours", default=72, show_default=True, help="Mã hết hạn sau bấy nhiêu giờ.")
def invite(
    unit: str | None, role: str, leaders: bool, all_units: bool, count: int, hours: int
) -> None:
    """Tạo mã mời dùng một lần: /start MÃ (cá nhân) hoặc /link MÃ (nhóm)."""
    if not 1 <= count <= 200:
        raise UserFacingError(texts.text("cli", "invite_count_invalid"))
    role = ROLE_VALUES[role.lower()].value
    # A leader of the whole office (a district's vice-chairman) belongs to no unit.
    lone_leader = role == Role.LEADER and not (unit or leaders or all_units)
    if sum((bool(unit), leaders, all_units, lone_leader)) != 1:
        raise UserFacingError(texts.text("cli", "invite_target_needed"))
    app = open_app()
    now = app.clock.now()
    rows: list[tuple[Invite, Unit | None]] = []
    with app.session() as session:
        # Unused codes past their expiry are dead weight; used ones stay as the record.
        invites.expire_invites(session, now=now)
        if leaders or lone_leader:
            targets: list[Unit | None] = [None]
        elif all_units:
            targets = list(identities.active_units(session))
            if not targets:
                raise UserFacingError(texts.text("cli", "invite_no_units"))
        else:
            assert unit is not None
            targets = [identities.require_unit(session, name=unit)]
        for target in targets:
            for _ in range(count):
                created = invites.create_invite(
                    session,
                    unit_id=target.id if target else None,
                    role=Role.LEADER if leaders else role,
                    audience=Audience.LEADERS if leaders or lone_leader else Audience.UNIT,
                    hours=hours,
                    now=now,
                    actor=ACTOR,
                )
                rows.append((created, target))
    username = app.settings.telegram_bot_username
    click.echo(
        render(
            "people/invites.txt",
            invites=[
                {
                    "code": created.code,
                    "unit_name": target.name if target else None,
                    "role": created.role,
                    "link": invite_link(username, created.code),
                    "group_link": group_link(username, created.code),
                }
                for created, target in rows
            ],
            leaders=leaders,
            lone_leader=lone_leader,
            expires_at=rows[0][0].expires_at.astimezone(app.clock.tz),
            username_known=bool(username),
        )
    )
