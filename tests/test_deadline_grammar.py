"""The deadline forms the issue lists, each read the way a careful official would."""

from __future__ import annotations

from datetime import date, time

import pytest

from messages.deadline_notes import deadline_json, note_text
from scheduler.deadlines import parse_deadline
from scheduler.deadlines.model import Note
from scheduler.reporting import ReportingCalendar
from scheduler.workdays import WorkCalendar

D = date.fromisoformat


def single(text: str, year: int = 2024) -> tuple[str, str, date, date]:
    deadline = parse_deadline(text, year=year)
    assert deadline.kind == "once", (text, deadline)
    (only,) = deadline.occurrences
    return only.period_key, only.period, only.due, only.effective_due


@pytest.mark.parametrize(
    ("text", "key", "label", "due", "effective"),
    [
        ("ngày 15/3/2024", "by-2024-03-15", "Ngày 15/03/2024", "2024-03-15", "2024-03-15"),
        ("15/12/2024", "by-2024-12-15", "Ngày 15/12/2024", "2024-12-15", "2024-12-16"),
        (
            "Hoàn thành ngày 15 tháng 3 năm 2024",
            "by-2024-03-15",
            "Ngày 15/03/2024",
            "2024-03-15",
            "2024-03-15",
        ),
        ("Tháng 02/2024", "by-2024-M02", "Tháng 02/2024", "2024-02-29", "2024-02-29"),
        ("Quý I/2024", "by-2024-Q1", "Quý I/2024", "2024-03-31", "2024-04-01"),
        ("Quý 2/2024", "by-2024-Q2", "Quý II/2024", "2024-06-30", "2024-07-01"),
        ("Quý III/2024", "by-2024-Q3", "Quý III/2024", "2024-09-30", "2024-09-30"),
        ("Quý IV/2024", "by-2024-Q4", "Quý IV/2024", "2024-12-31", "2024-12-31"),
        ("Quý IV năm 2024", "by-2024-Q4", "Quý IV/2024", "2024-12-31", "2024-12-31"),
        ("6 tháng đầu năm", "by-2024-H1", "6 tháng 2024", "2024-06-30", "2024-07-01"),
        ("06 tháng", "by-2024-H1", "6 tháng 2024", "2024-06-30", "2024-07-01"),
        ("cuối năm", "by-2024-Y", "Cuối năm 2024", "2024-12-31", "2024-12-31"),
        ("Năm 2024", "by-2024-Y", "Năm 2024", "2024-12-31", "2024-12-31"),
        ("Trong năm", "by-2024-Y", "Trong năm 2024", "2024-12-31", "2024-12-31"),
        ("trước tháng 3", "by-before-2024-M03", "Trước tháng 03/2024", "2024-02-29", "2024-02-29"),
        ("Tháng 12/2025", "by-2025-M12", "Tháng 12/2025", "2025-12-31", "2025-12-31"),
        # A date without a year takes the plan year.
        ("hạn 15/3", "by-2024-03-15", "Ngày 15/03/2024", "2024-03-15", "2024-03-15"),
        ("Quý I", "by-2024-Q1", "Quý I/2024", "2024-03-31", "2024-04-01"),
    ],
)
def test_one_off_dates_and_periods(
    text: str, key: str, label: str, due: str, effective: str
) -> None:
    assert single(text) == (key, label, D(due), D(effective))


def test_before_a_date_is_strict_and_latest_includes_it() -> None:
    assert single("trước ngày 15/3/2024")[2] == D("2024-03-14")
    assert single("Trước ngày 01/03/2024")[2] == D("2024-02-29")
    for text in (
        "chậm nhất ngày 15/3/2024",
        "chậm nhất vào ngày 15/3/2024",
        "vào ngày 15/3/2024",
        "hạn 15/3/2024",
        "Hạn chót: 15/3/2024",
    ):
        assert single(text)[2] == D("2024-03-15"), text


def test_one_off_window_is_the_period() -> None:
    (occurrence,) = parse_deadline("Quý I/2024", year=2024).occurrences
    assert occurrence.window == (D("2024-01-01"), D("2024-03-31"))
    (dated,) = parse_deadline("15/3/2024", year=2024).occurrences
    assert dated.window is None


