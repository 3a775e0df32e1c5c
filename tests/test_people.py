"""People, identities, invites and chat links on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from cli_helpers import Ran, nhacviec
from core_fixtures import add_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from messages.errors import UserFacingError
from scheduler.clock import ManualClock
from scheduler.vocabulary import Audience, Role
from storage import chat_links, identities, invites, membership, recipients, units
from storage.models import AuditEntry, ChannelIdentity, ChatLink, Invite, Person, Unit, UnitAlias
from storage.units import unit_key


def _unit(engine: Engine, clock: ManualClock, name: str = "Văn phòng Sở") -> int:
    with Session(engine, expire_on_commit=False) as session:
        unit = add_unit(session, name, clock.now())
        session.commit()
        return unit.id or 0


def _invite(engine: Engine, clock: ManualClock, **kwargs: object) -> str:
    with Session(engine, expire_on_commit=False) as session:
        invite = invites.create_invite(session, now=clock.now(), actor="test", **kwargs)  # type: ignore[arg-type]
        session.commit()
        return invite.code


def _redeem(engine: Engine, clock: ManualClock, code: str, **kwargs: object) -> invites.Redeemed:
    values: dict[str, object] = {
        "channel": "telegram",
        "external_id": "100",
        "display_name": "Nguyễn Văn An",
        "chat_id": "100",
        "is_private": True,
    }
    values.update(kwargs)
    with Session(engine, expire_on_commit=False) as session:
        result = invites.redeem_invite(session, code=code, now=clock.now(), **values)  # type: ignore[arg-type]
        session.commit()
        return result


def _link_group(engine: Engine, clock: ManualClock, unit_id: int, chat_id: str) -> None:
    code = _invite(engine, clock, unit_id=unit_id)
    _redeem(engine, clock, code, chat_id=chat_id, is_private=False)


def test_invite_codes_are_short_unambiguous_and_unique(engine: Engine, clock: ManualClock) -> None:
    unit_id = _unit(engine, clock)
    codes = {_invite(engine, clock, unit_id=unit_id) for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 8
        assert not set(code) & set("01OI")


def test_private_redeem_links_the_person_once(engine: Engine, clock: ManualClock) -> None:
    unit_id = _unit(engine, clock)
    code = _invite(engine, clock, unit_id=unit_id, role=Role.LEADER)
    # Typed by hand: lower case, with a dash and spaces.
    result = _redeem(engine, clock, f" {code[:4].lower()}-{code[4:]} ")
    assert result.kind == "person"
    assert result.unit_name == "Văn phòng Sở"
    with Session(engine, expire_on_commit=False) as session:
        person = identities.person_for_identity(session, channel="telegram", external_id="100")
        assert person is not None
        assert (person.full_name, person.unit_id, person.role) == (
            "Nguyễn Văn An",
            unit_id,
            "leader",
        )
        invite = session.exec(select(Invite).where(Invite.code == code)).one()
        assert invite.used_at is not None and invite.used_by_id == person.id
        actions = [entry.action for entry in session.exec(select(AuditEntry))]
        assert actions == ["invite.create", "invite.redeem"]
    with pytest.raises(UserFacingError, match="đã được dùng"):
        _redeem(engine, clock, code, external_id="200", chat_id="200")


def test_expired_and_unknown_codes_say_what_to_do(engine: Engine, clock: ManualClock) -> None:
    unit_id = _unit(engine, clock)
    code = _invite(engine, clock, unit_id=unit_id, hours=1)
    clock.advance(timedelta(hours=1, seconds=1))
    with pytest.raises(UserFacingError, match="hết hạn"):
        _redeem(engine, clock, code)
    with pytest.raises(UserFacingError, match="không đúng"):
        _redeem(engine, clock, "ZZZZZZZZ")
    with pytest.raises(UserFacingError, match="không đúng"):
        _redeem(engine, clock, "---")
    with Session(engine, expire_on_commit=False) as session:
        assert invites.expire_invites(session, now=clock.now()) == 1
        session.commit()
        assert session.exec(select(Invite)).all() == []
        assert session.exec(select(Person)).all() == []


def test_invite_arguments_are_checked(engine: Engine, clock: ManualClock) -> None:
    unit_id = _unit(engine, clock)
    with pytest.raises(UserFacingError, match="Vai trò"):
        _invite(engine, clock, unit_id=unit_id, role="admin")
    with pytest.raises(UserFacingError, match="tên đơn vị"):
        _invite(engine, clock, unit_id=None)
    with pytest.raises(UserFacingError, match="720"):
        _invite(engine, clock, unit_id=unit_id, hours=0)


def test_group_redeem_links_unit_chat_and_leaders_chat(engine: Engine, clock: ManualClock) -> None:
    unit_id = _unit(engine, clock)
    unit_code = _invite(engine, clock, unit_id=unit_id)
    leaders_code = _invite(engine, clock, unit_id=None, role=Role.LEADER, audience=Audience.LEADERS)
    group = {"is_private": False, "chat_id": "-500"}
    assert _redeem(engine, clock, unit_code, **group).kind == "unit_chat"
    leaders = _redeem(engine, clock, leaders_code, chat_id="-600", is_private=False)
    assert leaders.kind == "leaders_chat"
    with Session(engine, expire_on_commit=False) as session:
        links = chat_links.chat_links(session, channel="telegram", chat_id="-500")
        assert [(link.audience, link.unit_id) for link in links] == [("unit", unit_id)]
        leaders = chat_links.chat_links(session, channel="telegram", chat_id="-600")
        assert [(link.audience, link.unit_id) for link in leaders] == [("leaders", None)]
        # Linking a group creates no person: members are enrolled when they act.
        assert session.exec(select(Person)).all() == []
    # The same group linked again (new code) reuses its link instead of duplicating it.
    again = _invite(engine, clock, unit_id=unit_id)
    _redeem(engine, clock, again, **group)
    with Session(engine, expire_on_commit=False) as session:
        assert len(session.exec(select(ChatLink).where(ChatLink.chat_id == "-500")).all()) == 1


def test_removal_deactivates_links_and_a_new_code_revives_them(
    engine: Engine, clock: ManualClock
) -> None:
    unit_id = _unit(engine, clock)
    _link_group(engine, clock, unit_id, "-500")
    with Session(engine, expire_on_commit=False) as session:
        removed = membership.chat_removed(
            session, channel="telegram", chat_id="-500", now=clock.now()
        )
        assert removed == 1
        session.commit()
        assert chat_links.chat_links(session, channel="telegram", chat_id="-500") == []
        assert chat_links.links_of_unit(session, unit_id=unit_id) == []
    _link_group(engine, clock, unit_id, "-500")
    with Session(engine, expire_on_commit=False) as session:
        assert len(chat_links.links_of_unit(session, unit_id=unit_id)) == 1


def test_staff_leaving_their_units_group_leave_the_unit(engine: Engine, clock: ManualClock) -> None:
    unit_id = _unit(engine, clock)
    other = _unit(engine, clock, "Phòng Tư pháp")
    _link_group(engine, clock, unit_id, "-500")
    _redeem(engine, clock, _invite(engine, clock, unit_id=unit_id))
    _redeem(engine, clock, _invite(engine, clock, unit_id=other), external_id="300", chat_id="300")
    with Session(engine, expire_on_commit=False) as session:
        # Someone of another unit leaving this group keeps their unit.
        assert (
            membership.member_left(
                session, channel="telegram", chat_id="-500", external_id="300", now=clock.now()
            )
            is None
        )
        left = membership.member_left(
            session, channel="telegram", chat_id="-500", external_id="100", now=clock.now()
        )
        session.commit()
        assert left is not None and not left.active
        assert (
            identities.person_for_identity(session, channel="telegram", external_id="100") is None
        )
        assert identities.person_for_identity(session, channel="telegram", external_id="300")
    # Coming back with a new code re-activates the same person (history stays theirs).
    _redeem(engine, clock, _invite(engine, clock, unit_id=unit_id))
    with Session(engine, expire_on_commit=False) as session:
        back = identities.person_for_identity(session, channel="telegram", external_id="100")
        assert back is not None and back.id == left.id


def test_identity_code_adds_a_second_channel_to_the_same_person(
    engine: Engine, clock: ManualClock
) -> None:
    unit_id = _unit(engine, clock)
    _redeem(engine, clock, _invite(engine, clock, unit_id=unit_id))
    with Session(engine, expire_on_commit=False) as session:
        person = identities.person_for_identity(session, channel="telegram", external_id="100")
        assert person is not None
        code = invites.create_invite(
            session,
            unit_id=unit_id,
            role=person.role,
            audience=invites.IDENTITY_AUDIENCE,
            now=clock.now(),
            actor="telegram:100",
            created_by_id=person.id,
        ).code
        session.commit()
    with pytest.raises(UserFacingError, match="tin nhắn riêng"):
        _redeem(
            engine, clock, code, channel="zalo", external_id="z-1", chat_id="g", is_private=False
        )
    result = _redeem(engine, clock, code, channel="zalo", external_id="z-1", chat_id="z-1")
    assert result.kind == "identity"
    with Session(engine, expire_on_commit=False) as session:
        zalo = identities.person_for_identity(session, channel="zalo", external_id="z-1")
        assert zalo is not None and zalo.id == person.id
        assert len(identities.identities_of(session, person_id=person.id or 0)) == 2


def test_admins_from_settings_and_cli(engine: Engine, clock: ManualClock) -> None:
    assert identities.is_configured_admin(["42", "zalo:7"], channel="telegram", external_id="42")
    assert identities.is_configured_admin(["42", "zalo:7"], channel="zalo", external_id="7")
    assert not identities.is_configured_admin(["42", "zalo:7"], channel="telegram", external_id="7")
    with Session(engine, expire_on_commit=False) as session:
        first = identities.bootstrap_admin(
            session, channel="telegram", external_id="42", display_name="Chánh VP", now=clock.now()
        )
        again = identities.add_admin(
            session,
            channel="telegram",
            external_id="42",
            full_name="Lê Văn Chánh",
            now=clock.now(),
            actor="cli",
        )
        session.commit()
        assert first.id == again.id
        admins = identities.list_admins(session)
        assert [(p.full_name, [i.external_id for i in ids]) for p, ids in admins] == [
            ("Lê Văn Chánh", ["42"])
        ]
        with pytest.raises(UserFacingError, match="họ tên"):
            identities.add_admin(
                session,
                channel="telegram",
                external_id="43",
                full_name=" ",
                now=clock.now(),
                actor="cli",
            )


def test_group_members_are_enrolled_as_staff_of_the_groups_unit(
    engine: Engine, clock: ManualClock
) -> None:
    unit_id = _unit(engine, clock)
    with Session(engine, expire_on_commit=False) as session:
        person = membership.enrol_group_member(
            session,
            unit_id=unit_id,
            channel="zalo",
            external_id="z-9",
            display_name="Phạm Thị Hoa",
            now=clock.now(),
        )
        again = membership.enrol_group_member(
            session,
            unit_id=unit_id,
            channel="zalo",
            external_id="z-9",
            display_name="Phạm Thị Hoa",
            now=clock.now(),
        )
        session.commit()
        assert person.id == again.id
        assert (person.role, person.unit_id) == ("staff", unit_id)
        assert len(session.exec(select(ChannelIdentity)).all()) == 1


def test_units_are_found_by_name_alias_and_merge(engine: Engine, clock: ManualClock) -> None:
    with Session(engine, expire_on_commit=False) as session:
        old = add_unit(session, "Phòng Nội vụ", clock.now())
        new = add_unit(session, "Phòng Nội vụ - Lao động", clock.now())
        old.merged_into_id = new.id
        alias = UnitAlias(unit_id=new.id or 0, alias="PNV-LĐ", folded_alias=unit_key("PNV-LĐ"))
        session.add(alias)
        session.commit()
        assert units.find_unit(session, name="PHONG NOI VU")
        assert (units.find_unit(session, name="phòng nội vụ") or Unit(name="")).id == new.id
        assert (units.find_unit(session, name="PNV-LĐ") or Unit(name="")).id == new.id
        assert units.find_unit(session, name="  ") is None
        with pytest.raises(UserFacingError, match="Không tìm thấy đơn vị"):
            identities.require_unit(session, name="Phòng Không Có")
        assert [u.name for u in identities.active_units(session)] == ["Phòng Nội vụ - Lao động"]


# --- the command line -----------------------------------------------------------------------


@pytest.fixture
def cli(engine: Engine, clock: ManualClock, tmp_path: Path, cli_env: dict[str, str]) -> Cli:
    """The command line as a child process, on the test's database holding three units."""
    with Session(engine) as session:
        for name in ("Văn phòng Sở", "Phòng Tư pháp", "Phòng Tổ chức cán bộ"):
            add_unit(session, name, clock.now())
        session.commit()
    return Cli(engine, tmp_path, cli_env)


