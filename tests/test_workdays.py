"""Vietnam's working-day calendar and the effective due date (BLDS 2015 Điều 148 khoản 5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from scheduler.workdays import WorkCalendar

D = date.fromisoformat
CAL = WorkCalendar()


def test_ordinary_week() -> None:
    assert CAL.is_working_day(D("2024-03-15"))  # Friday
    assert not CAL.is_working_day(D("2024-03-16"))  # Saturday
    assert not CAL.is_working_day(D("2024-03-17"))  # Sunday
    assert CAL.effective_due(D("2024-03-15")) == D("2024-03-15")
    assert CAL.effective_due(D("2024-03-16")) == D("2024-03-18")


def test_tet_2024() -> None:
    # Tết Giáp Thìn: 08/02 (29 Tết) to 14/02/2024 (mùng 5) off; back on Thursday 15/02.
    for offset in range(7):
        day = D("2024-02-08") + timedelta(days=offset)
        assert not CAL.is_working_day(day), day
        assert CAL.is_holiday(day), day
    assert CAL.is_working_day(D("2024-02-07"))
    assert CAL.is_working_day(D("2024-02-15"))
    assert CAL.effective_due(D("2024-02-10")) == D("2024-02-15")
    assert CAL.add_working_days(D("2024-02-07"), 1) == D("2024-02-15")
    assert CAL.add_working_days(D("2024-02-15"), -1) == D("2024-02-07")


def test_tet_2025() -> None:
    # Tết Ất Tỵ: Monday 27/01 to Saturday 01/02/2025; Sunday 02/02; back on Monday 03/02.
    for day in ("2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"):
        assert not CAL.is_working_day(D(day)), day
    assert CAL.effective_due(D("2025-01-25")) == D("2025-02-03")
    assert CAL.effective_due(D("2025-01-24")) == D("2025-01-24")
    assert CAL.working_days_between(D("2025-01-24"), D("2025-02-03")) == 1


def test_reunification_and_labour_day_2024_with_make_up_saturday() -> None:
    # 29/04 (swapped with Saturday 04/05), 30/04 and 01/05 off; Saturday 04/05 is worked.
    for day in ("2024-04-29", "2024-04-30", "2024-05-01"):
        assert not CAL.is_working_day(D(day)), day
    assert CAL.is_working_day(D("2024-05-04"))
    assert D("2024-05-04") in CAL.official_make_up_days(2024)
    assert CAL.effective_due(D("2024-04-27")) == D("2024-05-02")
    assert CAL.effective_due(D("2024-05-04")) == D("2024-05-04")
    # Thursday 02/05 + 2 working days: Friday 03/05, Saturday 04/05 (make-up day).
    assert CAL.add_working_days(D("2024-05-02"), 2) == D("2024-05-04")


def test_reunification_2025_with_make_up_saturday() -> None:
    assert CAL.is_working_day(D("2025-04-26"))
    assert not CAL.is_working_day(D("2025-05-02"))
    assert CAL.effective_due(D("2025-04-30")) == D("2025-05-05")


def test_national_day_2024() -> None:
    assert not CAL.is_working_day(D("2024-09-02"))
    assert not CAL.is_working_day(D("2024-09-03"))
    assert CAL.effective_due(D("2024-09-02")) == D("2024-09-04")


def test_holiday_names_are_vietnamese() -> None:
    assert CAL.holiday_name(D("2024-09-02")) == "Quốc khánh"
    assert CAL.holiday_name(D("2024-03-15")) is None
    assert D("2024-01-01") in CAL.official_days_off(2024)


def test_admin_extra_day_off_moves_the_due_date() -> None:
    calendar = WorkCalendar.with_overrides(days_off=[D("2024-03-15")])
    assert not calendar.is_working_day(D("2024-03-15"))
    assert calendar.effective_due(D("2024-03-15")) == D("2024-03-18")
    assert calendar.holiday_name(D("2024-03-15")) == "Ngày nghỉ bổ sung"
    assert CAL.is_working_day(D("2024-03-15")), "the default calendar is unchanged"


def test_admin_make_up_saturday_counts_as_working() -> None:
    calendar = WorkCalendar.with_overrides(working_days=[D("2024-03-16")])
    assert calendar.is_working_day(D("2024-03-16"))
    assert calendar.effective_due(D("2024-03-16")) == D("2024-03-16")
    assert calendar.add_working_days(D("2024-03-15"), 1) == D("2024-03-16")


def test_admin_working_day_wins_over_an_official_holiday() -> None:
    calendar = WorkCalendar.with_overrides(working_days=[D("2024-04-29")])
    assert calendar.is_working_day(D("2024-04-29"))


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        ("2024-03-11", "2024-03-15", 4),
        ("2024-03-15", "2024-03-11", -4),
        ("2024-03-15", "2024-03-15", 0),
        ("2024-04-26", "2024-05-06", 4),  # 02/05, 03/05, 04/05 (make-up), 06/05
    ],
)
def test_working_days_between(start: str, end: str, count: int) -> None:
    assert CAL.working_days_between(D(start), D(end)) == count


def test_previous_and_next_working_day() -> None:
    assert CAL.next_working_day(D("2024-02-10")) == D("2024-02-15")
    assert CAL.previous_working_day(D("2024-02-10")) == D("2024-02-07")