@pytest.mark.parametrize(
    ("text", "due", "at"),
    [
        ("17 giờ ngày 05/3/2024", "2024-03-05", time(17, 0)),
        ("trước 16h00 ngày 05/3/2024", "2024-03-05", time(16, 0)),
        ("Trước 16h30, ngày 05/3/2024", "2024-03-05", time(16, 30)),
        ("8 giờ 30 phút ngày 05/3/2024", "2024-03-05", time(8, 30)),
    ],
)
def test_times_of_day(text: str, due: str, at: time) -> None:
    (occurrence,) = parse_deadline(text, year=2024).occurrences
    assert (occurrence.due, occurrence.time) == (D(due), at)
    assert occurrence.to_json()["time"] == at.strftime("%H:%M")


def test_time_in_a_recurring_duty() -> None:
    # "trước" bounds the hour here, so day 05 itself is allowed until 16:00.
    deadline = parse_deadline("Báo cáo trước 16h00 ngày 05 hàng tháng", year=2024)
    assert deadline.kind == "recurring"
    first = deadline.occurrences[0]
    assert (first.due, first.time) == (D("2024-02-05"), time(16, 0))


@pytest.mark.parametrize(
    "text",
    ["hàng tháng", "hằng tháng", "Hang thang", "Báo cáo mỗi tháng", "báo cáo tháng"],
)
def test_monthly(text: str) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "recurring"
    assert [o.period_key for o in deadline.occurrences] == [f"2024-M{m:02d}" for m in range(1, 13)]
    first = deadline.occurrences[0]
    # Default regime: window 15th of the previous month to the 14th, due on the 20th.
    assert first.window == (D("2023-12-15"), D("2024-01-14"))
    assert first.period == "Tháng 01/2024"


def test_monthly_by_day_two_covers_previous_month() -> None:
    deadline = parse_deadline("chậm nhất vào ngày 02 hàng tháng", year=2024)
    by_key = {o.period_key: o for o in deadline.occurrences}
    assert by_key["2024-M01"].due == D("2024-02-02")
    assert by_key["2024-M01"].window == (D("2024-01-01"), D("2024-01-31"))
    assert by_key["2024-M12"].due == D("2025-01-02")


def test_monthly_late_day_reports_on_the_month_itself() -> None:
    deadline = parse_deadline("chậm nhất ngày 25 hàng tháng", year=2024)
    assert deadline.occurrences[0].due == D("2024-01-25")
    # No window stated: the regime's 15th-to-14th window stays.
    assert deadline.occurrences[0].window == (D("2023-12-15"), D("2024-01-14"))


@pytest.mark.parametrize(
    "text",
    [
        "hàng quý",
        "Hằng quý",
        "định kỳ quý",
        "Theo quý, 6 tháng, năm",
        "Báo cáo quý, 6 tháng, năm",
        "Báo cáo theo định kỳ",
        "Quý, 6 tháng, năm",
    ],
)
def test_quarterly_under_the_default_regime(text: str) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "recurring"
    assert [(o.period_key, o.period, o.due) for o in deadline.occurrences] == [
        ("2024-Q1", "Quý I/2024", D("2024-03-20")),
        ("2024-H1", "6 tháng 2024", D("2024-06-20")),
        ("2024-Q3", "Quý III/2024", D("2024-09-20")),
        ("2024-Y", "Năm 2024", D("2024-12-20")),
    ]
    windows = [o.window for o in deadline.occurrences]
    assert windows == [
        (D("2023-12-15"), D("2024-03-14")),
        (D("2023-12-15"), D("2024-06-14")),
        (D("2024-06-15"), D("2024-09-14")),
        (D("2023-12-15"), D("2024-12-14")),
    ]


def test_half_year_and_year_end() -> None:
    deadline = parse_deadline("06 tháng, cuối năm", year=2024)
    assert [o.period_key for o in deadline.occurrences] == ["2024-H1", "2024-Y"]


def test_quarter_report_with_its_own_date_and_window() -> None:
    text = "Báo cáo Quý 1 vào ngày 15/3/2024 (số liệu tính từ ngày 15/12/2023 đến 14/3/2024)"
    (occurrence,) = parse_deadline(text, year=2024).occurrences
    assert occurrence.period_key == "2024-Q1"
    assert occurrence.due == D("2024-03-15")
    assert occurrence.window == (D("2023-12-15"), D("2024-03-14"))


