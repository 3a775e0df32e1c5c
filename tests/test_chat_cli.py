"""`nhacviec chat --as PERSON`: the console talks to the real core."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from cli_helpers import Ran, nhacviec
from sqlalchemy.engine import Engine
from sqlmodel import select

from scheduler.clock import VIETNAM_TZ
from storage.database import session_scope
from storage.invites import create_invite
from storage.models import Person, Unit
from storage.units import add_unit

MOMENT = datetime(2024, 3, 11, 8, 0, tzinfo=VIETNAM_TZ)


def _nhacviec(args: list[str], *, cwd: Path, env: dict[str, str], stdin: str = "") -> Ran:
    env = {
        **env,
        "NHACVIEC_FILES_DIR": str(cwd / "files"),
        "PYTHONIOENCODING": "utf-8",
    }
    for name in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN"):
        env.pop(name, None)
    return nhacviec(*args, cwd=cwd, env=env, input=stdin)


@pytest.fixture
def database(engine: Engine, cli_env: dict[str, str]) -> dict[str, str]:
    """The CLI's environment on the test's database, with two people called Lan."""
    with session_scope(engine) as session:
        unit = add_unit(session, name="Văn phòng Sở", at=MOMENT, actor="test")
        for name in ("Nguyễn Thị Lan", "Trần Lan Anh"):
            session.add(Person(full_name=name, unit_id=unit.id, role="staff", created_at=MOMENT))
    return cli_env


def test_chat_as_person_by_name_answers_commands(tmp_path: Path, database: dict[str, str]) -> None:
    result = _nhacviec(
        ["chat", "--as", "nguyen thi lan", "--now", "2024-03-11 08:00"],
        cwd=tmp_path,
        env=database,
        stdin="/tasks\nxong 99\n:help\n:quit\nthis line is never read\n",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "với tư cách Nguyễn Thị Lan" in out
    assert "Văn phòng Sở" in out  # /tasks answers for the person's unit
    assert "#99" in out  # the core's own message about an unknown item
    assert ":file ĐƯỜNG_DẪN" in out
    assert "Traceback" not in out + result.stderr


def test_chat_with_ambiguous_or_unknown_person_says_what_to_type(
    tmp_path: Path, database: dict[str, str]
) -> None:
    ambiguous = _nhacviec(["chat", "--as", "lan"], cwd=tmp_path, env=database)
    assert ambiguous.returncode == 2
    assert "Có 2 người khớp với “lan”" in ambiguous.stderr
    assert "Nguyễn Thị Lan" in ambiguous.stderr and "Trần Lan Anh" in ambiguous.stderr

    unknown = _nhacviec(["chat", "--as", "Hoa"], cwd=tmp_path, env=database)
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("Lỗi: Không tìm thấy người nào tên hoặc mã “Hoa”")


def test_a_new_person_joins_the_console_chat_with_an_invite_code(
    tmp_path: Path, engine: Engine, database: dict[str, str]
) -> None:
    with session_scope(engine) as session:
        unit = session.exec(select(Unit)).one()
        code = create_invite(session, unit_id=unit.id, now=MOMENT, actor="test").code
    first = _nhacviec(
        ["chat", "--as", "Phạm Văn Hùng", "--code", code.lower(), "--now", "2024-03-11 08:00"],
        cwd=tmp_path,
        env=database,
        stdin="/tasks\n",
    )
    assert first.returncode == 0, first.stderr
    assert "Đã liên kết tài khoản với Văn phòng Sở" in first.stdout
    assert "Traceback" not in first.stdout + first.stderr

    # The code made the person: next time the name alone is enough.
    again = _nhacviec(
        ["chat", "--as", "pham van hung", "--now", "2024-03-11 08:05"],
        cwd=tmp_path,
        env=database,
        stdin="/tasks\n",
    )
    assert again.returncode == 0, again.stderr
    assert "với tư cách Phạm Văn Hùng" in again.stdout
    with session_scope(engine) as session:
        hung = session.exec(select(Person).where(Person.full_name == "Phạm Văn Hùng")).one()
        assert (hung.unit_id, hung.role) == (unit.id, "staff")


def test_unknown_person_is_told_how_to_join_with_a_code(
    tmp_path: Path, database: dict[str, str]
) -> None:
    unknown = _nhacviec(["chat", "--as", "Hoa"], cwd=tmp_path, env=database)
    assert unknown.returncode == 2
    assert 'nhacviec chat --as "Hoa" --code MÃ' in unknown.stderr
