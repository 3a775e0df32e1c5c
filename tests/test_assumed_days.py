"""A duty with a frequency but no day ("Hằng tháng") gets no invented date.

The review says the day is assumed and names it; nothing is reported late or escalated from
it; once the office sets the plan's monthly day, the duty is dated and followed like any other.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy.engine import Engine

from bot.cli import build_cli
from messages.deadline_notes import deadline_json
from scheduler.deadlines.grammar import parse_deadline
from scheduler.policy import ASSUMED_KIND, ItemState, NoticeKind, ReminderPolicy, schedule
from scheduler.reporting import ReportingCalendar, extract_reporting_calendar
from scheduler.workdays import WorkCalendar

PLAN_DIR = Path(__file__).parent / "data" / "plans" / "tan-hoa-2025"
PLAN = PLAN_DIR / "PL-KH12-CCHC-2025-TanHoa.docx"


def test_monthly_without_a_day_is_assumed_and_a_stated_day_is_not() -> None:
    alone = parse_deadline("Hằng tháng", year=2025)
    assert alone.occurrences and all(spec.assumed for spec in alone.occurrences)
    assert deadline_json(alone)["occurrences"][0]["assumed"] is True
    stated = parse_deadline("Trước ngày 05 của tháng sau", year=2025)
    assert not any(spec.assumed for spec in stated.occurrences)
    plan_calendar = extract_reporting_calendar(
        "Báo cáo tháng gửi trước ngày 25 hằng tháng.", year=2025
    )
    assert plan_calendar is not None
    by_plan = parse_deadline("Hằng tháng", year=2025, reporting=plan_calendar)
    assert not any(spec.assumed for spec in by_plan.occurrences)
    assert by_plan.occurrences[0].due == date(2025, 1, 24)
    # Stored and read back, the default stays a default and a plan's day stays the plan's.
    again = ReportingCalendar.from_json(ReportingCalendar().to_json())
    assert not again.monthly.stated
    assert ReportingCalendar.from_json(plan_calendar.to_json()).monthly.stated


def test_an_assumed_day_is_reminded_but_never_overdue_nor_escalated() -> None:
    policy = ReminderPolicy()
    calendar = WorkCalendar()
    due = date(2025, 2, 20)
    assumed = schedule(
        ItemState(effective_due=due, kind=ASSUMED_KIND), policy=policy, calendar=calendar
    )
    written = schedule(
        ItemState(effective_due=due, kind="recurring"), policy=policy, calendar=calendar
    )
    assert assumed and {n.kind for n in assumed} == {NoticeKind.REMINDER}
    assert {n.kind for n in written} >= {NoticeKind.OVERDUE, NoticeKind.ESCALATION}


def _run(*args: str) -> str:
    result = CliRunner().invoke(build_cli(), list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _kinds_for(task: str) -> set[str]:
    messages = json.loads(_run("agenda", "--from", "01/02/2025", "--to", "31/03/2025", "--json"))
    return {
        item["kind"] for message in messages for item in message["items"] if item["task"] == task
    }


def test_tan_hoa_monthly_duty_until_the_office_sets_the_day(
    engine: Engine, cli_env: dict[str, str]
) -> None:
    _run("units", "load", str(PLAN_DIR / "units-full-names.yaml"))
    _run("units", "alias", "--accept", str(PLAN))
    review = json.loads(
        _run("import", str(PLAN), "--code", "TH12", "--now", "2025-01-02 08:00", "--json")
    )
    default_day = [p for p in review["problems"] if p["kind"] == "deadline_default_day"]
    assert len(default_day) == 1
    message = default_day[0]["message"]
    assert "VII.1" in message and "ngày 20" in message and 'reporting set "TH12"' in message
    # I.2 writes its day ("Trước ngày 05 của tháng sau"): nothing to say about it.
    assert "I.2 " not in message
    assert _kinds_for("VII.1") == {"reminder"}
    tried = _run("deadline", "Hằng tháng", "--year", "2025")
    assert "Kế hoạch không ghi ngày nộp: ngày 20 ở trên là ngày tạm" in tried
    assert "escalation" in _kinds_for("I.2")

    _run("reporting", "set", "TH12", "--text", "Báo cáo tháng gửi trước ngày 25 hằng tháng")
    assert _kinds_for("VII.1") >= {"reminder", "overdue", "escalation"}
