"""Every date option takes the day as Vietnamese documents write it: 10/03/2025."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine

from bot.cli import build_cli


@pytest.mark.parametrize(
    "args",
    [
        ["agenda", "--from", "10/03/2025", "--to", "20/3/2025"],
        ["agenda", "--from", "2025-03-10"],
        ["tick", "--now", "10/03/2025 08:00"],
        ["export", "--now", "10/03/2025 08:00", "--out", "{tmp}/x.xlsx"],
        ["calendar", "off", "10/03/2025", "--note", "nghỉ bù"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_day_first_dates_are_accepted(
    engine: Engine, cli_env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    result = CliRunner().invoke(build_cli(), args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
