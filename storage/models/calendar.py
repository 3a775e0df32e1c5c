"""Admin overrides of the working-day calendar: extra days off and make-up working days."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel


class CalendarOverride(SQLModel, table=True):
    __tablename__ = "calendar_override"

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(unique=True, index=True)
    kind: str = Field(max_length=20)
    note: str | None = Field(default=None, max_length=255)
