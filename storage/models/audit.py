"""Who changed what, from which channel: every change lands here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Column, Field, SQLModel

from storage.types import JsonColumn, timestamp_field


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = timestamp_field(index=True)
    actor_person_id: int | None = Field(default=None, foreign_key="person.id")
    actor: str = Field(max_length=255)
    action: str = Field(max_length=60)
    entity: str = Field(max_length=60)
    entity_id: str | None = Field(default=None, max_length=60)
    details: dict[str, Any] | None = Field(default=None, sa_column=Column(JsonColumn))
