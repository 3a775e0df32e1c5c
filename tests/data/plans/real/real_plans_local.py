"""Published plan appendices of districts, communes and schools, rebuilt as fixtures.

Written like real_plans.py (whose docstring says how a rebuild is made and checked).
"""

from __future__ import annotations

from fixtures import E, Fixture, Row
from record import RealPlan
from record import tasks as _tasks

# Trường Đại học Thủy lợi, "Thông báo triển khai kế hoạch tính toán khối lượng vượt giờ năm học
# 2019-2020" (August 2020), as published on the university's site: the whole table of who does
# what by when. The page holds it as two HTML tables, the second (from part VI) without a
# header row, as a Word table cut in two; both are rebuilt so. Parts III and VI have their own
# lead and deadline: each is a task as well as a part. Item 2 of part VIII has none: it heads
# its sub-items 2.1-2.3. Units are written as the university abbreviates them ("P3" for Phòng
# Đào tạo, "BCN" for the project leaders); "Các bộ môn", "Các Khoa" are the university's own
# departments and faculties, all of them, and are read as one group each.
BO_MON, KHOA = "Các bộ môn", "Các Khoa"
TLU_PARTS = [
    "I. Cập nhật, tính toán khối lượng theo thời khóa biểu",
    "II. Cập nhật, tính toán khối lượng các hội đồng đánh giá tốt nghiệp",
    "III. Tính toán và cập nhật lên phần mềm khối lượng giảng dạy từ việc hướng dẫn sinh viên "
    "nghiên cứu khoa học (NCKH)",
    "IV. Cập nhật, tính toán khối lượng NCKH quy đổi từ các sản phẩm khoa học",
    "V. Cập nhật, tính toán khối lượng NCKH quy đổi từ các dự án đầu tư cơ bản, sản xuất, kinh "
    "doanh các loại",
    "VI. Phòng Chính trị và Công tác sinh viên (P7) cập nhật, tính toán khối lượng nghiên cứu "
    "khoa học quy đổi từ hướng dẫn sinh viên thi Olympic",
    "VII. Tính toán, cập nhật phần mềm định mức của giảng viên, bộ môn",
    "VIII. Tổng hợp, hoàn thiện thủ tục thanh toán khối lượng vượt giờ năm học 2019-2020",
]
TLU_PAYMENT = "2. Hoàn tất thủ tục để triển khai thủ tục thanh toán"


def _part(index: int, *cells: str, new_table: bool = False) -> Row:
    """A part's bold row: its Roman number, its title and, for a part that is a task, the rest."""
    number, title = TLU_PARTS[index].split(". ", 1)
    rest = cells or ("", "", "")
    return Row((number, title, *rest), bold=True, new_table=new_table)


