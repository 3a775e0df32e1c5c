"""What every command and channel needs, built once at start-up and passed down."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from bot.settings import Settings
from messages import texts
from messages.errors import UserFacingError
from scheduler.clock import Clock, SystemClock
from storage.database import make_engine, session_scope
from storage.migrate import upgrade


@dataclass
class AppContext:
    settings: Settings
    engine: Engine
    clock: Clock
    files_dir: Path = field(default=Path("data/files"))

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.engine) as session:
            yield session


def build_context(
    settings: Settings, *, clock: Clock | None = None, migrate: bool = True
) -> AppContext:
    """Open the database (migrating it to head first) and choose the clock."""
    engine = make_engine(settings.database_url)
    if migrate:
        try:
            upgrade(engine)
        except OperationalError:
            # The driver's message may quote the URL with its password: never shown.
            engine.dispose()
            raise UserFacingError(texts.text("database", "unreachable")) from None
    return AppContext(
        settings=settings,
        engine=engine,
        clock=clock or SystemClock(settings.tz),
        files_dir=settings.files_dir,
    )
