"""Dated occurrences of every assignment, materialised from a task's parsed deadline.

Run after an import and again whenever the calendar or a plan's reporting dates change: rows
are matched by `period_key`, so a re-run updates due dates in place, revives periods that came
back, and marks vanished periods withdrawn instead of deleting them with their history.

A task whose deadline has no date gets one undated occurrence so it still appears in the
unit's list: period "continuous" for "Thường xuyên" (kind continuous), "Theo yêu cầu" (kind
on_request) and limits counted from an event (kind relative); period "unknown" for a deadline
the parser did not understand (kind unknown). The reminder engine never nags undated ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from scheduler.deadlines.model import Deadline, OccurrenceSpec
from storage.models import Assignment, Occurrence, Task

UNDATED_LABELS = {
    "continuous": "Thường xuyên",
    "on_request": "Theo yêu cầu",
    "relative": "Theo sự kiện",
    "unknown": "Chưa rõ thời hạn",
}


@dataclass(frozen=True)
class DesiredOccurrence:
    period_key: str
    period_label: str
    kind: str
    spec: OccurrenceSpec | None = None


@dataclass
class OccurrenceCounts:
    created: int = 0
    updated: int = 0
    withdrawn: int = 0
    unchanged: int = 0

    def add(self, other: OccurrenceCounts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.withdrawn += other.withdrawn
        self.unchanged += other.unchanged


def desired_occurrences(deadline: Deadline) -> list[DesiredOccurrence]:
    """What one assignment of a task with this deadline should have, in due order."""
    found: dict[str, DesiredOccurrence] = {}
    undated: list[str] = []

    def visit(part: Deadline) -> None:
        for spec in part.occurrences:
            kind = part.kind if part.kind in ("once", "recurring") else "once"
            found.setdefault(
                spec.period_key,
                DesiredOccurrence(spec.period_key, spec.period[:100], kind, spec),
            )
        if not part.occurrences and not part.parts:
            undated.append(part.kind)
        for child in part.parts:
            visit(child)

    visit(deadline)
    dated = sorted(found.values(), key=_due_order)
    if dated:
        return dated
    kind = next((k for k in undated if k in ("continuous", "on_request", "relative")), "unknown")
    key = "unknown" if kind == "unknown" else "continuous"
    return [DesiredOccurrence(key, UNDATED_LABELS[kind], kind)]


def _due_order(item: DesiredOccurrence) -> tuple[str, str]:
    return (item.spec.due.isoformat() if item.spec else "", item.period_key)


def _apply(occurrence: Occurrence, desired: DesiredOccurrence) -> bool:
    spec = desired.spec
    values: dict[str, Any] = {
        "period_label": desired.period_label,
        "kind": desired.kind,
        "nominal_due": spec.due if spec else None,
        "effective_due": spec.effective_due if spec else None,
        "due_time": spec.time if spec else None,
        "window_start": spec.window[0] if spec and spec.window else None,
        "window_end": spec.window[1] if spec and spec.window else None,
        "withdrawn": False,
    }
    changed = False
    for name, value in values.items():
        if getattr(occurrence, name) != value:
            setattr(occurrence, name, value)
            changed = True
    return changed


def materialise_assignment(
    session: Session, *, assignment: Assignment, desired: list[DesiredOccurrence]
) -> OccurrenceCounts:
    """Bring one assignment's occurrences in line with `desired` (withdrawn assignment: none)."""
    counts = OccurrenceCounts()
    existing = {
        occurrence.period_key: occurrence
        for occurrence in session.exec(
            select(Occurrence).where(Occurrence.assignment_id == assignment.id)
        ).all()
    }
    wanted = {} if assignment.withdrawn else {item.period_key: item for item in desired}
    for key, item in wanted.items():
        occurrence = existing.get(key)
        if occurrence is None:
            occurrence = Occurrence(
                assignment_id=assignment.id,  # type: ignore[arg-type]
                period_key=key,
                period_label=item.period_label,
            )
            _apply(occurrence, item)
            session.add(occurrence)
            counts.created += 1
        elif _apply(occurrence, item):
            session.add(occurrence)
            counts.updated += 1
        else:
            counts.unchanged += 1
    for key, occurrence in existing.items():
        if key not in wanted and not occurrence.withdrawn:
            occurrence.withdrawn = True
            session.add(occurrence)
            counts.withdrawn += 1
    return counts


def materialise_task(session: Session, *, task: Task, deadline: Deadline) -> OccurrenceCounts:
    """Occurrences for every assignment of a task; a withdrawn task keeps none active."""
    desired = [] if task.withdrawn else desired_occurrences(deadline)
    counts = OccurrenceCounts()
    for assignment in session.exec(select(Assignment).where(Assignment.task_id == task.id)).all():
        counts.add(materialise_assignment(session, assignment=assignment, desired=desired))
    session.flush()
    return counts