TLU_VUOT_GIO = RealPlan(
    level="school",
    source=(
        "github.com/phattrienduanphanmem/phattrienduanphanmem1 @ 4b016d6, ptdapm.sql "
        "(table `baiviet`, row 37: a copy of the notice on tlu.edu.vn)"
    ),
    fixture=Fixture(
        name="truong-dh-thuy-loi-vuot-gio-2020",
        year=2020,
        preamble=[
            "Thông báo triển khai kế hoạch tính toán khối lượng vượt giờ năm học 2019-2020",
            "Để thực hiện việc tính toán khối lượng vượt giờ năm học 2019-2020 được nhanh chóng, "
            "chính xác, đúng kế hoạch; Nhà trường thông báo kế hoạch và phân công các đơn vị "
            "như sau:",
        ],
        header=[
            Row(
                ("TT", "Nội dung", "Thời gian triển khai", "Đơn vị chủ trì", "Đơn vị phối hợp"),
                bold=True,
            )
        ],
        body=[
            _part(0),
            *_tasks(
                [
                    (
                        "1",
                        "Trưởng các bộ môn hoàn thiện và nộp cho Phòng Đào tạo (P3) lịch trình "
                        "giảng dạy các lớp học phần",
                        "Trước 15/8/2020",
                        BO_MON,
                        "GV giảng dạy các lớp",
                    ),
                    (
                        "2",
                        "P3 rà soát và cập nhật lên phần mềm dữ liệu khối lượng giảng dạy theo "
                        "thời khóa biểu",
                        "Trước 29/8/2020",
                        "P3",
                        BO_MON,
                    ),
                ]
            ),
            _part(1),
            *_tasks(
                [
                    (
                        "1",
                        "Hoàn thiện và nộp cho P3 thông tin của các hội đồng chấm tốt nghiệp",
                        "Trước 08/8/2020",
                        KHOA,
                        "Các HĐ chấm tốt nghiệp",
                    ),
                    (
                        "2",
                        "P3 rà soát và cập nhật lên phần mềm dữ liệu khối lượng tốt nghiệp",
                        "Trước 22/8/2020",
                        "P3",
                        KHOA,
                    ),
                ]
            ),
            _part(2, "Trước 15/8/2020", "P9", BO_MON),
            _part(3),
            *_tasks(
                [
                    (
                        "1",
                        "Phòng Khoa học – Công nghệ (P9) rà soát và cập nhật dữ liệu lên phần mềm",
                        "Trước 22/8/2020",
                        "P9",
                        BO_MON,
                    ),
                    (
                        "2",
                        "Tính toán và cập nhật dữ liệu quy đổi từ hướng dẫn nghiên cứu sinh bảo "
                        "vệ thành\ncông luận án tiến sĩ",
                        "Trước 22/8/2020",
                        "P3",
                        BO_MON,
                    ),
                ]
            ),
            _part(4),
            *_tasks(
                [
                    (
                        "1",
                        "Chủ nhiệm các đề tài, dự án (BCN) hoàn thiện và nộp cho Phòng Tài chính "
                        "– Kế toán (P5) hồ sơ quy đổi",
                        "Trước 01/8/2020",
                        "BCN",
                        "",
                    ),
                    (
                        "2",
                        "P5 rà soát và cập nhật dữ liệu lên phần mềm",
                        "Trước 22/8/2020",
                        "P5",
                        "BCN",
                    ),
                ]
            ),
            _part(5, "Trước 22/8/2020", "P7", "Các bộ môn, P3", new_table=True),
            _part(6),
            *_tasks(
                [
                    (
                        "1",
                        "Phòng Tổ chức cán bộ (P2) tính toán định mức của giảng viên, bộ môn",
                        "Trước 30/7/2020",
                        "P2",
                        BO_MON,
                    ),
                    ("2", "Cập nhật dữ liệu lên phần mềm", "Trước 15/8/2020", "P3", "P2"),
                ]
            ),
            _part(7),
            *_tasks(
                [
                    (
                        "1",
                        "Tổng hợp tính toán khối lượng giảng dạy và NCKH, gửi file tới các bộ môn "
                        "để làm thủ tục",
                        "Trước 12/9/2020",
                        "P3",
                        BO_MON,
                    ),
                    ("2", "Hoàn tất thủ tục để triển khai thủ tục thanh toán", "", "", ""),
                    (
                        "2.1",
                        "Giảng viên ký xác nhận bảng kê khối lượng cá nhân; Trưởng bộ môn ký xác "
                        "nhận bảng kê khối lượng các thành viên trong bộ môn và bảng tổng hợp của "
                        "bộ môn. Sau đó nộp bản cứng đã xác nhận đầy đủ tại P3",
                        "Trước 19/9/2020",
                        BO_MON,
                        "P3",
                    ),
                    (
                        "2.2",
                        "- P3 xác nhận rồi chuyển P2\n- P2 xác nhận rồi chuyển P5",
                        "Trước 26/9/2020",
                        "P2, P3",
                        "P5",
                    ),
                    (
                        "2.3",
                        "P5 triển khai thủ tục thanh toán cho giảng viên",
                        "Trước 10/10/2020",
                        "P5",
                        "Kho bạc",
                    ),
                ]
            ),
        ],
        width=5,
        expected=[
            E("I.1", TLU_PARTS[0], BO_MON, "GV giảng dạy các lớp", "Trước 15/8/2020"),
            E("I.2", TLU_PARTS[0], "P3", BO_MON, "Trước 29/8/2020"),
            E("II.1", TLU_PARTS[1], KHOA, "Các HĐ chấm tốt nghiệp", "Trước 08/8/2020"),
            E("II.2", TLU_PARTS[1], "P3", KHOA, "Trước 22/8/2020"),
            E("III", TLU_PARTS[2], "P9", BO_MON, "Trước 15/8/2020"),
            E("IV.1", TLU_PARTS[3], "P9", BO_MON, "Trước 22/8/2020"),
            E("IV.2", TLU_PARTS[3], "P3", BO_MON, "Trước 22/8/2020"),
            E("V.1", TLU_PARTS[4], "BCN", "", "Trước 01/8/2020"),
            E("V.2", TLU_PARTS[4], "P5", "BCN", "Trước 22/8/2020"),
            E("VI", TLU_PARTS[5], "P7", f"{BO_MON}|P3", "Trước 22/8/2020"),
            E("VII.1", TLU_PARTS[6], "P2", BO_MON, "Trước 30/7/2020"),
            E("VII.2", TLU_PARTS[6], "P3", "P2", "Trước 15/8/2020"),
            E("VIII.1", TLU_PARTS[7], "P3", BO_MON, "Trước 12/9/2020"),
            E("VIII.2.1", TLU_PAYMENT, BO_MON, "P3", "Trước 19/9/2020"),
            E("VIII.2.2", TLU_PAYMENT, "P2|P3", "P5", "Trước 26/9/2020"),
            E("VIII.2.3", TLU_PAYMENT, "P5", "Kho bạc", "Trước 10/10/2020"),
        ],
    ),
)

