"""Admin overrides of the working-day calendar, stored in the database and used by commands."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest
from cli_helpers import nhacviec
from click.testing import CliRunner
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.cli import build_cli
from messages.errors import UserFacingError
from scheduler.clock import ManualClock
from scheduler.vocabulary import CalendarOverrideKind
from storage.calendar import list_overrides, load_work_calendar, remove_override, set_override
from storage.models import AuditEntry

D = date.fromisoformat


def test_overrides_change_the_loaded_calendar(engine: Engine, clock: ManualClock) -> None:
    with Session(engine) as session:
        assert load_work_calendar(session).is_working_day(D("2024-03-15"))
        set_override(
            session,
            day=D("2024-03-15"),
            kind=CalendarOverrideKind.DAY_OFF,
            note="Nghỉ bù theo thông báo",
            at=clock.now(),
            actor="test",
        )
        set_override(
            session,
            day=D("2024-03-16"),
            kind=CalendarOverrideKind.WORKING_DAY,
            note=None,
            at=clock.now(),
            actor="test",
        )
        session.commit()
    with Session(engine) as session:
        calendar = load_work_calendar(session)
        assert not calendar.is_working_day(D("2024-03-15"))
        assert calendar.is_working_day(D("2024-03-16"))
        assert calendar.effective_due(D("2024-03-15")) == D("2024-03-16")
        rows = list_overrides(session, year=2024)
        assert [(row.day, row.kind, row.note) for row in rows] == [
            (D("2024-03-15"), "day_off", "Nghỉ bù theo thông báo"),
            (D("2024-03-16"), "working_day", None),
        ]
        assert list_overrides(session, year=2025) == []
        actions = session.exec(select(AuditEntry.action)).all()
        assert actions == ["calendar.set", "calendar.set"]


def test_setting_a_day_again_replaces_it(engine: Engine, clock: ManualClock) -> None:
    with Session(engine) as session:
        for kind in (CalendarOverrideKind.DAY_OFF, CalendarOverrideKind.WORKING_DAY):
            set_override(
                session, day=D("2024-06-01"), kind=kind, note=None, at=clock.now(), actor="t"
            )
            session.commit()
    with Session(engine) as session:
        (row,) = list_overrides(session)
        assert row.kind == "working_day"
        assert load_work_calendar(session).is_working_day(D("2024-06-01"))


def test_remove_override(engine: Engine, clock: ManualClock) -> None:
    with Session(engine) as session:
        set_override(
            session,
            day=D("2024-03-15"),
            kind=CalendarOverrideKind.DAY_OFF,
            note=None,
            at=clock.now(),
            actor="t",
        )
        session.commit()
        assert remove_override(session, day=D("2024-03-15"), at=clock.now(), actor="t")
        session.commit()
        assert not remove_override(session, day=D("2024-03-15"), at=clock.now(), actor="t")
        assert load_work_calendar(session).is_working_day(D("2024-03-15"))
        assert list_overrides(session) == []


def test_too_long_note_is_refused_and_nothing_changes(engine: Engine, clock: ManualClock) -> None:
    with Session(engine) as session, pytest.raises(UserFacingError):
        set_override(
            session,
            day=D("2024-03-15"),
            kind=CalendarOverrideKind.DAY_OFF,
            note="x" * 300,
            at=clock.now(),
            actor="t",
        )
    with Session(engine) as session:
        assert list_overrides(session) == []


def test_calendar_and_deadline_commands(engine: Engine, cli_env: dict[str, str]) -> None:
    runner = CliRunner()
    cli = build_cli()

    def run(*args: str) -> str:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    def due(cell: str) -> tuple[str, str]:
        data = json.loads(run("deadline", cell, "--year", "2024", "--json"))
        (occurrence,) = data["occurrences"]
        return occurrence["due"], occurrence["effective_due"]

    assert due("15/3/2024") == ("2024-03-15", "2024-03-15")
    assert "là ngày nghỉ (QĐ nghỉ bù)" in run(
        "calendar", "off", "15/03/2024", "--note", "QĐ nghỉ bù"
    )
    assert due("15/3/2024") == ("2024-03-15", "2024-03-18")
    assert "là ngày làm việc" in run("calendar", "work", "2024-03-16")
    assert due("15/3/2024") == ("2024-03-15", "2024-03-16")
    listing = run("calendar", "list", "--year", "2024")
    assert "15/03/2024: nghỉ (QĐ nghỉ bù)" in listing
    assert "16/03/2024: làm việc" in listing
    assert "10/02/2024: Tết Nguyên Đán" in listing
    assert "04/05/2024" in listing  # the official make-up Saturday
    assert "Đã bỏ điều chỉnh ngày 15/03/2024" in run("calendar", "remove", "15/3/2024")
    assert due("15/3/2024") == ("2024-03-15", "2024-03-15")


def test_deadline_command_table_and_bullets(engine: Engine, cli_env: dict[str, str]) -> None:
    if engine.dialect.name == "postgresql":
        pytest.skip("the table does not depend on the database")
    result = CliRunner().invoke(
        build_cli(),
        [
            "deadline",
            "- Xây dựng KH trước tháng 3; - Báo cáo theo định kỳ; - chờ ý kiến",
            "--year",
            "2024",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Loại: nhiều phần" in out
    assert "Phần 3: «chờ ý kiến»" in out and "CHƯA HIỂU" in out
    assert "Trước tháng 03/2024" in out and "29/02/2024" in out
    assert "Quý I/2024" in out and "15/12/2023–14/03/2024" in out
    assert "Phần chưa hiểu sẽ không được nhắc tự động" in out
    json_result = CliRunner().invoke(
        build_cli(), ["deadline", "--json", "Thường xuyên", "--year", "2024"]
    )
    assert json.loads(json_result.output) == {
        "text": "Thường xuyên",
        "kind": "continuous",
        "occurrences": [],
        "note": "Thường xuyên",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calendar", "off", "31/02/2024"], "không có thật"),
        (["calendar", "work", "ngày mai"], "dd/mm/yyyy"),
        (["calendar", "remove", "01/06/2024"], "chưa có điều chỉnh"),
        (["deadline", "Quý I", "--year", "99"], "không hợp lệ"),
    ],
)
def test_bad_input_prints_one_vietnamese_line(
    tmp_path: object, args: list[str], message: str
) -> None:
    env = {**os.environ, "NHACVIEC_DATABASE_URL": f"sqlite:///{tmp_path}/cli.db"}
    result = nhacviec(*args, env=env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Lỗi: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_deadline_command_describes_relative_and_time(
    engine: Engine, cli_env: dict[str, str]
) -> None:
    if engine.dialect.name == "postgresql":
        pytest.skip("the table does not depend on the database")
    runner = CliRunner()
    relative = runner.invoke(
        build_cli(), ["deadline", "05 ngày làm việc kể từ ngày nhận hồ sơ", "--year", "2024"]
    )
    assert relative.exit_code == 0, relative.output
    assert "Loại: tính từ một sự kiện" in relative.output
    assert "5 ngày làm việc kể từ: ngày nhận hồ sơ" in relative.output
    timed = runner.invoke(build_cli(), ["deadline", "17 giờ ngày 16/3/2024", "--year", "2024"])
    # Saturday 16/03/2024: the limit moves to Monday 18/03.
    assert "Ngày 16/03/2024" in timed.output
    assert "16/03/2024 17:00 18/03/2024" in timed.output
