"""Plans the way offices not in examples/ write them: a district plan in Word, a commune's CSV
typed without accents, a department's Excel appendix with a title block and merged parts."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from scheduler.clock import ManualClock
from storage.importing import ImportOptions, ImportReview, import_file
from storage.units import add_unit

UNITS = (
    "Phòng Tư pháp",
    "Phòng Nội vụ",
    "Văn phòng HĐND và UBND huyện",
    "Văn phòng Sở",
    "Công chức Tư pháp - Hộ tịch",
    "Văn phòng - Thống kê",
    "Công chức Văn hóa - Xã hội",
)


@pytest.fixture
def registry(engine: Engine, clock: ManualClock) -> Engine:
    with Session(engine) as session:
        for name in UNITS:
            add_unit(session, name=name, at=clock.now(), actor="t")
        session.commit()
    return engine


def _import(engine: Engine, path: Path, clock: ManualClock) -> ImportReview:
    return import_file(engine, path=path, options=ImportOptions(), at=clock.now(), actor="t")


def _keys(review: ImportReview) -> dict[str, list[str]]:
    return {task.number: [spec.period_key for spec in task.occurrences] for task in review.tasks}


def _district_docx(path: Path) -> None:
    """Two header rows ("Thời gian thực hiện" split into start and end), a row of column
    numbers, parts merged across, tasks numbered from 1 again in each part, one lead merged
    down over two tasks."""
    import docx

    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN HUYỆN THANH CHƯƠNG")
    document.add_paragraph("KẾ HOẠCH Cải cách hành chính năm 2024")
    rows = [
        [
            "STT",
            "Nội dung công việc",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian thực hiện",
            "",
            "Ghi chú",
        ],
        ["", "", "", "", "Bắt đầu", "Hoàn thành", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""],
        [
            "1",
            "Rà soát văn bản quy phạm pháp luật",
            "Phòng Tư pháp",
            "Văn phòng HĐND và UBND huyện",
            "Tháng 01/2024",
            "Quý II/2024",
            "",
        ],
        [
            "2",
            "Báo cáo kết quả cải cách hành chính",
            "Phòng Nội vụ",
            "Các cơ quan liên quan",
            "Tháng 01/2024",
            "Hàng quý (trước ngày 20 tháng cuối quý)",
            "",
        ],
        ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", "", ""],
        [
            "1",
            "Công khai thủ tục hành chính",
            "Văn phòng HĐND và UBND huyện",
            "",
            "",
            "Tháng 6 và tháng 12",
            "",
        ],
        [
            "2",
            "Kiểm tra việc giải quyết hồ sơ",
            "",
            "Phòng Tư pháp",
            "",
            "trước 30/6",
            "Có thể lùi",
        ],
    ]
    table = document.add_table(rows=len(rows), cols=7)
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            if text:
                table.cell(index, column).text = text
    for column in (0, 1, 2, 3, 6):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 4).merge(table.cell(0, 5))
    table.cell(3, 1).merge(table.cell(3, 6))
    table.cell(6, 1).merge(table.cell(6, 6))
    table.cell(7, 2).merge(table.cell(8, 2))
    document.save(str(path))


def test_district_plan_in_word(registry: Engine, clock: ManualClock, tmp_path: Path) -> None:
    path = tmp_path / "KH 25 Thanh Chuong.docx"
    _district_docx(path)
    review = _import(registry, path, clock)
    assert (review.plan_code, review.year) == ("kh-25-thanh-chuong", 2024)
    # The title is a paragraph above the table, not a row of it.
    assert review.plan_title == "KẾ HOẠCH Cải cách hành chính năm 2024"
    summary = [(t.number, t.section, t.lead, t.coordinating) for t in review.tasks]
    assert summary == [
        ("I.1", "I. CẢI CÁCH THỂ CHẾ", ["Phòng Tư pháp"], ["Văn phòng HĐND và UBND huyện"]),
        ("I.2", "I. CẢI CÁCH THỂ CHẾ", ["Phòng Nội vụ"], []),
        ("II.1", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", ["Văn phòng HĐND và UBND huyện"], []),
        (
            "II.2",
            "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            ["Văn phòng HĐND và UBND huyện"],
            ["Phòng Tư pháp"],
        ),
    ]
    # The end column, not "Tháng 01/2024" from the start column.
    assert _keys(review) == {
        "I.1": ["by-2024-Q2"],
        "I.2": ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"],
        "II.1": ["by-2024-M06", "by-2024-M12"],
        "II.2": ["by-before-2024-06-30"],
    }
    assert [task.occurrences[0].due.isoformat() for task in review.tasks] == [
        "2024-06-30",
        "2024-03-19",
        "2024-06-30",
        "2024-06-29",
    ]
    assert [(p.row, p.kind) for p in review.problems] == [(6, "vague_unit")]

    again = _import(registry, path, clock)
    assert [t.status for t in again.tasks] == ["unchanged"] * 4
    assert again.occurrences["created"] == 0 and again.occurrences["withdrawn"] == 0


COMMUNE = (
    "TT,Noi dung,Chu tri,Phoi hop,Thoi han\n"
    "1,Ra soat thu tuc hanh chinh,Cong chuc Tu phap - Ho tich,Van phong - Thong ke,Quy II/2024\n"
    "2,Bao cao CCHC,Van phong - Thong ke,,Hang quy\n"
    "3,Tuyen truyen CCHC,Cong chuc Van hoa - Xa hoi,,Thuong xuyen\n"
    "4,Cap nhat so lieu dan cu,Van phong - Thong ke,Cong an xa,Thang 6 va thang 12\n"
    "5,Kiem tra cong vu,Cong chuc Tu phap - Ho tich,,truoc 30/6\n"
    "6,Hoi nghi doi thoai,Van phong - Thong ke,,Theo KH cua huyen\n"
)


def test_title_written_over_two_lines_above_the_table(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    path = tmp_path / "kh-xa.csv"
    title_block = (
        "UBND XÃ THANH ĐỒNG,,,,\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM,,,,\n"
        "Số: 12/KH-UBND,,,,\n"
        "KẾ HOẠCH,,,,\n"
        "Cải cách hành chính năm 2024,,,,\n"
    )
    path.write_text(title_block + COMMUNE, encoding="utf-8")
    review = _import(registry, path, clock)
    assert review.plan_title == "KẾ HOẠCH Cải cách hành chính năm 2024"
    assert review.year == 2024
    assert len(review.tasks) == 6


def test_commune_csv_typed_without_accents(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    path = tmp_path / "ke hoach cchc xa 2024.csv"
    path.write_text(COMMUNE, encoding="utf-8")
    review = _import(registry, path, clock)
    assert review.year == 2024
    leads = {task.number: task.lead for task in review.tasks}
    assert leads == {
        "1": ["Công chức Tư pháp - Hộ tịch"],
        "2": ["Văn phòng - Thống kê"],
        "3": ["Công chức Văn hóa - Xã hội"],
        "4": ["Văn phòng - Thống kê"],
        "5": ["Công chức Tư pháp - Hộ tịch"],
        "6": ["Văn phòng - Thống kê"],
    }
    assert review.tasks[0].coordinating == ["Văn phòng - Thống kê"]
    assert [task.deadline_kind for task in review.tasks] == [
        "once",
        "recurring",
        "continuous",
        "once",
        "once",
        "unknown",
    ]
    assert _keys(review)["4"] == ["by-2024-M06", "by-2024-M12"]
    assert _keys(review)["5"] == ["by-before-2024-06-30"]
    problems = {p.kind: p for p in review.problems}
    assert sorted(problems) == ["deadline_unknown", "unknown_unit"]
    assert problems["unknown_unit"].row == 5
    assert '"Cong an xa"' in problems["unknown_unit"].message
    assert "nhacviec units add" in problems["unknown_unit"].message
    assert problems["deadline_unknown"].row == 7
    assert '"Theo KH cua huyen"' in problems["deadline_unknown"].message


def _department_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Phụ lục"
    for line in (
        "SỞ NỘI VỤ TỈNH NGHỆ AN",
        "PHỤ LỤC",
        "Danh mục nhiệm vụ cải cách hành chính năm 2024",
        "(Kèm theo Kế hoạch số 15/KH-SNV ngày 10/01/2024 của Sở Nội vụ)",
    ):
        sheet.append([line])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=5
        )
    sheet.append([])
    sheet.append(["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"])
    rows: list[list[str | None]] = [
        ["I", "CẢI CÁCH THỂ CHẾ", None, None, None],
        ["I.1", "Xây dựng văn bản", "Phòng Tư pháp", None, "Quý II/2024"],
        ["I.2", "Rà soát văn bản", "Phòng Tư pháp", "Văn phòng Sở", "Tháng 6 và tháng 12"],
        ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None, None],
        ["1", "Công khai thủ tục hành chính", "Văn phòng Sở", None, "trước 30/6"],
        ["1a", "Số hóa hồ sơ", "Văn phòng Sở", None, "Hàng quý (trước ngày 20 tháng cuối quý)"],
        ["1b", "Đánh giá mức độ hài lòng", "Phòng Nội vụ", None, "Hàng quý; 32/13/2024"],
    ]
    for row in rows:
        sheet.append(row)
        if row[2] is None:
            sheet.merge_cells(
                start_row=sheet.max_row, start_column=2, end_row=sheet.max_row, end_column=5
            )
    workbook.save(path)


def test_department_appendix_in_excel(registry: Engine, clock: ManualClock, tmp_path: Path) -> None:
    path = tmp_path / "phu-luc-snv-2024.xlsx"
    _department_xlsx(path)
    review = _import(registry, path, clock)
    assert review.plan_title == "Danh mục nhiệm vụ cải cách hành chính năm 2024"
    assert review.year == 2024
    assert [(t.number, t.section) for t in review.tasks] == [
        ("I.1", "I. CẢI CÁCH THỂ CHẾ"),
        ("I.2", "I. CẢI CÁCH THỂ CHẾ"),
        ("1", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("1a", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("1b", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
    ]
    assert _keys(review) == {
        "I.1": ["by-2024-Q2"],
        "I.2": ["by-2024-M06", "by-2024-M12"],
        "1": ["by-before-2024-06-30"],
        "1a": ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"],
        "1b": ["2024-Q1", "2024-H1", "2024-Q3", "2024-Y"],
    }
    assert [(p.row, p.kind) for p in review.problems] == [(13, "deadline_partly_unknown")]
    assert '"32/13/2024"' in review.problems[0].message


def test_reimport_after_the_office_edits_its_csv(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    """Lead and coordinator swapped, a coordinator dropped and one brought back: the same
    assignment rows are kept (with their occurrences), only their role or state changes."""
    from sqlmodel import col, select

    from storage.models import Assignment, Occurrence, Task, Unit

    def state(engine: Engine) -> dict[str, tuple[int | None, str, bool, int]]:
        with Session(engine) as session:
            rows = session.exec(
                select(Unit.name, Assignment.id, Assignment.role, Assignment.withdrawn)
                .join(Unit, col(Unit.id) == col(Assignment.unit_id))
                .join(Task, col(Task.id) == col(Assignment.task_id))
                .where(Task.number == "1")
            ).all()
            active = {
                assignment_id: len(
                    session.exec(
                        select(Occurrence).where(
                            Occurrence.assignment_id == assignment_id,
                            col(Occurrence.withdrawn).is_(False),
                        )
                    ).all()
                )
                for _, assignment_id, _, _ in rows
            }
        return {name: (aid, role, gone, active[aid]) for name, aid, role, gone in rows}

    path = tmp_path / "kh-xa-2024.csv"
    path.write_text(COMMUNE, encoding="utf-8")
    _import(registry, path, clock)
    before = state(registry)
    assert {name: value[1:] for name, value in before.items()} == {
        "Công chức Tư pháp - Hộ tịch": ("lead", False, 1),
        "Văn phòng - Thống kê": ("coordinating", False, 1),
    }
    swapped = COMMUNE.replace(
        "Cong chuc Tu phap - Ho tich,Van phong - Thong ke,Quy II/2024",
        "Van phong - Thong ke,Cong chuc Tu phap - Ho tich,Quy II/2024",
    )
    path.write_text(swapped, encoding="utf-8")
    review = _import(registry, path, clock)
    assert review.tasks[0].status == "updated"
    after = state(registry)
    assert after["Văn phòng - Thống kê"] == (before["Văn phòng - Thống kê"][0], "lead", False, 1)
    assert after["Công chức Tư pháp - Hộ tịch"][:2] == (
        before["Công chức Tư pháp - Hộ tịch"][0],
        "coordinating",
    )
    dropped = COMMUNE.replace(
        "Cong chuc Tu phap - Ho tich,Van phong - Thong ke,Quy II/2024",
        "Cong chuc Tu phap - Ho tich,,Quy II/2024",
    )
    path.write_text(dropped, encoding="utf-8")
    _import(registry, path, clock)
    # Withdrawn, with the role it last had; its open periods withdrawn with it.
    assert state(registry)["Văn phòng - Thống kê"][1:] == ("lead", True, 0)
    path.write_text(COMMUNE, encoding="utf-8")
    back = _import(registry, path, clock)
    assert back.tasks[0].status == "updated"
    assert state(registry) == before
