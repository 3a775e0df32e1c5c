"""Helpers shared by the sub-commands: settings, context and friendly errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

import click

from messages.errors import UserFacingError
from scheduler.clock import Clock, ManualClock

if TYPE_CHECKING:
    from bot.context import AppContext


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn expected errors into one Vietnamese line on stderr and exit code 2."""
    try:
        yield
    except UserFacingError as exc:
        from messages import texts

        click.echo(texts.text("cli", "error_line", message=exc.message), err=True)
        sys.exit(2)


def open_app(*, now: str | None = None, migrate: bool = True) -> AppContext:
    """Load settings and open the database; `now` ("YYYY-MM-DD HH:MM") fixes the clock."""
    # Imported here: `nhacviec` starts every command through this module, and the database
    # layer is the heaviest import of all.
    from bot.context import build_context
    from bot.settings import load_settings

    settings = load_settings()
    clock: Clock | None = None
    if now is not None:
        clock = ManualClock(parse_moment(now, settings.tz), settings.tz)
    return build_context(settings, clock=clock, migrate=migrate)


def parse_moment(text: str, tz: object) -> datetime:
    from zoneinfo import ZoneInfo

    assert isinstance(tz, ZoneInfo)
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).replace(tzinfo=tz)
        except ValueError:
            continue
    from messages import texts

    raise UserFacingError(texts.text("cli", "moment_unread", text=repr(text)))
