"""Stored occurrences follow a change of the plan's reporting dates or of the days off."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import assign, make_plan, make_task, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.cli import build_cli
from messages.errors import UserFacingError
from scheduler.clock import ManualClock
from scheduler.reporting import ReportingCalendar
from scheduler.vocabulary import CalendarOverrideKind
from storage.calendar import set_override
from storage.deadline_refresh import find_plan, refresh_all_plans, set_plan_reporting
from storage.models import AuditEntry, Occurrence, Plan

D = date.fromisoformat


def _seed(session: Session) -> Plan:
    plan = make_plan(session, code="KH-49/2021", year=2021)
    unit = make_unit(session, "Phòng TCCB")
    quarterly = make_task(session, plan, "1", deadline_text="Báo cáo theo định kỳ")
    once = make_task(session, plan, "2", deadline_text="Quý I/2021")
    assign(session, quarterly, unit)
    assign(session, once, unit)
    return plan


def _dues(session: Session) -> dict[str, tuple[date | None, date | None, bool]]:
    rows = session.exec(select(Occurrence).order_by(col(Occurrence.id))).all()
    return {row.period_key: (row.nominal_due, row.effective_due, row.withdrawn) for row in rows}


def test_plan_reporting_dates_move_the_reports(engine: Engine, clock: ManualClock) -> None:
    with Session(engine) as session:
        plan = _seed(session)
        set_plan_reporting(session, plan=plan, reporting=None, at=clock.now(), actor="t")
        session.commit()
        # Bộ Nội vụ regime; 20/03/2021 Sat → 22/03, 20/06/2021 Sun → 21/06.
        assert _dues(session) == {
            "2021-Q1": (D("2021-03-20"), D("2021-03-22"), False),
            "2021-H1": (D("2021-06-20"), D("2021-06-21"), False),
            "2021-Q3": (D("2021-09-20"), D("2021-09-20"), False),
            "2021-Y": (D("2021-12-20"), D("2021-12-20"), False),
            "by-2021-Q1": (D("2021-03-31"), D("2021-03-31"), False),
        }
        soc_trang = ReportingCalendar.from_json(
            {"periods": {"Q1": "27/02", "H1": "28/05", "Q3": "27/08", "Y": "17/11"}}
        )
        counts = set_plan_reporting(
            session, plan=plan, reporting=soc_trang, at=clock.now(), actor="t"
        )
        session.commit()
        assert counts.updated == 4 and counts.created == 0
        dues = _dues(session)
        assert dues["2021-Q1"] == (D("2021-02-27"), D("2021-03-01"), False)
        assert dues["2021-Y"] == (D("2021-11-17"), D("2021-11-17"), False)
        assert dues["by-2021-Q1"] == (D("2021-03-31"), D("2021-03-31"), False)
        actions = session.exec(select(AuditEntry.action)).all()
        assert actions.count("plan.reporting_calendar") == 2
        stored = session.get(Plan, plan.id)
        assert stored is not None and stored.reporting_calendar == soc_trang.to_json()


def test_a_day_off_moves_stored_effective_dates(engine: Engine, clock: ManualClock) -> None:
    with Session(engine) as session:
        plan = _seed(session)
        set_plan_reporting(session, plan=plan, reporting=None, at=clock.now(), actor="t")
        session.commit()
        set_override(
            session,
            day=D("2021-03-31"),
            kind=CalendarOverrideKind.DAY_OFF,
            note=None,
            at=clock.now(),
            actor="t",
        )
        session.flush()
        counts = refresh_all_plans(session, at=clock.now())
        session.commit()
        assert counts.updated == 1
        assert _dues(session)["by-2021-Q1"] == (D("2021-03-31"), D("2021-04-01"), False)


def test_find_plan_ignores_case_and_says_what_exists(engine: Engine) -> None:
    with Session(engine) as session:
        _seed(session)
        session.commit()
        assert find_plan(session, code="kh-49/2021").code == "KH-49/2021"
        with pytest.raises(UserFacingError, match="KH-49/2021"):
            find_plan(session, code="KH-50")


def test_reporting_command(engine: Engine, cli_env: dict[str, str], tmp_path: Path) -> None:
    with Session(engine) as session:
        _seed(session)
        session.commit()
    runner = CliRunner()
    cli = build_cli()

    def run(*args: str) -> str:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    shown = run("reporting", "show", "kh-49/2021")
    assert "chế độ báo cáo CCHC của Bộ Nội vụ" in shown
    assert "Quý I: hạn 20/03/2021, số liệu 15/12/2020–14/03/2021" in shown
    sentence = (
        "Báo cáo quý I gửi chậm nhất ngày 27/02, báo cáo 6 tháng chậm nhất ngày 28/5, "
        "báo cáo quý III chậm nhất ngày 27/8, báo cáo năm chậm nhất ngày 17/11."
    )
    changed = run("reporting", "set", "KH-49/2021", "--text", sentence)
    assert "theo ngày ghi trong kế hoạch" in changed
    assert "Quý I: hạn 27/02/2021" in changed and "Năm: hạn 17/11/2021" in changed
    # The seeded tasks had no occurrences yet: four reports and the quarter-I task are created.
    assert "Đã tính lại hạn: 5 kỳ" in changed
    by_hand = tmp_path / "lich.yaml"
    by_hand.write_text(
        "monthly: {day: 2, next_month: true, window_start_day: 1}\n"
        "periods:\n  Q1: {due: 15/03, window: [15/12/-1, 14/03]}\n  Q2: 15/06\n",
        encoding="utf-8",
    )
    manual = run("reporting", "set", "KH-49/2021", "--file", str(by_hand))
    assert "do quản trị đặt" in manual
    assert "hạn ngày 02 của tháng sau" in manual
    assert "Quý II: hạn 15/06/2021" in manual
    assert "chế độ báo cáo CCHC của Bộ Nội vụ" in run("reporting", "set", "KH-49/2021", "--default")
    with Session(engine) as session:
        assert _dues(session)["2021-Q1"][0] == D("2021-03-20")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["reporting", "set", "KH-49/2021"], "đúng một"),
        (["reporting", "set", "KH-49/2021", "--text", "Báo cáo đầy đủ"], "Không thấy ngày báo cáo"),
        (["reporting", "show", "KH-1"], "Không có kế hoạch"),
    ],
)
def test_reporting_command_refuses_bad_input(
    engine: Engine, cli_env: dict[str, str], args: list[str], message: str
) -> None:
    if engine.dialect.name == "postgresql":
        pytest.skip("input checks do not depend on the database")
    with Session(engine) as session:
        _seed(session)
        session.commit()
    result = CliRunner().invoke(build_cli(), args)
    assert isinstance(result.exception, UserFacingError)
    assert message in result.exception.message
    with Session(engine) as session:
        plan = session.exec(select(Plan)).one()
        assert plan.reporting_calendar is None
