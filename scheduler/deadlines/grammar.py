"""From a cell to a Deadline: split it into parts, read each part, put the parts together."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

from scheduler import periods
from scheduler.deadlines.model import Deadline, Note, OccurrenceSpec
from scheduler.deadlines.nodate import find_no_date
from scheduler.deadlines.normalise import clean_text, rewrite
from scheduler.deadlines.once import TIME, OnceReading, Token, read_once
from scheduler.deadlines.parts import split_parts
from scheduler.deadlines.patterns import MAX_YEAR, MIN_YEAR
from scheduler.deadlines.recurring import RecurringReading, read_recurring
from scheduler.deadlines.relative import find_relative
from scheduler.deadlines.text import FoldedText
from scheduler.deadlines.weekly import find_weekly, mentions_weekly, week_days
from scheduler.deadlines.working_day import find_last_working_days
from scheduler.folding import nfc
from scheduler.reporting import ReportingCalendar, Slot
from scheduler.vocabulary import DeadlineKind
from scheduler.workdays import WorkCalendar

# Notes: names of messages in messages/templates/texts/deadlines.txt.
NOT_UNDERSTOOD = Note("not_understood")
INVALID_DATE = Note("invalid_date")
EVENT_YEAR = Note("event_year")
WEEKDAY_MISSING = Note("weekday_missing")
UNREAD_DAY = Note("unread_day")


_BRACKETED = re.compile(r"\(([^()]*)\)")

# A year counted from an event of the addressee, not from the plan: "năm ra hoạt động",
# "năm sau năm phát sinh thông tin thay đổi", "năm kết thúc thời gian miễn".
_EVENT_YEAR = re.compile(
    r"\bnam\s+(?:sau\s+|lien\s+ke\s+|truoc\s+(?:lien\s+ke\s+)?)?(?:nam\s+)?"
    r"(?:ra\s+hoat\s+dong|ket\s+thuc|thanh\s+lap|phat\s+sinh|thay\s+doi|nguoi\s+nop|bat\s+dau)"
)


def _weekly(folded: FoldedText, year: int, calendar: WorkCalendar) -> Deadline | None:
    rule = find_weekly(folded.folded)
    if rule is None:
        if mentions_weekly(folded.folded):
            return Deadline(text=folded.original, kind=DeadlineKind.UNKNOWN, note=WEEKDAY_MISSING)
        return None
    specs = [
        _spec(day.key, day.label, day.due, day.window, rule.cutoff, calendar)
        for day in week_days(rule, year)
    ]
    return Deadline(text=folded.original, kind=DeadlineKind.RECURRING, occurrences=tuple(specs))


def _time_of(text: FoldedText) -> time | None:
    for match in TIME.finditer(text.folded):
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    return None


def _spec(
    key: str,
    label: str,
    due: date,
    window: tuple[date, date] | None,
    moment: time | None,
    calendar: WorkCalendar,
) -> OccurrenceSpec:
    return OccurrenceSpec(
        period_key=key,
        period=label,
        due=due,
        effective_due=calendar.effective_due(due),
        window=window,
        time=moment,
    )


def _sorted(specs: list[OccurrenceSpec]) -> tuple[OccurrenceSpec, ...]:
    unique: dict[str, OccurrenceSpec] = {}
    for spec in specs:
        unique.setdefault(spec.period_key, spec)
    return tuple(sorted(unique.values(), key=lambda spec: (spec.due, spec.period_key)))


def _slots(
    original: str, slots: Sequence[Slot], moment: time | None, calendar: WorkCalendar
) -> Deadline:
    """A recurring duty owing these reports."""
    specs = [
        replace(_spec(s.key, s.label, s.due, s.window, moment, calendar), assumed=s.assumed)
        for s in slots
    ]
    return Deadline(text=original, kind=DeadlineKind.RECURRING, occurrences=_sorted(specs))


def _reports(
    folded: FoldedText,
    recurring: RecurringReading,
    reading: OnceReading,
    *,
    calendar: WorkCalendar,
) -> Deadline:
    original = folded.original
    moment = _time_of(folded)
    slots = recurring.slots
    extra: dict[str, str] = {}
    if reading.starts:
        # "Hàng quý, bắt đầu từ Quý II/2024": no report for periods ended before the start.
        start = min(token.first_day for token in reading.starts)
        slots = [s for s in slots if periods.span(s.code, s.year)[1] >= start]
        extra = {"start": start.isoformat()}
    reports = replace(_slots(original, slots, moment, calendar), extra=extra)
    # "Xây dựng KH tháng 1, báo cáo hàng quý": a one-off deadline beside the reports.
    # Half-year and year words are the reports' own periods, not one-off deadlines.
    own = [t for t in reading.tokens if not t.code.endswith(("-Y", "-H1", "-H2"))]
    if recurring.explicit or reading.invalid or not own:
        return reports
    task = _once(original, own, reading.time, calendar)
    return Deadline(
        text=original,
        kind=DeadlineKind.MULTIPLE,
        occurrences=_sorted([*task.occurrences, *reports.occurrences]),
        parts=(task, reports),
    )


# Period keys of one-off deadlines start with this; report periods never do.
ONE_OFF_PREFIX = "by-"


def _once(
    original: str, tokens: Sequence[Token], moment: time | None, calendar: WorkCalendar
) -> Deadline:
    specs = [
        _spec(f"{ONE_OFF_PREFIX}{t.code}", t.label, t.due, t.window, moment, calendar)
        for t in tokens
    ]
    return Deadline(text=original, kind=DeadlineKind.ONCE, occurrences=_sorted(specs))


def parse_part(
    text: str, *, year: int, reporting: ReportingCalendar, calendar: WorkCalendar
) -> Deadline:
    """One part of a cell, e.g. "Xây dựng KH trước tháng 3"."""
    folded = rewrite(FoldedText.of(text), year=year)
    original = folded.original
    if "nam " in folded.folded and _EVENT_YEAR.search(folded.folded):
        return Deadline(text=original, kind=DeadlineKind.UNKNOWN, note=EVENT_YEAR)
    weekly = _weekly(folded, year, calendar) if "tuan" in folded.folded else None
    if weekly is not None:
        return weekly
    last_working = find_last_working_days(folded.folded, year, calendar)
    if last_working is not None:
        return _slots(original, last_working, _time_of(folded), calendar)
    relative = find_relative(folded)
    if relative is not None:
        return Deadline(text=original, kind=DeadlineKind.RELATIVE, relative=relative)
    recurring = read_recurring(folded, year=year, reporting=reporting)
    reading = read_once(folded, year=year)
    if recurring is not None and recurring.unread_day:
        return Deadline(text=original, kind=DeadlineKind.UNKNOWN, note=UNREAD_DAY)
    if recurring is not None:
        return _reports(folded, recurring, reading, calendar=calendar)
    if reading.invalid:
        return Deadline(text=original, kind=DeadlineKind.UNKNOWN, note=INVALID_DATE)
    if reading.unread:
        return Deadline(text=original, kind=DeadlineKind.UNKNOWN, note=UNREAD_DAY)
    if reading.tokens:
        return _once(original, reading.tokens, reading.time, calendar)
    if reading.starts:
        first = min(reading.starts, key=lambda token: token.first_day)
        return Deadline(
            text=original,
            kind=DeadlineKind.CONTINUOUS,
            note=Note("starts", {"period": first.label}),
            extra={"start": first.first_day.isoformat()},
        )
    no_date = find_no_date(folded)
    if no_date is not None:
        return no_date
    if reading.time is not None:
        note = Note("time_without_day", {"time": reading.time.strftime("%H:%M")})
        return Deadline(text=original, kind=DeadlineKind.UNKNOWN, note=note)
    # A bracket that restates the deadline is dropped when the words around it give it; when
    # they name only an event ("Trước Tết Nguyên đán (chậm nhất ngày 24/01/2025)"), the
    # bracket is the deadline.
    for inner in _BRACKETED.findall(text):
        bracketed = parse_part(inner, year=year, reporting=reporting, calendar=calendar)
        if bracketed.kind not in (DeadlineKind.UNKNOWN, DeadlineKind.CONTINUOUS):
            return replace(bracketed, text=original)
    return Deadline(text=original, kind=DeadlineKind.UNKNOWN, note=NOT_UNDERSTOOD)


def parse_deadline(
    text: str,
    *,
    year: int,
    reporting: ReportingCalendar | None = None,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """Read a deadline cell for plan `year`; never raises, unknown text comes back as unknown."""
    whole = nfc(text if isinstance(text, str) else str(text))
    reporting = reporting or ReportingCalendar()
    calendar = calendar or WorkCalendar()
    pieces = split_parts(clean_text(whole))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return Deadline(
            text=whole, kind=DeadlineKind.UNKNOWN, note=Note("bad_year", {"year": year})
        )
    if not pieces:
        return Deadline(text=whole, kind=DeadlineKind.UNKNOWN, note=NOT_UNDERSTOOD)
    parts: list[Deadline] = []
    for piece in pieces:
        try:
            part = parse_part(piece, year=year, reporting=reporting, calendar=calendar)
        except (ValueError, OverflowError):
            # A year out of range ("Tháng 12/9999") or date arithmetic past the calendar's
            # end: said so rather than guessed.
            part = Deadline(text=piece, kind=DeadlineKind.UNKNOWN, note=INVALID_DATE)
        parts.extend(part.parts if part.kind == DeadlineKind.MULTIPLE else (part,))
    if len(parts) == 1:
        # Parts of several parts were flattened above, so the one part has none of its own.
        return replace(parts[0], text=whole)
    union = _sorted([spec for part in parts for spec in part.occurrences])
    return Deadline(text=whole, kind=DeadlineKind.MULTIPLE, occurrences=union, parts=tuple(parts))