def test_quarter_report_latest_by_date_without_year() -> None:
    deadline = parse_deadline("Báo cáo quý I gửi chậm nhất ngày 27/02", year=2024)
    assert deadline.kind == "recurring"
    (occurrence,) = deadline.occurrences
    assert (occurrence.period_key, occurrence.due) == ("2024-Q1", D("2024-02-27"))


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        # Decrees' reporting clauses: each period's date in brackets after it.
        (
            "Định kỳ 6 tháng (trước ngày 05/6) và hằng năm (trước ngày 05/12)",
            ["2025-06-04", "2025-12-04"],
        ),
        (
            "Định kỳ 06 tháng (trước ngày 05 tháng 6) và hằng năm (trước ngày 05 tháng 12)",
            ["2025-06-04", "2025-12-04"],
        ),
        (
            "định kỳ 6 tháng (trước ngày 05/7) và hằng năm (trước ngày 10/01 năm sau)",
            ["2025-07-04", "2026-01-09"],
        ),
    ],
)
def test_periods_with_their_own_dates_in_brackets(text: str, dues: list[str]) -> None:
    deadline = parse_deadline(text, year=2025)
    assert deadline.kind == "recurring"
    got = [(o.period_key, o.due) for o in deadline.occurrences]
    assert got == [("2025-H1", D(dues[0])), ("2025-Y", D(dues[1]))]


def test_yearly_date_in_brackets_alone_is_the_plan_years_date() -> None:
    assert single("định kỳ hàng năm (trước ngày 10/12)", 2026)[2] == D("2026-12-09")


def test_day_of_the_month_said_last_is_monthly() -> None:
    deadline = parse_deadline("Báo cáo tháng gửi trước ngày 15 của tháng", year=2025)
    assert deadline.kind == "recurring"
    assert len(deadline.occurrences) == 12
    assert deadline.occurrences[0].due == D("2025-01-14")


def test_a_bracket_is_the_deadline_when_the_words_around_it_name_only_an_event() -> None:
    text = "Trước Tết Nguyên đán Ất Tỵ (chậm nhất ngày 24/01/2025)"
    assert single(text, 2025)[2] == D("2025-01-24")
    # Where the words give the deadline, a bracket restating it changes nothing.
    assert single("Trước ngày 15/3/2025 (chậm nhất ngày 14/3)", 2025)[2] == D("2025-03-14")
    assert parse_deadline("Trước Tết Nguyên đán", year=2025).kind == "unknown"


def test_several_parts() -> None:
    deadline = parse_deadline("- Xây dựng KH trước tháng 3; - Báo cáo theo định kỳ", year=2024)
    assert deadline.kind == "multiple"
    assert [part.kind for part in deadline.parts] == ["once", "recurring"]
    assert [part.text for part in deadline.parts] == [
        "Xây dựng KH trước tháng 3",
        "Báo cáo theo định kỳ",
    ]
    keys = [o.period_key for o in deadline.occurrences]
    assert keys == ["by-before-2024-M03", "2024-Q1", "2024-H1", "2024-Q3", "2024-Y"]
    assert deadline_json(deadline)["parts"][0]["kind"] == "once"


def test_parts_share_a_period_only_once() -> None:
    deadline = parse_deadline("Báo cáo hàng quý; Báo cáo 6 tháng, năm", year=2024)
    keys = [o.period_key for o in deadline.occurrences]
    assert keys == sorted(set(keys), key=keys.index)
    assert keys == ["2024-Q1", "2024-H1", "2024-Q3", "2024-Y"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thường xuyên", "continuous"),
        ("Theo yêu cầu", "on_request"),
        ("Khi có yêu cầu", "on_request"),
        ("Theo quy định", "on_request"),
        ("Theo kế hoạch", "on_request"),
        ("Theo Đề án", "on_request"),
        ("Đột xuất", "on_request"),
    ],
)
def test_no_date(text: str, kind: str) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == kind
    assert deadline.occurrences == ()
    assert deadline.note


