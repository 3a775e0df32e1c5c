"""The outbox: every notification is a row before it is sent (see README, delivery guarantee)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Column, Field, SQLModel, UniqueConstraint

from storage.types import JsonColumn, timestamp_field


class Notification(SQLModel, table=True):
    __tablename__ = "notification"

    id: int | None = Field(default=None, primary_key=True)
    # What, for whom, which period, which kind: inserting twice is impossible.
    key: str = Field(max_length=255, unique=True, index=True)
    kind: str = Field(max_length=30)
    audience: str = Field(max_length=20)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    chat_link_id: int | None = Field(default=None, foreign_key="chat_link.id", index=True)
    occurrence_id: int | None = Field(default=None, foreign_key="occurrence.id", index=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JsonColumn))
    due_at: datetime = timestamp_field(index=True)
    state: str = Field(default="pending", max_length=20, index=True)
    next_attempt_at: datetime | None = timestamp_field(optional=True)
    claimed_by: str | None = Field(default=None, max_length=100)
    claimed_until: datetime | None = timestamp_field(optional=True)
    attempts: int = Field(default=0)
    last_error: str | None = None
    sent_at: datetime | None = timestamp_field(optional=True)
    created_at: datetime = timestamp_field()


class MessageRef(SQLModel, table=True):
    """Which sent chat message speaks of which occurrence, so replies and buttons find it."""

    __tablename__ = "message_ref"
    __table_args__ = (UniqueConstraint("channel", "chat_id", "message_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    chat_id: str = Field(max_length=100)
    message_id: str = Field(max_length=100)
    occurrence_id: int | None = Field(default=None, foreign_key="occurrence.id", index=True)
    notification_id: int | None = Field(default=None, foreign_key="notification.id")
    created_at: datetime = timestamp_field()
