"""Layout fixtures: how offices lay out a plan's task table, one layout each.

These are constructed examples, not copies of published plans: each one reproduces a layout
seen in provincial, district, commune, sector and school appendices (merged two- and three-row
headers, columns in another order, one "Đơn vị thực hiện" column, sections A/B and 1/2, bullets,
a table per section, several sheets, hidden rows, line breaks in cells, a section's lead for its
tasks). The unit names and deadlines are the everyday ones. `expected` is what a person reads in
the table: every task, its number, section, units and deadline text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    text: str
    across: int = 1
    down: int = 1
    # What Word shows when it differs (Excel keeps a typed line break, Word wraps the line).
    word_text: str | None = None


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell | str, ...] = ()
    bold: bool = False
    hidden: bool = False
    # Word: a page break (the table continues in a new table with the header repeated);
    # Excel/CSV: the header rows repeated, as a printed sheet does.
    page_break: bool = False
    # A section written above its own table in Word, as a row in Excel/CSV.
    section_title: str | None = None
    # Internal: a paragraph between tables (Word).
    paragraph: str | None = None
    new_table: bool = False


@dataclass(frozen=True)
class Expected:
    number: str
    section: str | None
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]
    deadline: str


@dataclass
class Fixture:
    name: str
    preamble: list[str]
    header: list[Row]
    body: list[Row]
    expected: list[Expected]
    width: int
    sheet_name: str = "Phụ lục"
    cover_sheet: str | None = None
    summary_sheet: bool = False
    hidden_columns: tuple[int, ...] = ()
    # A CSV carries no bold: only layouts that do not need it are compared with CSV.
    csv: bool = True
    year: int = 2025

    def all_rows(self, *, for_word: bool = False) -> list[Row]:
        rows = list(self.header)
        for row in self.body:
            if row.page_break:
                if for_word:
                    rows.append(Row(self.header[0].cells, bold=self.header[0].bold, new_table=True))
                    rows.extend(self.header[1:])
                else:
                    rows.extend(self.header)
                continue
            if row.section_title is not None:
                if for_word:
                    rows.append(Row(paragraph=row.section_title))
                    rows.append(Row(self.header[0].cells, bold=self.header[0].bold, new_table=True))
                    rows.extend(self.header[1:])
                else:
                    rows.append(Row(("", row.section_title) + ("",) * (self.width - 2), bold=True))
                continue
            rows.append(row)
        return rows


def E(number: str, section: str | None, lead: str, coordinating: str, deadline: str) -> Expected:
    split = lambda text: tuple(part for part in text.split("|") if part)  # noqa: E731
    return Expected(number, section, split(lead), split(coordinating), deadline)


ATTACHED = "(Kèm theo Kế hoạch số {}/KH-UBND ngày 10/01/2025 của {})"

TWO_ROW = Fixture(
    name="xa-hai-dong-tieu-de",
    preamble=[
        "PHỤ LỤC",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA XÃ AN BÌNH",
        ATTACHED.format(5, "UBND xã An Bình"),
    ],
    header=[
        Row(
            (
                Cell("TT", down=2),
                Cell("Nội dung nhiệm vụ", down=2),
                Cell("Đơn vị thực hiện", across=2),
                Cell("Thời gian", across=2),
            ),
            bold=True,
        ),
        Row(("Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"), bold=True),
    ],
    body=[
        Row(("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", "")),
        Row(
            (
                "1",
                "Xây dựng kế hoạch CCHC năm 2025",
                "Công chức Văn phòng - Thống kê",
                "Các ban ngành đoàn thể xã",
                "01/01/2025",
                "Tháng 01/2025",
            )
        ),
        Row(
            (
                "2",
                "Báo cáo CCHC quý",
                "Công chức Văn phòng - Thống kê",
                "",
                "Quý I/2025",
                "Hằng quý",
            )
        ),
        Row(("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", "")),
        Row(
            (
                "1",
                "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa",
                "Công chức Tư pháp - Hộ tịch",
                "Công chức Văn phòng - Thống kê",
                "01/01/2025",
                "Thường xuyên",
            )
        ),
        Row(
            (
                "2",
                "Rà soát thủ tục hành chính thuộc thẩm quyền của xã",
                "Công chức Tư pháp - Hộ tịch",
                "Công chức Địa chính - Xây dựng; Công chức Văn hóa - Xã hội",
                "01/3/2025",
                "Quý II/2025",
            )
        ),
    ],
    expected=[
        E(
            "I.1",
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "Công chức Văn phòng - Thống kê",
            "Các ban ngành đoàn thể xã",
            "Tháng 01/2025",
        ),
        E(
            "I.2",
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "Công chức Văn phòng - Thống kê",
            "",
            "Hằng quý",
        ),
        E(
            "II.1",
            "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Công chức Tư pháp - Hộ tịch",
            "Công chức Văn phòng - Thống kê",
            "Thường xuyên",
        ),
        E(
            "II.2",
            "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "Công chức Tư pháp - Hộ tịch",
            "Công chức Địa chính - Xây dựng|Công chức Văn hóa - Xã hội",
            "Quý II/2025",
        ),
    ],
    width=6,
)

THREE_ROW = Fixture(
    name="tinh-ba-dong-tieu-de",
    preamble=[
        "PHỤ LỤC I",
        "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        ATTACHED.format(21, "UBND tỉnh"),
    ],
    header=[
        Row(
            (
                Cell("STT", down=3),
                Cell("Nhiệm vụ", down=3),
                Cell("Tổ chức thực hiện", across=3),
                Cell("Sản phẩm", down=3),
            ),
            bold=True,
        ),
        Row((Cell("Cơ quan thực hiện", across=2), Cell("Thời hạn", down=2)), bold=True),
        Row(("Chủ trì", "Phối hợp"), bold=True),
        Row(("(1)", "(2)", "(3)", "(4)", "(5)", "(6)")),
    ],
    body=[
        Row(
            (
                "1",
                "Xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2025",
                "Văn phòng UBND tỉnh",
                "Các sở, ban, ngành",
                "Tháng 01/2025",
                "Kế hoạch",
            )
        ),
        Row(
            (
                "2",
                "Kiểm tra công tác cải cách hành chính",
                "Sở Nội vụ",
                "Văn phòng UBND tỉnh; Sở Tư pháp",
                "Quý III/2025",
                "Thông báo kết luận",
            )
        ),
        Row(
            (
                "3",
                "Đánh giá mức độ hài lòng của người dân",
                "Sở Nội vụ",
                "Bưu điện tỉnh",
                "Tháng 10/2025",
                "Báo cáo",
            )
        ),
    ],
    expected=[
        # "Các sở, ban, ngành" names nobody in particular: nobody is assigned for it.
        E("1", None, "Văn phòng UBND tỉnh", "", "Tháng 01/2025"),
        E("2", None, "Sở Nội vụ", "Văn phòng UBND tỉnh|Sở Tư pháp", "Quý III/2025"),
        E("3", None, "Sở Nội vụ", "Bưu điện tỉnh", "Tháng 10/2025"),
    ],
    width=6,
)

ANY_ORDER = Fixture(
    name="so-cot-dao-thu-tu",
    preamble=[
        "PHỤ LỤC",
        "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA SỞ Y TẾ",
        ATTACHED.format(88, "Sở Y tế"),
    ],
    header=[
        Row(
            (
                "Thời hạn hoàn thành",
                "Nội dung công việc",
                "Cơ quan, đơn vị phối hợp",
                "Cơ quan chủ trì",
                "STT",
                "Kết quả/sản phẩm",
                "Ghi chú",
            ),
            bold=True,
        )
    ],
    body=[
        Row(
            (
                "Quý I/2025",
                "Rà soát quy trình nội bộ giải quyết thủ tục hành chính",
                "Phòng Nghiệp vụ Y",
                "Văn phòng Sở",
                "1",
                "Quy trình",
                "",
            )
        ),
        Row(
            (
                "Trước ngày 15/6/2025",
                "Số hóa hồ sơ cấp phép hành nghề",
                "Văn phòng Sở",
                "Phòng Nghiệp vụ Dược",
                "2",
                "Hồ sơ số",
                "Ưu tiên",
            )
        ),
        Row(
            (
                "Thường xuyên",
                "Tiếp nhận, xử lý phản ánh, kiến nghị",
                "",
                "Thanh tra Sở",
                "3",
                "",
                "",
            )
        ),
    ],
    expected=[
        E("1", None, "Văn phòng Sở", "Phòng Nghiệp vụ Y", "Quý I/2025"),
        E("2", None, "Phòng Nghiệp vụ Dược", "Văn phòng Sở", "Trước ngày 15/6/2025"),
        E("3", None, "Thanh tra Sở", "", "Thường xuyên"),
    ],
    width=7,
)

SHARED_UNITS = Fixture(
    name="huyen-mot-cot-don-vi",
    preamble=[
        "PHỤ LỤC",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        ATTACHED.format(14, "UBND huyện Hòa Lạc"),
    ],
    header=[Row(("TT", "Nội dung", "Đơn vị thực hiện", "Thời gian hoàn thành"), bold=True)],
    body=[
        Row(
            (
                "1",
                "Rà soát, sắp xếp tổ chức bộ máy",
                "Chủ trì: Phòng Nội vụ; phối hợp: Phòng Tài chính - Kế hoạch, Phòng Tư pháp",
                "Quý II/2025",
            )
        ),
        Row(
            (
                "2",
                "Công khai ngân sách",
                "Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Văn phòng HĐND và UBND huyện",
                "Theo quy định",
            )
        ),
        Row(
            (
                "3",
                "Đào tạo công chức Bộ phận Một cửa",
                "Phòng Nội vụ\nPhối hợp: Trung tâm Chính trị huyện",
                "Tháng 6/2025",
            )
        ),
        Row(
            (
                "4",
                "Cập nhật Trang thông tin điện tử huyện",
                "Phòng Văn hóa và Thông tin",
                "Hằng tháng",
            )
        ),
    ],
    expected=[
        E("1", None, "Phòng Nội vụ", "Phòng Tài chính - Kế hoạch|Phòng Tư pháp", "Quý II/2025"),
        E("2", None, "Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND huyện", "Theo quy định"),
        E("3", None, "Phòng Nội vụ", "Trung tâm Chính trị huyện", "Tháng 6/2025"),
        E("4", None, "Phòng Văn hóa và Thông tin", "", "Hằng tháng"),
    ],
    width=4,
)

LETTERS = Fixture(
    name="nganh-phan-a-b",
    preamble=[
        "PHỤ LỤC",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA NGÀNH GIÁO DỤC",
        ATTACHED.format(30, "Sở Giáo dục và Đào tạo"),
    ],
    header=[Row(("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"), bold=True)],
    body=[
        Row(("A", "NHIỆM VỤ CHUNG", "", "", "")),
        Row(("1", "Công tác chỉ đạo, điều hành", "", "", "")),
        Row(
            (
                "1.1",
                "Ban hành kế hoạch CCHC năm 2025",
                "Văn phòng Sở",
                "Các phòng thuộc Sở",
                "Tháng 01/2025",
            )
        ),
        Row(("1.2", "Tuyên truyền CCHC", "Văn phòng Sở", "", "Thường xuyên")),
        Row(("2", "Cải cách thủ tục hành chính", "", "", "")),
        Row(
            (
                "a)",
                "Rà soát thủ tục hành chính lĩnh vực giáo dục",
                "Phòng Quản lý chất lượng",
                "Văn phòng Sở",
                "Quý II/2025",
            )
        ),
        Row(("b)", "Công khai thủ tục hành chính", "Văn phòng Sở", "", "Thường xuyên")),
        Row(("B", "NHIỆM VỤ CỦA CÁC TRƯỜNG", "", "", "")),
        Row(("1", "Xây dựng kế hoạch CCHC của trường", "Các trường THPT", "", "Tháng 9/2025")),
    ],
    expected=[
        E(
            "1.1",
            "1. Công tác chỉ đạo, điều hành",
            "Văn phòng Sở",
            "Các phòng thuộc Sở",
            "Tháng 01/2025",
        ),
        E("1.2", "1. Công tác chỉ đạo, điều hành", "Văn phòng Sở", "", "Thường xuyên"),
        E(
            "2.a",
            "2. Cải cách thủ tục hành chính",
            "Phòng Quản lý chất lượng",
            "Văn phòng Sở",
            "Quý II/2025",
        ),
        E("2.b", "2. Cải cách thủ tục hành chính", "Văn phòng Sở", "", "Thường xuyên"),
        E("1", "B. NHIỆM VỤ CỦA CÁC TRƯỜNG", "Các trường THPT", "", "Tháng 9/2025"),
    ],
    width=5,
)

BULLETS = Fixture(
    name="truong-gach-dau-dong",
    preamble=[
        "PHỤ LỤC",
        "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM HỌC 2025 CỦA TRƯỜNG THCS HÒA BÌNH",
        ATTACHED.format(3, "Trường THCS Hòa Bình"),
    ],
    header=[
        Row(
            ("TT", "Nội dung công việc", "Người chủ trì", "Phối hợp", "Thời gian thực hiện"),
            bold=True,
        )
    ],
    body=[
        Row(("1", "Công khai thông tin của nhà trường", "", "", "")),
        Row(
            (
                "-",
                "Công khai cam kết chất lượng giáo dục",
                "Hiệu trưởng",
                "Văn phòng trường",
                "Tháng 9/2025",
            )
        ),
        Row(("-", "Công khai tài chính", "Kế toán", "", "Tháng 12/2025")),
        Row(("2", "Ứng dụng công nghệ thông tin", "", "", "")),
        Row(("+", "Sử dụng sổ điểm điện tử", "Phó Hiệu trưởng", "Tổ chuyên môn", "Thường xuyên")),
    ],
    expected=[
        E(
            "1.1",
            "1. Công khai thông tin của nhà trường",
            "Hiệu trưởng",
            "Văn phòng trường",
            "Tháng 9/2025",
        ),
        E("1.2", "1. Công khai thông tin của nhà trường", "Kế toán", "", "Tháng 12/2025"),
        E(
            "2.1",
            "2. Ứng dụng công nghệ thông tin",
            "Phó Hiệu trưởng",
            "Tổ chuyên môn",
            "Thường xuyên",
        ),
    ],
    width=5,
)

PAGES = Fixture(
    name="huyen-qua-trang",
    preamble=[
        "PHỤ LỤC",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        ATTACHED.format(27, "UBND huyện Phú Lộc"),
    ],
    header=[Row(("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"), bold=True)],
    body=[
        Row(
            (
                "1",
                "Kiểm tra việc thực hiện quy chế văn hóa công vụ tại các cơ quan",
                "Phòng Nội vụ",
                "Văn phòng HĐND và UBND huyện",
                "Quý II/2025",
            )
        ),
        Row(
            (
                "2",
                "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND,",
                "Phòng Tư pháp",
                "",
                "",
            )
        ),
        Row(page_break=True),
        Row(("", "UBND huyện ban hành", "", "Các cơ quan chuyên môn", "Quý I/2025")),
        Row(("3", "Công khai ngân sách huyện", "Phòng Tài chính - Kế hoạch", "", "Theo quy định")),
    ],
    expected=[
        E("1", None, "Phòng Nội vụ", "Văn phòng HĐND và UBND huyện", "Quý II/2025"),
        E("2", None, "Phòng Tư pháp", "Các cơ quan chuyên môn", "Quý I/2025"),
        E("3", None, "Phòng Tài chính - Kế hoạch", "", "Theo quy định"),
    ],
    width=5,
)

PER_SECTION = Fixture(
    name="huyen-bang-theo-phan",
    preamble=[
        "PHỤ LỤC",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        ATTACHED.format(9, "UBND huyện Đông Hải"),
    ],
    header=[
        Row(
            ("TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"),
            bold=True,
        )
    ],
    body=[
        Row(section_title="I. CẢI CÁCH THỂ CHẾ"),
        Row(
            (
                "1",
                "Rà soát văn bản quy phạm pháp luật",
                "Phòng Tư pháp",
                "Văn phòng HĐND và UBND huyện",
                "Quý II/2025",
            )
        ),
        Row(section_title="II. CẢI CÁCH TÀI CHÍNH CÔNG"),
        Row(
            (
                "1",
                "Giao quyền tự chủ tài chính cho đơn vị sự nghiệp",
                "Phòng Tài chính - Kế hoạch",
                "Phòng Nội vụ",
                "Tháng 3/2025",
            )
        ),
        Row(
            ("2", "Công khai dự toán ngân sách", "Phòng Tài chính - Kế hoạch", "", "Theo quy định")
        ),
    ],
    expected=[
        E(
            "I.1",
            "I. CẢI CÁCH THỂ CHẾ",
            "Phòng Tư pháp",
            "Văn phòng HĐND và UBND huyện",
            "Quý II/2025",
        ),
        E(
            "II.1",
            "II. CẢI CÁCH TÀI CHÍNH CÔNG",
            "Phòng Tài chính - Kế hoạch",
            "Phòng Nội vụ",
            "Tháng 3/2025",
        ),
        E("II.2", "II. CẢI CÁCH TÀI CHÍNH CÔNG", "Phòng Tài chính - Kế hoạch", "", "Theo quy định"),
    ],
    width=5,
)

SHEETS = Fixture(
    name="tinh-nhieu-trang-tinh",
    preamble=[
        "PHỤ LỤC II",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        ATTACHED.format(40, "UBND tỉnh Bình Sơn"),
    ],
    header=[
        Row(
            ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Kinh phí"),
            bold=True,
        )
    ],
    body=[
        Row(
            (
                "1",
                "Triển khai Chỉ số cải cách hành chính năm 2025",
                "Sở Nội vụ",
                "Các sở, ban, ngành",
                "Tháng 02/2025",
                "50",
            )
        ),
        Row(("2", "Nhiệm vụ đã bỏ khỏi kế hoạch", "Sở Nội vụ", "", "Quý I/2025", ""), hidden=True),
        Row(
            (
                "3",
                "Khảo sát sự hài lòng của người dân",
                "Sở Nội vụ",
                "Bưu điện tỉnh",
                "Quý IV/2025",
                "120",
            )
        ),
    ],
    expected=[
        E("1", None, "Sở Nội vụ", "", "Tháng 02/2025"),
        E("3", None, "Sở Nội vụ", "Bưu điện tỉnh", "Quý IV/2025"),
    ],
    width=6,
    sheet_name="PL2 Nhiệm vụ",
    cover_sheet="Hướng dẫn",
    summary_sheet=True,
    hidden_columns=(5,),
)

BREAKS = Fixture(
    name="xa-xuong-dong-trong-o",
    preamble=[
        "PHỤ LỤC",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA XÃ TÂN PHÚ",
        ATTACHED.format(7, "UBND xã Tân Phú"),
    ],
    header=[Row(("TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"), bold=True)],
    body=[
        Row(
            (
                "1",
                Cell(
                    "Báo cáo kết quả\nthực hiện CCHC quý I",
                    word_text="Báo cáo kết quả thực hiện CCHC quý I",
                ),
                "Công chức Văn phòng - Thống kê",
                "",
                Cell("Trước ngày\n10/3/2025", word_text="Trước ngày 10/3/2025"),
            )
        ),
        Row(
            (
                "2",
                "Tự đánh giá Chỉ số CCHC",
                Cell("Công chức Văn phòng - Thống kê\nCông chức Tư pháp - Hộ tịch"),
                "",
                Cell("Chậm nhất\nngày 15/11/2025", word_text="Chậm nhất ngày 15/11/2025"),
            )
        ),
    ],
    expected=[
        E("1", None, "Công chức Văn phòng - Thống kê", "", "Trước ngày 10/3/2025"),
        E(
            "2",
            None,
            "Công chức Văn phòng - Thống kê|Công chức Tư pháp - Hộ tịch",
            "",
            "Chậm nhất ngày 15/11/2025",
        ),
    ],
    width=5,
)

SECTION_LEAD = Fixture(
    name="so-chu-tri-theo-phan",
    preamble=[
        "PHỤ LỤC",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        ATTACHED.format(55, "Sở Tư pháp"),
    ],
    header=[Row(("TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"), bold=True)],
    body=[
        Row(("I", "CẢI CÁCH THỂ CHẾ", "Phòng Xây dựng và Kiểm tra văn bản", "", "")),
        Row(
            (
                "1",
                "Thẩm định dự thảo văn bản quy phạm pháp luật",
                "",
                "Văn phòng Sở",
                "Thường xuyên",
            )
        ),
        Row(("2", "Kiểm tra văn bản sau khi ban hành", "", "", "Quý III/2025")),
        Row(("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "")),
        Row(("1", "Công khai thủ tục hành chính", "Văn phòng Sở", "", "Thường xuyên")),
    ],
    expected=[
        E(
            "I.1",
            "I. CẢI CÁCH THỂ CHẾ",
            "Phòng Xây dựng và Kiểm tra văn bản",
            "Văn phòng Sở",
            "Thường xuyên",
        ),
        E("I.2", "I. CẢI CÁCH THỂ CHẾ", "Phòng Xây dựng và Kiểm tra văn bản", "", "Quý III/2025"),
        E("II.1", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Văn phòng Sở", "", "Thường xuyên"),
    ],
    width=5,
)

BOLD_SECTIONS = Fixture(
    name="phuong-muc-in-dam",
    preamble=[
        "PHỤ LỤC",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA PHƯỜNG 3",
        ATTACHED.format(11, "UBND Phường 3"),
    ],
    header=[Row(("STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"), bold=True)],
    body=[
        Row(("", "Cải cách thủ tục hành chính", "", "", ""), bold=True),
        Row(
            ("1", "Niêm yết thủ tục hành chính", "Công chức Tư pháp - Hộ tịch", "", "Thường xuyên")
        ),
        Row(("", "Cải cách chế độ công vụ", "", "", ""), bold=True),
        Row(
            (
                "2",
                "Đánh giá, xếp loại công chức",
                "Chủ tịch UBND phường",
                "Công chức Văn phòng - Thống kê",
                "Tháng 12/2025",
            )
        ),
    ],
    expected=[
        E("1", "Cải cách thủ tục hành chính", "Công chức Tư pháp - Hộ tịch", "", "Thường xuyên"),
        E(
            "2",
            "Cải cách chế độ công vụ",
            "Chủ tịch UBND phường",
            "Công chức Văn phòng - Thống kê",
            "Tháng 12/2025",
        ),
    ],
    width=5,
    csv=False,
)

FIXTURES: list[Fixture] = [
    TWO_ROW,
    THREE_ROW,
    ANY_ORDER,
    SHARED_UNITS,
    LETTERS,
    BULLETS,
    PAGES,
    PER_SECTION,
    SHEETS,
    BREAKS,
    SECTION_LEAD,
    BOLD_SECTIONS,
]
