"""Importing a plan into the database: one file, one transaction, and a review of what was read.

Re-importing a plan with the same code updates its tasks in place (matched by number): status
history and evidence stay attached to their occurrences, a task gone from the file is marked
withdrawn, never deleted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as select_columns
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.deadlines import parse_deadline
from scheduler.deadlines.model import Deadline
from scheduler.folding import fold, nfc
from scheduler.reporting import ReportingCalendar, extract_reporting_calendar
from scheduler.workdays import WorkCalendar
from storage.audit import record
from storage.calendar import load_work_calendar
from storage.importing.readers import SourceDocument, read_source
from storage.importing.review import ImportReview, Problem, TaskReview
from storage.importing.table import ParsedTask, parse_table
from storage.importing.unit_cells import CellReading, CellResolver
from storage.models import Assignment, Plan, Task, Unit
from storage.occurrences import (
    AssignmentRef,
    DesiredOccurrence,
    desired_occurrences,
    materialise_assignments,
)
from storage.units import add_unit
from storage.units.suggestions import unknown_unit_message

_YEAR = re.compile(r"\bnam\s+(20\d{2})\b")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_CODE_CHARS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class ImportOptions:
    code: str | None = None
    year: int | None = None
    title: str | None = None
    issuer: str | None = None
    create_units: bool = False
    dry_run: bool = False


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


def derive_code(file_name: str) -> str:
    """ "KH 104 Lấp Vò 2024.xlsx" → "kh-104-lap-vo-2024"."""
    stem = Path(file_name).stem
    return _CODE_CHARS.sub("-", fold(stem)).strip("-")[:100]


def detect_year(*texts: str) -> int | None:
    """The plan year: the most frequent "năm 20xx" in the title area, then in the whole text."""
    for text in texts:
        years = Counter(int(match) for match in _YEAR.findall(fold(text)))
        if years:
            return years.most_common(1)[0][0]
    return None


def _resolve_meta(
    document: SourceDocument, preamble: str, options: ImportOptions
) -> tuple[str, int, str]:
    meta = document.meta
    code = (options.code or str(meta.get("code") or "") or derive_code(document.file_name)).strip()
    if not code or len(code) > 100:
        raise UserFacingError(texts.text("import", "code_invalid"))
    year: int | None = options.year
    if year is None and meta.get("year") is not None:
        try:
            year = int(meta["year"])
        except (TypeError, ValueError):
            raise UserFacingError(
                texts.text("import", "year_not_number", year=repr(meta["year"]))
            ) from None
    if year is None:
        year = detect_year(preamble, str(meta.get("title") or ""), document.text)
    if year is None:
        found = _ANY_YEAR.findall(document.file_name)
        year = int(found[-1]) if found else None
    if year is None:
        raise UserFacingError(texts.text("import", "year_missing", file=document.file_name))
    if not 2000 <= year <= 2100:
        raise UserFacingError(texts.text("import", "year_invalid", year=year))
    title = options.title or str(meta.get("title") or "")
    title = title or _title_from(preamble) or _title_from(document.text) or code
    return code, year, nfc(" ".join(title.split()))[:500]


def _title_from(preamble: str) -> str | None:
    """The first title-like line above the table, skipping a bare "PHỤ LỤC"."""
    lines = [line.strip() for line in preamble.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        folded = fold(line)
        if folded.strip(" .:") == "ke hoach" and index + 1 < len(lines):
            # "KẾ HOẠCH" on its own line, its subject on the next: both make the title.
            return f"{line} {lines[index + 1]}"
        if folded.startswith("phu luc") and len(folded.split()) <= 3:
            continue
        if folded.startswith(("(", "kem theo")):
            # "(Kèm theo Kế hoạch số 15/KH-SNV …)" names the parent document, not this list.
            continue
        if "ke hoach" in folded or folded.startswith(("phu luc", "nhiem vu", "danh muc")):
            return line
    return lines[0] if lines else None


def _reporting(
    document: SourceDocument, preamble: str, year: int, existing: dict[str, Any] | None
) -> ReportingCalendar | None:
    given = document.meta.get("reporting")
    if given is not None:
        return _given_reporting(given, year, document.file_name)
    text = "\n".join((document.text, preamble))
    found = extract_reporting_calendar(text, year=year) if text.strip() else None
    if found is not None:
        return found
    if existing:
        return ReportingCalendar.from_json(existing)
    return None


def _given_reporting(given: object, year: int, file_name: str) -> ReportingCalendar:
    """A plan file's own "reporting": a calendar as a mapping, or the plan's sentences."""
    if isinstance(given, Mapping):
        return ReportingCalendar.from_json(given)
    if isinstance(given, list) and all(isinstance(item, str) for item in given):
        given = "\n".join(given)
    if not isinstance(given, str) or not given.strip():
        raise UserFacingError(texts.text("import", "reporting_shape", file=file_name))
    found = extract_reporting_calendar(nfc(given), year=year)
    if found is None:
        raise UserFacingError(
            texts.text("import", "reporting_unread", file=file_name, given=_short(given))
        )
    return found


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
    code, year, title = _resolve_meta(document, table.preamble, options)
    plan = session.exec(select(Plan).where(Plan.code == code)).first()
    reporting = _reporting(
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
    review.problems.extend(Problem(p.row, p.kind, p.message) for p in table.problems)
    if plan is None:
        plan = Plan(code=code, title=title, year=year, created_at=at, updated_at=at)
    if plan.id is None or options.title or document.meta.get("title"):
        # A title guessed from the lines above a table never replaces one already known.
        plan.title = title
    review.plan_title = plan.title
    plan.year, plan.updated_at = year, at
    plan.issuer = options.issuer or str(document.meta.get("issuer") or "") or plan.issuer
    if source_file:
        plan.source_file = source_file[-500:]
    if reporting is not None:
        plan.reporting_calendar = reporting.to_json()
    issued = document.meta.get("issued_on")
    if issued is not None and hasattr(issued, "isoformat"):
        plan.issued_on = issued
    session.add(plan)
    session.flush()
    assert plan.id is not None

    existing = {
        task.number: task
        for task in session.exec(select(Task).where(Task.plan_id == plan.id)).all()
    }
    resolver = CellResolver(session)
    parsed_deadlines: dict[str, Deadline] = {}
    seen: dict[str, int] = {}
    rows: list[_Row] = []
    for position, parsed in enumerate(table.tasks, start=1):
        if not parsed.title.strip():
            review.problems.append(
                Problem(
                    parsed.row,
                    "empty_title",
                    texts.text("import", "empty_title", row=parsed.row, number=parsed.number),
                )
            )
            continue
        if parsed.number in seen:
            review.problems.append(
                Problem(
                    parsed.row,
                    "duplicate_number",
                    texts.text(
                        "import",
                        "duplicate_number",
                        row=parsed.row,
                        number=parsed.number,
                        first_row=seen[parsed.number],
                    ),
                )
            )
            continue
        seen[parsed.number] = parsed.row
        lead, lead_labels = _read_units(
            session, resolver, parsed, "lead", options, at, actor, review
        )
        coordinating, coordinating_labels = _read_units(
            session, resolver, parsed, "coordinating", options, at, actor, review
        )
        deadline = _parse(parsed, year, reporting, calendar, review, parsed_deadlines)
        task = existing.get(parsed.number)
        status = "unchanged"
        values: dict[str, Any] = {
            "position": position,
            "section": parsed.section[:500] if parsed.section else None,
            "title": parsed.title,
            "expected_output": parsed.output or None,
            "deadline_text": parsed.deadline or None,
            "deadline_rule": deadline.to_json(),
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
    current = _current_assignments(session, plan.id)
    assignment_changes = _AssignmentChanges(new=[], updated=[])
    for row in rows:
        assert row.task.id is not None
        own = current.setdefault(row.task.id, {})
        changed = _assign(row.task.id, own, row.lead, row.coordinating, assignment_changes)
        if changed and row.status == "unchanged":
            row.status = "updated"
    _write_assignments(session, assignment_changes)
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
                number=row.parsed.number,
                section=row.parsed.section,
                title=row.parsed.title,
                lead=[unit.name for unit in row.lead],
                coordinating=[unit.name for unit in row.coordinating],
                deadline=row.deadline.to_json(),
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
    record(
        session,
        at=at,
        actor=actor,
        action="plan.import" if not options.dry_run else "plan.import_dry_run",
        entity="plan",
        entity_id=plan.id,
        details={
            "file": document.file_name,
            "code": code,
            "counts": review.counts(),
            "occurrences": review.occurrences,
        },
    )
    session.flush()
    return review


def _parse(
    parsed: ParsedTask,
    year: int,
    reporting: ReportingCalendar | None,
    calendar: WorkCalendar,
    review: ImportReview,
    cache: dict[str, Deadline],
) -> Deadline:
    text = parsed.deadline.strip()
    if not text:
        review.problems.append(
            Problem(
                parsed.row,
                "deadline_missing",
                texts.text("import", "deadline_missing", row=parsed.row, number=parsed.number),
            )
        )
        return Deadline(text="", kind="unknown")
    deadline = cache.get(text)
    if deadline is None:
        # Plans repeat the same few deadline texts; each is read once per import.
        deadline = cache[text] = parse_deadline(
            text, year=year, reporting=reporting, calendar=calendar
        )
    unread = [part for part in deadline.parts if part.kind == "unknown"]
    if deadline.kind == "multiple" and unread:
        for part in unread:
            note = part.note.rstrip(".") if part.note else ""
            review.problems.append(
                Problem(
                    parsed.row,
                    "deadline_partly_unknown",
                    texts.text(
                        "import",
                        "deadline_partly_unknown",
                        row=parsed.row,
                        number=parsed.number,
                        part=_short(part.text),
                        note=note,
                    ),
                )
            )
    assumed = [spec for spec in deadline.occurrences if spec.assumed]
    if assumed:
        # "Hằng tháng" alone: the day is not the plan's; say which one will be used.
        monthly = reporting.monthly if reporting else None
        review.problems.append(
            Problem(
                parsed.row,
                "deadline_default_day",
                texts.text(
                    "import",
                    "deadline_default_day",
                    row=parsed.row,
                    number=parsed.number,
                    text=_short(text),
                    day=monthly.day if monthly else 20,
                    code=review.plan_code,
                ),
            )
        )
    if deadline.kind == "unknown":
        review.problems.append(
            Problem(
                parsed.row,
                "deadline_unknown",
                texts.text(
                    "import",
                    "deadline_unknown",
                    row=parsed.row,
                    text=_short(text),
                    number=parsed.number,
                ),
            )
        )
    return deadline


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_units(
    session: Session,
    resolver: CellResolver,
    parsed: ParsedTask,
    role: str,
    options: ImportOptions,
    at: datetime,
    actor: str,
    review: ImportReview,
) -> tuple[list[Unit], list[str]]:
    """The units a cell assigns, and how each name was read (for the review)."""
    text = parsed.lead if role == "lead" else parsed.coordinating
    what = texts.text("import", "role_lead" if role == "lead" else "role_coordinating")
    reading: CellReading = resolver.read(text)
    units = reading.units
    labels: list[str] = []
    for name in reading.names:
        if name.group is not None and name.units:
            labels.append(
                texts.text("import", "group_label", group=name.group, count=len(name.units))
            )
        elif name.units:
            labels.extend(unit.name for unit in name.units)
        if name.vague:
            review.problems.append(
                Problem(
                    parsed.row,
                    "vague_unit",
                    texts.text("import", "vague_unit", row=parsed.row, name=name.text, role=what),
                )
            )
        elif name.group is not None and not name.units:
            review.problems.append(
                Problem(
                    parsed.row,
                    "empty_group",
                    texts.text("import", "empty_group", row=parsed.row, group=name.group),
                )
            )
        elif not name.known:
            # "Phòng NV" is most likely Phòng Nội vụ: never a new unit, even with --create-units.
            if options.create_units and not resolver.suggester.suggest_cell(name.text):
                unit = add_unit(session, name=name.text, at=at, actor=actor)
                units.append(unit)
                labels.append(unit.name)
                if unit.name not in review.created_units:
                    review.created_units.append(unit.name)
                resolver.forget(name.text)
                continue
            review.problems.append(
                Problem(
                    parsed.row,
                    "unknown_unit",
                    unknown_unit_message(
                        resolver.suggester,
                        row=parsed.row,
                        role=what,
                        name=name.text,
                        file=review.file_name,
                    ),
                )
            )
    if role == "lead" and text.strip() and not units:
        # A lead cell that names nobody known must never pass quietly: nobody is reminded.
        review.problems.append(
            Problem(
                parsed.row,
                "no_lead",
                texts.text("units", "no_lead_unresolved", row=parsed.row, number=parsed.number),
            )
        )
    if role == "lead" and not text.strip():
        review.problems.append(
            Problem(
                parsed.row,
                "no_lead",
                texts.text("import", "no_lead", row=parsed.row, number=parsed.number),
            )
        )
    return units, list(dict.fromkeys(labels))


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


@dataclass
class _Assigned:
    """An assignment as a plain row: tens of thousands of them are read and written per import."""

    id: int | None
    role: str
    withdrawn: bool


@dataclass
class _AssignmentChanges:
    new: list[tuple[int, int, _Assigned]]
    updated: list[_Assigned]


def _current_assignments(session: Session, plan_id: int) -> dict[int, dict[int, _Assigned]]:
    """Every assignment of the plan's tasks, withdrawn ones included: task id → unit id → row."""
    table = Assignment.__table__  # type: ignore[attr-defined]
    tasks = Task.__table__  # type: ignore[attr-defined]
    query = (
        select_columns(
            table.c.id, table.c.task_id, table.c.unit_id, table.c.role, table.c.withdrawn
        )
        .join(tasks, tasks.c.id == table.c.task_id)
        .where(tasks.c.plan_id == plan_id)
    )
    found: dict[int, dict[int, _Assigned]] = {}
    for row in session.execute(query):
        found.setdefault(row.task_id, {})[row.unit_id] = _Assigned(row.id, row.role, row.withdrawn)
    return found


