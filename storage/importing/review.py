"""What an import understood, for people (template import_review.txt) and machines (--json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from scheduler.deadlines.model import OccurrenceSpec
from storage.importing.source import SourceDocument
from storage.importing.table import ParsedTable

# Problem kinds; each message says what to fix. "vague_unit" is informational: the cell
# names nobody in particular ("các đơn vị liên quan") and no one is assigned for it.
PROBLEM_KINDS = (
    "unknown_unit",
    "empty_group",
    "vague_unit",
    "no_lead",
    "deadline_unknown",
    "deadline_partly_unknown",
    "deadline_missing",
    "deadline_default_day",
    "deadline_outside_year",
    "empty_title",
    "duplicate_number",
    "joined_at_page_break",
    "missing_number",
)


@dataclass(frozen=True)
class Problem:
    row: int
    kind: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TaskReview:
    """One task as read; `row` is its row in its own table, `place` says so in words."""

    row: int
    number: str
    section: str | None
    title: str
    lead: list[str]
    coordinating: list[str]
    deadline: dict[str, Any]
    deadline_text: str
    deadline_kind: str
    # The dated periods materialised for each assignment (OccurrenceSpec values, in due order).
    occurrences: list[OccurrenceSpec] = field(default_factory=list)
    status: str = "new"
    # How the cells were read, groups named once: "Các phòng CM Sở (5 đơn vị)".
    lead_labels: list[str] = field(default_factory=list)
    coordinating_labels: list[str] = field(default_factory=list)
    place: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "number": self.number,
            "section": self.section,
            "title": self.title,
            "lead": self.lead,
            "coordinating": self.coordinating,
            "deadline": self.deadline,
            "status": self.status,
        }


@dataclass
class ImportReview:
    file_name: str
    format: str
    plan_code: str
    plan_title: str
    year: int
    dry_run: bool
    tasks: list[TaskReview] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    created_units: list[str] = field(default_factory=list)
    plan_created: bool = True
    occurrences: dict[str, int] = field(default_factory=dict)
    reporting_calendar: dict[str, Any] | None = None
    plan_number: str | None = None
    issued_on: str | None = None
    issuer: str | None = None
    # The sheet or table the tasks were read from, when the file has several.
    source_block: str = ""
    hidden: int = 0
    # Each column read, field → header text; the guessed ones are named for a person to check.
    columns: dict[str, str] = field(default_factory=dict)
    guessed: dict[str, str] = field(default_factory=dict)
    shared_units: bool = False
    # Task numbers whose blank lead cell took the lead named on their section heading.
    inherited_lead: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "tasks": len(self.tasks),
            "new": sum(1 for task in self.tasks if task.status == "new"),
            "updated": sum(1 for task in self.tasks if task.status == "updated"),
            "unchanged": sum(1 for task in self.tasks if task.status == "unchanged"),
            "withdrawn": len(self.withdrawn),
            "problems": len(self.problems),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "format": self.format,
            "plan": {
                "code": self.plan_code,
                "title": self.plan_title,
                "year": self.year,
                "created": self.plan_created,
                "reporting_calendar": self.reporting_calendar,
                "number": self.plan_number,
                "issued_on": self.issued_on,
                "issuer": self.issuer,
            },
            "table": {
                "source": self.source_block,
                "hidden": self.hidden,
                "columns": self.columns,
                "guessed": self.guessed,
            },
            "dry_run": self.dry_run,
            "counts": self.counts(),
            "tasks": [task.to_json() for task in self.tasks],
            "problems": [problem.to_json() for problem in self.problems],
            "withdrawn": self.withdrawn,
            "created_units": self.created_units,
            "occurrences": self.occurrences,
        }


def describe_table(review: ImportReview, document: SourceDocument, table: ParsedTable) -> None:
    """Where the tasks were read and how each column was understood."""
    several = len([name for name in document.blocks if name]) > 1
    review.source_block = table.block if several else ""
    review.hidden = document.hidden
    header = table.header
    if header is None:
        return
    for name, index in sorted(header.columns.items(), key=lambda item: item[1]):
        label = " ".join(header.labels[index].split()) if index < len(header.labels) else ""
        review.columns[name] = label
    review.guessed = dict(header.guessed)
    review.shared_units = header.shared_units
    review.inherited_lead = [task.number for task in table.tasks if task.inherited_lead]
