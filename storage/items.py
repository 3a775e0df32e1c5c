"""The one read model of an item: the query, the live-item rule, batching and the unit tally.

Chat views (`/status`, `/overdue`, the digest, unit lists) and the leaders' files read items
only through here, so every figure counts the same items with `scheduler.progress.classify`
and `scheduler.tally`. Only live items count: the occurrence, its assignment and its task not
withdrawn, and the unit active (a merged unit's history moved to the survivor).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any, TypeAlias
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlmodel import Session, col

from scheduler.clock import VIETNAM_TZ
from scheduler.items import EvidenceRow, Item
from scheduler.progress import Progress, classify
from scheduler.tally import Tally
from scheduler.workdays import WorkCalendar
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

# Core selects of many columns; rows are read by position.
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"
# Big IN lists are slow or refused (SQLite's variable limit): ids go in slices of this size.
CHUNK = 500
# Statuses whose notes explain why an item is not finished.
REASON_STATUSES = ("blocked", "in_progress")


def live_item_filter() -> ColumnElement[bool]:
    """The "live item" condition: what every count and list of items shares."""
    return and_(
        col(Occurrence.withdrawn) == false(),
        col(Assignment.withdrawn) == false(),
        col(Task.withdrawn) == false(),
        col(Unit.active).is_(True),
    )


def joined(query: AnySelect) -> AnySelect:
    """`query` over live items: occurrence, assignment, task, plan and unit joined once."""
    return (
        query.select_from(Occurrence)
        .join(Assignment, col(Assignment.id) == col(Occurrence.assignment_id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Plan, col(Plan.id) == col(Task.plan_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(live_item_filter())
    )


def chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    """`ids` in slices a database accepts in one IN list."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def scoped(
    query: AnySelect, *, unit_id: int | None = None, plan_id: int | None = None
) -> AnySelect:
    if unit_id is not None:
        query = query.where(col(Unit.id) == unit_id)
    if plan_id is not None:
        query = query.where(col(Task.plan_id) == plan_id)
    return query


def _local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    return moment.astimezone(tz) if moment is not None else None


def unit_tallies(
    session: Session,
    *,
    today: date,
    plan_id: int | None = None,
    unit_id: int | None = None,
    where: ColumnElement[bool] | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
) -> list[Tally]:
    """Per-unit tallies of live items, sorted by unit name (folded)."""
    # Grouping before classifying keeps half a million occurrences to a few thousand rows;
    # classify() still decides every group, so the counts match every list of items.
    keys = (
        col(Unit.id),
        col(Unit.name),
        col(Unit.folded_name),
        col(Occurrence.status),
        col(Occurrence.effective_due),
        col(Occurrence.completed_at),
    )
    query = scoped(joined(select(*keys, func.count())), unit_id=unit_id, plan_id=plan_id)
    if where is not None:
        query = query.where(where)
    names: dict[int, tuple[str, str]] = {}
    counts: dict[int, dict[Progress, int]] = {}
    rows = session.execute(query.group_by(*keys))
    for uid, name, folded, status, effective_due, completed_at, number in rows:
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
    return [Tally(uid, names[uid][0], counts[uid]) for uid in ordered]


# The `Item` fields the first columns of `item_query()` fill, in order.
_ITEM_FIELDS = (
    "occurrence_id",
    "plan_id",
    "plan_code",
    "task_id",
    "task_number",
    "task_position",
    "task_title",
    "section",
    "expected_output",
    "deadline_text",
    "unit_id",
    "unit_name",
    "role",
    "period_key",
    "period_label",
    "kind",
    "nominal_due",
    "effective_due",
    "window_start",
    "window_end",
    "status",
    "percent",
)


def item_query() -> AnySelect:
    """Every column of the read model, over live items."""
    return joined(
        select(
            col(Occurrence.id),
            col(Task.plan_id),
            col(Plan.code),
            col(Task.id),
            col(Task.number),
            col(Task.position),
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
            col(Occurrence.window_start),
            col(Occurrence.window_end),
            col(Occurrence.status),
            col(Occurrence.percent),
            col(Occurrence.completed_at),
        )
    )


def read_items(
    session: Session,
    query: AnySelect,
    *,
    today: date,
    calendar: WorkCalendar | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
    history: bool = False,
) -> list[Item]:
    """The items `query` (built on `item_query()`) selects; with `history`, notes and files."""
    work = calendar or WorkCalendar()
    items: list[Item] = []
    for row in session.execute(query):
        completed_at = _local(row[22], tz)
        effective_due = row[17]
        progress = classify(
            status=row[20], effective_due=effective_due, completed_at=completed_at, today=today
        )
        late = progress is Progress.OVERDUE and effective_due is not None
        values = dict(zip(_ITEM_FIELDS, row[:22], strict=True))
        items.append(
            Item(
                **values,
                completed_at=completed_at,
                progress=progress,
                days_overdue=work.working_days_between(effective_due, today) if late else 0,
            )
        )
    return with_history(session, items, tz=tz) if history else items


