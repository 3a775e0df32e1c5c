"""Invites with Vietnamese role values; a leader who belongs to no unit is invited as such."""

from __future__ import annotations

from datetime import datetime

from click.testing import CliRunner
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.cli import build_cli
from scheduler.clock import VIETNAM_TZ
from storage.invites import redeem_invite
from storage.models import Invite


def _run(*args: str) -> str:
    result = CliRunner().invoke(build_cli(), list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_vietnamese_role_values(engine: Engine, cli_env: dict[str, str]) -> None:
    _run("units", "add", "Phòng Nội vụ")
    _run("invite", "phong noi vu", "--role", "dau-moi")
    _run("invite", "phong noi vu", "--role", "LANH-DAO")
    _run("invite", "phong noi vu", "--role", "staff")
    with Session(engine) as session:
        roles = [invite.role for invite in session.exec(select(Invite).order_by(Invite.id))]
    assert roles == ["focal_point", "leader", "staff"]


def test_a_leader_is_invited_without_a_unit(engine: Engine, cli_env: dict[str, str]) -> None:
    output = _run("invite", "--role", "lanh-dao")
    assert "Lãnh đạo (không thuộc đơn vị nào)" in output
    with Session(engine) as session:
        invite = session.exec(select(Invite)).one()
        assert invite.unit_id is None and invite.role == "leader"
        redeemed = redeem_invite(
            session,
            code=invite.code,
            channel="telegram",
            external_id="501",
            display_name="Phó Chủ tịch UBND huyện",
            chat_id="501",
            is_private=True,
            now=datetime(2025, 1, 2, 9, 0, tzinfo=VIETNAM_TZ),
        )
        assert redeemed.person is not None
        assert redeemed.person.role == "leader" and redeemed.person.unit_id is None
    # Staff still need their unit.
    refused = CliRunner().invoke(build_cli(), ["invite", "--role", "can-bo"])
    assert refused.exit_code != 0 and "lanh-dao" in str(refused.exception)
