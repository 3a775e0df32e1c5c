"""Reading tables without a database: headers by meaning, sections, page splits, unit cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from messages.errors import UserFacingError
from storage.importing.cell_text import one_line, split_roles
from storage.importing.name_lists import is_actor_class, split_at_and, split_names
from storage.importing.readers import SourceDocument, SourceRow, read_source
from storage.importing.table import classify_header, parse_table
from storage.importing.unit_cells import is_vague, split_cell, strip_qualifier

SEEDS = Path("/work/shared/seeds")
SEED_001 = SEEDS / "001_7bad05563b58a425.txt"


def _doc(rows: list[list[str]]) -> SourceDocument:
    return SourceDocument(
        file_name="t.csv",
        format="csv",
        rows=[SourceRow(row=index, cells=cells) for index, cells in enumerate(rows, start=1)],
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            [
                "TT",
                "Nhiệm vụ",
                "Sản phẩm, kết quả đầu ra",
                "Phòng, đơn vị chủ trì tham mưu, thực hiện",
                "Cơ quan, đơn vị, phòng phối hợp",
                "Thời gian hoàn thành",
            ],
            ["number", "title", "output", "lead", "coordinating", "deadline"],
        ),
        (
            [
                "STT",
                "Nội dung công việc",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp thực hiện",
                "Kết quả thực hiện",
                "Tiến độ, thời gian thực hiện",
            ],
            ["number", "title", "lead", "coordinating", "output", "deadline"],
        ),
        (
            [
                "TT",
                "Nội dung",
                "Cơ quan tham mưu",
                "Mục tiêu/Giải pháp cải thiện",
                "Phối hợp thực hiện",
            ],
            ["number", "title", "lead", "goal", "coordinating"],
        ),
        (
            ["tt", "NOI DUNG", "DON VI CHU TRI", "PHOI HOP", "THOI HAN"],
            ["number", "title", "lead", "coordinating", "deadline"],
        ),
        # No TT column; "Phân công nhiệm vụ" says who leads and who helps.
        (
            ["Nội dung", "Phân công nhiệm vụ", "Tiến độ", "Sản phẩm đầu ra"],
            ["title", "lead", "deadline", "output"],
        ),
        # A school's table: who is "in charge" leads, and no number column.
        (
            ["Hoạt động", "Nội dung", "Đơn vị phụ trách", "Thời gian"],
            ["title", "lead", "deadline"],
        ),
        # The leader overseeing a task is not its lead when a column says "chủ trì".
        (
            ["TT", "Nhiệm vụ", "Lãnh đạo phụ trách", "Đơn vị chủ trì", "Thời hạn"],
            ["number", "title", "lead", "deadline"],
        ),
        # Provincial plans name the task column "Nhiệm vụ, giải pháp" (Đồng Nai 179/KH-UBND) or,
        # in capitals, "NHIỆM VỤ VÀ GIẢI PHÁP" (Đồng Tháp 552/KH-UBND): the task, not a goal.
        (
            ["STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Thời gian thực hiện"],
            ["number", "title", "lead", "deadline"],
        ),
        (
            ["STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"],
            ["number", "title", "lead", "coordinating", "deadline"],
        ),
    ],
)
def test_header_recognised_by_meaning(header: list[str], expected: list[str]) -> None:
    columns = classify_header(header)
    assert sorted(columns, key=columns.__getitem__) == expected


def test_not_a_header() -> None:
    assert classify_header(["1.", "Tham mưu xây dựng văn bản", "Văn phòng Sở", "Quý I/2024"]) == {}
    with pytest.raises(UserFacingError, match="Không tìm thấy dòng tiêu đề"):
        parse_table(_doc([["a", "b"], ["1", "x"]]))


def test_seed_001_appendix_with_repeated_headers_and_split_rows(tmp_path: Path) -> None:
    if not SEED_001.exists():
        pytest.skip("seed plans are not available")
    lines = SEED_001.read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("PHỤ LỤC"))
    source = tmp_path / "nghe-an.tsv"
    source.write_text("\n".join(lines[start:]) + "\n", encoding="utf-8")
    table = parse_table(read_source(source))
    numbers = [task.number for task in table.tasks]
    assert numbers == [str(n) for n in range(1, 41)] + ["VIII"]
    by_number = {task.number: task for task in table.tasks}
    # Task 10 is cut by a page break under a repeated header.
    ten = by_number["10"]
    assert ten.title == "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông"
    assert "Phòng LĐTBXH các huyện, thành, thị" in ten.lead
    assert len(ten.rows) == 2
    assert by_number["20"].deadline.endswith("Sở Nội vụ")
    assert by_number["1"].section == "I. CẢI CÁCH THỂ CHẾ"
    assert by_number["26"].section == "VI. XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"
    assert by_number["VIII"].section is not None and by_number["VIII"].section.startswith("VIII.")
    # HTML left over from a conversion is gone.
    assert "<ul" not in by_number["21"].lead and "Các phòng CM Sở" in by_number["21"].lead
    assert table.problems == []
    assert "NĂM 2024" in table.preamble


def test_sections_sub_items_and_column_numbers() -> None:
    table = parse_table(
        _doc(
            [
                ["KẾ HOẠCH NĂM 2024"],
                ["TT", "Nội dung", "Cơ quan tham mưu", "Thời hạn"],
                ["(1)", "(2)", "(3)", "(4)"],
                ["1", "Công tác chỉ đạo, điều hành CCHC", "", ""],
                ["1.1", "Báo cáo đào tạo", "Phòng Nội vụ", "Quý I/2024"],
                ["2", "Cải cách TTHC", "", ""],
                ["a)", "Tỷ lệ hồ sơ đúng hạn", "Văn phòng", "Quý II/2024"],
                ["b)", "Đánh giá chất lượng", "Văn phòng", "Thường xuyên"],
                ["", "II. CẢI CÁCH TỔ CHỨC BỘ MÁY", "", ""],
                ["c)", "Sắp xếp bộ máy", "Phòng Nội vụ", "Năm 2024"],
                ["", "", "", ""],
                ["4", "", "Phòng Nội vụ", "Quý I/2024"],
            ]
        )
    )
    assert [(t.number, t.section) for t in table.tasks] == [
        ("1.1", "1. Công tác chỉ đạo, điều hành CCHC"),
        ("2.a", "2. Cải cách TTHC"),
        ("2.b", "2. Cải cách TTHC"),
        ("II.c", "II. CẢI CÁCH TỔ CHỨC BỘ MÁY"),
        ("4", "II. CẢI CÁCH TỔ CHỨC BỘ MÁY"),
    ]
    assert table.tasks[-1].title == ""


def test_sub_items_of_parts_numbered_again_keep_their_part() -> None:
    """Tasks 1, 2, … again under every part, and item 2 of a part split into 2.1, 2.2: the
    sub-items are the part's too, so two parts' "2.1" stay two tasks."""
    table = parse_table(
        _doc(
            [
                ["TT", "Nội dung", "Chủ trì", "Thời hạn"],
                ["I", "CẢI CÁCH THỂ CHẾ", "", ""],
                ["1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I/2025"],
                ["2", "Kiểm tra văn bản", "", ""],
                ["2.1", "Tự kiểm tra văn bản", "Phòng Tư pháp", "Quý II/2025"],
                ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""],
                ["1", "Công khai thủ tục", "Văn phòng", "Thường xuyên"],
                ["2", "Số hóa hồ sơ", "", ""],
                ["2.1", "Số hóa kết quả giải quyết", "Văn phòng", "Quý III/2025"],
            ]
        )
    )
    assert [(t.number, t.section) for t in table.tasks] == [
        ("I.1", "I. CẢI CÁCH THỂ CHẾ"),
        ("I.2.1", "2. Kiểm tra văn bản"),
        ("II.1", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("II.2.1", "2. Số hóa hồ sơ"),
    ]


def test_heading_just_above_the_first_table_is_its_section(tmp_path: Path) -> None:
    """The section heading of a plan's first part sits above the table, not in it: a Word
    paragraph before the first table, a title line of its own in Excel and CSV."""
    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("I. CẢI CÁCH THỂ CHẾ")
    table = document.add_table(rows=2, cols=4)
    for cells, values in zip(
        (row.cells for row in table.rows),
        (["TT", "Nội dung", "Chủ trì", "Thời hạn"], ["1", "Rà soát", "Phòng Tư pháp", "Quý I"]),
        strict=True,
    ):
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    path = tmp_path / "pl.docx"
    document.save(str(path))
    sheet = _doc(
        [
            ["PHỤ LỤC", "", "", ""],
            ["I. CẢI CÁCH THỂ CHẾ", "", "", ""],
            ["TT", "Nội dung", "Chủ trì", "Thời hạn"],
            ["1", "Rà soát", "Phòng Tư pháp", "Quý I"],
        ]
    )
    for source in (read_source(path), sheet):
        [task] = parse_table(source).tasks
        assert (task.number, task.section) == ("1", "I. CẢI CÁCH THỂ CHẾ")


def test_row_without_number_after_a_task_continues_it() -> None:
    table = parse_table(
        _doc(
            [
                ["TT", "Nhiệm vụ", "Chủ trì", "Thời gian hoàn thành"],
                ["1.", "Thực hiện cơ chế một cửa, cơ chế một", "- Các phòng CM Sở;", "Theo quy"],
                ["TT", "Nhiệm vụ", "Chủ trì", "Thời gian hoàn thành"],
                ["", "cửa liên thông", "- Văn phòng Sở", "định"],
            ]
        )
    )
    [task] = table.tasks
    assert task.title == "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông"
    assert task.deadline == "Theo quy định"
    assert split_cell(task.lead) == ["Các phòng CM Sở", "Văn phòng Sở"]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("- Các phòng CM Sở; - Chi cục PC TNXH", ["Các phòng CM Sở", "Chi cục PC TNXH"]),
        ("- Các phòng CM Sở, - Đơn vị liên quan;", ["Các phòng CM Sở", "Đơn vị liên quan"]),
        ("Văn phòng HĐND - UBND Huyện", ["Văn phòng HĐND - UBND Huyện"]),
        ("1. Phòng Nội vụ\n2. Phòng Tư pháp", ["Phòng Nội vụ", "Phòng Tư pháp"]),
        ("UBND các xã, thị trấn", ["UBND các xã, thị trấn"]),
        ("", []),
        # A kind of body named once before its list gives each name its kind.
        (
            "Các Cục: Di sản văn hóa, Bản quyền tác giả",
            ["Cục Di sản văn hóa", "Cục Bản quyền tác giả"],
        ),
        ("UBND các huyện: Bát Xát, Văn Bàn", ["UBND huyện Bát Xát", "UBND huyện Văn Bàn"]),
        ("Sở Tư pháp; các Vụ: Pháp chế, Tổ chức", ["Sở Tư pháp", "Vụ Pháp chế", "Vụ Tổ chức"]),
        # Cut at semicolons, names holding commas stay whole; a sentence ends the list.
        (
            "Các Cục: Báo chí; Xuất bản, In và Phát hành. Vụ Kế hoạch, Tài chính.",
            ["Cục Báo chí", "Cục Xuất bản, In và Phát hành", "Vụ Kế hoạch, Tài chính"],
        ),
        (
            "Các Sở: Tư pháp; Văn hóa, Thể thao và Du lịch",
            ["Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch"],
        ),
    ],
)
def test_split_cell(cell: str, names: list[str]) -> None:
    assert split_cell(cell) == names


def test_qualifiers_and_vague_names() -> None:
    assert strip_qualifier("Văn phòng Sở tổng hợp, báo cáo chung theo yêu cầu") == "Văn phòng Sở"
    assert strip_qualifier("Phối hợp Phòng Nội vụ") == "Phòng Nội vụ"
    assert strip_qualifier("Phòng Văn hóa - Thông tin (nghiệp vụ kỹ thuật)") == (
        "Phòng Văn hóa - Thông tin"
    )
    assert is_vague("Sở, ngành liên quan") and is_vague("Các đơn vị có liên quan")
    assert is_vague("Các đơn vị là chủ đầu tư")
    assert not is_vague("Sở Nội vụ") and not is_vague("UBND các xã, thị trấn")


def test_businesses_institutes_and_bodies_described_by_their_work_name_nobody() -> None:
    # Hà Nội 310/KH-UBND, Đồng Tháp 552/KH-UBND, Đồng Nai 179/KH-UBND.
    for text in (
        "Các doanh nghiệp viễn thông",
        "Các doanh nghiệp đầu tư hạ tầng",
        "Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư",
        "Doanh nghiệp",
        "Viện",
        "Trường",
    ):
        assert is_actor_class(text), text
    assert is_vague("Các cơ quan quản lý các lĩnh vực trọng điểm tại điểm d, khoản 1, mục III")
    assert not is_vague("Phòng Quản lý đô thị")
    # Văn phòng Chính phủ 624/TB-VPCP: the classes of central bodies the law names.
    assert is_vague("Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ")
    assert is_vague("Các cơ quan Trung ương và địa phương")
    assert not is_vague("Ban Tuyên giáo Trung ương") and not is_vague("Văn phòng Chính phủ")
    assert not is_actor_class("Trường THPT Đốc Binh Kiều")
    assert not is_actor_class("Viện Nghiên cứu phát triển Thành phố")


def test_a_ministrys_classes_of_bodies_name_nobody() -> None:
    assert is_vague("các đơn vị thuộc các Bộ")
    assert is_vague("Các đơn vị thuộc các Bộ quản lý lĩnh vực")
    assert not is_vague("Các phòng thuộc Sở")
    assert is_actor_class("Trường Đại học có liên quan")
    assert not is_actor_class("Trường Đại học Bách khoa")


def test_the_ministries_of_a_national_plan_as_a_class_name_nobody() -> None:
    assert is_vague("Các bộ, ngành, địa phương") and is_vague("Bộ, ngành, địa phương")
    assert not is_vague("Bộ Nội vụ") and not is_vague("Bộ Khoa học và Công nghệ")


def test_tables_after_the_task_table_that_are_not_part_of_it_are_ignored() -> None:
    header = ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn"]
    rows = [
        SourceRow(1, ["UBND HUYỆN LẤP VÒ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], block=0),
        SourceRow(2, header, block=1),
        SourceRow(3, ["1", "Báo cáo quý", "Phòng Nội vụ", "Hàng quý"], block=1),
        # The same table cut in two by a conversion: same width, no header.
        SourceRow(4, ["2", "Kiểm tra CCHC", "Phòng Nội vụ", "Quý III/2024"], block=2),
        # The signature block under the table.
        SourceRow(5, ["Nơi nhận: - Như trên;", "TM. ỦY BAN NHÂN DÂN"], block=3),
    ]
    table = parse_table(SourceDocument(file_name="kh.docx", format="docx", rows=rows))
    assert [(t.number, t.title) for t in table.tasks] == [
        ("1", "Báo cáo quý"),
        ("2", "Kiểm tra CCHC"),
    ]
    assert "UBND HUYỆN LẤP VÒ" in table.preamble


@pytest.mark.parametrize(
    ("cell", "lead", "coordinating"),
    [
        (
            "Chủ trì: Phòng Nội vụ; phối hợp: Phòng Tư pháp, UBND các xã",
            "Phòng Nội vụ",
            "Phòng Tư pháp, UBND các xã",
        ),
        (
            "Phòng TC-KH chủ trì, phối hợp với Văn phòng HĐND và UBND",
            "Phòng TC-KH",
            "Văn phòng HĐND và UBND",
        ),
        ("Phòng Nội vụ\nPhối hợp: Phòng Tư pháp", "Phòng Nội vụ", "Phòng Tư pháp"),
        ("Chủ trì: Phòng Y tế", "Phòng Y tế", ""),
        ("Phòng Nội vụ tổng hợp", "Phòng Nội vụ tổng hợp", ""),
    ],
)
def test_one_cell_naming_lead_and_partners(cell: str, lead: str, coordinating: str) -> None:
    assert split_roles(cell) == (lead, coordinating)


def test_wrapped_lines_read_as_one_but_list_items_stay() -> None:
    assert one_line("Trước ngày\n10/3/2025") == "Trước ngày 10/3/2025"
    assert one_line("- Báo cáo: hằng quý\n- Hoàn thành: 11/2025") == (
        "- Báo cáo: hằng quý\n- Hoàn thành: 11/2025"
    )


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        (
            "Phòng NV, Phòng KT&HT, UBND xã, thị trấn",
            ["Phòng NV", "Phòng KT&HT", "UBND xã, thị trấn"],
        ),
        ("Các cơ quan, đơn vị liên quan", ["Các cơ quan, đơn vị liên quan"]),
        ("UBND các xã, phường, thị trấn", ["UBND các xã, phường, thị trấn"]),
        # "các …" after a comma starts a class of bodies of its own, not the name before it.
        (
            "Thanh tra Chính phủ, các bộ, ngành và địa phương",
            ["Thanh tra Chính phủ", "các bộ, ngành và địa phương"],
        ),
        ("Bộ Tư pháp, các bộ, ngành", ["Bộ Tư pháp", "các bộ, ngành"]),
        # A class of actors in lower case is a name of its own; a note in brackets is not cut.
        (
            "Sở Công Thương (đề xuất đầu bài, lựa chọn doanh nghiệp), viện nghiên cứu, "
            "doanh nghiệp",
            [
                "Sở Công Thương (đề xuất đầu bài, lựa chọn doanh nghiệp)",
                "viện nghiên cứu",
                "doanh nghiệp",
            ],
        ),
        # The last parts of a run of abbreviations continue the name.
        ("Sở GD&ĐT, Sở VH,TT&DL", ["Sở GD&ĐT", "Sở VH,TT&DL"]),
        ("Sở Xây dựng, Trung tâm XTĐT, TM&DL tỉnh", ["Sở Xây dựng", "Trung tâm XTĐT, TM&DL tỉnh"]),
        # One body in each place the list names.
        (
            "UBND các xã Bát Xát, Trịnh Tường, Văn Bàn, Tổng công ty Khoáng sản - TKV",
            [
                "UBND xã Bát Xát",
                "UBND xã Trịnh Tường",
                "UBND xã Văn Bàn",
                "Tổng công ty Khoáng sản - TKV",
            ],
        ),
        ("UBND các xã Bát Xát, Sở KH&CN", ["UBND các xã Bát Xát", "Sở KH&CN"]),
        # A body named by its fields has commas in its name; the next body opens with its kind.
        (
            "Sở Văn hóa, Thể thao và Du lịch, Sở Y tế",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"],
        ),
        ("Viện Chiến lược, Chính sách TN&MT", ["Viện Chiến lược, Chính sách TN&MT"]),
        ("Cục Xuất bản, In và Phát hành", ["Cục Xuất bản, In và Phát hành"]),
        (
            "Vụ Khoa học công nghệ, Đào tạo và Môi trường",
            ["Vụ Khoa học công nghệ, Đào tạo và Môi trường"],
        ),
        (
            "Cục Biến đổi khí hậu, Vụ Hợp tác quốc tế, Thanh tra Bộ",
            ["Cục Biến đổi khí hậu", "Vụ Hợp tác quốc tế", "Thanh tra Bộ"],
        ),
        ("VTV, VOV, TTXVN", ["VTV", "VOV", "TTXVN"]),
    ],
)
def test_combined_cell_is_cut_into_names(cell: str, names: list[str]) -> None:
    assert split_names(cell) == names


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Sở NN&MT và UBND các xã, phường", ["Sở NN&MT", "UBND các xã, phường"]),
        ("Sở Nông nghiệp và Môi trường", ["Sở Nông nghiệp và Môi trường"]),
        ("Bộ Khoa học và Công nghệ", ["Bộ Khoa học và Công nghệ"]),
        ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
        ("Vụ Pháp chế và các đơn vị", ["Vụ Pháp chế", "các đơn vị"]),
    ],
)
def test_and_joins_two_units_only_before_another_units_name(name: str, parts: list[str]) -> None:
    assert split_at_and(name) == parts


def test_two_row_header_in_csv_reads_parent_over_children() -> None:
    table = parse_table(
        _doc(
            [
                ["TT", "Nội dung", "Đơn vị thực hiện", "", "Thời gian", ""],
                ["", "", "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"],
                ["1", "Báo cáo quý", "Phòng Nội vụ", "Phòng Tư pháp", "01/01/2024", "Quý I/2024"],
            ]
        )
    )
    task = table.tasks[0]
    assert (task.lead, task.coordinating, task.deadline) == (
        "Phòng Nội vụ",
        "Phòng Tư pháp",
        "Quý I/2024",
    )


def test_an_assignment_column_holds_lead_and_partners() -> None:
    table = parse_table(
        _doc(
            [
                ["Nội dung", "Phân công nhiệm vụ", "Tiến độ"],
                [
                    "1. Kiểm kê nguồn nguyên liệu",
                    "Chủ trì: Sở Công Thương.\nPhối hợp: Sở Tài chính, Thuế tỉnh.",
                    "Quý II/2027",
                ],
            ]
        )
    )
    assert [(task.lead, task.coordinating) for task in table.tasks] == [
        ("Sở Công Thương", "Sở Tài chính, Thuế tỉnh")
    ]


def test_a_number_after_a_headings_lettered_items_sits_at_the_headings_level() -> None:
    table = parse_table(
        _doc(
            [
                ["TT", "Nội dung hoạt động", "Cơ quan chủ trì", "Thời gian"],
                ["1", "Tuyên truyền, phổ biến", "", ""],
                ["a)", "Tổ chức hội nghị", "Cục Lâm nghiệp", "Quý III/2026"],
                ["2", "Xây dựng văn bản", "", ""],
                ["a)", "Xây dựng Thông tư", "Cục Lâm nghiệp", "Quý III/2026"],
                ["b)", "Xây dựng tiêu chuẩn", "Viện Khoa học", "2027"],
                ["3", "Đàm phán, ký kết", "Cục Lâm nghiệp", "Thường xuyên"],
            ]
        )
    )
    assert [(task.number, task.section) for task in table.tasks] == [
        ("1.a", "1. Tuyên truyền, phổ biến"),
        ("2.a", "2. Xây dựng văn bản"),
        ("2.b", "2. Xây dựng văn bản"),
        ("3", None),
    ]


def test_a_number_after_lettered_items_stays_in_its_part() -> None:
    # Parts number their tasks 1, 2, 3 again; under part II, heading 2 holds a) and b).
    table = parse_table(
        _doc(
            [
                ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"],
                ["I", "CẢI CÁCH THỂ CHẾ", "", ""],
                ["1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I/2025"],
                ["2", "Kiểm tra văn bản", "Phòng Tư pháp", "Quý II/2025"],
                ["3", "Hệ thống hóa văn bản", "Phòng Tư pháp", "Quý III/2025"],
                ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""],
                ["1", "Rà soát thủ tục", "Văn phòng", "Quý I/2025"],
                ["2", "Số hóa hồ sơ", "", ""],
                ["a)", "Số hóa hồ sơ đất đai", "Phòng Tài nguyên", "Quý II/2025"],
                ["b)", "Số hóa hồ sơ hộ tịch", "Phòng Tư pháp", "Quý III/2025"],
                ["3", "Công khai thủ tục", "Văn phòng", "Quý IV/2025"],
            ]
        )
    )
    assert [(task.number, task.section) for task in table.tasks] == [
        ("I.1", "I. CẢI CÁCH THỂ CHẾ"),
        ("I.2", "I. CẢI CÁCH THỂ CHẾ"),
        ("I.3", "I. CẢI CÁCH THỂ CHẾ"),
        ("II.1", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        ("II.2.a", "2. Số hóa hồ sơ"),
        ("II.2.b", "2. Số hóa hồ sơ"),
        ("II.3", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
    ]
    assert not table.problems


def test_a_title_column_ending_in_thuc_hien_is_not_the_lead() -> None:
    # Sở Công Thương Lào Cai: "TT | Nhiệm vụ thực hiện | Người thực hiện | Ghi chú".
    columns = classify_header(["TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú"])
    assert columns == {"number": 0, "title": 1, "lead": 2}
    assert classify_header(["TT", "Nội dung thực hiện", "Đơn vị thực hiện", "Thời gian"]) == {
        "number": 0,
        "title": 1,
        "lead": 2,
        "deadline": 3,
    }


def test_a_table_numbered_by_word_itself_keeps_every_row_a_task() -> None:
    # Word's automatic list numbering leaves the TT cells without text: no row has a number,
    # so each row with a task and its people is a task of its own, numbered in order.
    table = parse_table(
        _doc(
            [
                ["TT", "Nhiệm vụ", "Người thực hiện", "Ghi chú"],
                ["", "Rà soát việc đáp ứng các điều kiện của học viên", "Vũ Việt Linh", ""],
                ["", "Tổ chức chấm bài", "Vũ Việt Linh", ""],
                ["", "Trình ký chứng chỉ", "Đỗ Mạnh Cường", ""],
            ]
        )
    )
    assert [(task.number, task.title) for task in table.tasks] == [
        ("1", "Rà soát việc đáp ứng các điều kiện của học viên"),
        ("2", "Tổ chức chấm bài"),
        ("3", "Trình ký chứng chỉ"),
    ]
    assert not table.problems


def test_classes_of_actors_are_nobody_in_particular() -> None:
    assert is_vague("Các tổ chức, cá nhân hoạt động khoáng sản")
    assert is_vague("Các Sở, ban, ngành, địa phương và các tổ chức hoạt động khai thác khoáng sản")
    assert is_vague("các doanh nghiệp hoạt động trên địa bàn")
    assert not is_vague("Sở Nông nghiệp và Môi trường")
    assert not is_vague("Văn phòng HĐND và UBND huyện")
    assert not is_vague("Các Sở, ban, ngành và Công an tỉnh")


def test_the_surname_do_is_no_leading_verb() -> None:
    # "Do Phòng Nội vụ" is "by Phòng Nội vụ"; "Đỗ Mạnh Cường" is a person whose surname is Đỗ.
    assert strip_qualifier("Đỗ Mạnh Cường") == "Đỗ Mạnh Cường"
    assert strip_qualifier("Do Phòng Nội vụ thực hiện") == "Phòng Nội vụ"
    assert split_cell("Đỗ Mạnh Cường\nVũ Việt Linh") == ["Đỗ Mạnh Cường", "Vũ Việt Linh"]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        # The other accent placement ("Uỷ"), and text typed or scanned without accents.
        (
            "Uỷ ban nhân dân các xã Bát Xát, Trịnh Tường",
            ["Uỷ ban nhân dân xã Bát Xát", "Uỷ ban nhân dân xã Trịnh Tường"],
        ),
        ("UBND cac xa Bat Xat, Trinh Tuong", ["UBND xa Bat Xat", "UBND xa Trinh Tuong"]),
    ],
)
def test_localities_are_read_whatever_the_accents(cell: str, names: list[str]) -> None:
    assert split_names(cell) == names


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Sở NN&MT và Uỷ ban nhân dân các xã", ["Sở NN&MT", "Uỷ ban nhân dân các xã"]),
        ("So NN&MT va UBND cac xa", ["So NN&MT", "UBND cac xa"]),
        ("Sở NN&MT và các phòng chuyên môn", ["Sở NN&MT", "các phòng chuyên môn"]),
        # A lower-case word after "và" continues the name.
        ("Phòng Văn hóa và bộ phận một cửa", ["Phòng Văn hóa và bộ phận một cửa"]),
        ("Sở Nông nghiệp và Môi trường", ["Sở Nông nghiệp và Môi trường"]),
    ],
)
def test_and_between_two_units_whatever_the_accents(name: str, parts: list[str]) -> None:
    assert split_at_and(name) == parts


def test_a_kind_before_its_list_without_accents() -> None:
    assert split_cell("Cac Cuc: Bao chi; Xuat ban") == ["Cuc Bao chi", "Cuc Xuat ban"]
    assert split_cell("Uỷ ban nhân dân các huyện: Bát Xát, Văn Bàn") == [
        "Uỷ ban nhân dân huyện Bát Xát",
        "Uỷ ban nhân dân huyện Văn Bàn",
    ]
