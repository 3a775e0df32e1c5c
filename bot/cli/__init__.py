"""The `nhacviec` command line: every sub-command is wired here and lives in its own module."""

from __future__ import annotations

import sys

import click

from bot.cli.admin import admin
from bot.cli.agenda import agenda
from bot.cli.calendar import calendar
from bot.cli.chat import chat
from bot.cli.common import cli_errors
from bot.cli.db import db
from bot.cli.deadline import deadline
from bot.cli.demo import demo
from bot.cli.export import export
from bot.cli.importing import import_plan_command
from bot.cli.invite import invite
from bot.cli.report import report
from bot.cli.reporting import reporting
from bot.cli.run import run
from bot.cli.tick import tick
from bot.cli.units import units


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nhacviec")
def cli() -> None:
    """Nhắc việc CCHC: bot nhắc việc cải cách hành chính cho Telegram và Zalo."""


def build_cli() -> click.Group:
    """All wiring in one place."""
    cli.add_command(admin)
    cli.add_command(agenda)
    cli.add_command(calendar)
    cli.add_command(chat)
    cli.add_command(db)
    cli.add_command(demo)
    cli.add_command(deadline)
    cli.add_command(export)
    cli.add_command(import_plan_command)
    cli.add_command(invite)
    cli.add_command(report)
    cli.add_command(reporting)
    cli.add_command(run)
    cli.add_command(tick)
    cli.add_command(units)
    return cli


def main() -> None:
    with cli_errors():
        build_cli()(prog_name="nhacviec")
    sys.exit(0)
