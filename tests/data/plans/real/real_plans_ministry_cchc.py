"""A ministry's own CCHC and Đề án 06 tasks, from the document archive real_plans_mined.py uses.

Written like real_plans.py (whose docstring says how a rebuild is made and checked). A ministry
lists several of its departments in one cell by their kind once ("Các Cục: A; B; C"), and names
departments whose own names hold commas ("Cục Xuất bản, In và Phát hành").
"""

from __future__ import annotations

from fixtures import Cell, E, Fixture, Row
from record import RealPlan
from record import tasks as _tasks

ARCHIVE = "github.com/tnt305/tai_lieu_noi_bo @ 94c5034, src/etl/dataset/{}.md ({})"

# Bộ Văn hóa, Thể thao và Du lịch, Công văn số 6225/BVHTTDL-VP ngày 18/11/2025 về đẩy mạnh thực
# hiện các nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, cải cách hành chính và
# Đề án 06: "Phụ lục. Danh mục các nhiệm vụ, giải pháp trọng tâm triển khai trong những tháng
# cuối năm 2025", the whole table (10 tasks). The column "Người đứng đầu chịu trách nhiệm" names
# the head of each lead body, who is no unit of the plan. The archive's text of task 9 spells
# "định kỳ" with a broken character; it is written here as the document has it.
# "Các đơn vị được giao …", "Các cơ quan, đơn vị liên quan" name nobody in particular.
TT_CDS = "Trung tâm Chuyển đổi số VHTTDL"
DU_LICH = "Cục Du lịch Quốc gia Việt Nam"
PTTH = "Cục Phát thanh truyền hình và Thông tin điện tử"
BAN_QUYEN = "Cục Bản quyền tác giả"
RELATED = "Các cơ quan, đơn vị liên quan"
GIVEN_TTHC = "Các đơn vị được giao thực hiện TTHC"
BVHTTDL_CCHC = RealPlan(
    level="sector",
    source=ARCHIVE.format(
        "987cadc82373c854", "Bộ VHTTDL Công văn 6225/BVHTTDL-VP, Phụ lục (CCHC, Đề án 06)"
    ),
    fixture=Fixture(
        name="bo-vhttdl-cchc-de-an-06-2025",
        year=2025,
        preamble=[
            "PHỤ LỤC",
            "DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM TRIỂN KHAI TRONG NHỮNG THÁNG CUỐI NĂM 2025",
            "(Kèm theo Công văn số 6225/BVHTTDL-VP ngày 18/11/2025 của Bộ Văn hóa, Thể thao và "
            "Du lịch)",
        ],
        header=[
            Row(
                (
                    "STT",
                    "Tên nhiệm vụ",
                    "Người đứng đầu chịu trách nhiệm",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Kết quả thực hiện",
                    "Thời hạn hoàn thành",
                ),
                bold=True,
            )
        ],
        body=_tasks(
            [
                (
                    "1",
                    "Đẩy nhanh tiến độ xây dựng, làm sạch, kết nối và đưa vào vận hành, khai thác "
                    "hiệu quả 03/7 cơ sở dữ liệu chuyên ngành theo lộ trình đã đề ra tại Nghị "
                    "quyết số 71/NQ-CP ngày 01/4/2025 bảo đảm tuân thủ Khung kiến trúc dữ liệu "
                    "quốc gia tổng thể, Khung quản trị, quản lý dữ liệu, Từ điển dữ liệu dùng "
                    "chung và quy định về kết nối chia sẻ dữ liệu bắt buộc trong hệ thống chính "
                    "trị.",
                    "Cục trưởng các Cục: Di sản văn hóa, Bản quyền tác giả",
                    "Các Cục: Di sản văn hóa, Bản quyền tác giả",
                    TT_CDS,
                    "Đưa vào vận hành, khai thác hiệu quả: CSDL Đăng ký quyền tác giả, quyền liên "
                    "quan; CSDL Di sản văn hóa phi vật thể (hệ thống thông tin quản lý di sản "
                    "văn hóa phi vật thể); CSDL Hiện vật (Hệ thống thông tin quản lý hiện vật)",
                    "Tháng 12/2025",
                ),
                (
                    "2",
                    "Xây dựng và triển khai Mô hình du lịch thông minh ứng dụng các tiện ích của "
                    "Đề án 06",
                    "Cục trưởng Cục Du lịch Quốc gia Việt Nam",
                    DU_LICH,
                    TT_CDS,
                    "Mô hình du lịch thông minh ứng dụng các tiện ích của Đề án 06 được ban hành "
                    "và triển khai.",
                    "Tháng 12/2025",
                ),
                (
                    "3",
                    "Xây dựng bộ quy tắc ứng xử văn hóa trên môi trường số",
                    "Cục trưởng Cục Phát thanh truyền hình và Thông tin điện tử",
                    PTTH,
                    RELATED,
                    "Bộ quy tắc ứng xử văn hóa trên môi trường số được ban hành.",
                    "Tháng 12/2025",
                ),
                (
                    "4",
                    "Thực hiện ngay việc rà soát, tái cấu trúc quy trình đối với các thủ tục "
                    "hành chính thuộc phạm vi quản lý của Bộ VHTTDL theo Kế hoạch số "
                    "02-KH/BCĐTW, bảo đảm cắt giảm tối đa các bước, thành phần hồ sơ không cần "
                    "thiết trên cơ sở tái sử dụng dữ liệu đã có.",
                    "Cục trưởng các Cục: Bản quyền tác giả; Phát thanh truyền hình và Thông tin "
                    "điện tử; Xuất bản, In và Phát hành; Báo chí; Du lịch Quốc gia Việt Nam. Vụ "
                    "trưởng Vụ Kế hoạch, Tài chính",
                    "Các Cục: Bản quyền tác giả; Phát thanh truyền hình và Thông tin điện tử; "
                    "Xuất bản, In và Phát hành; Báo chí; Du lịch Quốc gia Việt Nam. Vụ Kế hoạch, "
                    "Tài chính.",
                    f"Văn phòng Bộ, {TT_CDS}",
                    "Quyết định ban hành tái cấu trúc quy trình nội bộ",
                    "Theo lộ trình được giao tại Kế hoạch số 02-KH/BCĐTW",
                ),
                (
                    "5",
                    "Triển khai xây dựng 03 nền tảng: (1) Nền tảng/Hệ thống thông tin giải quyết "
                    "thủ tục hành chính các lĩnh vực thuộc phạm vi quản lý nhà nước của Bộ "
                    "VHTTDL; (2) Nền tảng số du lịch Việt Nam",
                    "(1) Giám đốc Trung tâm Chuyển đổi số VHTTDL; (2) Cục trưởng Cục DLQGVN",
                    f"{TT_CDS}; Cục DLQGVN",
                    "Vụ Khoa học công nghệ, Đào tạo và Môi trường",
                    "Kế hoạch xây dựng và triển khai cụ thể",
                    "Tháng 12/2025",
                ),
                (
                    "6",
                    "Xây dựng, triển khai Đề án chuyển đổi số trong lĩnh vực Văn hóa",
                    "Giám đốc Trung tâm Chuyển đổi số VHTTDL",
                    TT_CDS,
                    RELATED,
                    "Quyết định của Thủ tướng Chính phủ",
                    "Tháng 12/2025",
                ),
                (
                    "7",
                    "Rà soát, tái cấu trúc quy trình, điện tử hóa và cung cấp toàn bộ các thủ "
                    "tục hành chính (dịch vụ công trực tuyến) thuộc phạm vi quản lý thực hiện "
                    "tại 02 cấp chính quyền địa phương theo mô hình triển khai tập trung, bảo "
                    "đảm thống nhất, đồng bộ trên Cổng Dịch vụ công quốc gia",
                    "Thủ trưởng các đơn vị được giao xây dựng hồ sơ công bố TTHC",
                    "Các đơn vị được giao xây dựng hồ sơ công bố TTHC",
                    f"Văn phòng Bộ; {TT_CDS}",
                    Cell(
                        "- Hoàn thành tái cấu trúc quy trình điện tử thuộc phạm vi quản lý của "
                        "bộ.\n- Tích hợp 100% DVC trực tuyến thuộc thẩm quyền giải quyết của bộ "
                        "lên Cổng DVC quốc gia."
                    ),
                    "01/01/2026",
                ),
                (
                    "8",
                    "Đóng giao diện “Cổng Dịch vụ công cấp bộ”",
                    "Giám đốc Trung tâm Chuyển đổi số VHTTDL",
                    TT_CDS,
                    GIVEN_TTHC,
                    "Hoàn thành việc nâng cấp HTTT giải quyết TTHC cấp bộ để bảo đảm đóng giao "
                    "diện Cổng DVC cấp bộ.",
                    "01/03/2026",
                ),
                (
                    "9",
                    "Xây dựng, duy trì cơ chế bảo đảm an toàn, an ninh mạng, phương án ứng phó "
                    "sự cố, phương án khôi phục dữ liệu; tổ chức đánh giá an toàn thông tin định "
                    "kỳ đối với các hệ thống, cơ sở dữ liệu thuộc phạm vi quản lý; khắc phục kịp "
                    "thời các lỗ hổng, bảo đảm an toàn tuyệt đối cho hệ thống. Xây dựng, hoàn "
                    "thiện quy định, quy chế sử dụng mạng máy tính nội bộ, mạng máy tính có kết "
                    "nối mạng Internet",
                    "Giám đốc Trung tâm Chuyển đổi số VHTTDL; Thủ trưởng các đơn vị có hệ thống "
                    "thông tin, cơ sở dữ liệu",
                    f"{TT_CDS}; các đơn vị có hệ thống thông tin, cơ sở dữ liệu",
                    "Cơ quan, đơn vị liên quan",
                    Cell(
                        "- Cơ chế bảo đảm an toàn, an ninh mạng, phương án ứng phó sự cố, phương "
                        "án khôi phục dữ liệu được xây dựng, duy trì;\n- Quy chế sử dụng mạng máy "
                        "tính nội bộ, mạng máy tính có kết nối mạng Internet của Cơ quan."
                    ),
                    "Tháng 11/2025",
                ),
                (
                    "10",
                    "Rà soát, cấu trúc lại quy trình các dịch vụ công trực tuyến có tỷ lệ hồ sơ "
                    "trực tuyến thấp, tỷ lệ phải bổ sung, sửa lỗi cao, bảo đảm người dân, doanh "
                    "nghiệp “chỉ khai báo thông tin một lần”.",
                    "Thủ trưởng các đơn vị được giao thực hiện TTHC",
                    GIVEN_TTHC,
                    TT_CDS,
                    "Quy trình các dịch vụ công trực tuyến được rà soát, cấu trúc lại bảo đảm "
                    "theo yêu cầu.",
                    "31/12/2025",
                ),
            ]
        ),
        width=7,
        # "Cục DLQGVN" is "Cục Du lịch Quốc gia Việt Nam" abbreviated: the project never matches
        # an abbreviation silently (it suggests the alias), so the name is read as written.
        expected=[
            E("1", None, f"Cục Di sản văn hóa|{BAN_QUYEN}", TT_CDS, "Tháng 12/2025"),
            E("2", None, DU_LICH, TT_CDS, "Tháng 12/2025"),
            E("3", None, PTTH, "", "Tháng 12/2025"),
            E(
                "4",
                None,
                f"{BAN_QUYEN}|{PTTH}|Cục Xuất bản, In và Phát hành|Cục Báo chí|{DU_LICH}|"
                "Vụ Kế hoạch, Tài chính",
                f"Văn phòng Bộ|{TT_CDS}",
                "Theo lộ trình được giao tại Kế hoạch số 02-KH/BCĐTW",
            ),
            E(
                "5",
                None,
                f"{TT_CDS}|Cục DLQGVN",
                "Vụ Khoa học công nghệ, Đào tạo và Môi trường",
                "Tháng 12/2025",
            ),
            E("6", None, TT_CDS, "", "Tháng 12/2025"),
            E("7", None, "", f"Văn phòng Bộ|{TT_CDS}", "01/01/2026"),
            E("8", None, TT_CDS, "", "01/03/2026"),
            E("9", None, TT_CDS, "", "Tháng 11/2025"),
            E("10", None, "", TT_CDS, "31/12/2025"),
        ],
    ),
)

MINISTRY_CCHC_PLANS: list[RealPlan] = [BVHTTDL_CCHC]
