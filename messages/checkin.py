"""A unit's morning check-in: one short message listing what needs attention, one line each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from messages.buttons import checkin_buttons
from messages.outgoing import OutgoingMessage
from messages.render import render
from scheduler.items import Item as ItemView

# About a phone screen: a longer list is for /tasks, not for a group's morning.
CHECKIN_LINES = 10
TITLE_CHARS = 60
# The plan's own deadline words are quoted when they fit on the line.
QUOTE_CHARS = 40


@dataclass(frozen=True)
class CheckInLine:
    item: ItemView
    own_due: date
    days_late: int
    days_left: int
    lead_names: tuple[str, ...] = ()
    # The day the leaders will hear of it, when that is still to come.
    escalate_on: date | None = None
    # The working day it should be done by: before a holiday its last day fell in, while
    # `own_due` is the legal end (Điều 148) that lateness counts from.
    remind_by: date | None = None

    @property
    def early(self) -> date | None:
        """The day before the holiday, when it differs from the legal end."""
        return self.remind_by if self.remind_by and self.remind_by < self.own_due else None

    @property
    def state(self) -> str:
        if self.days_late:
            return "late"
        return "today" if self.days_left == 0 else "soon"

    @property
    def title(self) -> str:
        return one_line(self.item.task_title, TITLE_CHARS)

    @property
    def shifted(self) -> bool:
        item = self.item
        return bool(
            item.nominal_due and item.effective_due and item.nominal_due != item.effective_due
        )

    @property
    def quote(self) -> str | None:
        """The plan's deadline words, when they are one short line saying more than the period."""
        text = (self.item.deadline_text or "").strip()
        if not text or "\n" in text or len(text) > QUOTE_CHARS:
            return None
        return None if text.casefold() == self.item.period_label.casefold() else text


def one_line(text: str, limit: int) -> str:
    """A plan cell as one line: its first non-empty line, spaces collapsed, cut with "…"."""
    first = next((line for line in text.splitlines() if line.strip(" -•+\t")), "")
    words = " ".join(first.strip(" -•+\t").split())
    return words if len(words) <= limit else words[: limit - 1].rstrip(" ,;:") + "…"


_ORDER = {"late": 0, "today": 1, "soon": 2}


def checkin_message(lines: Sequence[CheckInLine], *, today: date, week: bool) -> OutgoingMessage:
    """Overdue first (most late on top), then due today, then what comes; at most ten lines."""
    ordered = sorted(
        lines,
        key=lambda line: (
            _ORDER[line.state],
            -line.days_late,
            line.own_due,
            line.item.occurrence_id,
        ),
    )
    shown = list(ordered[:CHECKIN_LINES])
    text = render(
        "checkin.html",
        today=today,
        week=week,
        lines=shown,
        total=len(ordered),
        late=sum(1 for line in ordered if line.state == "late"),
        due_today=sum(1 for line in ordered if line.state == "today"),
        more=len(ordered) - len(shown),
    )
    ids = [line.item.occurrence_id for line in shown]
    return OutgoingMessage(
        text=text,
        buttons=checkin_buttons(ids),
        html=True,
        # A reply to a one-line check-in is about that line's item.
        occurrence_id=ids[0] if len(ids) == 1 else None,
        listed=tuple(ids),
        button_note=render("_checkin_hint.html", occurrence_id=ids[0]).strip(),
    )
