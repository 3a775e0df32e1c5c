"""Helpers shared by the sub-commands: settings, context and friendly errors."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from messages.errors import UserFacingError, user_message
from scheduler.clock import Clock, ManualClock

if TYPE_CHECKING:
    from sqlmodel import Session

    from bot.context import AppContext

F = TypeVar("F", bound=Callable[..., object])
R = TypeVar("R")


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn expected errors into one Vietnamese line on stderr and exit code 2."""
    try:
        yield
    except UserFacingError as exc:
        from messages import texts

        click.echo(texts.text("cli", "error_line", message=user_message(exc)), err=True)
        sys.exit(2)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()  # `nhacviec` or `nhacviec units` alone: the help is the answer
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        from messages import texts

        message = usage_message(exc)
        click.echo(texts.text("cli", "error_line", message=message), err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        sys.exit(1)  # Ctrl+C at a prompt, as click itself would


def usage_message(exc: click.UsageError) -> str:
    """Click's English usage errors ("Invalid value for '--year'") said in Vietnamese."""
    from messages import texts

    command = exc.ctx.command_path if exc.ctx is not None else "nhacviec"
    if isinstance(exc, click.NoSuchOption):
        return texts.text(
            "cli",
            "usage_no_such_option",
            option=exc.option_name,
            possible=sorted(exc.possibilities or ()),
            command=command,
        )
    if isinstance(exc, click.exceptions.NoSuchCommand):
        return texts.text(
            "cli",
            "usage_no_such_command",
            name=exc.command_name,
            command=command,
            possible=sorted(exc.possibilities or ()),
        )
    if isinstance(exc, click.BadOptionUsage):
        return texts.text("cli", "usage_option_needs_value", option=exc.option_name)
    if isinstance(exc, click.BadParameter):
        param = exc.param
        hint = exc.param_hint or (param.get_error_hint(exc.ctx) if param and exc.ctx else "")
        kind = param.type.name if param is not None else ""
        if isinstance(exc, click.MissingParameter):
            return texts.text("cli", "usage_missing", hint=hint, command=command)
        choices = list(getattr(param.type, "choices", ()) if param is not None else ())
        return texts.text(
            "cli", "usage_bad_value", hint=hint, kind=kind, choices=choices, command=command
        )
    return texts.text("cli", "usage_other", command=command)


def open_app(*, now: str | None = None, migrate: bool = True, try_out: bool = False) -> AppContext:
    """Load settings and open the database; `now` ("YYYY-MM-DD HH:MM") fixes the clock.

    `try_out` is for commands that only show something (`deadline`, `import --dry-run`): when
    the SQLite database does not exist yet they work on an empty one in memory, so trying the
    tool leaves no ./data/nhacviec.db behind.
    """
    # Imported here: `nhacviec` starts every command through this module, and the database
    # layer is the heaviest import of all.
    from bot.context import build_context
    from bot.settings import load_settings

    settings = load_settings()
    if try_out and not _database_exists(settings.database_url):
        settings = settings.model_copy(update={"database_url": "sqlite://"})
    clock: Clock | None = None
    if now is not None:
        clock = ManualClock(parse_moment(now, settings.tz), settings.tz)
    app = build_context(settings, clock=clock, migrate=migrate)
    # The command's pooled connections close with the command, not when the garbage collector
    # gets to the engine: in a long-lived process (the demo, tests) they would pile up.
    command = click.get_current_context(silent=True)
    if command is not None:
        command.call_on_close(app.engine.dispose)
    return app


def _database_exists(url: str) -> bool:
    """False only for a SQLite file not created yet; other databases are servers."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from storage.database import normalise_url

    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return True
    return Path(parsed.database).exists()


def parse_day(text: str) -> date:
    """dd/mm/yyyy as written in Vietnamese documents, or ISO yyyy-mm-dd."""
    import re

    from messages import texts

    cleaned = text.strip()
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", cleaned)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", cleaned)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:
        raise UserFacingError(texts.text("cli", "day_impossible", text=repr(text))) from None
    raise UserFacingError(texts.text("cli", "day_unread", text=repr(text)))


def parse_moment(text: str, tz: object) -> datetime:
    from zoneinfo import ZoneInfo

    assert isinstance(tz, ZoneInfo)
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).replace(tzinfo=tz)
        except ValueError:
            continue
    # Offices write "15/3/2024 08:00" or "ngày 15 tháng 3 năm 2024 8:00"; only absolute dates
    # with day, month and year are accepted, so "hôm nay" never reads the wall clock.
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["vi", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "PARSERS": ["absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
        },
    )
    if parsed is not None:
        return parsed.replace(tzinfo=tz)
    from messages import texts

    raise UserFacingError(texts.text("cli", "moment_unread", text=repr(text)))


def plan_option(*, help: str) -> Callable[[F], F]:
    """`--plan CODE`, the plan a leaders' file is about (None: left to the command)."""
    return click.option("--plan", "plan_code", default=None, help=help)


def period_option(*, help: str, required: bool) -> Callable[[F], F]:
    """`--period TEXT`, a reporting period as people write it ("Quý I/2024", "2024-Q1")."""
    return click.option("--period", default=None, required=required, help=help)


def leader_file_options(suffix: str) -> Callable[[F], F]:
    """`--out` and `--now`, shared by the commands that write a leaders' file (export, report)."""

    def apply(command: F) -> F:
        command = click.option(
            "--now", default=None, help="Tính số liệu tại thời điểm này (dd/mm/yyyy HH:MM)."
        )(command)
        return click.option(
            "--out",
            "out_path",
            required=True,
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"Tệp {suffix} sẽ ghi.",
        )(command)

    return apply


def write_leader_file(
    now: str | None, write: Callable[[Session, Clock], R], summary: Callable[[R], str]
) -> None:
    """Write one leaders' file inside a session and print what it holds."""
    app = open_app(now=now)
    with app.session() as session:
        result = write(session, app.clock)
    click.echo(summary(result))
