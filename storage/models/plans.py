"""Plans, their tasks, who is assigned, and the dated occurrences reminders are built on."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlmodel import Column, Field, SQLModel, UniqueConstraint

from storage.types import JsonColumn, timestamp_field


class Plan(SQLModel, table=True):
    __tablename__ = "plan"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=100, unique=True, index=True)
    title: str = Field(max_length=500)
    # "12/KH-UBND": how offices name the plan; re-importing the same number updates it.
    number: str | None = Field(default=None, max_length=100, index=True)
    issuer: str | None = Field(default=None, max_length=255)
    year: int
    issued_on: date | None = None
    source_file: str | None = Field(default=None, max_length=500)
    # The plan's own reporting dates (monthly day, quarterly dates); empty = default regime.
    reporting_calendar: dict[str, Any] | None = Field(default=None, sa_column=Column(JsonColumn))
    # Per-plan overrides of the reminder policy (days before/after, hour, escalation).
    reminder_policy: dict[str, Any] | None = Field(default=None, sa_column=Column(JsonColumn))
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class Task(SQLModel, table=True):
    __tablename__ = "task"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    number: str = Field(max_length=20)
    position: int = Field(default=0)
    section: str | None = Field(default=None, max_length=500)
    title: str
    expected_output: str | None = None
    deadline_text: str | None = None
    # The parsed deadline as the deadline command's JSON, kept so a review shows what was read.
    deadline_rule: dict[str, Any] | None = Field(default=None, sa_column=Column(JsonColumn))
    deadline_kind: str = Field(default="unknown", max_length=20)
    # A task dropped from a re-imported file is withdrawn, never deleted: history stays.
    withdrawn: bool = Field(default=False)
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field()


class Assignment(SQLModel, table=True):
    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("task_id", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    role: str = Field(default="lead", max_length=20)
    withdrawn: bool = Field(default=False)


class Occurrence(SQLModel, table=True):
    """One period of one assignment: what is due, by when, covering which data window.

    `status`, `percent` and `completed_at` repeat the newest StatusUpdate so that the
    reminder tick and leader views can filter half a million rows without a join on history;
    they are only ever written together with the StatusUpdate that justifies them.
    """

    __tablename__ = "occurrence"
    __table_args__ = (UniqueConstraint("assignment_id", "period_key"),)

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="assignment.id", index=True)
    period_key: str = Field(max_length=40)
    period_label: str = Field(max_length=100)
    kind: str = Field(default="once", max_length=20)
    nominal_due: date | None = Field(default=None, index=True)
    effective_due: date | None = Field(default=None, index=True)
    due_time: time | None = None
    window_start: date | None = None
    window_end: date | None = None
    status: str = Field(default="not_started", max_length=20, index=True)
    percent: int = Field(default=0)
    completed_at: datetime | None = timestamp_field(optional=True)
    withdrawn: bool = Field(default=False)