@dataclass
class Cli:
    engine: Engine
    tmp: Path
    env: dict[str, str]

    def __call__(self, args: list[str], *, username: str | None = None) -> Ran:
        env = {
            **self.env,
            "NHACVIEC_FILES_DIR": str(self.tmp / "files"),
            "PYTHONIOENCODING": "utf-8",
        }
        env.pop("TELEGRAM_BOT_USERNAME", None)
        if username:
            env["TELEGRAM_BOT_USERNAME"] = username
        return nhacviec(*args, cwd=self.tmp, env=env)

    def stored_invites(self) -> list[Invite]:
        with Session(self.engine) as session:
            return list(session.exec(select(Invite).order_by(col(Invite.id))))


def test_cli_invite_prints_codes_with_deep_links(cli: Cli) -> None:
    result = cli(
        ["invite", "van phong so", "--count", "2", "--role", "leader"],
        username="@nhacviec_bot",
    )
    assert result.returncode == 0, result.stderr
    invites = cli.stored_invites()
    assert [(i.role, i.audience) for i in invites] == [("leader", "unit")] * 2
    for invite in invites:
        assert f"https://t.me/nhacviec_bot?start={invite.code}" in result.stdout
        assert invite.expires_at - invite.created_at == timedelta(hours=72)
    assert "Văn phòng Sở (lãnh đạo)" in result.stdout

    every = cli(["invite", "--all-units", "--hours", "8"])
    assert every.returncode == 0, every.stderr
    lines = [line for line in every.stdout.splitlines() if "\t" in line]
    assert [line.split("\t")[0] for line in lines] == [
        "Phòng Tổ chức cán bộ",
        "Phòng Tư pháp",
        "Văn phòng Sở",
    ]
    assert "TELEGRAM_BOT_USERNAME" in every.stdout

    leaders = cli(["invite", "--leaders"])
    assert leaders.returncode == 0 and "/link " in leaders.stdout
    assert cli.stored_invites()[-1].audience == "leaders"


