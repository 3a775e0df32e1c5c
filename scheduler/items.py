"""The one plain read model of an item: what every leaders' view, list and file reads.

`storage.items` fills it from the database; `messages/` renders it. It holds values only, so
the rules and renderers that take it need no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from scheduler.progress import Progress


@dataclass(frozen=True)
class EvidenceRow:
    file_name: str
    sha256: str
    size: int
    created_at: datetime


@dataclass(frozen=True)
class Item:
    """One occurrence of one unit's assignment, as leaders and units see it.

    `completed_at` and note times are in the product's time zone; `days_overdue` counts
    working days past the effective due date (0 unless overdue). The history fields are
    filled only where a view asks for them (files, blocked reasons).
    """

    occurrence_id: int
    plan_id: int
    plan_code: str
    task_id: int
    task_number: str
    task_position: int
    task_title: str
    section: str | None
    expected_output: str | None
    deadline_text: str | None
    unit_id: int
    unit_name: str
    role: str
    period_key: str
    period_label: str
    kind: str
    nominal_due: date | None
    effective_due: date | None
    window_start: date | None
    window_end: date | None
    status: str
    percent: int
    completed_at: datetime | None
    progress: Progress
    days_overdue: int = 0
    last_note: str | None = None
    last_note_at: datetime | None = None
    # The newest note given with "blocked" or "in progress": the unit's own explanation.
    last_reason: str | None = None
    last_reason_at: datetime | None = None
    reason_by: str | None = None
    reported_by: str | None = None
    evidence: tuple[EvidenceRow, ...] = ()

    @property
    def has_deadline(self) -> bool:
        return self.effective_due is not None

    @property
    def is_lead(self) -> bool:
        return self.role == "lead"
