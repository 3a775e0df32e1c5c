"""A plan's reporting calendar: when each periodic report is due and which data it covers.

The default is Bộ Nội vụ's CCHC regime (the scheme of Nghị định 09/2019/NĐ-CP Điều 12):
quarter I, 6-month, quarter III and year reports due on day 20 of the period's last month,
data windows from the 15th to the 14th, no separate quarter II or IV report (the 6-month and
year reports cover them). Monthly reports, which that regime leaves to each plan, follow the
same scheme: window 15th of the previous month to the 14th, due on the 20th.

A plan may set its own dates; `extract_reporting_calendar` reads them from the plan's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from scheduler import periods
from scheduler.errors import RuleError

if TYPE_CHECKING:
    from scheduler.deadlines.dated_reports import DatedReport, MonthlyStatement

FREQUENCIES = ("M", "Q", "H", "Y")
PERIOD_CODES = ("Q1", "Q2", "H1", "Q3", "Q4", "Y")


@dataclass(frozen=True, order=True)
class DayRef:
    """A day counted from the plan year: month 0 is December of the year before, 13 is January
    of the year after, so one rule serves every plan year."""

    month: int
    day: int

    def resolve(self, year: int) -> date:
        actual_year, month = periods.shift_month(year, 1, self.month - 1)
        return periods.clamped_date(actual_year, month, self.day)

    @classmethod
    def of(cls, day: date, *, year: int) -> DayRef:
        return cls((day.year - year) * 12 + day.month, day.day)

    def to_text(self) -> str:
        """ "15/03", or "15/12/-1" for the previous year, "02/01/+1" for the next."""
        offset, month = divmod(self.month - 1, 12)
        suffix = "" if offset == 0 else f"/{offset:+d}"
        return f"{self.day:02d}/{month + 1:02d}{suffix}"

    @classmethod
    def from_text(cls, text: str) -> DayRef:
        match = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*(?:/\s*([+-]?\d)\s*)?", str(text))
        if not match:
            raise RuleError("reporting.day_unread", text=repr(text))
        day, month = int(match.group(1)), int(match.group(2))
        offset = int(match.group(3) or 0)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise RuleError("reporting.day_impossible", text=repr(text))
        return cls(offset * 12 + month, day)


@dataclass(frozen=True)
class ReportRule:
    """Due day and data window of one periodic report, relative to the plan year."""

    due: DayRef
    window: tuple[DayRef, DayRef] | None = None

    def resolve(self, year: int) -> tuple[date, tuple[date, date] | None]:
        window = (
            (self.window[0].resolve(year), self.window[1].resolve(year)) if self.window else None
        )
        return self.due.resolve(year), window

    def to_json(self) -> dict[str, Any]:
        return {
            "due": self.due.to_text(),
            "window": [self.window[0].to_text(), self.window[1].to_text()] if self.window else None,
        }

    @classmethod
    def from_json(cls, data: Any) -> ReportRule:
        if isinstance(data, str):
            return cls(DayRef.from_text(data))
        if not isinstance(data, Mapping) or "due" not in data:
            raise RuleError("reporting.rule_shape")
        window = data.get("window")
        if window is None:
            return cls(DayRef.from_text(data["due"]))
        if not isinstance(window, list | tuple) or len(window) != 2:
            raise RuleError("reporting.window_shape")
        return cls(
            DayRef.from_text(data["due"]),
            (DayRef.from_text(window[0]), DayRef.from_text(window[1])),
        )


@dataclass(frozen=True)
class MonthlyRule:
    """Monthly report: due `day` of the reported month, or of the next month when `next_month`;
    the window is the calendar month when `window_start_day` is 1, else from that day of the
    previous month to the day before it in the reported month."""

    day: int = 20
    next_month: bool = False
    window_start_day: int = 15
    # False for the built-in day 20, which no plan wrote: its dates are only assumed, so
    # nothing is reported late from them (scheduler.policy.ASSUMED_KINDS).
    stated: bool = field(default=True, compare=False)

    def resolve(self, year: int, month: int) -> tuple[date, tuple[date, date]]:
        due_year, due_month = periods.shift_month(year, month, 1 if self.next_month else 0)
        due = periods.clamped_date(due_year, due_month, self.day)
        if self.window_start_day <= 1:
            return due, (date(year, month, 1), periods.month_end(year, month))
        start_year, start_month = periods.shift_month(year, month, -1)
        start = periods.clamped_date(start_year, start_month, self.window_start_day)
        end = periods.day_before(periods.clamped_date(year, month, self.window_start_day))
        return due, (start, end)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "day": self.day,
            "next_month": self.next_month,
            "window_start_day": self.window_start_day,
        }
        if not self.stated:
            data["assumed"] = True
        return data

    @classmethod
    def from_json(cls, data: Any) -> MonthlyRule:
        if not isinstance(data, Mapping):
            raise RuleError("reporting.monthly_shape")
        try:
            rule = cls(
                day=int(data.get("day", 20)),
                next_month=bool(data.get("next_month", False)),
                window_start_day=int(data.get("window_start_day", 15)),
                stated=not data.get("assumed", False),
            )
        except (TypeError, ValueError):
            raise RuleError("reporting.monthly_day") from None
        if not (1 <= rule.day <= 31 and 1 <= rule.window_start_day <= 28):
            raise RuleError("reporting.monthly_day")
        return rule


def _regime() -> tuple[tuple[str, ReportRule], ...]:
    def rule(due_month: int, window_start: int, window_end: int) -> ReportRule:
        return ReportRule(DayRef(due_month, 20), (DayRef(window_start, 15), DayRef(window_end, 14)))

    return (
        ("Q1", rule(3, 0, 3)),
        ("H1", rule(6, 0, 6)),
        ("Q3", rule(9, 6, 9)),
        ("Y", rule(12, 0, 12)),
    )


@dataclass(frozen=True)
class Slot:
    """One report of a periodic duty in a plan year; `assumed` when its day is a default no
    plan wrote (the built-in monthly day)."""

    code: str
    year: int
    due: date
    window: tuple[date, date] | None
    assumed: bool = False

    @property
    def key(self) -> str:
        return periods.key(self.code, self.year)

    @property
    def label(self) -> str:
        return periods.label(self.code, self.year)


@dataclass(frozen=True)
class ReportingCalendar:
    """When periodic reports are due. `regular` is what "báo cáo định kỳ" means in this plan."""

    monthly: MonthlyRule = field(default_factory=lambda: MonthlyRule(stated=False))
    periods: tuple[tuple[str, ReportRule], ...] = field(default_factory=_regime)
    regular: tuple[str, ...] = ("Q", "H", "Y")
    source: str = "default"

    @classmethod
    def default(cls) -> ReportingCalendar:
        return cls()

    def own_rule(self, code: str) -> ReportRule | None:
        return dict(self.periods).get(code)

    def rule(self, code: str) -> ReportRule:
        """The plan's rule, else one derived from its quarters, else the Bộ Nội vụ regime's."""
        own = self.own_rule(code)
        if own is not None:
            return own
        if code in ("H1", "Y"):
            last, first = ("Q2", "Q1") if code == "H1" else ("Q4", "Q1")
            last_rule, first_rule = self.own_rule(last), self.own_rule(first)
            if last_rule is not None:
                window = None
                if last_rule.window and first_rule and first_rule.window:
                    window = (first_rule.window[0], last_rule.window[1])
                return ReportRule(last_rule.due, window)
        regime = dict(_regime())
        if code in regime:
            return regime[code]
        # Quarter II and IV outside the Bộ Nội vụ regime: same day-20 scheme.
        quarter = int(code[1:])
        return ReportRule(
            DayRef(3 * quarter, 20), (DayRef(3 * quarter - 3, 15), DayRef(3 * quarter, 14))
        )

    def slots(self, frequencies: Iterable[str], year: int) -> list[Slot]:
        """The reports a duty of these frequencies ("M", "Q", "H", "Y") owes in `year`."""
        wanted = set(frequencies)
        codes: list[str] = []
        if "Q" in wanted:
            for quarter in (1, 2, 3, 4):
                code = f"Q{quarter}"
                if quarter in (2, 4) and self.own_rule(code) is None:
                    # No separate quarter II/IV report: the 6-month and year reports cover them.
                    code = "H1" if quarter == 2 else "Y"
                codes.append(code)
        if "H" in wanted:
            codes = [c for c in codes if c != "Q2"] + ["H1"]
        if "Y" in wanted:
            codes = [c for c in codes if c != "Q4"] + ["Y"]
        slots: list[Slot] = []
        if "M" in wanted:
            for month in range(1, 13):
                due, window = self.monthly.resolve(year, month)
                slots.append(Slot(f"M{month:02d}", year, due, window, not self.monthly.stated))
        for code in dict.fromkeys(codes):
            due, maybe_window = self.rule(code).resolve(year)
            slots.append(Slot(code, year, due, maybe_window))
        return sorted(slots, key=lambda slot: (slot.due, slot.code))

    def with_rules(self, rules: Mapping[str, ReportRule]) -> ReportingCalendar:
        merged = dict(self.periods)
        merged.update(rules)
        ordered = tuple((code, merged[code]) for code in PERIOD_CODES if code in merged)
        return replace(self, periods=ordered)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "monthly": self.monthly.to_json(),
            "periods": {code: rule.to_json() for code, rule in self.periods},
            "regular": list(self.regular),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> ReportingCalendar:
        """Read a stored or hand-written calendar; None or {} is the default regime."""
        if not data:
            return cls()
        if not isinstance(data, Mapping):
            raise RuleError("reporting.calendar_shape")
        unknown = set(data) - {"source", "monthly", "periods", "regular"}
        if unknown:
            raise RuleError("reporting.calendar_unknown_keys", keys=", ".join(sorted(unknown)))
        monthly = (
            MonthlyRule.from_json(data["monthly"])
            if data.get("monthly")
            else MonthlyRule(stated=False)
        )
        raw_periods = data.get("periods") or {}
        if not isinstance(raw_periods, Mapping):
            raise RuleError("reporting.periods_shape")
        rules: dict[str, ReportRule] = {}
        for code, raw in raw_periods.items():
            if code not in PERIOD_CODES:
                raise RuleError(
                    "reporting.period_code_invalid", code=repr(code), codes=", ".join(PERIOD_CODES)
                )
            rules[code] = ReportRule.from_json(raw)
        regular = tuple(data.get("regular") or ("Q", "H", "Y"))
        if not set(regular) <= set(FREQUENCIES):
            raise RuleError("reporting.regular_invalid")
        base = cls(monthly=monthly, regular=regular, source=str(data.get("source") or "plan"))
        if rules:
            base = replace(base, periods=())
            base = base.with_rules(rules)
        return base


def calendar_from_reports(
    reports: Iterable[DatedReport],
    statement: MonthlyStatement | None,
    *,
    year: int,
    source: str,
) -> ReportingCalendar | None:
    monthly = (
        MonthlyRule(
            day=statement.day,
            next_month=statement.next_month,
            window_start_day=1 if statement.calendar_month else 15,
        )
        if statement
        else None
    )
    rules: dict[str, ReportRule] = {}
    for slot in (report.slot for report in reports):
        if slot.code in rules or slot.code not in PERIOD_CODES:
            continue
        # Days count from the report's own period year, so the rule serves every plan year.
        period_year = slot.year
        window = (
            (
                DayRef.of(slot.window[0], year=period_year),
                DayRef.of(slot.window[1], year=period_year),
            )
            if slot.window
            else None
        )
        rules[slot.code] = ReportRule(DayRef.of(slot.due, year=period_year), window)
    if not rules and monthly is None:
        return None
    if not rules:
        # A monthly day alone says nothing about what "báo cáo định kỳ" means in the plan.
        return ReportingCalendar(monthly=monthly or MonthlyRule(stated=False), source=source)
    # "Báo cáo định kỳ" means the reports the plan dates: a 6-month or year report only when
    # it is not already the quarter II or IV report.
    stated = set(rules)
    regular = [
        frequency
        for frequency, present in (
            ("M", monthly is not None),
            ("Q", bool(stated & {"Q1", "Q2", "Q3", "Q4"})),
            ("H", "H1" in stated and "Q2" not in stated),
            ("Y", "Y" in stated and "Q4" not in stated),
        )
        if present
    ]
    calendar = ReportingCalendar(
        monthly=monthly or MonthlyRule(stated=False),
        periods=(),
        regular=tuple(regular),
        source=source,
    )
    return calendar.with_rules(rules)


def extract_reporting_calendar(text: str, *, year: int) -> ReportingCalendar | None:
    """The plan's own reporting dates from its sentences, or None when it states none.

    Only the first date stated for each report counts: plans list the dates for their own
    divisions first and then later ones for subordinate units reporting to them.
    """
    # Imported here: the deadline grammar itself depends on this module.
    from scheduler.deadlines.dated_reports import find_dated_reports, find_monthly_statement
    from scheduler.deadlines.text import FoldedText

    # Table rows are tasks with their own deadlines, not the plan's reporting rules.
    prose = "\n".join(line for line in text.splitlines() if "\t" not in line and "|" not in line)
    folded = FoldedText.of(prose)
    return calendar_from_reports(
        find_dated_reports(folded, year=year),
        find_monthly_statement(folded),
        year=year,
        source="plan",
    )