def test_cli_invite_errors_say_what_to_fix(cli: Cli) -> None:
    unknown = cli(["invite", "Phòng Ma"])
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("Lỗi: Không tìm thấy đơn vị “Phòng Ma”")
    neither = cli(["invite"])
    assert neither.returncode == 2 and "--leaders" in neither.stderr
    too_long = cli(["invite", "Phòng Tư pháp", "--hours", "1000"])
    assert too_long.returncode == 2 and "720" in too_long.stderr
    assert cli.stored_invites() == []
    assert "Traceback" not in unknown.stderr + neither.stderr + too_long.stderr


def test_cli_admin_add_and_list(cli: Cli) -> None:
    added = cli(["admin", "add", "4242", "--name", "Lê Văn Chánh"])
    assert added.returncode == 0, added.stderr
    assert "Lê Văn Chánh (telegram:4242)" in added.stdout
    zalo = cli(["admin", "add", "z-77", "--name", "Hồ Thị Thu", "--channel", "zalo"])
    assert zalo.returncode == 0, zalo.stderr
    listed = cli(["admin", "list"])
    assert "Lê Văn Chánh\ttelegram:4242" in listed.stdout
    assert "Hồ Thị Thu\tzalo:z-77" in listed.stdout
    nameless = cli(["admin", "add", "1", "--name", " "])
    assert nameless.returncode == 2 and "họ tên" in nameless.stderr


