"""Column types shared by the tables."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Column, Field


class AwareDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and always returns them aware (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to an aware column")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def timestamp_field(*, optional: bool = False, index: bool = False) -> Any:
    """A moment of a table's row, in an `AwareDateTime` column (each table needs its own
    Column): required unless `optional`, which starts empty."""
    column: Column[datetime] = Column(
        AwareDateTime(), nullable=optional, index=True if index else None
    )
    return Field(default=None, sa_column=column) if optional else Field(sa_column=column)


# JSON works on both SQLite and PostgreSQL; JSONB-only operators are never used in queries.
JsonColumn: Any = JSON
