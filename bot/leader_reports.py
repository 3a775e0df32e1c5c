"""Leaders' files: the Excel export and the period report draft, for the CLI and chat alike.

Both entry points (`nhacviec export|report` and `/xuatbaocao`, `/baocao`) call these, so a
file made in chat is the file made on the command line.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlmodel import Session

from bot.context import AppContext
from messages.errors import UserFacingError
from messages.render import render
from messages.report_outline import ReportHeading
from scheduler.clock import Clock
from scheduler.items import Item
from scheduler.report_period import ReportPeriod, parse_report_period
from scheduler.tally import Tally, combine
from storage.items import unit_tallies
from storage.models import Plan
from storage.report_data import (
    PeriodFilter,
    find_plan,
    grand_total,
    list_periods,
    list_plans,
    matching_period_keys,
    period_filter,
    report_items,
    unit_totals,
)

REPORT_FILES_KEPT = timedelta(days=7)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    items: list[Item]
    totals: list[Tally]
    total: Tally
    period_count: int
    plan_code: str | None = None
    period_label: str | None = None


@dataclass(frozen=True)
class ReportResult:
    path: Path
    period: ReportPeriod
    plan_code: str
    items: list[Item]
    late_count: int
    total: Tally


def export_workbook(
    session: Session,
    *,
    clock: Clock,
    out_path: Path,
    plan_code: str | None = None,
    period_text: str | None = None,
) -> ExportResult:
    """Write the workbook of one plan (or all plans), optionally narrowed to one period."""
    # The spreadsheet library loads only for the commands that write one.
    from messages.export_xlsx import write_workbook

    _check_extension(out_path, ".xlsx")
    today = clock.today()
    plan = _plan_or_error(session, plan_code) if plan_code else None
    plan_id = plan.id if plan else None
    selection: PeriodFilter | None = None
    period_label: str | None = None
    if period_text is not None and period_text.strip():
        keys = matching_period_keys(session, text=period_text, plan_id=plan_id)
        parsed = parse_report_period(period_text)
        if parsed is None and not keys:
            raise _unknown_period(session, period_text, plan_id)
        if parsed is not None:
            # The same selection as the report draft of that period: their totals agree.
            keys |= matching_period_keys(session, text=parsed.label, plan_id=plan_id)
            selection = period_filter(parsed, keys=keys, tz=clock.tz)
            period_label = parsed.label
        else:
            selection = PeriodFilter(period_keys=frozenset(keys))
            period_label = period_text.strip()
    items = report_items(session, today=today, tz=clock.tz, plan_id=plan_id, period=selection)
    scope = render("report/scope.txt", plan_code=plan.code if plan else None, period=period_label)
    try:
        write_workbook(out_path, items=items, scope=scope, today=today, generated_at=clock.now())
    except OSError as exc:
        raise _cannot_write(out_path, exc) from exc
    totals = unit_totals(items)
    return ExportResult(
        path=out_path,
        items=items,
        totals=totals,
        total=grand_total(totals),
        period_count=len({item.period_key for item in items}),
        plan_code=plan.code if plan else None,
        period_label=period_label,
    )


def report_draft(
    session: Session,
    *,
    clock: Clock,
    out_path: Path,
    period_text: str,
    plan_code: str | None = None,
) -> ReportResult:
    """Write the .docx draft of the period's CCHC results report for one plan."""
    # python-docx loads only for the commands that write a report.
    from messages.report_docx import write_report

    _check_extension(out_path, ".docx")
    if not period_text.strip():
        raise UserFacingError(render("report/errors.txt", kind="missing_period"))
    today = clock.today()
    tz = clock.tz
    plan = _single_plan(session, plan_code)
    assert plan.id is not None
    period = parse_report_period(period_text)
    if period is None:
        raise _unknown_period(session, period_text, plan.id, reportable_only=True)
    keys = matching_period_keys(session, text=period_text, plan_id=plan.id)
    keys |= matching_period_keys(session, text=period.label, plan_id=plan.id)
    selection = period_filter(period, keys=keys, tz=tz)
    items = report_items(session, today=today, tz=tz, plan_id=plan.id, period=selection)
    heading = plan_heading(plan)
    try:
        write_report(
            out_path,
            items=items,
            heading=heading,
            period=period,
            today=today,
            year_total=year_total(session, today=today, plan_id=plan.id, clock=clock),
        )
    except OSError as exc:
        raise _cannot_write(out_path, exc) from exc
    total = grand_total(unit_totals(items))
    return ReportResult(
        path=out_path,
        period=period,
        plan_code=heading.plan_code,
        items=items,
        late_count=total.overdue,
        total=total,
    )


