"""A command group that imports a sub-command's module only when that command runs.

Every sub-command pulls in its own libraries (SQLAlchemy, Alembic, openpyxl, python-docx, the
chat libraries); importing all of them for each `nhacviec …` line cost more than a second
before the command itself started.
"""

from __future__ import annotations

import importlib

import click


class LazyGroup(click.Group):
    """`lazy` maps a command name to "package.module:attribute"."""

    def __init__(self, *args: object, lazy: dict[str, str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy: dict[str, str] = dict(lazy or {})

    def add_lazy(self, name: str, target: str) -> None:
        self.lazy[name] = target

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module_name, _, attribute = self.lazy[cmd_name].partition(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self.lazy[cmd_name]} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)