def test_relative_to_an_event() -> None:
    deadline = parse_deadline("05 ngày làm việc sau khi nhận đủ hồ sơ hợp lệ", year=2024)
    assert deadline.kind == "relative"
    assert deadline.relative is not None
    assert deadline.relative.to_json() == {
        "count": 5,
        "working_days": True,
        "event": "nhận đủ hồ sơ hợp lệ",
        "unit": "day",
    }
    calendar_days = parse_deadline("Trong 10 ngày kể từ ngày ban hành Quyết định", year=2024)
    assert calendar_days.relative is not None
    assert (calendar_days.relative.count, calendar_days.relative.working_days) == (10, False)
    assert calendar_days.relative.event == "ngày ban hành Quyết định"


def test_start_of_an_ongoing_duty() -> None:
    deadline = parse_deadline("Từ tháng 01/2024", year=2024)
    assert deadline.kind == "continuous"
    assert deadline.extra == {"start": "2024-01-01"}
    assert deadline.occurrences == ()
    assert deadline_json(deadline)["extra"] == {"start": "2024-01-01"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Báo cáo kết quả",
        "hàng tuần",
        "31/02/2024",
        "Tháng 13/2024",
        "Quý V/2024",
        "trước ngày 05",
        "25 giờ ngày 05/3/2024",
        "xyz",
    ],
)
def test_not_understood_is_unknown_with_its_text(text: str) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "unknown"
    assert deadline.text == text
    assert deadline.occurrences == ()
    assert deadline.note


def test_unknown_part_stays_visible_in_a_multiple() -> None:
    deadline = parse_deadline("Quý I/2024; chờ xin ý kiến", year=2024)
    assert deadline.kind == "multiple"
    assert [part.kind for part in deadline.parts] == ["once", "unknown"]
    assert deadline.parts[1].text == "chờ xin ý kiến"


def test_citation_dates_are_not_deadlines() -> None:
    deadline = parse_deadline("Theo Quyết định số 30/2020/NĐ-CP ngày 05/3/2020", year=2024)
    assert deadline.kind == "on_request"


def test_plan_calendar_overrides_default_and_admin_overrides_workdays() -> None:
    reporting = ReportingCalendar.from_json(
        {"periods": {"Q1": {"due": "15/03", "window": ["15/12/-1", "14/03"]}, "Q2": "15/06"}}
    )
    calendar = WorkCalendar.with_overrides(days_off=[D("2024-03-15")])
    deadline = parse_deadline("hàng quý", year=2024, reporting=reporting, calendar=calendar)
    first = deadline.occurrences[0]
    assert (first.period_key, first.due, first.effective_due) == (
        "2024-Q1",
        D("2024-03-15"),
        D("2024-03-18"),
    )
    # The plan gave quarter II a date of its own, so it is no longer folded into the 6 months.
    assert [o.period_key for o in deadline.occurrences] == [
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Y",
    ]


def test_json_contract() -> None:
    data = deadline_json(parse_deadline("Quý I/2024", year=2024))
    assert data == {
        "text": "Quý I/2024",
        "kind": "once",
        "occurrences": [
            {
                "period": "Quý I/2024",
                "due": "2024-03-31",
                "effective_due": "2024-04-01",
                "window": ["2024-01-01", "2024-03-31"],
                "time": None,
            }
        ],
    }


@pytest.mark.parametrize(
    ("text", "keys", "dues"),
    [
        ("Quý I, II/2024", ["by-2024-Q1-Q2"], ["2024-06-30"]),
        ("Tháng 3 và tháng 9", ["by-2024-M03", "by-2024-M09"], ["2024-03-31", "2024-09-30"]),
        (
            "Tháng 3, tháng 6, tháng 9",
            ["by-2024-M03", "by-2024-M06", "by-2024-M09"],
            ["2024-03-31", "2024-06-30", "2024-09-30"],
        ),
        ("Tháng 10 hằng năm", ["by-2024-M10"], ["2024-10-31"]),
        ("ngày 15/12 hằng năm", ["by-2024-12-15"], ["2024-12-15"]),
        ("15-3-2024", ["by-2024-03-15"], ["2024-03-15"]),
        ("15.3.2024", ["by-2024-03-15"], ["2024-03-15"]),
    ],
)
def test_lists_ranges_and_yearly_dates(text: str, keys: list[str], dues: list[str]) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "once"
    assert [o.period_key for o in deadline.occurrences] == keys
    assert [o.due.isoformat() for o in deadline.occurrences] == dues


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("hằng năm", ["2024-Y"]),
        ("Báo cáo cuối năm", ["2024-Y"]),
        ("Báo cáo 6 tháng", ["2024-H1"]),
        ("Báo cáo định kỳ 6 tháng", ["2024-H1", "2024-Y"]),
        ("6 tháng một lần", ["2024-H1", "2024-Y"]),
    ],
)
def test_yearly_and_half_yearly_reports(text: str, keys: list[str]) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "recurring"
    assert [o.period_key for o in deadline.occurrences] == keys