def with_history(session: Session, items: Sequence[Item], *, tz: ZoneInfo) -> list[Item]:
    """`items` with their newest note, the unit's own reason, who reported, and evidence."""
    ids = sorted({item.occurrence_id for item in items})
    latest = _latest_updates(session, ids, tz)
    files = _evidence(session, ids, tz)
    return [
        replace(
            item,
            **latest.get(item.occurrence_id, {}),
            evidence=tuple(files.get(item.occurrence_id, ())),
        )
        for item in items
    ]


def _latest_updates(
    session: Session, ids: Sequence[int], tz: ZoneInfo
) -> dict[int, dict[str, Any]]:
    """Per item, the `Item` history fields of its newest updates."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in chunks(ids):
        statement = (
            select(StatusUpdate, col(Person.full_name))
            .join(Person, col(Person.id) == col(StatusUpdate.person_id), isouter=True)
            .where(col(StatusUpdate.occurrence_id).in_(chunk))
            .order_by(col(StatusUpdate.created_at), col(StatusUpdate.id))
        )
        # Ascending order: later rows overwrite earlier ones, leaving the newest of each kind.
        for update, person_name in session.execute(statement).all():
            entry = found.setdefault(update.occurrence_id, {})
            entry["reported_by"] = person_name
            note = (update.note or "").strip()
            if note:
                entry["last_note"] = note
                entry["last_note_at"] = _local(update.created_at, tz)
                if update.status in REASON_STATUSES:
                    entry["last_reason"] = note
                    entry["last_reason_at"] = _local(update.created_at, tz)
                    entry["reason_by"] = person_name
    return found


def _evidence(session: Session, ids: Sequence[int], tz: ZoneInfo) -> dict[int, list[EvidenceRow]]:
    files: dict[int, list[EvidenceRow]] = defaultdict(list)
    for chunk in chunks(ids):
        statement = (
            select(EvidenceFile)
            .where(col(EvidenceFile.occurrence_id).in_(chunk))
            .order_by(col(EvidenceFile.created_at), col(EvidenceFile.id))
        )
        for (f,) in session.execute(statement).all():
            files[f.occurrence_id].append(
                EvidenceRow(f.file_name, f.sha256, f.size, f.created_at.astimezone(tz))
            )
    return files


def _by_due() -> tuple[Any, ...]:
    return (col(Occurrence.effective_due), col(Unit.folded_name), col(Task.position), col(Task.id))


def overdue_items(
    session: Session,
    *,
    today: date,
    unit_id: int | None = None,
    plan_id: int | None = None,
    limit: int | None = None,
    calendar: WorkCalendar | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
    history: bool = False,
) -> list[Item]:
    """Open items past their effective due date, the longest overdue first."""
    query = scoped(
        item_query().where(col(Occurrence.status) != "done", col(Occurrence.effective_due) < today),
        unit_id=unit_id,
        plan_id=plan_id,
    ).order_by(*_by_due())
    if limit is not None:
        query = query.limit(limit)
    return read_items(session, query, today=today, calendar=calendar, tz=tz, history=history)


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
) -> list[Item]:
    """Items whose effective due date is in [start, end], earliest first.

    `today` (default `start`) is the day progress is judged on; `open_only` leaves out done
    items (the digest's "due this week" lists only what still needs doing).
    """
    query = scoped(
        item_query().where(
            col(Occurrence.effective_due) >= start, col(Occurrence.effective_due) <= end
        ),
        unit_id=unit_id,
        plan_id=plan_id,
    ).order_by(*_by_due())
    if open_only:
        query = query.where(col(Occurrence.status) != "done")
    if limit is not None:
        query = query.limit(limit)
    return read_items(session, query, today=today or start, calendar=calendar, tz=tz)


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
    history: bool = False,
) -> list[Item]:
    """A unit's open items: overdue first (longest first), then this week, later, undated last.

    Continuous and on-request duties are never nagged but still belong in the unit's list.
    """
    query = scoped(
        item_query().where(col(Occurrence.status) != "done"), unit_id=unit_id, plan_id=plan_id
    )
    items = read_items(session, query, today=today, calendar=calendar, tz=tz, history=history)
    return sorted(items, key=lambda item: item_order(item, today=today))


def item_order(item: Item, *, today: date) -> tuple[int, date, str, int]:
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


def plan_ids_for_year(session: Session, *, year: int) -> list[int]:
    """Ids of the plans of one year (leaders usually look at the current year's plans)."""
    rows = session.execute(select(col(Plan.id)).where(col(Plan.year) == year))
    return [plan_id for (plan_id,) in rows if plan_id is not None]


def items_by_ids(
    session: Session,
    *,
    occurrence_ids: Iterable[int],
    today: date,
    calendar: WorkCalendar | None = None,
    tz: ZoneInfo = VIETNAM_TZ,
) -> dict[int, Item]:
    """Live items by occurrence id (withdrawn ones are simply absent)."""
    found: dict[int, Item] = {}
    for chunk in chunks(sorted(set(occurrence_ids))):
        query = item_query().where(col(Occurrence.id).in_(chunk))
        for item in read_items(session, query, today=today, calendar=calendar, tz=tz):
            found[item.occurrence_id] = item
    return found


def due_or_open_before(day: date) -> ColumnElement[bool]:
    """Items due on or before `day`, plus undated duties (what should be finished by then)."""
    return or_(col(Occurrence.effective_due).is_(None), col(Occurrence.effective_due) <= day)
