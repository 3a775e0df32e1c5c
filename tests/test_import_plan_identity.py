"""Plans known by their number: read from the appendix, never from the national heading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from messages.errors import UserFacingError
from scheduler.clock import ManualClock
from storage.importing import ImportOptions, ImportReview, import_file
from storage.importing.identity import read_identity
from storage.models import Plan, Task
from storage.units import load_units, read_units_file

TAN_HOA = Path(__file__).parent / "data" / "plans" / "tan-hoa-2025"
DOCX = TAN_HOA / "PL-KH12-CCHC-2025-TanHoa.docx"


def _import(engine: Engine, path: Path, clock: ManualClock, **options: object) -> ImportReview:
    opts = ImportOptions(**options)  # type: ignore[arg-type]
    return import_file(engine, path=path, options=opts, at=clock.now(), actor="test")


@pytest.fixture
def tan_hoa(engine: Engine, clock: ManualClock) -> Engine:
    with Session(engine) as session:
        data = read_units_file(TAN_HOA / "units.yaml")
        load_units(session, data=data, at=clock.now(), actor="test")
        session.commit()
    return engine


def test_number_date_issuer_and_title_come_from_the_appendix(
    tan_hoa: Engine, clock: ManualClock
) -> None:
    review = _import(tan_hoa, DOCX, clock)
    assert review.plan_code == "12/KH-UBND"
    assert review.plan_number == "12/KH-UBND"
    assert review.issued_on == "15/01/2025"
    assert review.issuer == "UBND huyện Tân Hòa"
    assert review.plan_title == "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA HUYỆN TÂN HÒA"
    assert "CỘNG HÒA" not in review.plan_title
    assert len(review.tasks) == 24
    with Session(tan_hoa) as session:
        plan = session.exec(select(Plan)).one()
        assert (plan.number, plan.year, str(plan.issued_on)) == ("12/KH-UBND", 2025, "2025-01-15")


def test_reimport_without_code_updates_the_plan_whatever_the_file_name(
    tan_hoa: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    _import(tan_hoa, DOCX, clock)
    renamed = tmp_path / "ke-hoach-cchc-ban-sua.docx"
    shutil.copy(DOCX, renamed)
    again = _import(tan_hoa, renamed, clock)
    assert not again.plan_created and again.plan_code == "12/KH-UBND"
    assert again.counts()["unchanged"] == 24
    with Session(tan_hoa) as session:
        assert session.exec(select(func.count()).select_from(Plan)).one() == 1
        assert session.exec(select(func.count()).select_from(Task)).one() == 24


def test_same_title_and_year_without_a_number_updates_the_plan(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    body = "TT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn\n1,Báo cáo quý,Phòng Nội vụ,Quý I/2025\n"
    first = tmp_path / "ban-dau.csv"
    first.write_text("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025,,,\n" + body, encoding="utf-8")
    second = tmp_path / "ban-sua.csv"
    second.write_text(
        "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025,,,\n"
        + body
        + "2,Kiểm tra,Phòng Nội vụ,Quý II/2025\n",
        encoding="utf-8",
    )
    assert _import(engine, first, clock).plan_created
    review = _import(engine, second, clock)
    assert not review.plan_created and review.counts()["new"] == 1


def test_another_plan_under_a_taken_code_is_refused_and_nothing_changes(
    tan_hoa: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    _import(tan_hoa, DOCX, clock)
    other = tmp_path / "kh-15.csv"
    other.write_text(
        "(Kèm theo Kế hoạch số 15/KH-UBND ngày 02/02/2025 của UBND huyện Tân Hòa),,,\n"
        "TT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn\n1,Báo cáo quý,Phòng Nội vụ,Quý I/2025\n",
        encoding="utf-8",
    )
    with pytest.raises(UserFacingError) as caught:
        _import(tan_hoa, other, clock, code="12/KH-UBND")
    message = str(caught.value)
    assert "12/KH-UBND" in message and "15/KH-UBND" in message and "--code" in message
    with Session(tan_hoa) as session:
        assert session.exec(select(func.count()).select_from(Task)).one() == 24
    # Without --code it is a plan of its own, known by its own number.
    assert _import(tan_hoa, other, clock).plan_code == "15/KH-UBND"


def test_review_rows_are_counted_in_the_task_table_and_name_the_task(
    tan_hoa: Engine, clock: ManualClock
) -> None:
    review = _import(tan_hoa, DOCX, clock, dry_run=True)
    # The heading table comes first in the file; the task table's header is its row 1, the
    # "(1)…(6)" row 2, section I row 3: the first task is on row 4 of that table, and the
    # last (1 header, 1 column-number row, 7 headings, 24 tasks) on row 33.
    first = review.tasks[0]
    assert (first.number, first.row) == ("I.1", 4)
    assert review.source_block == "bảng 2"
    last = review.tasks[-1]
    assert last.title.startswith("Cập nhật dữ liệu dân cư") and last.row == 33
    unknown = [p for p in review.problems if p.kind == "unknown_unit"]
    assert unknown and all(", nhiệm vụ " in p.message for p in unknown)
    assert any(p.message.startswith("Dòng 9, nhiệm vụ I.6:") for p in unknown)


def test_a_combined_cell_is_split_into_units_first(tan_hoa: Engine, clock: ManualClock) -> None:
    review = _import(tan_hoa, DOCX, clock, dry_run=True)
    dialogue = next(task for task in review.tasks if task.number == "I.6")
    named = {
        p.message.split('"')[1]
        for p in review.problems
        if p.kind == "unknown_unit" and p.message.startswith("Dòng 9,") and "phối hợp" in p.message
    }
    whole = "Phòng NV, Phòng KT&HT, UBND xã, thị trấn"
    assert whole not in named
    assert {"Phòng KT&HT", "UBND xã, thị trấn"} <= named | set(dialogue.coordinating_labels)


@pytest.mark.parametrize(
    ("text", "number", "issued", "issuer"),
    [
        (
            "PHỤ LỤC\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2025 của UBND huyện Tân Hòa)",
            "12/KH-UBND",
            "2025-01-15",
            "UBND huyện Tân Hòa",
        ),
        (
            "(Ban hành kèm theo Kế hoạch số: 104/KH-UBND, ngày 12 tháng 3 năm 2024 của Ủy ban"
            " nhân dân huyện Lấp Vò)",
            "104/KH-UBND",
            "2024-03-12",
            "Ủy ban nhân dân huyện Lấp Vò",
        ),
        (
            "SỞ NỘI VỤ\nSố: 45/KH-SNV\nNghệ An, ngày 05 tháng 01 năm 2024",
            "45/KH-SNV",
            "2024-01-05",
            None,
        ),
        ("kem theo ke hoach so 7/KH-THCS ngay 3/9/2024", "7/KH-THCS", "2024-09-03", None),
        # A plan the text only cites, and a decision's number, are not this plan's number.
        ("Căn cứ Kế hoạch số 18/KH-UBND ngày 29/3/2012 của UBND tỉnh", None, None, None),
        ("Số: 30/2018/QĐ-UBND\nHải Phòng, ngày 09 tháng 10 năm 2018", None, None, None),
        ("Hồ sơ: 45/KH\nUBND HUYỆN TÂN HÒA   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None, None, None),
    ],
)
def test_identity_lines(
    text: str, number: str | None, issued: str | None, issuer: str | None
) -> None:
    found = read_identity(text)
    assert found.number == number
    assert (str(found.issued_on) if found.issued_on else None) == issued
    assert found.issuer == issuer


def test_the_same_number_next_year_is_another_plan(
    tan_hoa: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    _import(tan_hoa, DOCX, clock)
    next_year = tmp_path / "kh-12-2026.csv"
    next_year.write_text(
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 08/01/2026 của UBND huyện Tân Hòa),,,\n"
        "TT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn\n1,Báo cáo quý,Phòng Nội vụ,Quý I/2026\n",
        encoding="utf-8",
    )
    review = _import(tan_hoa, next_year, clock)
    assert review.plan_created and review.plan_code == "12/KH-UBND-2026"
    with Session(tan_hoa) as session:
        plans = {plan.code: plan.year for plan in session.exec(select(Plan)).all()}
    assert plans == {"12/KH-UBND": 2025, "12/KH-UBND-2026": 2026}