def _assign(
    task_id: int,
    current: dict[int, _Assigned],
    lead: list[Unit],
    coordinating: list[Unit],
    changes: _AssignmentChanges,
) -> bool:
    """Make the task's assignments match the file in `current`, noting what to write.

    Returns whether anything changed.
    """
    wanted: dict[int, str] = {}
    for unit in coordinating:
        assert unit.id is not None
        wanted[unit.id] = "coordinating"
    for unit in lead:
        assert unit.id is not None
        wanted[unit.id] = "lead"
    changed = False
    for unit_id, role in wanted.items():
        assignment = current.get(unit_id)
        if assignment is None:
            assignment = current[unit_id] = _Assigned(None, role, False)
            changes.new.append((task_id, unit_id, assignment))
            changed = True
        elif assignment.role != role or assignment.withdrawn:
            assignment.role, assignment.withdrawn = role, False
            changes.updated.append(assignment)
            changed = True
    for unit_id, assignment in current.items():
        if unit_id not in wanted and not assignment.withdrawn:
            assignment.withdrawn = True
            changes.updated.append(assignment)
            changed = True
    return changed


def _write_assignments(session: Session, changes: _AssignmentChanges) -> None:
    """New assignments in one statement that returns their ids; changed ones by id."""
    table = Assignment.__table__  # type: ignore[attr-defined]
    if changes.new:
        rows = [
            {"task_id": task_id, "unit_id": unit_id, "role": item.role, "withdrawn": False}
            for task_id, unit_id, item in changes.new
        ]
        returning = insert(table).returning(
            table.c.id, table.c.task_id, table.c.unit_id, sort_by_parameter_order=True
        )
        returned = session.execute(returning, rows).all()
        for (_, _, item), row in zip(changes.new, returned, strict=True):
            item.id = row.id
    if changes.updated:
        statement = (
            update(table)
            .where(table.c.id == bindparam("assignment_id"))
            .values(role=bindparam("new_role"), withdrawn=bindparam("new_withdrawn"))
        )
        params = [
            {"assignment_id": a.id, "new_role": a.role, "new_withdrawn": a.withdrawn}
            for a in changes.updated
        ]
        session.execute(statement, params)
        # Assignment objects loaded earlier in the caller's session must not keep old values.
        session.expire_all()
