"""Plain values for templates: how an item, its history and its files are shown."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from messages import texts
from messages.errors import UserFacingError
from messages.progress_words import label_vi
from scheduler.clock import Clock
from scheduler.items import Item as ItemView
from scheduler.policy import ReminderPolicy, remind_by
from scheduler.progress import Progress, classify
from scheduler.tally import Tally as UnitSummary
from scheduler.vocabulary import Status
from scheduler.workdays import WorkCalendar
from storage.models import EvidenceFile
from storage.tracking import HistoryEntry, Item


def status_label(status: str) -> str:
    """The status as chat shows it; a value no longer known is shown as stored."""
    if status not in set(Status):
        return status
    return texts.text("chat", f"status_{status}")


def one_line(text: str) -> str:
    """Titles read from OCR or cells may hold line breaks; a list line must stay one line."""
    return " ".join(text.split())


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB".replace(".", ",")
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def progress_of(item: Item, clock: Clock) -> Progress:
    completed = item.occurrence.completed_at
    return classify(
        status=item.occurrence.status,
        effective_due=item.occurrence.effective_due,
        completed_at=completed.astimezone(clock.tz) if completed else None,
        today=clock.today(),
    )


@lru_cache(maxsize=1)
def _working_days() -> WorkCalendar:
    return WorkCalendar()


def _submit_by(item: Item) -> date | None:
    """The working day before the holiday the plan's last day falls in, when the legal end
    moved past it (the morning check-in's rule); None when the plan's day is a working day."""
    occurrence = item.occurrence
    due, nominal = occurrence.effective_due, occurrence.nominal_due
    if due is None or nominal is None or nominal == due:
        return None
    try:
        policy = ReminderPolicy.from_json(item.plan.reminder_policy)
    except UserFacingError:  # a plan's bad setting is reported where it is set, not here
        policy = ReminderPolicy()
    early = remind_by(
        due, nominal_due=nominal, role=item.assignment.role, policy=policy, calendar=_working_days()
    )
    return early if early < due else None


def working_days_left(due: date | None, today: date) -> int | None:
    """Working days from today to the due date, negative when late: the one way lateness is
    counted in every view, as in the morning check-in and the leaders' messages."""
    if due is None:
        return None
    calendar = _working_days()
    if due >= today:
        return calendar.working_days_between(today, due)
    return -calendar.working_days_between(due, today)


def item_view(item: Item, clock: Clock) -> dict[str, Any]:
    occurrence = item.occurrence
    today = clock.today()
    due = occurrence.effective_due
    nominal = occurrence.nominal_due
    days_left = working_days_left(due, today)
    progress = progress_of(item, clock)
    return {
        "id": item.id,
        "number": item.task.number,
        "title": one_line(item.task.title),
        "expected_output": item.task.expected_output,
        "deadline_text": item.task.deadline_text,
        "plan_code": item.plan.code,
        "unit_name": item.unit.name,
        "period": occurrence.period_label,
        "due": due,
        "nominal_due": nominal if nominal != due else None,
        "submit_by": _submit_by(item),
        "days_left": days_left,
        "status": occurrence.status,
        "status_label": status_label(occurrence.status),
        "percent": occurrence.percent,
        "progress": progress.value,
        "progress_label": label_vi(progress),
        "overdue": progress == Progress.OVERDUE,
        "done": occurrence.status == Status.DONE,
        "completed_at": _local(occurrence.completed_at, clock),
        "window_start": occurrence.window_start,
        "window_end": occurrence.window_end,
    }


def list_view(item: ItemView, clock: Clock) -> dict[str, Any]:
    """An item of a leaders' or unit's list (same keys as item_view where lists need them)."""
    due = item.effective_due
    return {
        "id": item.occurrence_id,
        "number": item.task_number,
        "title": one_line(item.task_title),
        "unit_name": item.unit_name,
        "period": item.period_label,
        "due": due,
        "nominal_due": item.nominal_due if item.nominal_due != due else None,
        "days_left": working_days_left(due, clock.today()),
        "days_overdue": item.days_overdue,
        "status": item.status,
        "percent": item.percent,
        "progress": item.progress.value,
        "overdue": item.progress == Progress.OVERDUE,
        "done": item.status == Status.DONE,
    }


def summary_view(summary: UnitSummary) -> dict[str, Any]:
    rate = summary.completion_rate
    return {
        "unit_id": summary.unit_id,
        "name": summary.unit_name,
        "total": summary.total,
        "done": summary.done,
        "done_late": summary.done_late,
        "overdue": summary.overdue,
        "in_progress": summary.in_progress,
        "not_started": summary.not_yet_due,
        "no_deadline": summary.no_deadline,
        "rate": None if rate is None else round(rate * 100),
    }


def history_view(entries: list[HistoryEntry], clock: Clock) -> list[dict[str, Any]]:
    return [
        {
            "at": _local(entry.update.created_at, clock),
            "status_label": status_label(entry.update.status),
            "percent": entry.update.percent,
            "note": entry.update.note,
            "who": entry.person_name or entry.update.channel,
        }
        for entry in entries
    ]


def evidence_view(files: list[EvidenceFile], clock: Clock) -> list[dict[str, Any]]:
    return [
        {
            "id": evidence.id,
            "name": evidence.file_name,
            "size": human_size(evidence.size),
            "short_hash": evidence.sha256[:12],
            "at": _local(evidence.created_at, clock),
        }
        for evidence in files
    ]


def week_end(today: date) -> date:
    """Sunday of the current week: "this week" in the /tasks list."""
    return today + timedelta(days=6 - today.weekday())


def _local(moment: datetime | None, clock: Clock) -> datetime | None:
    return moment.astimezone(clock.tz) if moment is not None else None
