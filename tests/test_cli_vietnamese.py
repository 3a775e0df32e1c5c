"""The command line speaks Vietnamese: every --help screen, Click's own words, option values."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bot.cli import build_cli

# Click's English framework words and the placeholders it writes in capitals.
ENGLISH = re.compile(
    r"Usage:|Options:|Commands:|Show this message|Show the version|\[default:|\[required\]"
    r"|\b(?:OPTIONS|COMMAND|ARGS|TEXT|INTEGER|FILE|PATH|NAME|UNIT)\b"
)


def _all_commands() -> list[list[str]]:
    root = build_cli()
    found: list[list[str]] = [[]]
    context = click.Context(root)
    for name in root.list_commands(context):
        command = root.get_command(context, name)
        found.append([name])
        if isinstance(command, click.Group):
            sub_context = click.Context(command, parent=context)
            found.extend([name, sub] for sub in command.list_commands(sub_context))
    return found


@pytest.mark.parametrize("path", _all_commands(), ids=lambda path: " ".join(path) or "nhacviec")
def test_every_help_screen_reads_in_vietnamese(path: list[str]) -> None:
    result = CliRunner().invoke(build_cli(), [*path, "--help"], prog_name="nhacviec")
    assert result.exit_code == 0, result.output
    assert "Cách dùng:" in result.output and "Xem hướng dẫn này rồi thoát." in result.output
    assert not ENGLISH.search(result.output), ENGLISH.search(result.output)


def test_click_errors_read_in_vietnamese_through_the_real_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("nhacviec")), "units", "load"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: ") and "Usage" not in result.stderr
