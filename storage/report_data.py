"""What the leaders' export and report draft select: the items of a plan and a period.

Items come from the one read model (`storage.items`) and are counted with `scheduler.tally`,
the rule `/status` and the digest use, so a workbook's totals match what the bot says in chat.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_
from sqlmodel import Session, col, select

from scheduler.folding import fold
from scheduler.items import Item
from scheduler.report_period import ReportPeriod
from scheduler.tally import Tally, combine, tally
from scheduler.workdays import WorkCalendar
from storage.calendar import load_work_calendar
from storage.items import item_query, joined, read_items
from storage.models import Occurrence, Plan, StatusUpdate, Task, Unit


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


def period_filter(period: ReportPeriod, *, keys: Iterable[str], tz: ZoneInfo) -> PeriodFilter:
    """The items of a reporting period, the same for the workbook and the report draft.

    The period's own occurrences and everything due in it, items still open from before (the
    report must explain them), and undated duties worked on in the period.
    """
    return PeriodFilter(
        period_keys=frozenset({*keys, period.key}),
        due_from=period.start,
        due_to=period.end,
        carry_overdue=True,
        activity_from=datetime.combine(period.start, time.min, tzinfo=tz),
        activity_until=datetime.combine(period.end + timedelta(days=1), time.min, tzinfo=tz),
    )


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
    statement = joined(
        select(col(Occurrence.period_key), col(Occurrence.period_label), first_due)
    ).group_by(col(Occurrence.period_key), col(Occurrence.period_label))
    if plan_id is not None:
        statement = statement.where(col(Task.plan_id) == plan_id)
    rows = session.execute(statement).all()
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
    calendar: WorkCalendar | None = None,
) -> list[Item]:
    """Every live item with its notes and files, in plan order (lead unit before others).

    With `period`, only the occurrences it selects; without, everything.
    """
    statement = item_query().order_by(
        col(Plan.code),
        col(Task.position),
        col(Task.id),
        col(Occurrence.period_key),
        col(Occurrence.effective_due),
        col(Unit.folded_name),
        col(Occurrence.id),
    )
    if plan_id is not None:
        statement = statement.where(col(Task.plan_id) == plan_id)
    if period is not None:
        statement = statement.where(_period_condition(period))
    items = read_items(
        session,
        statement,
        today=today,
        calendar=calendar or load_work_calendar(session),
        tz=tz,
        history=True,
    )
    # Within a task the lead unit's line comes first ("lead" sorts after "coordinating").
    order = {id(item): index for index, item in enumerate(items)}
    return sorted(
        items, key=lambda i: (i.plan_code, i.task_position, i.task_id, not i.is_lead, order[id(i)])
    )


def unit_totals(items: Iterable[Item]) -> list[Tally]:
    """Tallies per unit, sorted by unit name (folded, so "Văn phòng" sorts with "Van phong")."""
    return tally(items)


def grand_total(totals: Sequence[Tally]) -> Tally:
    # Nameless: the workbook and the report print their own words for the totals row.
    return combine(totals)


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
