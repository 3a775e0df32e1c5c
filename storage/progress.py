"""Leaders' views: per-unit counts, overdue lists and what falls due, counted by one rule.

Every count goes through `scheduler.progress.classify`, so that `/status`, the weekly digest
and the export agree to the item. Only live items count: the occurrence, its assignment and
its task not withdrawn, and the unit active (a merged unit's history moved to the survivor).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeAlias
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, false, func, or_, select
from sqlmodel import Session, col
from sqlmodel import select as select_one
from sqlmodel.sql.expression import SelectOfScalar

from messages import texts
from scheduler.clock import VIETNAM_TZ
from scheduler.progress import Progress, classify
from scheduler.workdays import WorkCalendar
from storage.models import Assignment, Occurrence, Plan, Task, Unit

# Core selects of many columns; rows are read by position.
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"


@dataclass(frozen=True)
class UnitSummary:
    """How one unit stands: items per progress class and its completion rate."""

    unit_id: int
    unit_name: str
    counts: dict[Progress, int] = field(default_factory=dict)

    def count(self, progress: Progress) -> int:
        return self.counts.get(progress, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.count(Progress.DONE_ON_TIME) + self.count(Progress.DONE_LATE)

    @property
    def done_on_time(self) -> int:
        return self.count(Progress.DONE_ON_TIME)

    @property
    def done_late(self) -> int:
        return self.count(Progress.DONE_LATE)

    @property
    def in_progress_on_time(self) -> int:
        return self.count(Progress.IN_PROGRESS_ON_TIME)

    @property
    def overdue(self) -> int:
        return self.count(Progress.OVERDUE)

    @property
    def not_started(self) -> int:
        return self.count(Progress.NOT_STARTED)

    @property
    def no_deadline(self) -> int:
        return self.count(Progress.NO_DEADLINE)

    @property
    def completion_rate(self) -> float | None:
        """Done items over items that can be done by a date (open duties without one excluded).

        None when the unit has nothing dated yet, so a new unit is not shown as 0 %.
        """
        rated = self.total - self.no_deadline
        return self.done / rated if rated else None


def combine(summaries: Iterable[UnitSummary], *, name: str | None = None) -> UnitSummary:
    """The sum of several units' summaries: the totals row of a table ("Tổng cộng" unless named)."""
    counts: dict[Progress, int] = {}
    for summary in summaries:
        for progress, number in summary.counts.items():
            counts[progress] = counts.get(progress, 0) + number
    total_name = name if name is not None else texts.text("storage", "totals_row")
    return UnitSummary(unit_id=0, unit_name=total_name, counts=counts)


@dataclass(frozen=True)
class ItemView:
    """One occurrence as leaders and units see it."""

    occurrence_id: int
    plan_id: int
    task_id: int
    task_number: str
    task_title: str
    section: str | None
    expected_output: str | None
    deadline_text: str | None
    unit_id: int
    unit_name: str
    role: str
    period_key: str
    period_label: str
    kind: str
    nominal_due: date | None
    effective_due: date | None
    status: str
    percent: int
    completed_at: datetime | None
    progress: Progress
    # Working days past the effective due date; 0 unless overdue.
    days_overdue: int

    @property
    def has_deadline(self) -> bool:
        return self.effective_due is not None


def _live(query: AnySelect) -> AnySelect:
    return query.where(
        col(Occurrence.withdrawn) == false(),
        col(Assignment.withdrawn) == false(),
        col(Task.withdrawn) == false(),
        col(Unit.active).is_(True),
    )


