"""Reading a plan's deadline cell the way a careful Vietnamese official would.

`parse_deadline` never raises: what it does not understand comes back as kind "unknown"
with its text, never as a guess.
"""

from __future__ import annotations

from scheduler.deadlines.grammar import parse_deadline
from scheduler.deadlines.model import Deadline, OccurrenceSpec, RelativeSpec

__all__ = ["Deadline", "OccurrenceSpec", "RelativeSpec", "parse_deadline"]
