"""Tasks grouped under numbered headings "1. …", "2. …", each group numbered from 1 again.

Văn phòng Chính phủ's list of overdue tasks (624/TB-VPCP, Phụ lục I) is laid out so: a heading
paragraph, then the group's own table. In a CSV the second heading is a row of its own with the
heading in the task column and nothing marks it bold.
"""

from __future__ import annotations

from storage.importing.source import SourceDocument, SourceRow
from storage.importing.table import parse_table

HEADER = ["STT", "Nhiệm vụ", "Văn bản giao nhiệm vụ", "Cơ quan chủ trì thực hiện", "Thời hạn"]
GROUP_1 = "1. Các nhiệm vụ về khoa học, công nghệ quá hạn chưa hoàn thành"
GROUP_2 = "2. Các nhiệm vụ về chuyển đổi số quá hạn chưa hoàn thành"


def _csv(rows: list[list[str]], above: list[str]) -> SourceDocument:
    lines = [[line, "", "", "", ""] for line in above]
    return SourceDocument(
        file_name="t.csv",
        format="csv",
        rows=[
            SourceRow(row=index, cells=cells)
            for index, cells in enumerate([*lines, *rows], start=1)
        ],
    )


def test_a_numbered_heading_in_the_task_column_opens_the_next_group() -> None:
    table = parse_table(
        _csv(
            [
                HEADER,
                [
                    "1.",
                    "Xây dựng Luật Thuế thu nhập cá nhân",
                    "NQ 71/NQ-CP",
                    "Bộ Tài chính",
                    "31/10/2025",
                ],
                [
                    "2.",
                    "Ban hành cơ chế hợp tác công tư",
                    "NQ 71/NQ-CP",
                    "Bộ Tài chính",
                    "30/09/2025",
                ],
                ["", GROUP_2, "", "", ""],
                ["1.", "Ban hành Chiến lược dữ liệu", "TB 44-TB/TGV", "Bộ Công an", "30/09/2025"],
                [
                    "2.",
                    "Trình Khung kiến trúc dữ liệu",
                    "TB 07-TB/CQTTBCĐ",
                    "Bộ Công an",
                    "20/10/2025",
                ],
            ],
            above=["PHỤ LỤC I", GROUP_1],
        )
    )
    assert [(task.number, task.section) for task in table.tasks] == [
        ("1.1", GROUP_1),
        ("1.2", GROUP_1),
        ("2.1", GROUP_2),
        ("2.2", GROUP_2),
    ]
    assert table.tasks[1].title == "Ban hành cơ chế hợp tác công tư"


def test_a_line_of_a_task_that_starts_with_another_number_is_still_the_task() -> None:
    # Under heading "1. …" only "2. …" opens the next group; "3. …" goes on with the task.
    table = parse_table(
        _csv(
            [
                HEADER,
                ["1.", "Xây dựng Luật:", "NQ 71/NQ-CP", "Bộ Tài chính", "31/05/2025"],
                ["", "3. Luật Quản lý thuế", "", "", ""],
            ],
            above=[GROUP_1],
        )
    )
    assert [task.number for task in table.tasks] == ["1"]
    assert table.tasks[0].title.endswith("3. Luật Quản lý thuế")


def test_a_part_that_is_a_task_keeps_its_number_and_its_items_are_qualified() -> None:
    table = parse_table(
        _csv(
            [
                HEADER,
                ["I", "Cập nhật khối lượng", "", "", ""],
                ["1", "Nộp lịch trình giảng dạy", "", "Các bộ môn", "Trước 15/8/2020"],
                ["II", "Tính toán khối lượng NCKH", "", "Phòng Khoa học", "Trước 15/8/2020"],
                ["III", "Cập nhật định mức", "", "", ""],
                ["1", "Tính toán định mức", "", "Phòng Tổ chức", "Trước 30/7/2020"],
            ],
            above=[],
        )
    )
    assert [task.number for task in table.tasks] == ["I.1", "II", "III.1"]


def test_task_one_under_heading_one_is_qualified_like_its_siblings() -> None:
    table = parse_table(
        SourceDocument(
            file_name="t.docx",
            format="docx",
            rows=[
                SourceRow(row=1, cells=[GROUP_1], block=-1, bold=True, text=True),
                SourceRow(row=2, cells=HEADER, block=0),
                SourceRow(
                    row=3, block=0, cells=["1.", "Rà soát quy định", "NQ 71", "Bộ Tư pháp", "2025"]
                ),
                SourceRow(row=4, cells=[GROUP_2], block=-1, bold=True, text=True),
                SourceRow(
                    row=5,
                    block=1,
                    cells=["1.", "Ban hành chiến lược", "TB 44", "Bộ Công an", "2025"],
                ),
                SourceRow(
                    row=6,
                    block=1,
                    cells=["2.", "Trình khung kiến trúc", "TB 07", "Bộ Công an", "2025"],
                ),
            ],
        )
    )
    assert [task.number for task in table.tasks] == ["1.1", "2.1", "2.2"]
