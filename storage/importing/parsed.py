"""What reading a task table gives: its tasks, the problems met and where the header was.

The numbering rules for plans that restart at 1 under every part, and for a number written
twice, live here too, because they work on the tasks alone, once the whole table is read.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from itertools import count

from messages import texts
from storage.importing.headers import Header


@dataclass
class ParsedTask:
    row: int
    number: str
    section: str | None
    title: str
    output: str = ""
    lead: str = ""
    coordinating: str = ""
    deadline: str = ""
    goal: str = ""
    rows: list[int] = field(default_factory=list)
    # The number of the heading the task sits under ("II"), when the heading has one.
    section_number: str | None = None
    # The part ("VIII") above that heading when the heading is one of its items ("2").
    part_number: str | None = None
    # The row as the reader finds it: "4", or "4 (bảng 3)" in a table continuing the first.
    place: str = ""
    # The lead cell was blank and the section heading's lead was taken.
    inherited_lead: bool = False


@dataclass(frozen=True)
class TableProblem:
    row: int
    kind: str
    message: str


@dataclass
class ParsedTable:
    tasks: list[ParsedTask]
    problems: list[TableProblem]
    header_row: int
    columns: dict[str, int]
    # Rows above the header (titles) and other text: where the plan year is written.
    preamble: str
    header: Header | None = None
    # The sheet or table the header was found in, when the file has several.
    block: str = ""


def qualify_restarted_numbers(tasks: list[ParsedTask]) -> None:
    """Plans that number tasks 1, 2, … again under every part get "II.1", "II.2", ….

    Only when a number really repeats under different numbered headings, and then for every
    task under a numbered heading, so the numbers stay the same from one import to the next.
    A heading that is an item of a part ("2" under "VIII", split into 2.1, 2.2) counts as
    its part: its sub-items become "VIII.2.1", as its sibling task is "VIII.1".
    """

    def scope(task: ParsedTask) -> str | None:
        return task.part_number or task.section_number

    sections: dict[str, set[str | None]] = {}
    for task in tasks:
        sections.setdefault(task.number, set()).add(scope(task))
    repeated = [number for number, found in sections.items() if len(found) > 1]
    if not repeated or any(None in sections[number] for number in repeated):
        return
    for task in tasks:
        prefix = scope(task)
        # A part that is a task itself ("VIII" with its own lead) keeps its number; task 1
        # under heading "1. …" is "1.1".
        opens_part = task.number == prefix and task.section == f"{prefix}. {task.title}"
        if prefix and not opens_part and not task.number.startswith(f"{prefix}."):
            task.number = f"{prefix}.{task.number}"[:20]


def separate_repeated_numbers(tasks: list[ParsedTask]) -> list[TableProblem]:
    """A number written twice in one scope (a typo, a heading left out): the later task is kept
    as "2a" ("2b" for a third), and the review names its row and what to fix.

    The number is the task's identity on re-import, so the letter comes only from the task's
    order among the tasks sharing its number: the same table imported again gives every task
    the same number, and its history stays with it. Rows without a title are refused later.
    """
    taken = {task.number for task in tasks}
    first: dict[str, ParsedTask] = {}
    problems: list[TableProblem] = []
    for task in tasks:
        if not task.title.strip():
            continue
        earlier = first.setdefault(task.number, task)
        if earlier is task:
            continue
        kept = _free_number(task.number, taken)
        taken.add(kept)
        message = texts.text(
            "import",
            "duplicate_number",
            row=task.place or str(task.row),
            number=task.number,
            first_row=earlier.place or str(earlier.row),
            title=_title_start(task.title),
            kept=kept,
        )
        problems.append(TableProblem(task.row, "duplicate_number", message))
        task.number = kept
    return problems


def _free_number(number: str, taken: set[str]) -> str:
    """ "2" → "2a"; a number ending in a letter ("1.a") → "1.a-2", never "1.aa"."""
    lettered = number[-1:].isalpha()
    for index in count():
        suffix = f"-{index + 2}" if lettered or index >= 26 else string.ascii_lowercase[index]
        candidate = number[: 20 - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")


def _title_start(title: str, limit: int = 60) -> str:
    text = " ".join(title.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
