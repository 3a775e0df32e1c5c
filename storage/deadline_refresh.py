"""Re-reading stored deadline cells when the calendars they depend on change.

A plan's reporting dates decide when its periodic reports are due, and the admin's days off
decide effective due dates; both are baked into Occurrence rows, so changing either must
re-derive the rows (matched by period_key: history stays with its period).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from messages import texts
from messages.deadline_notes import deadline_json
from messages.errors import UserFacingError
from scheduler.deadlines import Deadline, parse_deadline
from scheduler.folding import fold
from scheduler.reporting import ReportingCalendar
from scheduler.workdays import WorkCalendar
from storage.audit import record
from storage.calendar import load_work_calendar
from storage.models import Plan, Task
from storage.occurrences import OccurrenceCounts, materialise_tasks


def find_plan(session: Session, *, code: str) -> Plan:
    """A plan by its code, ignoring accents and case; a clear message when there is none."""
    wanted = fold(code)
    plans = session.exec(select(Plan)).all()
    for plan in plans:
        if fold(plan.code) == wanted:
            return plan
    known = ", ".join(sorted(plan.code for plan in plans)[:10]) or texts.text(
        "storage", "no_plans_yet"
    )
    raise UserFacingError(texts.text("storage", "plan_not_found", code=repr(code), known=known))


def refresh_plan(
    session: Session, *, plan: Plan, calendar: WorkCalendar, at: datetime
) -> OccurrenceCounts:
    """Parse every task's deadline cell again and bring its occurrences in line."""
    reporting = ReportingCalendar.from_json(plan.reporting_calendar)
    tasks = session.exec(select(Task).where(Task.plan_id == plan.id).order_by(col(Task.id))).all()
    parsed: list[tuple[Task, Deadline]] = []
    # Plans repeat the same few deadline texts; each is read once.
    known: dict[str, Deadline] = {}
    for task in tasks:
        text = (task.deadline_text or "").strip()
        deadline = Deadline(text="", kind="unknown")
        if text and not task.withdrawn:
            deadline = known.get(text) or known.setdefault(
                text, parse_deadline(text, year=plan.year, reporting=reporting, calendar=calendar)
            )
        if not task.withdrawn:
            rule = deadline_json(deadline)
            if task.deadline_rule != rule or task.deadline_kind != deadline.kind:
                task.deadline_rule, task.deadline_kind, task.updated_at = rule, deadline.kind, at
                session.add(task)
        parsed.append((task, deadline))
    # All of the plan's occurrences in one pass, not a few queries per task.
    return materialise_tasks(session, tasks=parsed)


def refresh_all_plans(session: Session, *, at: datetime) -> OccurrenceCounts:
    """After a change of the working-day calendar: every plan's effective due dates again."""
    calendar = load_work_calendar(session)
    counts = OccurrenceCounts()
    for plan in session.exec(select(Plan).order_by(col(Plan.id))).all():
        counts.add(refresh_plan(session, plan=plan, calendar=calendar, at=at))
    return counts


def set_plan_reporting(
    session: Session,
    *,
    plan: Plan,
    reporting: ReportingCalendar | None,
    at: datetime,
    actor: str,
) -> OccurrenceCounts:
    """Give a plan its own reporting dates (None: back to the Bộ Nội vụ regime), then re-derive
    its occurrences."""
    before = plan.reporting_calendar
    plan.reporting_calendar = reporting.to_json() if reporting is not None else None
    plan.updated_at = at
    session.add(plan)
    details = {"before": before, "after": plan.reporting_calendar}
    record(session, "plan.reporting_calendar", "plan", plan.id, details, at=at, actor=actor)
    session.flush()
    return refresh_plan(session, plan=plan, calendar=load_work_calendar(session), at=at)
