"""`nhacviec reporting …`: a plan's own reporting dates (when periodic reports are due)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
import yaml

from bot.cli.common import open_app
from messages import texts
from messages.errors import UserFacingError
from messages.render import render
from scheduler.reporting import PERIOD_CODES, ReportingCalendar, extract_reporting_calendar
from storage import safe_yaml
from storage.deadline_refresh import find_plan, set_plan_reporting

_ACTOR = "cli"


@click.group("reporting")
def reporting() -> None:
    """Lịch báo cáo định kỳ của một kế hoạch (mặc định: chế độ báo cáo CCHC của Bộ Nội vụ)."""


@reporting.command("show")
@click.argument("plan_code")
def reporting_show(plan_code: str) -> None:
    """Xem hạn các kỳ báo cáo của kế hoạch."""
    app = open_app()
    with app.session() as session:
        plan = find_plan(session, code=plan_code)
        calendar = ReportingCalendar.from_json(plan.reporting_calendar)
        click.echo(_render(plan.code, plan.year, calendar, changed=None))


@reporting.command("set")
@click.argument("plan_code")
@click.option(
    "--text", "sentence", default=None, help="Câu quy định ngày báo cáo, như trong kế hoạch."
)
@click.option(
    "--file",
    "path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Tệp YAML/JSON: monthly, periods (Q1, Q2, H1, Q3, Q4, Y), regular.",
)
@click.option("--default", "use_default", is_flag=True, help="Trở về chế độ của Bộ Nội vụ.")
def reporting_set(
    plan_code: str, sentence: str | None, path: Path | None, use_default: bool
) -> None:
    """Đặt ngày báo cáo riêng của kế hoạch rồi tính lại hạn các nhiệm vụ."""
    if sum(bool(choice) for choice in (sentence, path, use_default)) != 1:
        raise UserFacingError(texts.text("cli", "reporting_one_source"))
    app = open_app()
    with app.session() as session:
        plan = find_plan(session, code=plan_code)
        calendar: ReportingCalendar | None = None
        if sentence:
            calendar = extract_reporting_calendar(sentence, year=plan.year)
            if calendar is None:
                raise UserFacingError(texts.text("cli", "reporting_sentence_unread"))
        elif path is not None:
            calendar = replace(ReportingCalendar.from_json(_read_file(path)), source="manual")
        counts = set_plan_reporting(
            session, plan=plan, reporting=calendar, at=app.clock.now(), actor=_ACTOR
        )
        shown = calendar or ReportingCalendar()
        click.echo(_render(plan.code, plan.year, shown, changed=counts.created + counts.updated))


def _read_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else safe_yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise UserFacingError(
            texts.text("cli", "reporting_file_unread", file=path.name, problem=str(exc))
        ) from None
    if not isinstance(data, dict):
        raise UserFacingError(texts.text("cli", "reporting_file_shape", file=path.name))
    return data


def _render(code: str, year: int, calendar: ReportingCalendar, *, changed: int | None) -> str:
    monthly = calendar.monthly.resolve(year, 1)
    shown = [
        code
        for code in PERIOD_CODES
        if calendar.own_rule(code) is not None or code in ("Q1", "H1", "Q3", "Y")
    ]
    periods = [(code, *calendar.rule(code).resolve(year)) for code in shown]
    return render(
        "reporting_calendar.txt",
        plan_code=code,
        year=year,
        source=calendar.source,
        monthly_day=calendar.monthly.day,
        monthly_next=calendar.monthly.next_month,
        monthly_example=monthly,
        periods=periods,
        regular=[texts.text("cli", f"frequency_{f}") for f in calendar.regular],
        changed=changed,
    )
