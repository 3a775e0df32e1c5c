"""What every real plan fixture records: the fixture, its level and where the original was read."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "layouts"))

from fixtures import Fixture, Row

REBUILT = "rebuilt from text"
ORIGINAL = "original file"


@dataclass(frozen=True)
class RealPlan:
    fixture: Fixture
    level: str
    source: str
    origin: str = REBUILT


def tasks(rows: list[tuple[str, ...]]) -> list[Row]:
    return [Row(row) for row in rows]
