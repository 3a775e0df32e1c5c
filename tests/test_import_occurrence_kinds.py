"""A cell with several deadlines: each period keeps its own kind, unread parts are flagged;
a plan file's own reporting calendar, given as a mapping or as sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from messages.errors import UserFacingError, user_message
from scheduler.clock import ManualClock
from scheduler.deadlines import parse_deadline
from scheduler.reporting import ReportingCalendar
from storage.importing import ImportOptions, ImportReview, import_file
from storage.models import Assignment, Occurrence, Plan, Task
from storage.occurrences import desired_occurrences
from storage.units import add_unit

MIXED = "Xây dựng kế hoạch trước 31/3/2024; báo cáo hàng quý"
CSV = (
    "TT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn\n"
    f'1,Tự kiểm tra CCHC,Phòng Nội vụ,"{MIXED}"\n'
    '2,Đánh giá chỉ số,Phòng Nội vụ,"Hàng quý; 32/13/2024"\n'
    '3,Rà soát TTHC,Phòng Nội vụ,"Trước 30/6/2024; khi nào xong thì báo"\n'
)


@pytest.fixture
def registry(engine: Engine, clock: ManualClock) -> Engine:
    with Session(engine) as session:
        add_unit(session, name="Phòng Nội vụ", at=clock.now(), actor="t")
        session.commit()
    return engine


def _import(engine: Engine, path: Path, clock: ManualClock) -> ImportReview:
    return import_file(engine, path=path, options=ImportOptions(), at=clock.now(), actor="t")


def _stored(engine: Engine, number: str) -> list[tuple[str, str, int | None]]:
    """(period key, kind, id) of the occurrences of task `number`."""
    with Session(engine) as session:
        rows = session.exec(
            select(Occurrence.period_key, Occurrence.kind, Occurrence.id)
            .join(Assignment, col(Assignment.id) == col(Occurrence.assignment_id))
            .join(Task, col(Task.id) == col(Assignment.task_id))
            .where(Task.number == number)
        ).all()
    return [(key, kind, occurrence_id) for key, kind, occurrence_id in rows]


def test_parts_of_a_multiple_cell_keep_their_own_kind() -> None:
    deadline = parse_deadline(MIXED, year=2024)
    assert deadline.kind == "multiple"
    kinds = {item.period_key: item.kind for item in desired_occurrences(deadline)}
    assert kinds == {
        "by-before-2024-03-31": "once",
        "2024-Q1": "recurring",
        "2024-H1": "recurring",
        "2024-Q3": "recurring",
        "2024-Y": "recurring",
    }
    # Same period keys as the cell's own union: re-imports match the same rows.
    assert sorted(kinds) == sorted(spec.period_key for spec in deadline.occurrences)


def test_stored_occurrences_carry_the_kind_and_reimport_keeps_them(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    path = tmp_path / "kh-2024.csv"
    path.write_text(CSV, encoding="utf-8")
    first = _import(registry, path, clock)
    assert first.tasks[0].deadline_kind == "multiple"
    rows = _stored(registry, "1")
    kinds = {key: kind for key, kind, _ in rows}
    assert kinds["by-before-2024-03-31"] == "once"
    assert {kinds[key] for key in ("2024-Q1", "2024-H1", "2024-Q3", "2024-Y")} == {"recurring"}
    ids = {key: occurrence_id for key, _, occurrence_id in rows}

    again = _import(registry, path, clock)
    assert again.occurrences["created"] == 0
    assert again.occurrences["updated"] == 0
    assert again.occurrences["withdrawn"] == 0
    rows = _stored(registry, "1")
    assert {key: occurrence_id for key, _, occurrence_id in rows} == ids


def test_unread_part_of_a_multiple_cell_is_a_problem_and_the_rest_is_imported(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    path = tmp_path / "kh-2024.csv"
    path.write_text(CSV, encoding="utf-8")
    review = _import(registry, path, clock)
    partly = [p for p in review.problems if p.kind == "deadline_partly_unknown"]
    assert [p.row for p in partly] == [3, 4]
    assert '"32/13/2024"' in partly[0].message
    assert "không có thật" in partly[0].message  # the grammar's own note
    assert '"khi nào xong thì báo"' in partly[1].message
    assert "Chưa hiểu thời hạn này" in partly[1].message
    assert not [p for p in review.problems if p.kind == "deadline_unknown"]
    by_number = {task.number: task for task in review.tasks}
    assert [spec.period_key for spec in by_number["2"].occurrences] == [
        "2024-Q1",
        "2024-H1",
        "2024-Q3",
        "2024-Y",
    ]
    assert [spec.period_key for spec in by_number["3"].occurrences] == ["by-before-2024-06-30"]


YAML_HEAD = """\
code: kh-bao-cao-2024
title: Kế hoạch CCHC năm 2024
year: 2024
"""
YAML_TASKS = """\
tasks:
  - number: "1"
    title: Báo cáo CCHC
    lead: Phòng Nội vụ
    deadline: Hàng quý
