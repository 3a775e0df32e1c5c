"""What the leaders' export and report draft read: every item with its status, notes and files.

Items are counted with `scheduler.progress.classify`, the one classification `/status` and the
digest use, so the totals in a workbook match what the bot says in chat.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_
from sqlalchemy.orm import QueryableAttribute, load_only
from sqlmodel import Session, col, select

from scheduler.folding import fold
from scheduler.progress import Progress, classify
from storage.models import (
    Assignment,
    EvidenceFile,
    Occurrence,
    Person,
    Plan,
    StatusUpdate,
    Task,
    Unit,
)

_TASK_COLUMNS: tuple[QueryableAttribute[Any], ...] = tuple(
    getattr(Task, name)
    for name in (
        "id",
        "plan_id",
        "number",
        "position",
        "section",
        "title",
        "expected_output",
        "deadline_text",
    )
)
# Big IN lists are slow or refused (SQLite's variable limit); fetch history in slices.
_CHUNK = 500
# Statuses whose notes explain why an item is not finished.
_REASON_STATUSES = ("blocked", "in_progress")


@dataclass(frozen=True)
class EvidenceRow:
    file_name: str
    sha256: str
    size: int
    created_at: datetime


@dataclass(frozen=True)
class ItemRow:
    """One occurrence of one unit's assignment, flattened for a spreadsheet row or a report line.

    `completed_at` and note times are in the product's time zone.
    """

    occurrence_id: int
    plan_id: int
    plan_code: str
    task_id: int
    task_number: str
    task_position: int
    section: str | None
    title: str
    expected_output: str | None
    deadline_text: str | None
    unit_id: int
    unit_name: str
    role: str
    period_key: str
    period_label: str
    nominal_due: date | None
    effective_due: date | None
    window_start: date | None
    window_end: date | None
    status: str
    percent: int
    completed_at: datetime | None
    progress: Progress
    last_note: str | None = None
    last_note_at: datetime | None = None
    last_reason: str | None = None
    reported_by: str | None = None
    evidence: tuple[EvidenceRow, ...] = ()


@dataclass
class UnitTotals:
    """Counts per unit in the way Vietnamese task-tracking systems report them."""

    unit_id: int
    unit_name: str
    items: int = 0
    done_on_time: int = 0
    done_late: int = 0
    in_progress_on_time: int = 0
    overdue_in_progress: int = 0
    overdue_not_started: int = 0
    not_started: int = 0
    no_deadline: int = 0

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def overdue(self) -> int:
        return self.overdue_in_progress + self.overdue_not_started

    @property
    def completion_rate(self) -> float | None:
        """Done items over dated items, as `storage.progress.UnitSummary` counts it.

        Continuous and on-request duties have no date to be done by, so they do not count;
        None when a unit has nothing dated (shown as a dash, not as 0 %).
        """
        rated = self.items - self.no_deadline
        return self.done / rated if rated else None

    def add(self, item: ItemRow) -> None:
        self.items += 1
        match item.progress:
            case Progress.DONE_ON_TIME:
                self.done_on_time += 1
            case Progress.DONE_LATE:
                self.done_late += 1
            case Progress.IN_PROGRESS_ON_TIME:
                self.in_progress_on_time += 1
            case Progress.OVERDUE if item.status in _REASON_STATUSES:
                self.overdue_in_progress += 1
            case Progress.OVERDUE:
                self.overdue_not_started += 1
            case Progress.NOT_STARTED:
                self.not_started += 1
            case Progress.NO_DEADLINE:
                self.no_deadline += 1


@dataclass(frozen=True)
class PeriodFilter:
    """Which occurrences a report covers.

    `period_keys` picks occurrences of those periods; `due_from`/`due_to` add
    those whose effective due date falls in the span (a one-off task due in the quarter, a
    monthly report due in it). `carry_overdue` adds items due before `due_from` still open.
    """

    period_keys: frozenset[str] = field(default_factory=frozenset)
    due_from: date | None = None
    due_to: date | None = None
    carry_overdue: bool = False
    # Continuous / on-request items have no date; they belong to a period if work was reported
    # on them in it (a status update between these instants).
    activity_from: datetime | None = None
    activity_until: datetime | None = None


def find_plan(session: Session, *, code: str) -> Plan | None:
    """The plan with this code, compared without case or diacritics."""
    wanted = fold(code)
    for plan in session.exec(select(Plan)).all():
        if fold(plan.code) == wanted:
            return plan
    return None


def list_plans(session: Session) -> list[Plan]:
    return list(session.exec(select(Plan).order_by(col(Plan.year), col(Plan.code))).all())


def list_periods(session: Session, *, plan_id: int | None = None) -> list[tuple[str, str]]:
    """(period_key, period_label) of every live occurrence, by first due date (undated last)."""
    first_due = func.min(col(Occurrence.effective_due))
    statement = (
        select(col(Occurrence.period_key), col(Occurrence.period_label), first_due)
        .join(Assignment, col(Assignment.id) == col(Occurrence.assignment_id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(*_live_conditions())
        .group_by(col(Occurrence.period_key), col(Occurrence.period_label))
    )
    if plan_id is not None:
        statement = statement.where(col(Task.plan_id) == plan_id)
    rows = session.exec(statement).all()
    ordered = sorted(rows, key=lambda row: (row[2] or date.max, row[0], row[1]))
    return [(key, label) for key, label, _ in ordered]


def matching_period_keys(session: Session, *, text: str, plan_id: int | None = None) -> set[str]:
    """Keys of the stored periods whose key or label is `text` (ignoring case and diacritics)."""
    wanted = fold(text)
    return {
        key
        for key, label in list_periods(session, plan_id=plan_id)
        if fold(key) == wanted or fold(label) == wanted
    }


def report_items(
    session: Session,
    *,
    today: date,
    tz: ZoneInfo,
    plan_id: int | None = None,
    period: PeriodFilter | None = None,
) -> list[ItemRow]:
    """Every live item (task, assignment and occurrence not withdrawn), in plan order.

    With `period`, only the occurrences it selects; without, everything.
    """
    statement = (
        select(Occurrence, Assignment, Task, Unit)
        .join(Assignment, col(Assignment.id) == col(Occurrence.assignment_id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Plan, col(Plan.id) == col(Task.plan_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(*_live_conditions())
        # The parsed deadline (JSON) is not needed here; decoding it per row is most of the cost.
        .options(load_only(*_TASK_COLUMNS))
        .order_by(
            col(Plan.code),
            col(Task.position),
            col(Task.id),
            col(Assignment.role).desc(),  # "lead" before "coordinating"
            col(Unit.name),
            col(Occurrence.effective_due),
            col(Occurrence.id),
        )
    )
    if plan_id is not None:
        statement = statement.where(col(Task.plan_id) == plan_id)
    if period is not None:
        statement = statement.where(_period_condition(period))
    rows = session.exec(statement).all()
    plans = {plan.id: plan for plan in session.exec(select(Plan)).all()}
    occurrence_ids = [occ.id for occ, *_ in rows if occ.id is not None]
    history = _latest_updates(session, occurrence_ids)
    files = _evidence(session, occurrence_ids)
    items: list[ItemRow] = []
    for occ, assignment, task, unit in rows:
        plan = plans[task.plan_id]
        assert occ.id is not None and plan.id is not None and task.id is not None
        assert unit.id is not None
        completed = occ.completed_at.astimezone(tz) if occ.completed_at else None
        latest = history.get(occ.id)
        items.append(
            ItemRow(
                occurrence_id=occ.id,
                plan_id=plan.id,
                plan_code=plan.code,
                task_id=task.id,
                task_number=task.number,
                task_position=task.position,
                section=task.section,
                title=task.title,
                expected_output=task.expected_output,
                deadline_text=task.deadline_text,
                unit_id=unit.id,
                unit_name=unit.name,
                role=assignment.role,
                period_key=occ.period_key,
                period_label=occ.period_label,
                nominal_due=occ.nominal_due,
                effective_due=occ.effective_due,
                window_start=occ.window_start,
                window_end=occ.window_end,
                status=occ.status,
                percent=occ.percent,
                completed_at=completed,
                progress=classify(
                    status=occ.status,
                    effective_due=occ.effective_due,
                    completed_at=completed,
                    today=today,
                ),
                last_note=latest.note if latest else None,
                last_note_at=latest.note_at.astimezone(tz) if latest and latest.note_at else None,
                last_reason=latest.reason if latest else None,
                reported_by=latest.reported_by if latest else None,
                evidence=tuple(
                    EvidenceRow(
                        file_name=f.file_name,
                        sha256=f.sha256,
                        size=f.size,
                        created_at=f.created_at.astimezone(tz),
                    )
                    for f in files.get(occ.id, ())
                ),
            )
        )
    return items


def unit_totals(items: Iterable[ItemRow]) -> list[UnitTotals]:
    """Totals per unit, sorted by unit name (folded, so "Văn phòng" sorts with "Van phong")."""
    totals: dict[int, UnitTotals] = {}
    for item in items:
        if item.unit_id not in totals:
            totals[item.unit_id] = UnitTotals(unit_id=item.unit_id, unit_name=item.unit_name)
        totals[item.unit_id].add(item)
    return sorted(totals.values(), key=lambda t: (fold(t.unit_name), t.unit_id))


def grand_total(totals: Sequence[UnitTotals]) -> UnitTotals:
    # Nameless: the workbook and the report print their own words for the totals row.
    total = UnitTotals(unit_id=0, unit_name="")
    for row in totals:
        for name in (
            "items",
            "done_on_time",
            "done_late",
            "in_progress_on_time",
            "overdue_in_progress",
            "overdue_not_started",
            "not_started",
            "no_deadline",
        ):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total


@dataclass(frozen=True)
class _Latest:
    note: str | None
    note_at: datetime | None
    reason: str | None
    reported_by: str | None


def _live_conditions() -> tuple[ColumnElement[bool], ...]:
    # The same "live item" rule as storage.progress: a merged unit's history moved on.
    return (
        col(Occurrence.withdrawn).is_(False),
        col(Assignment.withdrawn).is_(False),
        col(Task.withdrawn).is_(False),
        col(Unit.active).is_(True),
    )


def _period_condition(period: PeriodFilter) -> ColumnElement[bool]:
    clauses: list[ColumnElement[bool]] = []
    if period.period_keys:
        clauses.append(col(Occurrence.period_key).in_(sorted(period.period_keys)))
    if period.due_from is not None and period.due_to is not None:
        clauses.append(
            and_(
                col(Occurrence.effective_due) >= period.due_from,
                col(Occurrence.effective_due) <= period.due_to,
            )
        )
    if period.carry_overdue and period.due_from is not None:
        clauses.append(
            and_(
                col(Occurrence.effective_due) < period.due_from,
                col(Occurrence.status) != "done",
            )
        )
    if period.activity_from is not None and period.activity_until is not None:
        reported = (
            select(StatusUpdate.id)
            .where(
                col(StatusUpdate.occurrence_id) == col(Occurrence.id),
                col(StatusUpdate.created_at) >= period.activity_from,
                col(StatusUpdate.created_at) < period.activity_until,
            )
            .exists()
        )
        clauses.append(and_(col(Occurrence.effective_due).is_(None), reported))
    if not clauses:
        return col(Occurrence.id).is_not(None)
    return or_(*clauses)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _latest_updates(session: Session, occurrence_ids: Sequence[int]) -> dict[int, _Latest]:
    notes: dict[int, tuple[str, datetime]] = {}
    reasons: dict[int, str] = {}
    reporters: dict[int, str | None] = {}
    for chunk in _chunks(occurrence_ids):
        statement = (
            select(StatusUpdate, col(Person.full_name))
            .join(Person, col(Person.id) == col(StatusUpdate.person_id), isouter=True)
            .where(col(StatusUpdate.occurrence_id).in_(chunk))
            .order_by(col(StatusUpdate.created_at), col(StatusUpdate.id))
        )
        # Ascending order: later rows overwrite earlier ones, leaving the newest of each kind.
        for update, person_name in session.exec(statement).all():
            reporters[update.occurrence_id] = person_name
            note = (update.note or "").strip()
            if note:
                notes[update.occurrence_id] = (note, update.created_at)
                if update.status in _REASON_STATUSES:
                    reasons[update.occurrence_id] = note
    latest: dict[int, _Latest] = {}
    for occurrence_id, reporter in reporters.items():
        note_pair = notes.get(occurrence_id)
        latest[occurrence_id] = _Latest(
            note=note_pair[0] if note_pair else None,
            note_at=note_pair[1] if note_pair else None,
            reason=reasons.get(occurrence_id),
            reported_by=reporter,
        )
    return latest


def _evidence(session: Session, occurrence_ids: Sequence[int]) -> dict[int, list[EvidenceFile]]:
    files: dict[int, list[EvidenceFile]] = defaultdict(list)
    for chunk in _chunks(occurrence_ids):
        statement = (
            select(EvidenceFile)
            .where(col(EvidenceFile.occurrence_id).in_(chunk))
            .order_by(col(EvidenceFile.created_at), col(EvidenceFile.id))
        )
        for evidence in session.exec(statement).all():
            files[evidence.occurrence_id].append(evidence)
    return files
