"""The admin's changes to the working-day calendar: extra days off and make-up working days."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, col, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.vocabulary import CalendarOverrideKind
from scheduler.workdays import WorkCalendar
from storage.audit import record
from storage.models import CalendarOverride


def load_work_calendar(session: Session) -> WorkCalendar:
    """Official holidays plus every override stored in the database."""
    rows = session.exec(select(CalendarOverride)).all()
    return WorkCalendar.with_overrides(
        days_off=(row.day for row in rows if row.kind == CalendarOverrideKind.DAY_OFF),
        working_days=(row.day for row in rows if row.kind == CalendarOverrideKind.WORKING_DAY),
    )


def list_overrides(session: Session, *, year: int | None = None) -> list[CalendarOverride]:
    query = select(CalendarOverride).order_by(col(CalendarOverride.day))
    if year is not None:
        query = query.where(
            col(CalendarOverride.day) >= date(year, 1, 1),
            col(CalendarOverride.day) <= date(year, 12, 31),
        )
    return list(session.exec(query).all())


def set_override(
    session: Session,
    *,
    day: date,
    kind: CalendarOverrideKind,
    note: str | None,
    at: datetime,
    actor: str,
) -> CalendarOverride:
    """Mark `day` as an extra day off or a working day; a second call for the day replaces it."""
    if kind not in (CalendarOverrideKind.DAY_OFF, CalendarOverrideKind.WORKING_DAY):
        raise UserFacingError(texts.text("storage", "calendar_kind_invalid"))
    if note is not None and len(note) > 255:
        raise UserFacingError(texts.text("storage", "calendar_note_too_long"))
    row = session.exec(select(CalendarOverride).where(CalendarOverride.day == day)).first()
    before = None if row is None else {"kind": row.kind, "note": row.note}
    if row is None:
        row = CalendarOverride(day=day, kind=kind.value, note=note)
    else:
        row.kind = kind.value
        row.note = note
    session.add(row)
    details = {"kind": kind.value, "note": note, "before": before}
    record(
        session, "calendar.set", "calendar_override", day.isoformat(), details, at=at, actor=actor
    )
    return row


def remove_override(session: Session, *, day: date, at: datetime, actor: str) -> bool:
    """Drop the override of `day`; False when there was none."""
    row = session.exec(select(CalendarOverride).where(CalendarOverride.day == day)).first()
    if row is None:
        return False
    details = {"kind": row.kind, "note": row.note}
    record(
        session,
        "calendar.remove",
        "calendar_override",
        day.isoformat(),
        details,
        at=at,
        actor=actor,
    )
    session.delete(row)
    return True
