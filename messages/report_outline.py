"""What the period report draft says, as plain data for its template.

The draft follows the outline of a periodic CCHC report: an overview with the figures (the
one rule of `scheduler.tally`), one row per task by section, late items by unit with the
units' own reasons, notes quoted as material for the office to edit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from messages.progress_words import label_vi, percent_text
from scheduler.folding import fold, nfc
from scheduler.items import Item
from scheduler.progress import Progress
from scheduler.report_period import ReportPeriod
from scheduler.tally import combine, tally, worst_first

_NOTES_PER_TASK = 3
# A row per task stays a few lines: a plan may name thirty district offices for one task.
_LEADS_SHOWN = 5
_OTHERS_SHOWN = 3
_SECTION_NUMBER = re.compile(r"^\s*(?:[IVXLC]+|\d+)\s*[.)/-]\s*")
_LEADING_PLAN_WORD = re.compile(r"^\s*kế\s+hoạch\s+", re.IGNORECASE)


@dataclass(frozen=True)
class ReportHeading:
    """Who reports and under which plan; `issuer` may be empty for a hand-made plan.

    `plan_number` and `issued_on` are the plan's own "Số …/KH-…, ngày …" where the import
    found them; without a number the draft cites the plan's title or code.
    """

    plan_code: str
    plan_title: str
    issuer: str | None
    year: int
    plan_number: str | None = None
    issued_on: date | None = None


def report_context(
    items: Sequence[Item],
    *,
    heading: ReportHeading,
    period: ReportPeriod,
    today: date,
    year_total: int | None = None,
    cell_break: str = "\n",
) -> dict[str, Any]:
    """The template's data; every word of the report is in the template itself."""
    totals = tally(items)
    total = combine(totals)
    title = nfc(heading.plan_title).strip()
    code = nfc(heading.plan_code).strip()
    return {
        "issuer": nfc(heading.issuer or "").strip(),
        "plan_title": title,
        # "Kế hoạch số 25/KH-… về cải cách hành chính năm 2024": the title without its first word.
        "plan_subject": _LEADING_PLAN_WORD.sub("", title).strip() or title,
        "plan_code": code,
        "plan_number": nfc(heading.plan_number or "").strip(),
        "plan_date": heading.issued_on,
        "code_in_title": bool(code) and code.casefold() in title.casefold(),
        "year": period.end.year,
        "period_label": period.label,
        "period_start": period.start,
        "period_end": period.end,
        "today": today,
        "totals": worst_first(totals),
        "rate": percent_text,
        "total": total,
        "year_total": year_total,
        "task_count": len({(item.plan_id, item.task_id) for item in items}),
        "sections": report_sections(items),
        "late": late_by_unit(items),
        "br": cell_break,
    }


def report_sections(items: Sequence[Item]) -> list[dict[str, Any]]:
    """Per section of the plan, one row per task: the lead units' result, the coordinating
    units in one line, how many evidence files were filed."""
    tasks: dict[tuple[int, int], list[Item]] = {}
    for item in items:
        tasks.setdefault((item.plan_id, item.task_id), []).append(item)
    sections: dict[str, list[dict[str, Any]]] = {}
    for entries in tasks.values():
        first = entries[0]
        leads = [item for item in entries if item.is_lead] or entries
        others = [item for item in entries if not item.is_lead and item not in leads]
        sections.setdefault(nfc(first.section or "").strip(), []).append(
            {
                "number": first.task_number,
                "title": first.task_title,
                "expected_output": first.expected_output,
                "leads": _names(leads, most=_LEADS_SHOWN),
                "coordinating": _names(others, most=_OTHERS_SHOWN),
                "states": _states(leads),
                "completed_at": _single_completion(leads),
                "notes": _notes(leads),
                "evidence": sum(len(item.evidence) for item in entries),
            }
        )
    return [{"name": _section_name(name), "entries": entries} for name, entries in sections.items()]


def _section_name(name: str) -> str:
    """ "I. CẢI CÁCH THỂ CHẾ" → "Cải cách thể chế": the draft numbers its own parts."""
    bare = _SECTION_NUMBER.sub("", name).strip()
    if bare.isupper():
        bare = bare[:1] + bare[1:].lower()
    return bare


def late_by_unit(items: Sequence[Item]) -> dict[str, Any]:
    """Overdue items grouped by unit, with the unit's own reasons.

    Items a unit explained are listed with its words; those it did not are only counted,
    and units that explained nothing are named once with their count.
    """
    units: dict[int, dict[str, Any]] = {}
    for item in items:
        if item.progress is not Progress.OVERDUE:
            continue
        unit = units.setdefault(
            item.unit_id, {"name": item.unit_name, "count": 0, "explained": [], "silent": 0}
        )
        unit["count"] += 1
        reason = item.last_reason or item.last_note
        if reason:
            unit["explained"].append(
                {
                    "number": item.task_number,
                    "title": item.task_title,
                    "period": item.period_label,
                    "due": item.effective_due,
                    "days": item.days_overdue,
                    "reason": reason,
                    "who": item.reason_by or item.reported_by,
                }
            )
        else:
            unit["silent"] += 1
    ranked = sorted(units.values(), key=lambda u: (-u["count"], fold(u["name"])))
    return {
        "count": sum(unit["count"] for unit in ranked),
        "explaining": [unit for unit in ranked if unit["explained"]],
        "silent_units": [unit for unit in ranked if not unit["explained"]],
        "silent_items": sum(unit["count"] for unit in ranked if not unit["explained"]),
    }


def _names(items: Sequence[Item], *, most: int) -> dict[str, Any]:
    """Unit names in one line: the first `most`, the others counted (the workbook has all)."""
    names = list(dict.fromkeys(nfc(item.unit_name) for item in items))
    return {"shown": ", ".join(names[:most]), "more": len(names[most:])}


def _states(items: Sequence[Item]) -> list[tuple[str, int]]:
    """(state words, how many occurrences) of the lead items, in the order of the classes."""
    counts: dict[Progress, int] = {}
    for item in items:
        counts[item.progress] = counts.get(item.progress, 0) + 1
    return [(label_vi(p), counts[p]) for p in Progress if p in counts]


def _single_completion(items: Sequence[Item]) -> date | None:
    if len(items) == 1 and items[0].completed_at is not None and items[0].status == "done":
        return items[0].completed_at.date()
    return None


def _notes(items: Sequence[Item]) -> list[dict[str, str]]:
    """The units' own latest words, quoted for the office to rewrite into the report."""
    notes: dict[tuple[str, str], dict[str, str]] = {}
    # With one lead unit its name is already at the start of the cell.
    named = len({item.unit_id for item in items}) > 1
    for item in items:
        if item.last_note:
            key = (item.unit_name, item.last_note)
            notes[key] = {"unit": item.unit_name if named else "", "text": item.last_note}
    return list(notes.values())[:_NOTES_PER_TASK]
