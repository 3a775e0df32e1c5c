"""Reminder, overdue, escalation and digest messages, rendered from the templates."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from messages import texts
from messages.fitting import fit
from messages.outgoing import OutgoingMessage
from messages.progress_words import label_vi
from messages.render import render
from scheduler.items import Item as ItemView
from scheduler.progress import Progress

# Long lists are cut: a digest must stay readable and within a few chat messages.
DIGEST_LINES = 25
ESCALATION_LINES = 20
STATUSES = ("not_started", "in_progress", "blocked", "done")


def status_labels() -> dict[str, str]:
    """Each status as a sentence in a notice says it ("có vướng mắc")."""
    return {status: texts.text("documents", f"status_{status}") for status in STATUSES}


@dataclass(frozen=True)
class EscalatedItem:
    """One late item in a day's escalation message."""

    item: ItemView
    own_due: date
    days_overdue: int
    note: str | None = None
    lead_names: tuple[str, ...] = ()


def escalation_batch_message(
    entries: Sequence[EscalatedItem],
    *,
    today: date,
    to_lead_unit: bool,
    unreachable: Collection[str] = (),
    overdue_total: int | None = None,
) -> OutgoingMessage:
    """The day's escalations for one chat in one message.

    The leaders' report is grouped by unit, the unit with most late items first: that is
    where a leader's call helps most. The lead unit's notice is grouped by item, naming the
    coordinating units it still waits for.
    """
    if to_lead_unit:
        by_item: dict[tuple[str, str, str], list[EscalatedItem]] = {}
        for entry in sorted(entries, key=lambda e: (e.item.unit_name, e.item.occurrence_id)):
            key = (entry.item.task_number, entry.item.task_title, entry.item.period_label)
            by_item.setdefault(key, []).append(entry)
        ordered = sorted(by_item.values(), key=lambda group: group[0].own_due)
        text = fit(
            lambda n: render(
                "escalation_lead_batch.html",
                today=today,
                groups=ordered[:n],
                more=sum(len(group) for group in ordered[n:]),
            ),
            len(ordered),
        )
        return OutgoingMessage(text=text, html=True)
    by_unit: dict[str, list[EscalatedItem]] = {}
    for entry in sorted(
        entries, key=lambda e: (e.item.unit_name, -e.days_overdue, e.item.occurrence_id)
    ):
        by_unit.setdefault(entry.item.unit_name, []).append(entry)
    units = sorted(by_unit.items(), key=lambda pair: (-len(pair[1]), pair[0]))

    def draw(lines: int) -> str:
        room = lines
        groups: list[tuple[str, list[EscalatedItem], int]] = []
        for unit_name, items in units:
            if room <= 0:
                break
            groups.append((unit_name, items[:room], len(items[room:])))
            room -= len(items[:room])
        return render(
            "escalation_leaders_batch.html",
            today=today,
            total=len(entries),
            overdue_total=overdue_total,
            unit_total=len(units),
            groups=groups,
            more_units=len(units) - len(groups),
            more=len(entries) - sum(len(items) for _, items, _ in groups),
            status_labels=status_labels(),
            unreachable=set(unreachable),
        )

    return OutgoingMessage(text=fit(draw, ESCALATION_LINES), html=True)


def unit_digest(
    *, unit_name: str, week_label: str, today: date, items: Sequence[ItemView], week_end: date
) -> OutgoingMessage | None:
    """A unit's short weekly list (None when it has nothing open)."""
    overdue = [item for item in items if item.progress is Progress.OVERDUE]
    dated = [item for item in items if item.effective_due is not None]
    this_week = [
        item
        for item in dated
        if item.progress is not Progress.OVERDUE
        and item.effective_due is not None
        and item.effective_due <= week_end
    ]
    upcoming = [
        item for item in dated if item.effective_due is not None and item.effective_due > week_end
    ]
    continuous = sum(1 for item in items if item.progress is Progress.NO_DEADLINE)
    if not overdue and not this_week and not upcoming and not continuous:
        return None
    shown_upcoming = upcoming[:5]
    shown = overdue[:DIGEST_LINES], this_week[:DIGEST_LINES]
    more = len(overdue) - len(shown[0]) + len(this_week) - len(shown[1])
    text = render(
        "digest_unit.html",
        unit_name=unit_name,
        week_label=week_label,
        today=today,
        overdue=shown[0],
        this_week=shown[1],
        upcoming=shown_upcoming,
        continuous=continuous,
        more=more + len(upcoming) - len(shown_upcoming),
    )
    return OutgoingMessage(text=text, html=True)


def progress_label(progress: Progress) -> str:
    return label_vi(progress)