def year_total(session: Session, *, today: date, plan_id: int | None, clock: Clock) -> int:
    """Every live item of the plan ("cả năm: N việc"), shown beside a period's figures."""
    return combine(unit_tallies(session, today=today, plan_id=plan_id, tz=clock.tz)).total


def plan_heading(plan: Plan) -> ReportHeading:
    """What the draft's opening cites: the plan's number, date and issuer where imported."""
    # Number and signing date come from the import where the plan's file states them.
    number = getattr(plan, "number", None) or getattr(plan, "document_number", None)
    return ReportHeading(
        plan_code=plan.code,
        plan_title=plan.title,
        issuer=plan.issuer,
        year=plan.year,
        plan_number=number,
        issued_on=getattr(plan, "issued_on", None),
    )


def output_path(app: AppContext, *, stem: str, extension: str) -> Path:
    """A fresh file under the files folder for a file sent in chat (never overwrites another).

    Files made for chat are copies of what the database says; those older than a week are
    removed here so that the folder does not grow with every request.
    """
    now = app.clock.now()
    folder = app.files_dir / "reports"
    prune(folder, older_than=now - REPORT_FILES_KEPT)
    return folder / f"{stem}-{now:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}{extension}"


def prune(folder: Path, *, older_than: datetime) -> int:
    """Delete the files in `folder` last written before `older_than`; returns how many."""
    if not folder.is_dir():
        return 0
    limit = older_than.timestamp()
    removed = 0
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            continue  # another process removed it first, or it is not ours to delete
    return removed


def export_summary(result: ExportResult) -> str:
    from messages.progress_words import percent_text

    total = result.total
    return _cli_done(
        "export",
        result.path,
        items=total.items,
        units=len(result.totals),
        sheets=result.period_count,
        done=total.done,
        due=total.due_so_far,
        rate=percent_text(total.completion_rate),
        overdue=total.overdue,
    )


def report_summary(result: ReportResult) -> str:
    period, late = result.period.label, result.late_count
    return _cli_done("report", result.path, period=period, items=len(result.items), late=late)


def _cli_done(kind: str, path: Path, **values: object) -> str:
    """The line the CLI prints once a leaders' file is written."""
    return render("report/cli_done.txt", kind=kind, path=str(path), **values)


def _single_plan(session: Session, plan_code: str | None) -> Plan:
    if plan_code:
        return _plan_or_error(session, plan_code)
    plans = list_plans(session)
    if not plans:
        raise UserFacingError(render("report/errors.txt", kind="no_plan"))
    if len(plans) > 1:
        raise UserFacingError(
            render("report/errors.txt", kind="choose_plan", codes=[p.code for p in plans])
        )
    return plans[0]


def _plan_or_error(session: Session, code: str) -> Plan:
    plan = find_plan(session, code=code)
    if plan is None:
        codes = [p.code for p in list_plans(session)]
        raise UserFacingError(
            render("report/errors.txt", kind="unknown_plan", code=code.strip(), codes=codes)
        )
    return plan


def _unknown_period(
    session: Session, text: str, plan_id: int | None, *, reportable_only: bool = False
) -> UserFacingError:
    labels = list(dict.fromkeys(label for _, label in list_periods(session, plan_id=plan_id)))
    if reportable_only:
        # A report covers a month, quarter, half or year: a one-off deadline such as "Trước
        # ngày 15/12/2024" is a period of the workbook but would be refused here if typed.
        labels = [label for label in labels if parse_report_period(label) is not None]
    shown = labels[:12] + (["…"] if len(labels) > 12 else [])
    return UserFacingError(
        render("report/errors.txt", kind="unknown_period", text=text.strip(), periods=shown)
    )


def _check_extension(path: Path, extension: str) -> None:
    if path.suffix.lower() != extension:
        raise UserFacingError(
            render("report/errors.txt", kind="bad_extension", extension=extension, name=str(path))
        )


def _cannot_write(path: Path, exc: OSError) -> UserFacingError:
    reason = exc.strerror or exc.__class__.__name__
    return UserFacingError(
        render("report/errors.txt", kind="cannot_write", name=str(path), reason=reason)
    )
