"""The phrasings officials use everywhere, and what never changes the answer: line breaks,
accents, case, look-alike letters and spacing."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from messages.deadline_notes import note_text
from scheduler.deadlines import Deadline, parse_deadline
from scheduler.deadlines.normalise import number_from_words
from scheduler.folding import fold

D = date.fromisoformat


def dues(deadline: Deadline) -> list[str]:
    return [occ.due.isoformat() for occ in deadline.occurrences]


def answer(deadline: Deadline) -> tuple[Any, ...]:
    # The event of a relative limit is quoted in the user's own words; compared folded.
    relative = deadline.relative.to_json() if deadline.relative else None
    if relative:
        relative["event"] = fold(relative["event"])
    return (deadline.kind, tuple(o.to_json()["due"] for o in deadline.occurrences),
            tuple(o.period_key for o in deadline.occurrences),
            tuple(o.to_json()["time"] for o in deadline.occurrences), relative)  # fmt: skip


MONTHLY_24 = [f"2025-{m:02d}-24" for m in range(1, 13)]


@pytest.mark.parametrize(
    "text",
    ["Trước ngày 25 hằng tháng", "Hằng tháng, trước ngày 25", "hang thang, truoc ngay 25",
     "Hằng tháng,\ntrước ngày 25", "HẰNG THÁNG, TRƯỚC NGÀY 25"],
)  # fmt: skip
def test_frequency_and_day_in_either_order(text: str) -> None:
    result = parse_deadline(text, year=2025)
    assert result.kind == "recurring"
    assert dues(result) == MONTHLY_24


def test_number_words_beside_digits_and_ordinals() -> None:
    quarter_ends = ["2025-03-12", "2025-06-12", "2025-09-12", "2025-12-12"]
    assert dues(parse_deadline("chậm nhất ngày 12 (mười hai) của tháng cuối quý", year=2025)) == (
        quarter_ends
    )
    assert dues(parse_deadline("ngày 03 (ba) tháng 8 (tám)", year=2025)) == ["2025-08-03"]
    tenth = dues(parse_deadline("ngày thứ mười của tháng sau", year=2025))
    assert tenth[0] == "2025-02-10" and tenth[-1] == "2026-01-10" and len(tenth) == 12
    assert [number_from_words(w) for w in ("muoi", "muoi hai", "hai muoi lam", "ba muoi mot")] == [
        10, 12, 25, 31,
    ]  # fmt: skip


def test_days_anchored_to_the_reporting_period() -> None:
    assert dues(parse_deadline("trước ngày 22 của tháng báo cáo", year=2025))[:2] == [
        "2025-01-21",
        "2025-02-21",
    ]
    # "của tháng báo cáo" is the month itself even for an early day.
    assert dues(parse_deadline("ngày 8 của tháng báo cáo", year=2025))[0] == "2025-01-08"
    assert dues(parse_deadline("ngày cuối cùng của tháng cuối quý", year=2025)) == [
        "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31",
    ]  # fmt: skip
    assert dues(parse_deadline("Hằng tháng, chậm nhất đến ngày cuối cùng của tháng", year=2024))[
        1
    ] == ("2024-02-29")
    assert dues(parse_deadline("chậm nhất là ngày thứ 30 của quý tiếp theo", year=2025)) == [
        "2025-04-30", "2025-07-30", "2025-10-30", "2026-01-30",
    ]  # fmt: skip


def test_last_month_of_each_quarter_in_its_longer_wordings() -> None:
    # Provincial CCHC reporting calendars write "tháng cuối cùng của mỗi quý".
    quarterly = ["2024-03-04", "2024-06-04", "2024-09-04", "2024-12-04"]
    for phrase in (
        "Báo cáo quý gửi trước ngày 05 tháng cuối cùng của mỗi quý",
        "trước ngày 05 của tháng cuối của từng quý",
        "trước ngày 05 tháng cuối các quý",
    ):
        result = parse_deadline(phrase, year=2024)
        assert (result.kind, dues(result)) == ("recurring", quarterly), phrase


def test_explicit_quarterly_rule_is_not_mixed_with_the_default_regime() -> None:
    result = parse_deadline("Trước ngày 05 của tháng đầu quý tiếp theo", year=2025)
    assert dues(result) == ["2025-04-04", "2025-07-04", "2025-10-04", "2026-01-04"]


def test_the_following_year_belongs_to_the_plan_year() -> None:
    assert dues(parse_deadline("trước ngày 20/01 năm sau", year=2025)) == ["2026-01-19"]
    assert dues(parse_deadline("chậm nhất ngày 20 của năm kế tiếp năm báo cáo", year=2025)) == [
        "2026-01-20"
    ]
    assert dues(
        parse_deadline("Trước ngày 05 tháng 7 và ngày 05 tháng 01 của năm sau", year=2021)
    ) == [
        "2021-07-04",
        "2022-01-04",
    ]


def test_a_year_counted_from_an_event_is_not_guessed() -> None:
    result = parse_deadline(
        "chậm nhất là ngày 30/01 năm sau năm phát sinh thông tin thay đổi", year=2021
    )
    assert result.kind == "unknown" and not result.occurrences
    assert result.note and "ghi rõ" in note_text(result.note)


def test_weekly_duties() -> None:
    thursdays = parse_deadline("thứ Năm hằng tuần", year=2025)
    assert thursdays.kind == "recurring"
    assert len(thursdays.occurrences) == 52
    assert all(occ.due.weekday() == 3 for occ in thursdays.occurrences)
    assert thursdays.occurrences[0].due == D("2025-01-02")
    assert thursdays.occurrences[0].period_key == "2025-W01"
    mondays = parse_deadline("trước 10 giờ thứ Hai hằng tuần", year=2025)
    assert mondays.occurrences[0].due == D("2025-01-06")
    assert {occ.time for occ in mondays.occurrences} == {time(10, 0)}
    assert dues(parse_deadline("hằng tuần vào thứ Sáu", year=2025))[0] == "2025-01-03"
    vague = parse_deadline("hằng tuần", year=2025)
    assert vague.kind == "unknown" and vague.note and "thứ Năm hằng tuần" in note_text(vague.note)


def test_a_bound_governs_a_list() -> None:
    assert dues(parse_deadline("Trước ngày 30/6 và 31/12", year=2025)) == [
        "2025-06-29",
        "2025-12-30",
    ]
    assert dues(parse_deadline("trước ngày 25 tháng 5 và 25 tháng 11", year=2025)) == [
        "2025-05-24",
        "2025-11-24",
    ]


@pytest.mark.parametrize("text", ["16-10", "16.10", "16/10", "ngày 16-10", "hạn 16.10"])
def test_dates_without_a_year(text: str) -> None:
    assert dues(parse_deadline(text, year=2025)) == ["2025-10-16"]


def test_lists_of_years_and_periods() -> None:
    assert dues(parse_deadline("năm 2025, năm 2026", year=2025)) == ["2025-12-31", "2026-12-31"]
    assert dues(parse_deadline("Quý II và Quý IV/2025", year=2025)) == ["2025-06-30", "2025-12-31"]


def test_a_bounded_date_is_the_deadline_and_the_period_beside_it_context() -> None:
    assert dues(
        parse_deadline("Hạn nộp Tờ khai quý 1/2020 chậm nhất là ngày 30/4/2020", year=2020)
    ) == ["2020-04-30"]


# Cells whose answers the properties below must keep, whatever the writing.
CELLS = st.sampled_from(
    [
        "Hằng tháng, trước ngày 25", "Trước ngày 05 của tháng đầu quý tiếp theo",
        "chậm nhất ngày 12 (mười hai) của tháng cuối quý", "thứ Năm hằng tuần",
        "trước 10 giờ thứ Hai hằng tuần", "Trước ngày 30/6 và 31/12", "trước ngày 20/01 năm sau",
        "Quý II và Quý IV/2025", "chậm nhất là ngày thứ 30 của quý tiếp theo",
        "Báo cáo quý I gửi chậm nhất ngày 27/02", "05 ngày làm việc kể từ ngày công bố TTHC",
        "Hạn nộp Tờ khai quý 1/2020 chậm nhất là ngày 30/4/2020", "Thường xuyên",
        "ngày cuối cùng của tháng cuối quý", "trước ngày 22 của tháng báo cáo", "Tháng 02/2024",
    ]
)  # fmt: skip
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "n": "ɴ", "h": "ʜ"}


def _insert(text: str, positions: list[int], filler: str) -> str:
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    chosen = {spaces[p % len(spaces)] for p in positions} if spaces else set()
    return "".join(filler if i in chosen else ch for i, ch in enumerate(text))


@settings(max_examples=150, deadline=None)
@given(CELLS, st.lists(st.integers(0, 50), max_size=4), st.sampled_from(["\n", "\r\n", " \n  "]))
def test_line_breaks_never_change_the_answer(cell: str, at: list[int], brk: str) -> None:
    assert answer(parse_deadline(_insert(cell, at, brk), year=2025)) == answer(
        parse_deadline(cell, year=2025)
    )


@settings(max_examples=150, deadline=None)
@given(CELLS, st.sampled_from([str.lower, str.upper, str.title, fold, lambda s: fold(s).upper()]))
def test_accents_and_case_never_change_the_answer(cell: str, change: Any) -> None:
    assert answer(parse_deadline(change(cell), year=2025)) == answer(
        parse_deadline(cell, year=2025)
    )


@settings(max_examples=150, deadline=None)
@given(CELLS, st.lists(st.integers(0, 80), max_size=6))
def test_look_alike_letters_never_change_the_answer(cell: str, at: list[int]) -> None:
    chars = list(cell)
    for position in at:
        index = position % len(chars)
        chars[index] = LOOKALIKE.get(chars[index], chars[index])
    assert answer(parse_deadline("".join(chars), year=2025)) == answer(
        parse_deadline(cell, year=2025)
    )


@settings(max_examples=150, deadline=None)
@given(
    CELLS,
    st.lists(st.integers(0, 50), max_size=4),
    st.sampled_from(["  ", "\u00a0", "\u200b ", " \u200b", "\t", "\u2003", " \ufeff"]),
)
def test_spacing_never_changes_the_answer(cell: str, at: list[int], space: str) -> None:
    assert answer(parse_deadline(_insert(cell, at, space), year=2025)) == answer(
        parse_deadline(cell, year=2025)
    )


def test_last_working_day_of_the_month_follows_the_work_calendar() -> None:
    result = parse_deadline("ngày làm việc cuối cùng của tháng", year=2024)
    assert result.kind == "recurring"
    by_key = {occ.period_key: occ for occ in result.occurrences}
    # 30/4/2024 is Reunification Day and 29/4 a swapped day off: Friday 26/4.
    assert by_key["2024-M04"].due == D("2024-04-26")
    # 31/3/2024 is a Sunday: Friday 29/3, and the due day is not moved.
    assert by_key["2024-M03"].due == by_key["2024-M03"].effective_due == D("2024-03-29")
    quarterly = parse_deadline("ngày làm việc cuối cùng của tháng cuối quý", year=2024)
    assert dues(quarterly) == ["2024-03-29", "2024-06-28", "2024-09-30", "2024-12-31"]
