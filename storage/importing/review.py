"""What an import understood, for people (template import_review.txt) and machines (--json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from scheduler.deadlines.model import OccurrenceSpec

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
            },
            "dry_run": self.dry_run,
            "counts": self.counts(),
            "tasks": [task.to_json() for task in self.tasks],
            "problems": [problem.to_json() for problem in self.problems],
            "withdrawn": self.withdrawn,
            "created_units": self.created_units,
            "occurrences": self.occurrences,
        }
