"""Importing a plan into the database: one file, one transaction, and a review of what was read.

Re-importing a plan with the same code updates its tasks in place (matched by number): status
history and evidence stay attached to their occurrences, a task gone from the file is marked
withdrawn, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from messages import texts
from messages.deadline_notes import deadline_json
from messages.errors import UserFacingError
from scheduler.deadlines.model import Deadline
from scheduler.workdays import WorkCalendar
from storage.audit import record
from storage.calendar import load_work_calendar
from storage.importing.assignments import (
    AssignmentChanges,
    assign_units,
    current_assignments,
    write_assignments,
)
from storage.importing.options import ImportOptions
from storage.importing.plan_lookup import find_plan
from storage.importing.plan_meta import plan_reporting, resolve_meta
from storage.importing.readers import SourceDocument, read_source
from storage.importing.review import ImportReview, Problem, TaskReview, describe_table
from storage.importing.table import ParsedTask, parse_table
from storage.importing.task_cells import read_deadline, read_units, where
from storage.importing.unit_cells import CellResolver
from storage.models import Plan, Task, Unit
from storage.occurrences import (
    AssignmentRef,
    DesiredOccurrence,
    desired_occurrences,
    materialise_assignments,
)

__all__ = ["ImportOptions", "import_file", "import_plan"]


def import_file(
    engine: Engine,
    *,
    path: Path,
    options: ImportOptions,
    at: datetime,
    actor: str,
    calendar: WorkCalendar | None = None,
) -> ImportReview:
    """Read `path` and import it in one transaction; a dry run rolls everything back."""
    document = read_source(path)
    with Session(engine, expire_on_commit=False) as session:
        try:
            review = import_plan(
                session,
                document=document,
                options=options,
                at=at,
                actor=actor,
                calendar=calendar,
                source_file=str(path),
            )
            if options.dry_run:
                session.rollback()
            else:
                session.commit()
        except BaseException:
            session.rollback()
            raise
    return review


def import_plan(
    session: Session,
    *,
    document: SourceDocument,
    options: ImportOptions,
    at: datetime,
    actor: str,
    calendar: WorkCalendar | None = None,
    source_file: str | None = None,
) -> ImportReview:
    """Import a read document into the caller's transaction and say what was understood."""
    table = parse_table(document)
    if not any(parsed.title.strip() for parsed in table.tasks):
        # An empty template would otherwise create an empty plan, or withdraw every task of
        # the plan it is imported over.
        raise UserFacingError(texts.text("import", "no_tasks", file=document.file_name))
    meta = resolve_meta(document, table.preamble, options)
    plan, code = find_plan(session, meta)
    year, title = meta.year, meta.title
    reporting = plan_reporting(
        document, table.preamble, year, plan.reporting_calendar if plan else None
    )
    calendar = calendar or load_work_calendar(session)
    review = ImportReview(
        file_name=document.file_name,
        format=document.format,
        plan_code=code,
        plan_title=title,
        year=year,
        dry_run=options.dry_run,
        plan_created=plan is None,
        reporting_calendar=reporting.to_json() if reporting else None,
    )
    describe_table(review, document, table)
    review.problems.extend(Problem(p.row, p.kind, p.message) for p in table.problems)
    if plan is None:
        plan = Plan(code=code, title=title, year=year, created_at=at, updated_at=at)
    if plan.id is None or meta.title_known:
        # A title made up from the code never replaces one already known.
        plan.title = title
    review.plan_title = plan.title
    plan.year, plan.updated_at = year, at
    plan.number = meta.number or plan.number
    plan.issuer = meta.issuer or plan.issuer
    plan.issued_on = meta.issued_on or plan.issued_on
    review.plan_number, review.issuer = plan.number, plan.issuer
    review.issued_on = plan.issued_on.strftime("%d/%m/%Y") if plan.issued_on else None
    if source_file:
        plan.source_file = source_file[-500:]
    if reporting is not None:
        plan.reporting_calendar = reporting.to_json()
    session.add(plan)
    session.flush()
    assert plan.id is not None

    existing = {
        task.number: task
        for task in session.exec(select(Task).where(Task.plan_id == plan.id)).all()
    }
    resolver = CellResolver(session)
    parsed_deadlines: dict[str, Deadline] = {}
    seen: set[str] = set()
    rows: list[_Row] = []
    for position, parsed in enumerate(table.tasks, start=1):
        if not parsed.title.strip():
            review.problems.append(
                Problem(
                    parsed.row,
                    "empty_title",
                    texts.text("import", "empty_title", row=where(parsed), number=parsed.number),
                )
            )
            continue
        # Numbers are unique here: parse_table gave a repeated one a letter and said so.
        seen.add(parsed.number)
        lead, lead_labels = read_units(
            session, resolver, parsed, "lead", options, at, actor, review
        )
        coordinating, coordinating_labels = read_units(
            session, resolver, parsed, "coordinating", options, at, actor, review
        )
        deadline = read_deadline(parsed, year, reporting, calendar, review, parsed_deadlines)
        task = existing.get(parsed.number)
        status = "unchanged"
        values: dict[str, Any] = {
            "position": position,
            "section": parsed.section[:500] if parsed.section else None,
            "title": parsed.title,
            "expected_output": parsed.output or None,
            "deadline_text": parsed.deadline or None,
            "deadline_rule": deadline_json(deadline),
            "deadline_kind": deadline.kind,
            "withdrawn": False,
        }
        if task is None:
            task = Task(
                plan_id=plan.id, number=parsed.number, created_at=at, updated_at=at, **values
            )
            status = "new"
        else:
            for name, value in values.items():
                if getattr(task, name) != value:
                    setattr(task, name, value)
                    if name != "position":
                        status = "updated"
            if status == "updated":
                task.updated_at = at
        session.add(task)
        labels = (lead_labels, coordinating_labels)
        rows.append(_Row(parsed, task, status, deadline, lead, coordinating, *labels))

    gone: list[Task] = []
    for number, task in existing.items():
        if number in seen or task.withdrawn:
            continue
        task.withdrawn = True
        task.updated_at = at
        session.add(task)
        gone.append(task)
        review.withdrawn.append(number)

    # All tasks in one flush, then every assignment and occurrence of the plan at once: a plan
    # of thousands of rows costs a handful of round trips to the database, not several per row.
    session.flush()
    current = current_assignments(session, plan.id)
    assignment_changes = AssignmentChanges(new=[], updated=[])
    for row in rows:
        assert row.task.id is not None
        own = current.setdefault(row.task.id, {})
        changed = assign_units(row.task.id, own, row.lead, row.coordinating, assignment_changes)
        if changed and row.status == "unchanged":
            row.status = "updated"
    write_assignments(session, assignment_changes)
    desired_by_text: dict[str, list[DesiredOccurrence]] = {}
    wanted: list[tuple[AssignmentRef, list[DesiredOccurrence]]] = []
    for row in rows:
        assert row.task.id is not None
        desired = desired_by_text.get(row.deadline.text)
        if desired is None:
            desired = desired_by_text[row.deadline.text] = desired_occurrences(row.deadline)
        wanted.extend((a, desired) for a in current.get(row.task.id, {}).values())
        review.tasks.append(
            TaskReview(
                row=row.parsed.row,
                place=where(row.parsed),
                number=row.parsed.number,
                section=row.parsed.section,
                title=row.parsed.title,
                lead=[unit.name for unit in row.lead],
                coordinating=[unit.name for unit in row.coordinating],
                deadline=deadline_json(row.deadline),
                deadline_text=row.parsed.deadline,
                deadline_kind=row.deadline.kind,
                status=row.status,
                lead_labels=row.lead_labels,
                coordinating_labels=row.coordinating_labels,
                occurrences=[item.spec for item in desired if item.spec],
            )
        )
    for task in gone:
        assert task.id is not None
        wanted.extend((a, []) for a in current.get(task.id, {}).values())
    counts = materialise_assignments(session, wanted=wanted)

    review.occurrences = {
        "created": counts.created,
        "updated": counts.updated,
        "withdrawn": counts.withdrawn,
        "unchanged": counts.unchanged,
    }
    action = "plan.import" if not options.dry_run else "plan.import_dry_run"
    details = {
        "file": document.file_name,
        "code": code,
        "counts": review.counts(),
        "occurrences": review.occurrences,
    }
    record(session, action, "plan", plan.id, details, at=at, actor=actor)
    session.flush()
    return review


@dataclass
class _Row:
    """One task row read from the file, waiting for its assignments and occurrences."""

    parsed: ParsedTask
    task: Task
    status: str
    deadline: Deadline
    lead: list[Unit]
    coordinating: list[Unit]
    lead_labels: list[str]
    coordinating_labels: list[str]
