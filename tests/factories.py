"""Small builders of plan, unit, task, occurrence and chat rows for tests.

Rows without rules of their own are written directly; a status goes through storage.tracking.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from messages.outgoing import OutgoingMessage
from scheduler.clock import VIETNAM_TZ
from scheduler.delivery import ChatAddress, DeliveryError, SentReceipt
from scheduler.vocabulary import Status
from scheduler.workdays import WorkCalendar
from storage.models import Assignment, ChatLink, Occurrence, Plan, Task, Unit
from storage.tracking import apply_status
from storage.units import unit_key

T0 = datetime(2024, 1, 1, 0, 0, tzinfo=VIETNAM_TZ)


def make_plan(
    session: Session,
    *,
    code: str = "KH-01/2024",
    year: int = 2024,
    policy: dict[str, Any] | None = None,
    created_at: datetime = T0,
) -> Plan:
    plan = Plan(
        code=code,
        title=f"Kế hoạch cải cách hành chính năm {year}",
        issuer="UBND huyện",
        year=year,
        reminder_policy=policy,
        created_at=created_at,
        updated_at=created_at,
    )
    session.add(plan)
    session.flush()
    return plan


def make_unit(session: Session, name: str, *, active: bool = True) -> Unit:
    unit = Unit(name=name, folded_name=unit_key(name), active=active, created_at=T0)
    session.add(unit)
    session.flush()
    return unit


def make_task(
    session: Session,
    plan: Plan,
    number: str,
    *,
    title: str | None = None,
    expected_output: str | None = "Báo cáo kết quả",
    deadline_text: str | None = None,
    section: str | None = "I. Cải cách thể chế",
    withdrawn: bool = False,
) -> Task:
    assert plan.id is not None
    task = Task(
        plan_id=plan.id,
        number=number,
        position=int(number) if number.isdigit() else 0,
        section=section,
        title=title or f"Nhiệm vụ số {number}",
        expected_output=expected_output,
        deadline_text=deadline_text,
        withdrawn=withdrawn,
        created_at=T0,
        updated_at=T0,
    )
    session.add(task)
    session.flush()
    return task


def assign(
    session: Session, task: Task, unit: Unit, *, role: str = "lead", withdrawn: bool = False
) -> Assignment:
    assert task.id is not None and unit.id is not None
    assignment = Assignment(task_id=task.id, unit_id=unit.id, role=role, withdrawn=withdrawn)
    session.add(assignment)
    session.flush()
    return assignment


def make_occurrence(
    session: Session,
    assignment: Assignment,
    *,
    due: date | None,
    period_key: str | None = None,
    period_label: str | None = None,
    kind: str = "once",
    status: str = "not_started",
    percent: int = 0,
    completed_at: datetime | None = None,
    withdrawn: bool = False,
    calendar: WorkCalendar | None = None,
) -> Occurrence:
    """An occurrence due on `due` (nominal); the effective date follows Điều 148 BLDS.

    A status other than "not started" is recorded as the core records it (a status update,
    at `completed_at` or the start of the year), not written onto the row by hand.
    """
    assert assignment.id is not None
    effective = (calendar or WorkCalendar()).effective_due(due) if due is not None else None
    occurrence = Occurrence(
        assignment_id=assignment.id,
        period_key=period_key or (due.isoformat() if due else kind),
        period_label=period_label or (f"Hạn {due:%d/%m/%Y}" if due else "Thường xuyên"),
        kind=kind,
        nominal_due=due,
        effective_due=effective,
        withdrawn=withdrawn,
    )
    session.add(occurrence)
    session.flush()
    if status != Status.NOT_STARTED or percent:
        set_status(session, occurrence, status=status, at=completed_at or T0, percent=percent)
    return occurrence


def make_item(
    session: Session,
    plan: Plan,
    unit: Unit,
    number: str,
    *,
    due: date | None,
    role: str = "lead",
    **occurrence: Any,
) -> Occurrence:
    """A one-occurrence task assigned to one unit (the common case of a test)."""
    task = make_task(session, plan, number)
    return make_occurrence(session, assign(session, task, unit, role=role), due=due, **occurrence)


def link_chat(
    session: Session,
    *,
    unit: Unit | None,
    chat_id: str,
    channel: str = "console",
    audience: str | None = None,
    active: bool = True,
) -> ChatLink:
    link = ChatLink(
        channel=channel,
        chat_id=chat_id,
        audience=audience or ("unit" if unit is not None else "leaders"),
        unit_id=unit.id if unit is not None else None,
        title=unit.name if unit is not None else "Lãnh đạo",
        active=active,
        created_at=T0,
    )
    session.add(link)
    session.flush()
    return link


def set_status(
    session: Session,
    occurrence: Occurrence,
    *,
    status: str,
    at: datetime,
    percent: int | None = None,
    note: str | None = None,
    person_id: int | None = None,
    channel: str = "console",
) -> None:
    """A status change through the function that owns the rule (history, audit, done = 100 %)."""
    assert occurrence.id is not None
    apply_status(
        session,
        occurrence_id=occurrence.id,
        status=status,
        percent=percent,
        note=note,
        person_id=person_id,
        channel=channel,
        actor="test",
        now=at,
    )
    session.flush()


class RecordingSender:
    """A channel that keeps what it was given; `fail` maps chat ids to errors to raise."""

    def __init__(self, channel: str = "console") -> None:
        self._channel = channel
        self.sent: list[tuple[str, OutgoingMessage]] = []
        self.fail: dict[str, DeliveryError] = {}
        self._counter = 0

    @property
    def channel(self) -> str:
        return self._channel

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        error = self.fail.get(address.chat_id)
        if error is not None:
            raise error
        self._counter += 1
        self.sent.append((address.chat_id, message))
        return SentReceipt(message_id=f"m{self._counter}")
