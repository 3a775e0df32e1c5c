"""What the reminder engine reads: plans' policies and the open dated items due in a range."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, false, or_, select
from sqlmodel import Session, col

from scheduler.planner import DueItem
from scheduler.policy import UNDATED_KINDS
from storage.items import chunks, joined
from storage.models import Assignment, Occurrence, Plan, StatusUpdate, Task, Unit


@dataclass(frozen=True)
class PlanSettings:
    plan_id: int
    code: str
    created_at: datetime
    reminder_policy: dict[str, Any] | None


def plan_settings(session: Session) -> list[PlanSettings]:
    query = select(
        col(Plan.id), col(Plan.code), col(Plan.created_at), col(Plan.reminder_policy)
    ).order_by(col(Plan.id))
    return [PlanSettings(*row) for row in session.execute(query)]


def open_dated_items(
    session: Session,
    *,
    due_ranges: Sequence[tuple[date, date]],
    plan_starts: dict[int, date],
    coordinating_ranges: Sequence[tuple[date, date]] | None = None,
    occurrence_ids: Iterable[int] | None = None,
) -> list[DueItem]:
    """Open, live, dated occurrences whose effective due date falls in one of the ranges.

    `coordinating_ranges`, when given, apply to coordinating assignments and `due_ranges` to
    the others. With `occurrence_ids`, those occurrences instead (whatever their date).
    """
    query = (
        joined(
            select(
                col(Occurrence.id),
                col(Task.plan_id),
                col(Unit.id),
                col(Unit.name),
                col(Assignment.role),
                col(Task.id),
                col(Task.number),
                col(Occurrence.period_key),
                col(Occurrence.period_label),
                col(Occurrence.effective_due),
                col(Occurrence.status),
                col(Occurrence.kind),
                col(Occurrence.nominal_due),
            )
        )
        .where(col(Occurrence.status) != "done")
        .where(col(Occurrence.effective_due).is_not(None))
        .where(col(Occurrence.kind).not_in(sorted(UNDATED_KINDS)))
    )
    rows: list[Any] = []
    if occurrence_ids is not None:
        ids = list(occurrence_ids)
        for chunk in chunks(ids):
            rows.extend(session.execute(query.where(col(Occurrence.id).in_(chunk))))
    else:
        condition = _within(due_ranges)
        if coordinating_ranges is not None:
            condition = or_(
                and_(col(Assignment.role) != "coordinating", _within(due_ranges)),
                and_(col(Assignment.role) == "coordinating", _within(coordinating_ranges)),
            )
        rows.extend(session.execute(query.where(condition)))
    coordinating_tasks = {row[5] for row in rows if row[4] == "coordinating"}
    leads = lead_units(session, task_ids=coordinating_tasks)
    return [
        DueItem(
            occurrence_id=row[0],
            plan_id=row[1],
            plan_start=plan_starts.get(row[1], date.min),
            unit_id=row[2],
            unit_name=row[3],
            role=row[4],
            task_id=row[5],
            task_number=row[6],
            period_key=row[7],
            period_label=row[8],
            effective_due=row[9],
            status=row[10],
            kind=row[11],
            lead_unit_ids=leads.get(row[5], ()),
            nominal_due=row[12],
        )
        for row in rows
    ]


def _within(ranges: Sequence[tuple[date, date]]) -> Any:
    if not ranges:
        return false()
    return or_(*(col(Occurrence.effective_due).between(low, high) for low, high in ranges))


def lead_units(session: Session, *, task_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """The active lead units of each task."""
    ids = sorted(set(task_ids))
    found: dict[int, list[int]] = {}
    for chunk in chunks(ids):
        query = (
            select(col(Assignment.task_id), col(Assignment.unit_id))
            .join(Unit, col(Unit.id) == col(Assignment.unit_id))
            .where(col(Assignment.task_id).in_(chunk))
            .where(col(Assignment.role) == "lead")
            .where(col(Assignment.withdrawn) == false())
            .where(col(Unit.active).is_(True))
            .order_by(col(Assignment.id))
        )
        for task_id, unit_id in session.execute(query):
            found.setdefault(task_id, []).append(unit_id)
    return {task_id: tuple(units) for task_id, units in found.items()}


def plan_start_days(plans: Iterable[PlanSettings], tz: ZoneInfo) -> dict[int, date]:
    return {plan.plan_id: plan.created_at.astimezone(tz).date() for plan in plans}


def units_with_open_items(session: Session) -> list[tuple[int, str]]:
    """Active units that have at least one live item not done (they get a weekly list)."""
    query = (
        joined(select(col(Unit.id), col(Unit.name)))
        .where(col(Occurrence.status) != "done")
        .group_by(col(Unit.id), col(Unit.name))
        .order_by(col(Unit.id))
    )
    return [(unit_id, name) for unit_id, name in session.execute(query)]


def last_notes(session: Session, *, occurrence_ids: Iterable[int]) -> dict[int, str]:
    """The latest non-empty note each item's unit wrote with a status update."""
    wanted = sorted(set(occurrence_ids))
    notes: dict[int, str] = {}
    for chunk in chunks(wanted):
        query = (
            select(col(StatusUpdate.occurrence_id), col(StatusUpdate.note))
            .where(
                col(StatusUpdate.occurrence_id).in_(chunk),
                col(StatusUpdate.note).is_not(None),
                col(StatusUpdate.note) != "",
            )
            .order_by(col(StatusUpdate.created_at), col(StatusUpdate.id))
        )
        for occurrence_id, note in session.execute(query):
            notes[occurrence_id] = note
    return notes