def test_a_group_that_changes_its_id_stays_linked(engine: Engine, clock: ManualClock) -> None:
    unit_id = _unit(engine, clock)
    _link_group(engine, clock, unit_id, "-500")
    with Session(engine, expire_on_commit=False) as session:
        moved = membership.chat_migrated(
            session, channel="telegram", old_chat_id="-500", new_chat_id="-100500", now=clock.now()
        )
        session.commit()
        assert moved == 1
        assert chat_links.chat_links(session, channel="telegram", chat_id="-500") == []
        links = chat_links.chat_links(session, channel="telegram", chat_id="-100500")
        assert [(link.audience, link.unit_id) for link in links] == [("unit", unit_id)]
        assert (
            membership.chat_migrated(
                session, channel="telegram", old_chat_id="-1", new_chat_id="-2", now=clock.now()
            )
            == 0
        )


def test_a_person_who_joins_privately_gets_the_units_reminders_there(
    engine: Engine, clock: ManualClock
) -> None:
    first = _unit(engine, clock, "Văn phòng Sở")
    second = _unit(engine, clock, "Phòng Nội vụ")
    _redeem(engine, clock, _invite(engine, clock, unit_id=first, role=Role.FOCAL_POINT))
    with Session(engine) as session:
        targets = recipients.active_recipients(session)
        assert [(t.channel, t.chat_id) for t in targets.for_unit(first)] == [("telegram", "100")]

    # Moving to another unit moves the private chat's reminders with the person.
    _redeem(engine, clock, _invite(engine, clock, unit_id=second, role=Role.FOCAL_POINT))
    with Session(engine) as session:
        targets = recipients.active_recipients(session)
        assert targets.for_unit(first) == []
        assert [t.chat_id for t in targets.for_unit(second)] == ["100"]
        assert targets.leaders == []

    # Staff hear reminders in their unit's group, leaders in the leaders' chat: a private
    # staff or leader code adds no private copy.
    _redeem(engine, clock, _invite(engine, clock, unit_id=first), external_id="200", chat_id="200")
    _redeem(engine, clock, _invite(engine, clock, unit_id=second, role=Role.LEADER))
    with Session(engine) as session:
        targets = recipients.active_recipients(session)
        assert targets.for_unit(first) == [] and targets.for_unit(second) == []