DBK_SECTION = "3. Các hoạt động bổ sung"
# Trường THPT Đốc Binh Kiều (Đồng Tháp), Kế hoạch tổ chức sinh hoạt công dân đầu năm học
# 2026 - 2027 (a draft, number and day left blank): the table of section II.3, "Các hoạt động
# bổ sung", whole. The version of 17/8/2026 kept beside it (van-ban-di/…2026_2027.docx) leaves
# this table out. The plan's other tables are the hour-by-hour programme of each day (who
# speaks when), not tasks. The table has no number column and names who is in
# charge ("Đơn vị phụ trách"); its dates have no year (the plan's, 2026).
DBK_SINH_HOAT = RealPlan(
    level="school",
    source=(
        "github.com/nmtric3docbinhkieu/windsurf-vanban-bot @ 8607de6, VAN-BAN-CAN-CHINH-THE-THUC/"
        "KH TUAN LE HOC TAP CONG DAN DAU NAM 2026-2027.md (section II.3)"
    ),
    fixture=Fixture(
        name="truong-thpt-doc-binh-kieu-sinh-hoat-cong-dan-2026",
        year=2026,
        preamble=[
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO ĐỒNG THÁP",
            "TRƯỜNG THPT ĐỐC BINH KIỀU",
            "Số: /KH-THPTĐBK",
            "Đốc Binh Kiều, ngày ... tháng 8 năm 2026",
            "KẾ HOẠCH",
            "Tổ chức sinh hoạt công dân đầu năm học 2026 - 2027",
            "3. Các hoạt động bổ sung",
        ],
        header=[Row(("Hoạt động", "Nội dung", "Đơn vị phụ trách", "Thời gian"), bold=True)],
        body=_tasks(
            [
                (
                    "Tuyên truyền trực quan",
                    "Treo băng rôn, khẩu hiệu, poster về phòng chống bạo lực học đường, an toàn "
                    "giao thông, phòng chống ma túy",
                    "Đoàn trường",
                    "Trước ngày 24/8",
                ),
                (
                    "Phát tài liệu",
                    'Cấp "Sổ tay học sinh" (nội quy, quy chế, hướng dẫn sử dụng nền tảng học '
                    "trực tuyến, thông tin liên lạc)",
                    "Văn phòng",
                    "Trước ngày 24/8",
                ),
                (
                    "Khảo sát tâm lý đầu vào",
                    "Khảo sát nhu cầu, tâm tư, nguyện vọng của học sinh để xây dựng kế hoạch hỗ "
                    "trợ trong năm học",
                    "Tổ Tư vấn tâm lý",
                    "Ngày 24/8",
                ),
            ]
        ),
        width=4,
        expected=[
            E("1", DBK_SECTION, "Đoàn trường", "", "Trước ngày 24/8"),
            E("2", DBK_SECTION, "Văn phòng", "", "Trước ngày 24/8"),
            E("3", DBK_SECTION, "Tổ Tư vấn tâm lý", "", "Ngày 24/8"),
        ],
    ),
)

LOCAL_PLANS: list[RealPlan] = [TLU_VUOT_GIO, DBK_SINH_HOAT]