@pytest.mark.parametrize(
    ("text", "key", "due"),
    [
        ("Báo cáo quý I/2024", "2024-Q1", "2024-03-20"),
        ("Báo cáo năm 2024", "2024-Y", "2024-12-20"),
        ("Báo cáo 6 tháng đầu năm 2024", "2024-H1", "2024-06-20"),
        ("Báo cáo tháng 02/2024", "2024-M02", "2024-02-20"),
    ],
)
def test_report_named_by_its_period_is_due_by_the_calendar(text: str, key: str, due: str) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "recurring"
    assert [(o.period_key, o.due.isoformat()) for o in deadline.occurrences] == [(key, due)]


def test_one_off_beside_reports_in_one_part() -> None:
    deadline = parse_deadline("Xây dựng KH tháng 1, báo cáo hàng quý", year=2024)
    assert deadline.kind == "multiple"
    assert [part.kind for part in deadline.parts] == ["once", "recurring"]
    assert [o.period_key for o in deadline.occurrences] == [
        "by-2024-M01",
        "2024-Q1",
        "2024-H1",
        "2024-Q3",
        "2024-Y",
    ]


def test_reports_start_from_the_stated_period() -> None:
    deadline = parse_deadline("Hàng quý, bắt đầu từ Quý II/2024", year=2024)
    assert deadline.kind == "recurring"
    assert [o.period_key for o in deadline.occurrences] == ["2024-H1", "2024-Q3", "2024-Y"]
    assert deadline.extra == {"start": "2024-04-01"}


def test_plan_year_out_of_range_is_unknown() -> None:
    deadline = parse_deadline("hàng tháng", year=10000)
    assert deadline.kind == "unknown"
    assert deadline.note == Note("bad_year", {"year": 10000})
    assert "10000" in note_text(deadline.note)


@pytest.mark.parametrize(
    ("text", "count", "working", "unit", "event"),
    [
        ("Trong vòng 05 ngày kể từ ngày nhận hồ sơ", 5, False, "day", "ngày nhận hồ sơ"),
        (
            "Trong thời hạn 05 ngày làm việc, kể từ ngày nhận được văn bản",
            5,
            True,
            "day",
            "ngày nhận được văn bản",
        ),
        (
            "Xây dựng KH trong 30 ngày kể từ ngày ban hành Quyết định",
            30,
            False,
            "day",
            "ngày ban hành Quyết định",
        ),
        (
            "Thời hạn: 03 tháng kể từ ngày Quyết định có hiệu lực",
            3,
            False,
            "month",
            "ngày Quyết định có hiệu lực",
        ),
    ],
)
def test_relative_forms(text: str, count: int, working: bool, unit: str, event: str) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "relative"
    assert deadline.relative is not None
    assert deadline.relative.to_json() == {
        "count": count,
        "working_days": working,
        "event": event,
        "unit": unit,
    }


def test_a_date_before_a_count_is_not_relative() -> None:
    deadline = parse_deadline("Tháng 3/2024, 10 ngày sau khi họp", year=2024)
    assert deadline.kind == "once"


