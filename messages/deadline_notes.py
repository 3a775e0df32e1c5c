"""The deadline grammar's notes in words, and a deadline as plain data with its notes said."""

from __future__ import annotations

from typing import Any

from messages import texts
from scheduler.deadlines.model import Deadline, Note

AREA = "deadlines"


def note_text(note: Note) -> str:
    """The catalogue's sentence for `note` (messages/templates/texts/deadlines.txt)."""
    return texts.text(AREA, note.code, **note.values)


def deadline_json(deadline: Deadline) -> dict[str, Any]:
    """`deadline` as JSON data, notes in words: what `--json` prints and a task stores."""
    return deadline.to_json(note_text)