"""
MAPPING = {
    "monthly": {"day": 2, "next_month": True, "window_start_day": 1},
    "periods": {
        "Q1": {"due": "10/03", "window": ["15/12/-1", "14/03"]},
        "Q2": "10/06",
        "Q3": "10/09",
        "Q4": "10/12",
    },
    "regular": ["Q"],
}
MAPPING_YAML = """\
reporting:
  monthly: {day: 2, next_month: true, window_start_day: 1}
  periods:
    Q1: {due: "10/03", window: ["15/12/-1", "14/03"]}
    Q2: "10/06"
    Q3: "10/09"
    Q4: "10/12"
  regular: [Q]
"""


def _plan(engine: Engine) -> Plan:
    with Session(engine) as session:
        return session.exec(select(Plan)).one()


def test_reporting_mapping_in_a_plan_file(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    expected = ReportingCalendar.from_json(MAPPING).to_json()
    path = tmp_path / "plan.yaml"
    path.write_text(YAML_HEAD + MAPPING_YAML + YAML_TASKS, encoding="utf-8")
    review = _import(registry, path, clock)
    assert review.reporting_calendar == expected
    assert _plan(registry).reporting_calendar == expected
    dues = [(spec.period_key, spec.due) for spec in review.tasks[0].occurrences]
    assert dues == [
        ("2024-Q1", date(2024, 3, 10)),
        ("2024-Q2", date(2024, 6, 10)),
        ("2024-Q3", date(2024, 9, 10)),
        ("2024-Q4", date(2024, 12, 10)),
    ]
    assert review.tasks[0].occurrences[0].window == (date(2023, 12, 15), date(2024, 3, 14))


def test_reporting_sentences_in_a_plan_file(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    sentences = (
        "reporting: |\n"
        "  + Báo cáo Quý 1 vào ngày 15/3/2024 (số liệu tính từ ngày 15/12/2023 đến 14/3/2024).\n"
        "  + Báo cáo Quý 2 vào ngày 15/6/2024 (số liệu tính từ ngày 15/3/2024 đến 14/6/2024).\n"
        "  + Báo cáo Quý 3 vào ngày 15/9/2024 (số liệu tính từ ngày 15/6/2024 đến 14/9/2024).\n"
        "  + Báo cáo Quý 4 vào ngày 15/12/2024 (số liệu tính từ ngày 15/9/2024 đến 14/12/2024).\n"
    )
    path = tmp_path / "plan.yaml"
    path.write_text(YAML_HEAD + sentences + YAML_TASKS, encoding="utf-8")
    review = _import(registry, path, clock)
    calendar = review.reporting_calendar
    assert calendar is not None
    assert calendar["periods"]["Q2"]["due"] == "15/06"
    dues = {spec.period_key: spec.due for spec in review.tasks[0].occurrences}
    assert dues["2024-Q2"] == date(2024, 6, 15)
    assert dues["2024-Q1"] == date(2024, 3, 15)


@pytest.mark.parametrize(
    ("reporting", "expected"),
    [
        ("reporting:\n  periods: {Q5: '10/03'}\n", "Kỳ báo cáo 'Q5' không hợp lệ"),
        ("reporting:\n  weekly: 1\n", "Lịch báo cáo có mục không hiểu: weekly"),
        ("reporting: Báo cáo khi nào cần\n", 'Chưa hiểu mục "reporting"'),
        ("reporting: 5\n", 'Mục "reporting" trong "plan.yaml" phải là lịch báo cáo'),
    ],
)
def test_bad_reporting_in_a_plan_file_is_refused_and_nothing_is_stored(
    registry: Engine, clock: ManualClock, tmp_path: Path, reporting: str, expected: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(YAML_HEAD + reporting + YAML_TASKS, encoding="utf-8")
    with pytest.raises(UserFacingError) as refused:
        _import(registry, path, clock)
    assert expected in user_message(refused.value)
    with Session(registry) as session:
        assert session.exec(select(Plan)).all() == []
