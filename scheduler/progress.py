"""How an item counts in leaders' views, the way Vietnamese task-tracking systems count it.

One function decides, so that `/status`, the digest, the export and the report agree. It
returns a code; `messages.progress_words` gives the code its Vietnamese name.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum


class Progress(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS_ON_TIME = "in_progress_on_time"
    OVERDUE = "overdue"  # not done and past its effective due date
    NOT_STARTED = "not_started"  # not due yet and nothing reported
    NO_DEADLINE = "no_deadline"  # continuous / on request: never overdue


def classify(
    *,
    status: str,
    effective_due: date | None,
    completed_at: datetime | None,
    today: date,
) -> Progress:
    """Classify one occurrence. `completed_at` is compared in local time (pass it localised)."""
    if status == "done":
        if effective_due is None or completed_at is None:
            return Progress.DONE_ON_TIME
        return Progress.DONE_ON_TIME if completed_at.date() <= effective_due else Progress.DONE_LATE
    if effective_due is None:
        return Progress.NO_DEADLINE
    if today > effective_due:
        return Progress.OVERDUE
    if status in ("in_progress", "blocked"):
        return Progress.IN_PROGRESS_ON_TIME
    return Progress.NOT_STARTED
