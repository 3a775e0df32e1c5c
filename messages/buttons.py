"""The answer buttons on reminders and item views; captions live in chat/labels.txt."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from messages.outgoing import Button
from messages.render import environment
from scheduler.folding import nfc

Buttons = tuple[tuple[Button, ...], ...]


@lru_cache(maxsize=1)
def _labels() -> Any:
    return environment().get_template("chat/labels.txt").module


def label(name: str) -> str:
    """A short fixed text (button caption) from messages/templates/chat/labels.txt."""
    return nfc(str(getattr(_labels(), name)))


def item_buttons(occurrence_id: int) -> Buttons:
    """The buttons every reminder carries; the conversation core handles their actions."""
    return (
        (
            Button(label("done"), f"done:{occurrence_id}"),
            Button(label("progress"), f"progress:{occurrence_id}"),
        ),
        (
            Button(label("blocked"), f"blocked:{occurrence_id}"),
            Button(label("evidence"), f"evidence:{occurrence_id}"),
        ),
    )


def checkin_buttons(occurrence_ids: Sequence[int]) -> Buttons:
    """One compact row per check-in line: done (with the item's number), progress, blocked,
    evidence."""
    return tuple(
        (
            Button(f"{label('done_short')} {occurrence_id}", f"done:{occurrence_id}"),
            Button(label("progress_short"), f"progress:{occurrence_id}"),
            Button(label("blocked_short"), f"blocked:{occurrence_id}"),
            Button(label("evidence_short"), f"evidence:{occurrence_id}"),
        )
        for occurrence_id in occurrence_ids
    )
