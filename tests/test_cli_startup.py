"""`nhacviec` starts fast: a command loads only the libraries it needs."""

from __future__ import annotations

import subprocess
import sys

import click

from bot.cli import build_cli

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "openpyxl", "docx", "matplotlib", "telegram")


def _loaded_after(statement: str) -> set[str]:
    code = (
        f"import sys; {statement}; "
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return set(result.stdout.split())


def test_the_command_line_itself_loads_no_heavy_library() -> None:
    assert _loaded_after("import bot.cli; bot.cli.build_cli()") & set(HEAVY) == set()


def test_the_chat_core_loads_no_file_writer_chart_or_chat_library() -> None:
    loaded = _loaded_after("import bot.core.conversation")
    assert loaded & {"openpyxl", "docx", "matplotlib", "telegram"} == set()


def test_every_wired_command_resolves() -> None:
    group = build_cli()
    with click.Context(group) as ctx:
        names = group.list_commands(ctx)
        assert {"deadline", "import", "run", "demo", "units", "tick"} <= set(names)
        for name in names:
            command = group.get_command(ctx, name)
            assert isinstance(command, click.Command), name
            assert command.name == name or name == "import"
