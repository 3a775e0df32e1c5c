"""Append-only status history and evidence files."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel, UniqueConstraint

from storage.types import timestamp_field


class StatusUpdate(SQLModel, table=True):
    __tablename__ = "status_update"

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="occurrence.id", index=True)
    status: str = Field(max_length=20)
    percent: int | None = None
    note: str | None = None
    person_id: int | None = Field(default=None, foreign_key="person.id")
    channel: str = Field(max_length=20)
    created_at: datetime = timestamp_field()


class EvidenceFile(SQLModel, table=True):
    __tablename__ = "evidence_file"
    __table_args__ = (UniqueConstraint("occurrence_id", "sha256"),)

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="occurrence.id", index=True)
    file_name: str = Field(max_length=255)
    mime_type: str | None = Field(default=None, max_length=100)
    size: int
    sha256: str = Field(max_length=64, index=True)
    stored_path: str = Field(max_length=500)
    person_id: int | None = Field(default=None, foreign_key="person.id")
    channel: str = Field(max_length=20)
    created_at: datetime = timestamp_field()
