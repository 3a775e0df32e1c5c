"""One task's cells read against the registry and the calendar, problems noted for the review."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from messages import texts
from messages.deadline_notes import note_text
from scheduler.deadlines import parse_deadline
from scheduler.deadlines.model import Deadline
from scheduler.reporting import ReportingCalendar
from scheduler.workdays import WorkCalendar
from storage.importing.options import ImportOptions
from storage.importing.review import ImportReview, Problem
from storage.importing.table import ParsedTask
from storage.importing.unit_cells import CellReading, CellResolver
from storage.models import Unit
from storage.units import add_unit
from storage.units.suggestions import unknown_unit_message


def where(parsed: ParsedTask) -> str:
    """The row as the reader finds it in the file (see ParsedTask.place)."""
    return parsed.place or str(parsed.row)


def read_deadline(
    parsed: ParsedTask,
    year: int,
    reporting: ReportingCalendar | None,
    calendar: WorkCalendar,
    review: ImportReview,
    cache: dict[str, Deadline],
) -> Deadline:
    text = parsed.deadline.strip()
    if not text:
        review.problems.append(
            Problem(
                parsed.row,
                "deadline_missing",
                texts.text("import", "deadline_missing", row=where(parsed), number=parsed.number),
            )
        )
        return Deadline(text="", kind="unknown")
    deadline = cache.get(text)
    if deadline is None:
        # Plans repeat the same few deadline texts; each is read once per import.
        deadline = cache[text] = parse_deadline(
            text, year=year, reporting=reporting, calendar=calendar
        )
    unread = [part for part in deadline.parts if part.kind == "unknown"]
    if deadline.kind == "multiple" and unread:
        for part in unread:
            note = note_text(part.note).rstrip(".") if part.note else ""
            review.problems.append(
                Problem(
                    parsed.row,
                    "deadline_partly_unknown",
                    texts.text(
                        "import",
                        "deadline_partly_unknown",
                        row=where(parsed),
                        number=parsed.number,
                        part=short(part.text),
                        note=note,
                    ),
                )
            )
    if any(spec.assumed for spec in deadline.occurrences):
        # "Hằng tháng" alone: the day is not the plan's; say which one will be used.
        review.problems.append(
            Problem(
                parsed.row,
                "deadline_default_day",
                texts.text(
                    "import",
                    "deadline_default_day",
                    row=where(parsed),
                    number=parsed.number,
                    text=short(text),
                    day=reporting.monthly.day if reporting else 20,
                    code=review.plan_code,
                ),
            )
        )
    if deadline.kind == "unknown":
        review.problems.append(
            Problem(
                parsed.row,
                "deadline_unknown",
                texts.text(
                    "import",
                    "deadline_unknown",
                    row=where(parsed),
                    text=short(text),
                    number=parsed.number,
                ),
            )
        )
    return deadline


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_units(
    session: Session,
    resolver: CellResolver,
    parsed: ParsedTask,
    role: str,
    options: ImportOptions,
    at: datetime,
    actor: str,
    review: ImportReview,
) -> tuple[list[Unit], list[str]]:
    """The units a cell assigns, and how each name was read (for the review)."""
    text = parsed.lead if role == "lead" else parsed.coordinating
    what = texts.text("import", "role_lead" if role == "lead" else "role_coordinating")
    reading: CellReading = resolver.read(text)
    units = reading.units
    labels: list[str] = []
    for name in reading.names:
        if name.group is not None and name.units:
            labels.append(
                texts.text("import", "group_label", group=name.group, count=len(name.units))
            )
        elif name.units:
            labels.extend(unit.name for unit in name.units)
        if name.vague:
            review.problems.append(
                Problem(
                    parsed.row,
                    "vague_unit",
                    texts.text(
                        "import",
                        "vague_unit",
                        row=where(parsed),
                        name=name.text,
                        role=what,
                        number=parsed.number,
                    ),
                )
            )
        elif name.group is not None and not name.units:
            review.problems.append(
                Problem(
                    parsed.row,
                    "empty_group",
                    texts.text(
                        "import",
                        "empty_group",
                        row=where(parsed),
                        group=name.group,
                        number=parsed.number,
                    ),
                )
            )
        elif not name.known:
            # "Phòng NV" is most likely Phòng Nội vụ: never a new unit, even with --create-units.
            if options.create_units and not resolver.suggester.suggest_cell(name.text):
                unit = add_unit(session, name=name.text, at=at, actor=actor)
                units.append(unit)
                labels.append(unit.name)
                if unit.name not in review.created_units:
                    review.created_units.append(unit.name)
                resolver.forget(name.text)
                continue
            review.problems.append(
                Problem(
                    parsed.row,
                    "unknown_unit",
                    unknown_unit_message(
                        resolver.suggester,
                        row=where(parsed),
                        role=what,
                        name=name.text,
                        number=parsed.number,
                        file=review.file_name,
                    ),
                )
            )
    if role == "lead" and text.strip() and not units:
        # A lead cell that names nobody known must never pass quietly: nobody is reminded.
        review.problems.append(
            Problem(
                parsed.row,
                "no_lead",
                texts.text("units", "no_lead_unresolved", row=where(parsed), number=parsed.number),
            )
        )
    if role == "lead" and not text.strip():
        review.problems.append(
            Problem(
                parsed.row,
                "no_lead",
                texts.text("import", "no_lead", row=where(parsed), number=parsed.number),
            )
        )
    return units, list(dict.fromkeys(labels))
