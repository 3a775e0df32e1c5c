"""Every layout fixture reads the same from .xlsx, .docx and .csv, with no task lost or invented.

The fixtures (tests/data/plans/layouts/fixtures.py) are built into a temporary folder by the
builder committed beside them, then imported as a dry run with --create-units.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from scheduler.clock import ManualClock
from storage.importing import ImportOptions, ImportReview, import_file

LAYOUTS = Path(__file__).parent / "data" / "plans" / "layouts"
sys.path.insert(0, str(LAYOUTS))

from build import build  # noqa: E402
from fixtures import FIXTURES, Fixture  # noqa: E402

BY_NAME = {fixture.name: fixture for fixture in FIXTURES}


def _review(engine: Engine, path: Path, clock: ManualClock) -> ImportReview:
    options = ImportOptions(dry_run=True, create_units=True)
    return import_file(engine, path=path, options=options, at=clock.now(), actor="test")


def _tasks(review: ImportReview) -> list[tuple[Any, ...]]:
    return [
        (
            task.number,
            task.section,
            task.title,
            tuple(task.lead_labels),
            tuple(task.coordinating_labels),
            task.deadline_text,
            tuple((occ.period, occ.due) for occ in task.occurrences),
        )
        for task in review.tasks
    ]


def _reviews(
    engine: Engine, fixture: Fixture, folder: Path, clock: ManualClock
) -> dict[str, ImportReview]:
    paths = build(fixture, folder)
    kinds = ("xlsx", "docx", "csv") if fixture.csv else ("xlsx", "docx")
    return {kind: _review(engine, paths[kind], clock) for kind in kinds}


def test_there_are_at_least_ten_layouts() -> None:
    assert len(FIXTURES) >= 10


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_layout_reads_the_same_in_every_format(
    engine: Engine, clock: ManualClock, tmp_path: Path, name: str
) -> None:
    fixture = BY_NAME[name]
    reviews = _reviews(engine, fixture, tmp_path, clock)
    expected = [
        (item.number, item.section, item.lead, item.coordinating, item.deadline)
        for item in fixture.expected
    ]
    for kind, review in reviews.items():
        read = [(t[0], t[1], t[3], t[4], t[5]) for t in _tasks(review)]
        assert read == expected, kind
    first, *others = reviews.values()
    for review in others:
        assert _tasks(review) == _tasks(first)
        assert review.plan_code == first.plan_code
        assert review.guessed == first.guessed


def test_review_names_the_columns_it_guessed(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    reviews = _reviews(engine, BY_NAME["xa-hai-dong-tieu-de"], tmp_path, clock)
    for review in reviews.values():
        assert review.guessed == {
            "lead": "Đơn vị thực hiện Chủ trì",
            "coordinating": "Đơn vị thực hiện Phối hợp",
        }
        # "Thời gian" over "Bắt đầu | Hoàn thành": the deadline is the end column.
        assert review.columns["deadline"] == "Thời gian Hoàn thành"
        assert review.plan_code == "5/KH-UBND"


def test_the_appendix_sheet_is_chosen_and_hidden_rows_are_left_out(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    reviews = _reviews(engine, BY_NAME["tinh-nhieu-trang-tinh"], tmp_path, clock)
    assert reviews["xlsx"].source_block == 'trang tính "PL2 Nhiệm vụ"'
    assert reviews["xlsx"].hidden == 2  # the withdrawn task's row and the "Kinh phí" column
    assert [task.number for task in reviews["xlsx"].tasks] == ["1", "3"]


def test_blank_lead_takes_the_section_lead_and_says_so(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    reviews = _reviews(engine, BY_NAME["so-chu-tri-theo-phan"], tmp_path, clock)
    for review in reviews.values():
        assert review.inherited_lead == ["I.1", "I.2"]
        assert not [p for p in review.problems if p.kind == "no_lead"]


def test_a_shared_units_column_is_said_in_the_review(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    from bot.cli.importing import _field_labels, _kind_labels
    from messages.render import render

    review = _reviews(engine, BY_NAME["huyen-mot-cot-don-vi"], tmp_path, clock)["docx"]
    assert review.shared_units
    text = render(
        "import_review.txt",
        review=review,
        counts=review.counts(),
        kind_labels=_kind_labels(),
        field_labels=_field_labels(),
    )
    assert 'Cột phải đoán nghĩa, hãy kiểm tra: "Đơn vị thực hiện" → đơn vị chủ trì.' in text
    assert 'phần sau chữ "phối hợp" được hiểu là đơn vị phối hợp' in text
    assert "Số hiệu: 14/KH-UBND, ngày 10/01/2025, của UBND huyện Hòa Lạc." in text
