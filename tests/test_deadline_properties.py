"""Properties of the deadline grammar over generated input."""

from __future__ import annotations

import time
import unicodedata
from datetime import date
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from messages.deadline_notes import deadline_json
from scheduler.deadlines import Deadline, parse_deadline
from scheduler.deadlines.text import FoldedText
from scheduler.folding import fold
from scheduler.workdays import WorkCalendar

YEARS = st.integers(min_value=2000, max_value=2100)
WORKDAYS = WorkCalendar()

# Phrases from real cells, with accents; none names a year, so every date must come from the
# plan year. "trước tháng 1" is left out on purpose: it ends in the year before.
FRAGMENTS = st.sampled_from(
    [
        "ngày 15/3",
        "trước ngày 20/11",
        "chậm nhất ngày 28/5",
        "Tháng 02",
        "trong tháng 01",
        "Quý I",
        "Quý IV",
        "Quý 2",
        "6 tháng đầu năm",
        "06 tháng",
        "cuối năm",
        "Trong năm",
        "trước tháng 3",
        "trước tháng 12",
        "hàng tháng",
        "hằng quý",
        "định kỳ quý",
        "Báo cáo theo định kỳ",
        "Theo quý, 6 tháng, năm",
        "06 tháng, cuối năm",
        "Báo cáo hàng tháng (báo cáo trước ngày 05 của tháng sau)",
        "chậm nhất vào ngày 02 hàng tháng",
        "Báo cáo quý I gửi chậm nhất ngày 27/02",
        "Báo cáo Quý 3 vào ngày 15/9 (số liệu tính từ ngày 15/6 đến 14/9)",
        "17 giờ ngày 05/3",
        "trước 16h00 ngày 10/10",
        "Thường xuyên",
        "Theo yêu cầu",
        "Khi có yêu cầu",
        "Theo quy định",
        "Theo Đề án",
        "05 ngày làm việc kể từ ngày nhận hồ sơ",
        "Xây dựng Kế hoạch",
        "Báo cáo kết quả",
        "Triển khai",
        "Đồng thời",
    ]
)
CELLS = st.lists(FRAGMENTS, min_size=1, max_size=4).flatmap(
    lambda parts: st.sampled_from(["; ", "; - ", "\n", " "]).map(
        lambda joiner: ("- " if joiner == "; - " else "") + joiner.join(parts)
    )
)


def unaccent(text: str) -> str:
    """What staff type on a phone without a Vietnamese keyboard: same layout, no diacritics."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def essence(deadline: Deadline) -> dict[str, Any]:
    """Everything except the user's own words (text, notes, event), which keep their accents."""
    data = deadline_json(deadline)
    data.pop("text")
    data.pop("note", None)
    for part in data.get("parts", []):
        part.pop("text")
        part.pop("note", None)
        if "relative" in part:
            part["relative"].pop("event")
    if "relative" in data:
        data["relative"].pop("event")
    data["keys"] = [occurrence.period_key for occurrence in deadline.occurrences]
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200), year=YEARS)
def test_never_raises_on_any_string(text: str, year: int) -> None:
    deadline = parse_deadline(text, year=year)
    assert deadline.kind in {
        "once",
        "recurring",
        "continuous",
        "on_request",
        "relative",
        "unknown",
        "multiple",
    }


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from("0123456789/-;:,.() hgiờ ngàytháquýIVnămđ\n"), max_size=80
    ),
    year=YEARS,
)
def test_never_raises_on_date_like_noise(text: str, year: int) -> None:
    parse_deadline(text, year=year)


@settings(max_examples=300, deadline=None)
@given(text=CELLS, year=YEARS)
def test_removing_accents_or_changing_case_never_changes_the_answer(text: str, year: int) -> None:
    expected = essence(parse_deadline(text, year=year))
    assert essence(parse_deadline(unaccent(text), year=year)) == expected
    assert essence(parse_deadline(text.upper(), year=year)) == expected
    assert essence(parse_deadline(unaccent(text).lower(), year=year)) == expected
    if "\n" not in text:
        assert essence(parse_deadline(fold(text), year=year)) == expected
    # Decomposed Unicode (some Mac and web sources) reads the same.
    assert essence(parse_deadline(unicodedata.normalize("NFD", text), year=year)) == expected


@settings(max_examples=300, deadline=None)
@given(text=CELLS, year=YEARS)
@example(text="Báo cáo kết quả\ncuối năm\nngày 15/3", year=2000)
def test_occurrences_sorted_unique_and_in_the_plan_year(text: str, year: int) -> None:
    deadline = parse_deadline(text, year=year)
    occurrences = deadline.occurrences
    assert list(occurrences) == sorted(occurrences, key=lambda o: (o.due, o.period_key))
    keys = [o.period_key for o in occurrences]
    assert len(keys) == len(set(keys))
    for occurrence in occurrences:
        # A report on December or on the whole year may fall due early in the next year: a
        # day named without its year in the first quarter of the period is after its end
        # ("báo cáo năm … ngày 15/3").
        assert date(year, 1, 1) <= occurrence.due <= date(year + 1, 4, 1), occurrence
        assert str(year) in occurrence.period_key
        assert occurrence.effective_due >= occurrence.due
        assert WORKDAYS.is_working_day(occurrence.effective_due)
        if occurrence.window:
            assert occurrence.window[0] <= occurrence.window[1]
    for part in deadline.parts:
        assert set(o.period_key for o in part.occurrences) <= set(keys)


@settings(deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_folded_text_maps_back_and_fast_path_agrees(text: str) -> None:
    folded = FoldedText.of(text)
    assert len(folded.folded) == len(folded.origin)
    assert all(0 <= index < len(folded.original) for index in folded.origin)
    assert folded == FoldedText._slow(folded.original)


@settings(deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụ"
            "ứừửữựýỳỷỹỵAĂÂĐÊÔƠƯÁÀẢÃẠÉẾỀỐỒỚỜỨỪ 0123456789/\t\n"
        ),
        max_size=80,
    )
)
def test_folded_text_equals_fold_for_vietnamese(text: str) -> None:
    assert FoldedText.of(text).folded == fold(text)


def test_long_cells_stay_fast() -> None:
    """Pasted paragraphs must not stall an import: no quadratic look-behinds."""
    text = "Báo cáo quý I gửi chậm nhất ngày 27/02, tháng 1, " * 400
    started = time.perf_counter()
    parse_deadline(text, year=2024)
    assert time.perf_counter() - started < 5
