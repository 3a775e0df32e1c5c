"""What a deadline cell means once understood: its kind, its dated occurrences, its parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, time
from typing import Any


@dataclass(frozen=True)
class OccurrenceSpec:
    """One dated instance of a duty within the plan year.

    `period_key` is stable across re-imports ("2024-Q1", "2024-M02", "2024-H1", "2024-Y",
    "2024-03-15", …) so that status history stays attached to the same period.
    `due` is the nominal last allowed day; `effective_due` moves it off days off
    (Điều 148 khoản 5 BLDS 2015).
    """

    period_key: str
    period: str
    due: date
    effective_due: date
    window: tuple[date, date] | None = None
    time: time | None = None
    # The plan wrote a frequency but no day ("Hằng tháng"): the due day is a default.
    assumed: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "period": self.period,
            "due": self.due.isoformat(),
            "effective_due": self.effective_due.isoformat(),
            "window": [self.window[0].isoformat(), self.window[1].isoformat()]
            if self.window
            else None,
            "time": self.time.strftime("%H:%M") if self.time else None,
        }
        if self.assumed:
            data["assumed"] = True
        return data


@dataclass(frozen=True)
class RelativeSpec:
    """A limit counted from an event ("05 ngày làm việc kể từ ngày công bố TTHC").

    `unit` is "day", "week" or "month" ("chậm nhất là 03 tháng kể từ khi văn bản có hiệu lực").
    """

    count: int
    working_days: bool
    event: str
    unit: str = "day"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Note:
    """What a reader should know about a part (why it has no date, where its date lives): the
    name of a message of the catalogue's "deadlines" area and its values, never a sentence;
    `messages.deadline_notes.note_text` turns it into Vietnamese."""

    code: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Deadline:
    """The understood deadline text. `kind` is one of scheduler.vocabulary.DeadlineKind."""

    text: str
    kind: str
    occurrences: tuple[OccurrenceSpec, ...] = ()
    parts: tuple[Deadline, ...] = ()
    relative: RelativeSpec | None = None
    note: Note | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self, note_text: Callable[[Note], str]) -> dict[str, Any]:
        """Plain data; `note_text` says the note in words (messages.deadline_notes.note_text)."""
        data: dict[str, Any] = {
            "text": self.text,
            "kind": self.kind,
            "occurrences": [occ.to_json() for occ in self.occurrences],
        }
        if self.parts:
            data["parts"] = [part.to_json(note_text) for part in self.parts]
        if self.relative:
            data["relative"] = self.relative.to_json()
        if self.note:
            data["note"] = note_text(self.note)
        if self.extra:
            data["extra"] = dict(self.extra)
        return data