def test_quarterly_on_a_day_of_the_quarter() -> None:
    deadline = parse_deadline("Báo cáo hàng quý trước ngày 15 của tháng cuối quý", year=2024)
    assert deadline.kind == "recurring"
    # 14/09/2024 Sat → 16/09; 14/12/2024 Sat → 16/12.
    assert [
        (o.period_key, o.due.isoformat(), o.effective_due.isoformat()) for o in deadline.occurrences
    ] == [
        ("2024-Q1", "2024-03-14", "2024-03-14"),
        ("2024-Q2", "2024-06-14", "2024-06-14"),
        ("2024-Q3", "2024-09-14", "2024-09-16"),
        ("2024-Q4", "2024-12-14", "2024-12-16"),
    ]
    next_quarter = parse_deadline("Báo cáo quý chậm nhất ngày 05 tháng đầu quý sau", year=2024)
    assert [o.due.isoformat() for o in next_quarter.occurrences] == [
        "2024-04-05",
        "2024-07-05",
        "2024-10-05",
        "2025-01-05",
    ]


def test_a_day_without_its_month_in_a_recurring_duty_is_asked_about() -> None:
    deadline = parse_deadline("Báo cáo hàng quý vào ngày 15", year=2024)
    assert deadline.kind == "unknown"
    assert deadline.note is not None and "tháng cuối quý" in note_text(deadline.note)


@pytest.mark.parametrize(
    ("text", "key", "due"),
    [
        ("Quý I/2024 (trước ngày 15/3/2024)", "by-before-2024-03-15", "2024-03-14"),
        ("Tháng 3/2024, chậm nhất ngày 15/3/2024", "by-2024-03-15", "2024-03-15"),
        ("kế hoạch năm 2024 chậm nhất trong tháng 01/2024", "by-2024-M01", "2024-01-31"),
    ],
)
def test_the_narrower_deadline_inside_a_period_wins(text: str, key: str, due: str) -> None:
    (occurrence,) = parse_deadline(text, year=2024).occurrences
    assert (occurrence.period_key, occurrence.due.isoformat()) == (key, due)


def test_time_without_a_day_is_asked_about() -> None:
    deadline = parse_deadline("trước 16h00", year=2024)
    assert deadline.kind == "unknown"
    assert deadline.note == Note("time_without_day", {"time": "16:00"})
    assert "16:00" in note_text(deadline.note)


@pytest.mark.parametrize(
    ("text", "key", "label", "due", "first"),
    [
        (
            "Tuần đầu tháng 10",
            "by-2024-M10-W1",
            "Tuần đầu tháng 10/2024",
            "2024-10-07",
            "2024-10-01",
        ),
        (
            "tuan thu 2 cua thang 3/2024",
            "by-2024-M03-W2",
            "Tuần thứ 2 tháng 03/2024",
            "2024-03-14",
            "2024-03-08",
        ),
        (
            "Tuần cuối tháng 02",
            "by-2024-M02-W5",
            "Tuần cuối tháng 02/2024",
            "2024-02-29",
            "2024-02-23",
        ),
    ],
)
def test_a_week_of_a_month_is_due_at_that_week_not_at_the_month_end(
    text: str, key: str, label: str, due: str, first: str
) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "once"
    (only,) = deadline.occurrences
    assert (only.period_key, only.period, only.due) == (key, label, D(due))
    assert only.window == (D(first), D(due))


def test_giai_doan_names_a_span_of_years() -> None:
    key, label, due, _ = single("Giai đoạn 2024-2025")
    assert (key, label, due) == ("by-2024-2025", "Năm 2024–2025", D("2025-12-31"))


@pytest.mark.parametrize(
    ("text", "label", "due"),
    [
        ("Tuần 2 tháng 5", "Tuần thứ 2 tháng 05/2024", "2024-05-14"),
        ("tuần 2 tháng 5 năm 2025", "Tuần thứ 2 tháng 05/2025", "2025-05-14"),
    ],
)
def test_a_numbered_week_is_not_read_as_a_day(text: str, label: str, due: str) -> None:
    _, period, found, _ = single(text)
    assert (period, found) == (label, D(due))


@pytest.mark.parametrize("text", ["Đầu năm 2024", "giua nam 2024", "tuần 7 tháng 5"])
def test_no_day_in_a_vague_part_of_the_year_is_said_not_guessed(text: str) -> None:
    deadline = parse_deadline(text, year=2024)
    assert (deadline.kind, deadline.occurrences) == ("unknown", ())