def _joined(query: AnySelect) -> AnySelect:
    return _live(
        query.select_from(Occurrence)
        .join(Assignment, col(Assignment.id) == col(Occurrence.assignment_id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
    )


def _local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    return moment.astimezone(tz) if moment is not None else None


def unit_summaries(
    session: Session,
    *,
    today: date,
    plan_id: int | None = None,
    unit_id: int | None = None,
    due_until: date | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
) -> list[UnitSummary]:
    """Per-unit counts of live items, sorted by unit name (folded).

    `due_until` limits the count to items due on or before that day plus undated duties
    (the weekly digest counts what should be finished by now).
    """
    # Grouping before classifying keeps half a million occurrences to a few thousand rows;
    # classify() still decides every group, so the counts match every other view.
    query = _joined(
        select(
            col(Unit.id),
            col(Unit.name),
            col(Unit.folded_name),
            col(Occurrence.status),
            col(Occurrence.effective_due),
            col(Occurrence.completed_at),
            func.count(),
        )
    ).group_by(
        col(Unit.id),
        col(Unit.name),
        col(Unit.folded_name),
        col(Occurrence.status),
        col(Occurrence.effective_due),
        col(Occurrence.completed_at),
    )
    if plan_id is not None:
        query = query.where(col(Task.plan_id) == plan_id)
    if unit_id is not None:
        query = query.where(col(Unit.id) == unit_id)
    if due_until is not None:
        query = query.where(
            or_(
                col(Occurrence.effective_due).is_(None),
                col(Occurrence.effective_due) <= due_until,
            )
        )
    names: dict[int, tuple[str, str]] = {}
    counts: dict[int, dict[Progress, int]] = {}
    for uid, name, folded, status, effective_due, completed_at, number in session.execute(query):
        names[uid] = (name, folded)
        progress = classify(
            status=status,
            effective_due=effective_due,
            completed_at=_local(completed_at, tz),
            today=today,
        )
        unit_counts = counts.setdefault(uid, {})
        unit_counts[progress] = unit_counts.get(progress, 0) + number
    ordered = sorted(names, key=lambda uid: (names[uid][1], uid))
    return [UnitSummary(uid, names[uid][0], counts[uid]) for uid in ordered]


def _item_query() -> AnySelect:
    return _joined(
        select(
            col(Occurrence.id),
            col(Task.plan_id),
            col(Task.id),
            col(Task.number),
            col(Task.title),
            col(Task.section),
            col(Task.expected_output),
            col(Task.deadline_text),
            col(Unit.id),
            col(Unit.name),
            col(Assignment.role),
            col(Occurrence.period_key),
            col(Occurrence.period_label),
            col(Occurrence.kind),
            col(Occurrence.nominal_due),
            col(Occurrence.effective_due),
            col(Occurrence.status),
            col(Occurrence.percent),
            col(Occurrence.completed_at),
            col(Task.position),
        )
    )


def _views(
    session: Session,
    query: AnySelect,
    *,
    today: date,
    calendar: WorkCalendar,
    tz: ZoneInfo,
) -> list[ItemView]:
    views: list[ItemView] = []
    for row in session.execute(query):
        completed_at = _local(row[18], tz)
        progress = classify(
            status=row[16], effective_due=row[15], completed_at=completed_at, today=today
        )
        days_overdue = (
            calendar.working_days_between(row[15], today)
            if progress is Progress.OVERDUE and row[15] is not None
            else 0
        )
        views.append(
            ItemView(
                occurrence_id=row[0],
                plan_id=row[1],
                task_id=row[2],
                task_number=row[3],
                task_title=row[4],
                section=row[5],
                expected_output=row[6],
                deadline_text=row[7],
                unit_id=row[8],
                unit_name=row[9],
                role=row[10],
                period_key=row[11],
                period_label=row[12],
                kind=row[13],
                nominal_due=row[14],
                effective_due=row[15],
                status=row[16],
                percent=row[17],
                completed_at=completed_at,
                progress=progress,
                days_overdue=days_overdue,
            )
        )
    return views


def _filters(query: AnySelect, *, unit_id: int | None, plan_id: int | None) -> AnySelect:
    if unit_id is not None:
        query = query.where(col(Unit.id) == unit_id)
    if plan_id is not None:
        query = query.where(col(Task.plan_id) == plan_id)
    return query


def overdue_items(
    session: Session,
    *,
    today: date,
    unit_id: int | None = None,
    plan_id: int | None = None,
    limit: int | None = None,
    calendar: WorkCalendar | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
) -> list[ItemView]:
    """Open items past their effective due date, the longest overdue first."""
    query = _filters(
        _item_query().where(
            col(Occurrence.status) != "done",
            col(Occurrence.effective_due) < today,
        ),
        unit_id=unit_id,
        plan_id=plan_id,
    ).order_by(
        col(Occurrence.effective_due), col(Unit.folded_name), col(Task.position), col(Task.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return _views(session, query, today=today, calendar=calendar or WorkCalendar(), tz=tz)


def due_between(
    session: Session,
    *,
    start: date,
    end: date,
    today: date | None = None,
    unit_id: int | None = None,
    plan_id: int | None = None,
    open_only: bool = False,
    limit: int | None = None,
    calendar: WorkCalendar | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
) -> list[ItemView]:
    """Items whose effective due date is in [start, end], earliest first.

    `today` (default `start`) is the day progress is judged on; `open_only` leaves out done
    items (the digest's "due this week" lists only what still needs doing).
    """
    query = _filters(
        _item_query().where(
            col(Occurrence.effective_due) >= start, col(Occurrence.effective_due) <= end
        ),
        unit_id=unit_id,
        plan_id=plan_id,
    ).order_by(
        col(Occurrence.effective_due), col(Unit.folded_name), col(Task.position), col(Task.id)
    )
    if open_only:
        query = query.where(col(Occurrence.status) != "done")
    if limit is not None:
        query = query.limit(limit)
    return _views(session, query, today=today or start, calendar=calendar or WorkCalendar(), tz=tz)


def week_end(day: date) -> date:
    """The Sunday closing the week of `day` ("this week" in lists and digests)."""
    return day + timedelta(days=6 - day.weekday())


def unit_items(
    session: Session,
    *,
    unit_id: int,
    today: date,
    plan_id: int | None = None,
    calendar: WorkCalendar | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
) -> list[ItemView]:
    """A unit's open items: overdue first (longest first), then this week, later, undated last.

    Continuous and on-request duties are never nagged but still belong in the unit's list.
    """
    query = _filters(
        _item_query().where(col(Occurrence.status) != "done"), unit_id=unit_id, plan_id=plan_id
    )
    views = _views(session, query, today=today, calendar=calendar or WorkCalendar(), tz=tz)
    return sorted(views, key=lambda item: item_order(item, today=today))


def item_order(item: ItemView, *, today: date) -> tuple[int, date, str, int]:
    """Sort key of open-item lists: overdue, due this week, later, undated."""
    due = item.effective_due
    if due is None:
        bucket, due = 3, date.max
    elif due < today:
        bucket = 0
    elif due <= week_end(today):
        bucket = 1
    else:
        bucket = 2
    return (bucket, due, _number_key(item.task_number), item.occurrence_id)


def _number_key(number: str) -> str:
    # "2" before "10": numbers compare by value, other labels stay in text order.
    return number.zfill(8) if number.isdigit() else number


def plan_ids_for_year(session: Session, *, year: int) -> Sequence[int]:
    """Ids of the plans of one year (leaders usually look at the current year's plans)."""
    query: SelectOfScalar[int | None] = select_one(col(Plan.id)).where(col(Plan.year) == year)
    return [plan_id for plan_id in session.exec(query) if plan_id is not None]


def live_item_filter() -> Any:
    """The "live item" condition, for other storage queries that must count the same items."""
    return and_(
        col(Occurrence.withdrawn) == false(),
        col(Assignment.withdrawn) == false(),
        col(Task.withdrawn) == false(),
        col(Unit.active).is_(True),
    )


def items_by_ids(
    session: Session,
    *,
    occurrence_ids: Iterable[int],
    today: date,
    calendar: WorkCalendar | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
) -> dict[int, ItemView]:
    """Live items by occurrence id (withdrawn ones are simply absent)."""
    ids = sorted(set(occurrence_ids))
    found: dict[int, ItemView] = {}
    for start in range(0, len(ids), 900):
        query = _item_query().where(col(Occurrence.id).in_(ids[start : start + 900]))
        for view in _views(session, query, today=today, calendar=calendar or WorkCalendar(), tz=tz):
            found[view.occurrence_id] = view
    return found
