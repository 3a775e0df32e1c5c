"""People, their chat identities, the chats linked to units or leaders, and invites."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel, UniqueConstraint

from storage.types import timestamp_field


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    full_name: str = Field(max_length=255)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    role: str = Field(default="staff", max_length=20)
    active: bool = Field(default=True)
    created_at: datetime = timestamp_field()


class ChannelIdentity(SQLModel, table=True):
    """One person may be reachable on Telegram and on Zalo at once."""

    __tablename__ = "channel_identity"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    channel: str = Field(max_length=20)
    external_id: str = Field(max_length=100)
    display_name: str | None = Field(default=None, max_length=255)


class ChatLink(SQLModel, table=True):
    """A chat that receives a unit's reminders, or a leaders' chat (unit_id empty)."""

    __tablename__ = "chat_link"
    __table_args__ = (UniqueConstraint("channel", "chat_id", "audience", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    chat_id: str = Field(max_length=100, index=True)
    audience: str = Field(default="unit", max_length=20)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    title: str | None = Field(default=None, max_length=255)
    active: bool = Field(default=True)
    created_at: datetime = timestamp_field()


class Invite(SQLModel, table=True):
    """A one-time code that links a person (private chat) or a group to a unit or to leaders."""

    __tablename__ = "invite"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True, index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    role: str = Field(default="staff", max_length=20)
    audience: str = Field(default="unit", max_length=20)
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = timestamp_field()
    expires_at: datetime = timestamp_field()
    used_at: datetime | None = timestamp_field(optional=True)
    used_by_id: int | None = Field(default=None, foreign_key="person.id")
