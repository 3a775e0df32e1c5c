"""The reporting calendar: default regime, a plan's own dates, hand-written JSON."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from messages.errors import RuleError, UserFacingError, user_message
from scheduler.deadlines import parse_deadline
from scheduler.reporting import DayRef, ReportingCalendar, extract_reporting_calendar

D = date.fromisoformat


def test_default_regime_slots() -> None:
    slots = ReportingCalendar().slots({"Q", "H", "Y"}, 2025)
    assert [(s.code, s.due, s.window) for s in slots] == [
        ("Q1", D("2025-03-20"), (D("2024-12-15"), D("2025-03-14"))),
        ("H1", D("2025-06-20"), (D("2024-12-15"), D("2025-06-14"))),
        ("Q3", D("2025-09-20"), (D("2025-06-15"), D("2025-09-14"))),
        ("Y", D("2025-12-20"), (D("2024-12-15"), D("2025-12-14"))),
    ]


def test_quarter_ii_and_iv_are_covered_by_half_year_and_year() -> None:
    codes = [slot.code for slot in ReportingCalendar().slots({"Q"}, 2024)]
    assert codes == ["Q1", "H1", "Q3", "Y"]


def test_own_quarter_dates_derive_half_year_and_year() -> None:
    calendar = ReportingCalendar.from_json(
        {
            "periods": {
                "Q1": {"due": "15/03", "window": ["15/12/-1", "14/03"]},
                "Q2": {"due": "15/06", "window": ["15/03", "14/06"]},
                "Q4": {"due": "15/12", "window": ["15/09", "14/12"]},
            }
        }
    )
    h1 = calendar.rule("H1").resolve(2024)
    assert h1 == (D("2024-06-15"), (D("2023-12-15"), D("2024-06-14")))
    year = calendar.rule("Y").resolve(2024)
    assert year == (D("2024-12-15"), (D("2023-12-15"), D("2024-12-14")))
    # Quarter III has no own date: the Bộ Nội vụ regime's.
    assert calendar.rule("Q3").resolve(2024)[0] == D("2024-09-20")
    # Both quarter and half-year asked: the 6-month report replaces quarter II.
    codes = [slot.code for slot in calendar.slots({"Q", "H", "Y"}, 2024)]
    assert codes == ["Q1", "H1", "Q3", "Y"]


def test_json_round_trip_of_an_extracted_calendar() -> None:
    text = (
        "Định kỳ báo cáo: + Báo cáo tháng: chậm nhất vào ngày 02 hàng tháng (số liệu tính từ "
        "ngày 01 đến ngày cuối cùng của tháng trước liền kề). + Báo cáo Quý 1 vào ngày "
        "15/3/2024 (số liệu tính từ ngày 15/12/2023 đến 14/3/2024)."
    )
    calendar = extract_reporting_calendar(text, year=2024)
    assert calendar is not None
    assert ReportingCalendar.from_json(calendar.to_json()) == calendar
    # The same rule serves the next plan year.
    q1 = calendar.rule("Q1").resolve(2025)
    assert q1 == (D("2025-03-15"), (D("2024-12-15"), D("2025-03-14")))


def test_february_29_in_a_common_year_is_the_last_day() -> None:
    assert DayRef(2, 29).resolve(2025) == D("2025-02-28")
    assert DayRef(13, 2).resolve(2024) == D("2025-01-02")
    assert DayRef.from_text("02/01/+1") == DayRef(13, 2)
    assert DayRef.from_text("15/12/-1") == DayRef(0, 15)


def test_from_json_none_or_empty_is_default() -> None:
    assert ReportingCalendar.from_json(None) == ReportingCalendar()
    assert ReportingCalendar.from_json({}) == ReportingCalendar()


@pytest.mark.parametrize(
    "data",
    [
        {"periods": {"Q5": "15/03"}},
        {"periods": {"Q1": "15-03"}},
        {"periods": {"Q1": "32/03"}},
        {"periods": {"Q1": {"due": "15/03", "window": ["15/12/-1"]}}},
        {"monthly": {"day": "hai"}},
        {"monthly": {"day": 40}},
        {"regular": ["W"]},
        {"quarterly": {}},
        {"periods": ["Q1"]},
    ],
)
def test_bad_hand_written_calendar_says_what_to_fix(data: dict[str, object]) -> None:
    with pytest.raises(UserFacingError) as caught:
        ReportingCalendar.from_json(data)
    assert isinstance(caught.value, RuleError)
    assert user_message(caught.value).strip()


def test_monthly_rule_by_hand() -> None:
    calendar = ReportingCalendar.from_json(
        {"monthly": {"day": 5, "next_month": True, "window_start_day": 1}}
    )
    slots = calendar.slots({"M"}, 2024)
    assert (slots[0].due, slots[0].window) == (D("2024-02-05"), (D("2024-01-01"), D("2024-01-31")))
    assert slots[-1].due == D("2025-01-05")


@pytest.mark.parametrize(
    ("text", "key", "due"),
    [
        # Without a year, a day early in the period can only come after the period ended.
        ("Báo cáo quý IV chậm nhất ngày 10/01", "2024-Q4", "2025-01-10"),
        ("Báo cáo năm chậm nhất ngày 15/01", "2024-Y", "2025-01-15"),
        ("Báo cáo năm vào ngày 10/01/2025", "2024-Y", "2025-01-10"),
        ("Báo cáo năm chậm nhất ngày 17/11", "2024-Y", "2024-11-17"),
        ("Báo cáo quý I gửi chậm nhất ngày 27/02", "2024-Q1", "2024-02-27"),
    ],
)
def test_report_due_in_the_next_year(text: str, key: str, due: str) -> None:
    calendar = extract_reporting_calendar(text, year=2024)
    assert calendar is not None
    (occurrence,) = parse_deadline(text, year=2024).occurrences
    assert (occurrence.period_key, occurrence.due) == (key, D(due))
    code = key.split("-")[1]
    assert calendar.rule(code).resolve(2024)[0] == D(due)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), year=st.integers(min_value=1900, max_value=2199))
def test_extract_never_raises(text: str, year: int) -> None:
    found = extract_reporting_calendar(text, year=year)
    assert found is None or ReportingCalendar.from_json(found.to_json()) == found


def test_plan_dates_of_another_year_still_make_a_yearly_rule() -> None:
    # A 2025 plan that copied last year's sentence keeps "15/3, window from 15/12".
    text = "Báo cáo Quý 1 vào ngày 15/3/2024 (số liệu tính từ ngày 15/12/2023 đến 14/3/2024)"
    calendar = extract_reporting_calendar(text, year=2025)
    assert calendar is not None
    assert calendar.to_json()["periods"]["Q1"] == {"due": "15/03", "window": ["15/12/-1", "14/03"]}
    assert calendar.rule("Q1").resolve(2025) == (
        D("2025-03-15"),
        (D("2024-12-15"), D("2025-03-14")),
    )


def test_regular_reports_of_a_plan() -> None:
    only_year = extract_reporting_calendar("Báo cáo năm chậm nhất ngày 15/12", year=2024)
    assert only_year is not None and only_year.regular == ("Y",)
    half = extract_reporting_calendar(
        "Báo cáo quý I chậm nhất ngày 20/3, báo cáo 6 tháng chậm nhất ngày 20/6", year=2024
    )
    assert half is not None and half.regular == ("Q", "H")
