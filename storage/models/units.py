"""Units (offices that receive reminders), their aliases and named groups."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from storage.types import timestamp_field


class Unit(SQLModel, table=True):
    __tablename__ = "unit"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=255)
    folded_name: str = Field(max_length=255, unique=True, index=True)
    kind: str = Field(default="office", max_length=40)
    parent_id: int | None = Field(default=None, foreign_key="unit.id")
    active: bool = Field(default=True)
    # Set when the unit was merged into another: history follows the survivor.
    merged_into_id: int | None = Field(default=None, foreign_key="unit.id")
    created_at: datetime = timestamp_field()


class _Alias(SQLModel):
    """Another spelling of a name as written, and its folded key, unique across spellings."""

    alias: str = Field(max_length=255)
    folded_alias: str = Field(max_length=255, unique=True, index=True)


class UnitAlias(_Alias, table=True):
    __tablename__ = "unit_alias"

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)


class UnitGroup(SQLModel, table=True):
    __tablename__ = "unit_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=255)
    folded_name: str = Field(max_length=255, unique=True, index=True)


class UnitGroupMember(SQLModel, table=True):
    __tablename__ = "unit_group_member"

    group_id: int = Field(foreign_key="unit_group.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True)


class UnitGroupAlias(_Alias, table=True):
    """Another spelling of a group ("Các phòng CM Sở"); it always means the group's members."""

    __tablename__ = "unit_group_alias"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="unit_group.id", index=True)
