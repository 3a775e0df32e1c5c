"""The one completion rule of every leaders' figure: chat, digest, chart, workbook and draft.

Items are counted in five classes — done on time, done late, in progress, overdue, not yet
due — plus undated duties. Completion is items done over items due so far (done, or past their
due date); the year's total is shown apart ("cả năm: N việc"), never as the denominator.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from scheduler.folding import fold
from scheduler.items import Item
from scheduler.progress import Progress


class _Counted:
    """A tally's number of items in one class, read as an attribute (`tally.overdue`)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def __get__(self, tally: Tally, owner: type[Tally]) -> int:
        return tally.count(self.progress)


@dataclass(frozen=True)
class Tally:
    """How one unit (or all of them) stands: items per class and the completion rate."""

    unit_id: int
    unit_name: str
    counts: dict[Progress, int] = field(default_factory=dict)

    def count(self, progress: Progress) -> int:
        return self.counts.get(progress, 0)

    done_on_time = _Counted(Progress.DONE_ON_TIME)
    done_late = _Counted(Progress.DONE_LATE)
    in_progress = _Counted(Progress.IN_PROGRESS_ON_TIME)
    overdue = _Counted(Progress.OVERDUE)
    not_yet_due = _Counted(Progress.NOT_STARTED)
    no_deadline = _Counted(Progress.NO_DEADLINE)

    @property
    def total(self) -> int:
        """Every item counted, the year's whole list ("cả năm")."""
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def due_so_far(self) -> int:
        """Items that had to be done by now: done already, or past their due date."""
        return self.done + self.overdue

    @property
    def completion_rate(self) -> float | None:
        """Done over due so far; None when nothing is due yet (a dash, not a false 0 %)."""
        return self.done / self.due_so_far if self.due_so_far else None

    # The older name of `total`.
    @property
    def items(self) -> int:
        return self.total


def tally(items: Iterable[Item]) -> list[Tally]:
    """One tally per unit of `items`, in unit-name order (folded)."""
    names: dict[int, str] = {}
    counts: dict[int, dict[Progress, int]] = {}
    for item in items:
        names[item.unit_id] = item.unit_name
        unit = counts.setdefault(item.unit_id, {})
        unit[item.progress] = unit.get(item.progress, 0) + 1
    ordered = sorted(names, key=lambda uid: (fold(names[uid]), uid))
    return [Tally(uid, names[uid], counts[uid]) for uid in ordered]


def combine(tallies: Iterable[Tally], *, name: str = "") -> Tally:
    """The sum of several tallies: the totals row (the renderer prints its own word for it)."""
    counts: dict[Progress, int] = {}
    for one in tallies:
        for progress, number in one.counts.items():
            counts[progress] = counts.get(progress, 0) + number
    return Tally(unit_id=0, unit_name=name, counts=counts)


def worst_first(tallies: Iterable[Tally]) -> list[Tally]:
    """Units a leader should call first: most overdue, then lowest completion, then name."""
    return sorted(
        tallies,
        key=lambda t: (
            -t.overdue,
            t.completion_rate if t.completion_rate is not None else 2.0,
            fold(t.unit_name),
            t.unit_id,
        ),
    )


def has_figures(one: Tally) -> bool:
    """Whether a unit has anything due so far to show (a "0/0" line only hides late ones)."""
    return one.due_so_far > 0


@dataclass(frozen=True)
class ChartRow:
    """One unit's stacked bar: done on time, done late, in progress, overdue."""

    unit_name: str
    done_on_time: int
    done_late: int
    in_progress: int
    overdue: int


def chart_rows(tallies: Iterable[Tally], *, limit: int) -> list[ChartRow]:
    """The bars of the completion chart, worst unit first; units with nothing to draw left out.

    `/status` and the digest both call this with the same tallies, so they draw one picture.
    """
    rows = [
        ChartRow(t.unit_name, t.done_on_time, t.done_late, t.in_progress, t.overdue)
        for t in worst_first(tallies)
        if t.done_on_time + t.done_late + t.in_progress + t.overdue
    ]
    return rows[:limit]
