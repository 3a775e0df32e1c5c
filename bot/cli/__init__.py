"""The `nhacviec` command line: every sub-command is wired here and lives in its own module."""

from __future__ import annotations

import sys

import click

from bot.cli import click_vi
from bot.cli.common import cli_errors
from bot.cli.lazy import LazyGroup

click_vi.install()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nhacviec")
def cli() -> None:
    """Nhắc việc CCHC: bot nhắc việc cải cách hành chính cho Telegram và Zalo."""


def build_cli() -> click.Group:
    """All wiring in one place: name → "module:command", imported only when it runs."""
    cli.add_lazy("admin", "bot.cli.admin:admin")
    cli.add_lazy("agenda", "bot.cli.agenda:agenda")
    cli.add_lazy("calendar", "bot.cli.calendar:calendar")
    cli.add_lazy("chat", "bot.cli.chat:chat")
    cli.add_lazy("db", "bot.cli.db:db")
    cli.add_lazy("demo", "bot.cli.demo:demo")
    cli.add_lazy("deadline", "bot.cli.deadline:deadline")
    cli.add_lazy("export", "bot.cli.export:export")
    cli.add_lazy("import", "bot.cli.importing:import_plan_command")
    cli.add_lazy("invite", "bot.cli.invite:invite")
    cli.add_lazy("report", "bot.cli.report:report")
    cli.add_lazy("reporting", "bot.cli.reporting:reporting")
    cli.add_lazy("run", "bot.cli.run:run")
    cli.add_lazy("tick", "bot.cli.tick:tick")
    cli.add_lazy("units", "bot.cli.units:units")
    return cli


def main() -> None:
    with cli_errors():
        # Not standalone: usage errors reach cli_errors and are said in Vietnamese.
        code = build_cli().main(prog_name="nhacviec", standalone_mode=False)
    sys.exit(code if isinstance(code, int) else 0)
