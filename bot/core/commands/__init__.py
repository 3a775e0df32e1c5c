"""Every chat command, one module each; wired here in one place."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.commands import (
    blocked,
    connect,
    digest,
    done,
    evidence,
    export,
    help,
    invite,
    link,
    overdue,
    progress,
    report,
    start,
    status,
    task,
    tasks,
    undo,
)
from bot.core.commands.base import Access, Command

__all__ = ["Access", "Command", "Registry", "build_registry"]


@dataclass(frozen=True)
class Registry:
    commands: dict[str, Command]
    aliases: dict[tuple[str, ...], str]


def build_registry() -> Registry:
    commands = [
        start.COMMAND,
        help.COMMAND,
        link.COMMAND,
        tasks.COMMAND,
        task.COMMAND,
        done.COMMAND,
        progress.COMMAND,
        blocked.COMMAND,
        undo.COMMAND,
        evidence.COMMAND,
        status.COMMAND,
        overdue.COMMAND,
        digest.COMMAND,
        export.COMMAND,
        report.COMMAND,
        invite.COMMAND,
        connect.COMMAND,
    ]
    by_name = {command.name: command for command in commands}
    aliases: dict[tuple[str, ...], str] = {}
    for command in commands:
        for alias in (command.name, *command.aliases):
            key = tuple(alias.split())
            if key in aliases:
                raise ValueError(f"alias {alias!r} used twice")
            aliases[key] = command.name
    return Registry(by_name, aliases)
