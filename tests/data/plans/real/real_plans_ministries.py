"""Plan appendices of ministries, rebuilt from their text as fixtures.

Written like real_plans.py (whose docstring says how a rebuild is made and checked). A ministry
gives its tasks to its own departments ("Cục", "Vụ", "Viện") and names the others as classes
("các đơn vị có liên quan thuộc Bộ"), which lead nothing.
"""

from __future__ import annotations

from fixtures import E, Fixture, Row
from record import RealPlan
from record import tasks as _tasks

SOURCE = (
    "github.com/Trangsct/skill-sct @ {}, bvmt-sct-vn/skills/bvmt-sct-vn/van-ban-goc/knk-bdkh/{}"
)

# Bộ Tài nguyên và Môi trường, Kế hoạch số 09/KH-BTNMT ngày 06/8/2024 triển khai Chỉ thị số
# 13/CT-TTg về quản lý tín chỉ các-bon: "Phụ lục. Các nhiệm vụ thực hiện Kế hoạch", the whole
# table (a text transcription of the signed plan).
BDKH = "Cục Biến đổi khí hậu"
IN_MINISTRY = "các đơn vị có liên quan thuộc Bộ TN&MT."
WASTE_PARTNERS = f"Vụ Môi trường, Cục Kiểm soát ô nhiễm môi trường, {IN_MINISTRY}"
PRESS = "Trung tâm Truyền thông TN&MT, Báo TN&MT, Tạp chí TN&MT"
BTNMT_TIN_CHI_CAC_BON = RealPlan(
    level="sector",
    source=SOURCE.format("2625198", "KH-09-KH-BTNMT-06-8-2024-trien-khai-CT-13.txt (Phụ lục)"),
    fixture=Fixture(
        name="bo-tnmt-tin-chi-cac-bon-2024",
        year=2024,
        preamble=[
            "PHỤ LỤC",
            "CÁC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG TRIỂN KHAI THỰC "
            "HIỆN CHỈ THỊ SỐ 13/CT-TTG NGÀY 02/5/2024 CỦA THỦ TƯỚNG CHÍNH PHỦ",
            "(Ban hành kèm theo Kế hoạch số       /KH-BTNMT ngày    tháng 8 năm 2024 của Bộ Tài "
            "nguyên và Môi trường)",
        ],
        header=[
            Row(
                (
                    "TT",
                    "Nhiệm vụ",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Thời gian thực hiện/ hoàn thành",
                ),
                bold=True,
            )
        ],
        body=_tasks(
            [
                (
                    "1.",
                    "Hoàn thiện dự thảo Nghị định sửa đổi, bổ sung một số điều của Nghị định số "
                    "06/2022/NĐ-CP để trình Chính phủ.",
                    BDKH,
                    f"Vụ Pháp chế và {IN_MINISTRY}",
                    "Tháng 8/2024",
                ),
                (
                    "2.",
                    "Hoàn thiện dự thảo Kế hoạch giảm phát thải khí nhà kính, bao gồm khí mê-tan "
                    "trong lĩnh vực quản lý chất thải đến năm 2030.",
                    BDKH,
                    WASTE_PARTNERS,
                    "Tháng 8/2024",
                ),
                (
                    "3.",
                    "Thiết lập Hệ thống đăng ký quốc gia về hạn ngạch phát thải khí nhà kính và "
                    "tín chỉ các-bon.",
                    BDKH,
                    "Cục Chuyển đổi số và Thông tin dữ liệu TNMT, các đơn vị thuộc các Bộ có liên "
                    "quan.",
                    "2024 - 2025",
                ),
                (
                    "4.",
                    "Điều tra, đánh giá mức độ sẵn sàng tham gia thị trường các-bon của lĩnh vực "
                    "quản lý chất thải.",
                    BDKH,
                    WASTE_PARTNERS,
                    "2026 - 2027",
                ),
                (
                    "5.",
                    "Ứng dụng công nghệ viễn thám thực hiện giám sát và đánh giá mức hấp thụ các-"
                    "bon rừng, tiềm năng tạo tín chỉ các-bon từ rừng của Việt Nam giai đoạn 2021 "
                    "- 2030, có xét đến năm 2050.",
                    "Cục Viễn thám quốc gia",
                    "Cục Biến đổi khí hậu, Cục Bảo tồn thiên nhiên và Đa dạng sinh học và "
                    + IN_MINISTRY,
                    "2025 - 2030",
                ),
                (
                    "6.",
                    "Tổ chức các khóa đào tạo, tập huấn tăng cường năng lực về kiểm kê khí nhà "
                    "kính và phát triển thị trường các-bon.",
                    BDKH,
                    "Các đơn vị thuộc các Bộ quản lý lĩnh vực, các tổ chức quốc tế, các Viện "
                    "nghiên cứu, Trường Đại học có liên quan.",
                    "2024 - 2030",
                ),
                (
                    "7.",
                    "Nghiên cứu tham mưu xây dựng và thực hiện các nhiệm vụ chuyên môn về kiểm kê "
                    "khí nhà kính, giảm phát thải khí nhà kính, phương pháp tạo tín chỉ các-bon "
                    "và quản lý tín chỉ các-bon.",
                    "Viện Khoa học Khí tượng thủy văn và Biến đổi khí hậu; Viện Chiến lược, Chính "
                    "sách TN&MT",
                    "Cục Biến đổi khí hậu và các cơ quan, đơn vị có liên quan",
                    "2024 - 2030",
                ),
                (
                    "8.",
                    "Thiết lập và vận hành chuyên trang, chuyên mục truyền thông về quản lý tín "
                    "chỉ các-bon và phát triển thị trường các-bon tại Việt Nam.",
                    PRESS,
                    f"Cục Biến đổi khí hậu, {IN_MINISTRY}",
                    "2024 - 2025",
                ),
                (
                    "9.",
                    "Xây dựng và triển khai các hoạt động truyền thông, tổ chức diễn đàn, sự kiện "
                    "về việc thực hiện các mục tiêu giảm phát thải khí nhà kính, thực hiện NDC; "
                    "quản lý tín chỉ các-bon, phương thức tạo tín chỉ các-bon, phát triển thị "
                    "trường các-bon trong nước và tham gia thị trường các-bon thế giới.",
                    PRESS,
                    f"Cục Biến đổi khí hậu, {IN_MINISTRY}",
                    "2024 - 2030",
                ),
            ]
        ),
        width=5,
        # "Viện Chiến lược, Chính sách TN&MT" is one institute; "các Viện nghiên cứu, Trường Đại
        # học có liên quan" are classes of bodies, as "các đơn vị … thuộc Bộ" are.
        expected=[
            E("1", None, BDKH, "Vụ Pháp chế", "Tháng 8/2024"),
            E("2", None, BDKH, "Vụ Môi trường|Cục Kiểm soát ô nhiễm môi trường", "Tháng 8/2024"),
            E("3", None, BDKH, "Cục Chuyển đổi số và Thông tin dữ liệu TNMT", "2024 - 2025"),
            E("4", None, BDKH, "Vụ Môi trường|Cục Kiểm soát ô nhiễm môi trường", "2026 - 2027"),
            E(
                "5",
                None,
                "Cục Viễn thám quốc gia",
                f"{BDKH}|Cục Bảo tồn thiên nhiên và Đa dạng sinh học",
                "2025 - 2030",
            ),
            E("6", None, BDKH, "", "2024 - 2030"),
            E(
                "7",
                None,
                "Viện Khoa học Khí tượng thủy văn và Biến đổi khí hậu|"
                "Viện Chiến lược, Chính sách TN&MT",
                BDKH,
                "2024 - 2030",
            ),
            E(
                "8",
                None,
                "Trung tâm Truyền thông TN&MT|Báo TN&MT|Tạp chí TN&MT",
                BDKH,
                "2024 - 2025",
            ),
            E(
                "9",
                None,
                "Trung tâm Truyền thông TN&MT|Báo TN&MT|Tạp chí TN&MT",
                BDKH,
                "2024 - 2030",
            ),
        ],
    ),
)

# Bộ Nông nghiệp và Môi trường, Kế hoạch triển khai Nghị định số 180/2026/NĐ-CP về dịch vụ hấp thụ
# và lưu giữ các-bon của rừng (kèm theo Quyết định số 2200/QĐ-BNNMT ngày 10/6/2026): the
# "Phụ lục", the whole table. Headings 1 and 2 hold items a), b) …; 3, 4 and 5 are tasks at the
# headings' level. The transcription (from the signed PDF) breaks task 2.c over a page; in the
# document it is one row. "Cục Lâm nghiệp và Cục Kiểm lâm" is how the table writes the one
# department the plan calls "Cục Lâm nghiệp và Kiểm lâm" elsewhere; it is kept as written.
CLNKL = "Cục Lâm nghiệp và Kiểm lâm"
CLN_CKL = "Cục Lâm nghiệp và Cục Kiểm lâm"
SNNMT = "Sở Nông nghiệp và Môi trường"
LEGAL = "Vụ Pháp chế; các cơ quan, đơn vị có liên quan"
DISSEMINATION = "1. Tổ chức tuyên truyền, phổ biến, hướng dẫn triển khai thực hiện Nghị định"
RULES = "2. Rà soát, xây dựng, ban hành văn bản và hướng dẫn thực hiện Nghị định"
BNNMT_CAC_BON_RUNG = RealPlan(
    level="sector",
    source=SOURCE.format(
        "88429fa", "QD-2200-QD-BNNMT-10-6-2026-ke-hoach-trien-khai-ND-180.txt (Phụ lục)"
    ),
    fixture=Fixture(
        name="bo-nnmt-cac-bon-rung-2026",
        year=2026,
        preamble=[
            "PHỤ LỤC",
            "KẾ HOẠCH TRIỂN KHAI NGHỊ ĐỊNH SỐ 180/2026/NĐ-CP NGÀY 21/5/2026 CỦA CHÍNH PHỦ",
            "(Kèm theo Quyết định số: 2200/QĐ-BNNMT ngày 10 tháng 6 năm 2026 của Bộ Nông nghiệp "
            "và Môi trường)",
        ],
        header=[
            Row(
                (
                    "TT",
                    "Nội dung hoạt động",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Thời gian thực hiện",
                ),
                bold=True,
            )
        ],
        body=_tasks(
            [
                ("1", DISSEMINATION[3:], "", "", ""),
                (
                    "a)",
                    "Tổ chức Hội nghị phổ biến, triển khai Nghị định đến các cơ quan, tổ chức về "
                    "lâm nghiệp ở trung ương, địa phương.",
                    CLNKL,
                    LEGAL,
                    "Quý III, IV/2026",
                ),
                (
                    "b)",
                    "Tổ chức các hội nghị, hội thảo chuyên đề phổ biến, hướng dẫn thực hiện các "
                    "nội dung theo nhóm vấn đề cụ thể của Nghị định.",
                    f"{CLNKL}, {SNNMT}",
                    LEGAL,
                    "Quý III, IV/2026",
                ),
                (
                    "c)",
                    "Tổ chức các chương trình truyền thông, các hình thức tuyên truyền phù hợp "
                    "khác.",
                    f"{CLNKL}, {SNNMT}",
                    "Các cơ quan, đơn vị có liên quan",
                    "Thường xuyên",
                ),
                ("2", RULES[3:], "", "", ""),
                (
                    "a)",
                    "Xây dựng Thông tư quy định về phương pháp xác định mức chi trả dịch vụ hấp "
                    "thụ và lưu giữ các-bon của rừng.",
                    CLNKL,
                    LEGAL,
                    "Quý III/2026",
                ),
                (
                    "b)",
                    "Xây dựng kế hoạch thực hiện NDC lĩnh vực lâm nghiệp; xác định tiềm năng giảm "
                    "phát thải và phân bổ mục tiêu giảm phát thải khí nhà kính cho các địa "
                    "phương.",
                    CLNKL,
                    "Cục Biến đổi khí hậu; UBND cấp tỉnh; các cơ quan, đơn vị có liên quan",
                    "Quý III, IV/2026, 2027",
                ),
                (
                    "c)",
                    "Xây dựng tiêu chuẩn các-bon rừng quốc gia và hướng dẫn xây dựng, đăng ký dự "
                    "án các-bon rừng; đo đạc, báo cáo, thẩm định kết quả giảm phát thải; cấp tín "
                    "chỉ các-bon rừng, xác nhận kết quả giảm phát thải, tín chỉ các-bon rừng được "
                    "cung ứng.",
                    f"Viện Khoa học lâm nghiệp Việt Nam, {CLNKL}",
                    "Vụ Khoa học và Công nghệ; các cơ quan, đơn vị có liên quan",
                    "Quý IV/2026, 2027",
                ),
                (
                    "d)",
                    "Xây dựng cơ sở dữ liệu về kiểm kê khí nhà kính và kết quả giảm phát thải lĩnh "
                    "vực lâm nghiệp, giá trao đổi, chuyển nhượng kết quả giảm phát thải, tín chỉ "
                    "các-bon rừng.",
                    CLN_CKL,
                    "Cục Biến đổi khí hậu; các cơ quan, đơn vị có liên quan",
                    "Quý IV/2026, 2027",
                ),
                (
                    "đ)",
                    "Rà soát, công bố và cập nhật danh mục các phương pháp tạo tín chỉ các-bon "
                    "rừng để chuyển giao quốc tế có điều chỉnh tương ứng thuộc các tiêu chuẩn các-"
                    "bon độc lập được áp dụng ở Việt Nam.",
                    CLN_CKL,
                    BDKH,
                    "Quý II, III/2026",
                ),
                (
                    "3",
                    "Đàm phán, ký kết Thỏa thuận, Hợp đồng và tổ chức trao đổi, chuyển nhượng kết "
                    "quả giảm phát thải/tín chỉ các-bon rừng.",
                    f"{CLN_CKL}; {SNNMT} các tỉnh",
                    "Cục Biến đổi khí hậu, Vụ Hợp tác quốc tế, Vụ Pháp chế và các đơn vị có liên "
                    "quan",
                    "Thường xuyên",
                ),
                (
                    "4",
                    "Huy động nguồn lực, thúc đẩy hợp tác quốc tế về dịch vụ hấp thụ và lưu giữ "
                    "các-bon của rừng.",
                    f"{CLN_CKL}; {SNNMT} các tỉnh",
                    "Vụ Hợp tác quốc tế; các cơ quan, đơn vị có liên quan",
                    "Thường xuyên",
                ),
                (
                    "5",
                    "Tổ chức theo dõi thi hành pháp luật; tổng hợp, đánh giá việc thực hiện nội "
                    "dung của Nghị định.",
                    f"{CLN_CKL}, {SNNMT} các tỉnh",
                    LEGAL,
                    "Thường xuyên",
                ),
            ]
        ),
        width=5,
        expected=[
            E("1.a", DISSEMINATION, CLNKL, "Vụ Pháp chế", "Quý III, IV/2026"),
            E("1.b", DISSEMINATION, f"{CLNKL}|{SNNMT}", "Vụ Pháp chế", "Quý III, IV/2026"),
            E("1.c", DISSEMINATION, f"{CLNKL}|{SNNMT}", "", "Thường xuyên"),
            E("2.a", RULES, CLNKL, "Vụ Pháp chế", "Quý III/2026"),
            E("2.b", RULES, CLNKL, f"{BDKH}|UBND cấp tỉnh", "Quý III, IV/2026, 2027"),
            E(
                "2.c",
                RULES,
                f"Viện Khoa học lâm nghiệp Việt Nam|{CLNKL}",
                "Vụ Khoa học và Công nghệ",
                "Quý IV/2026, 2027",
            ),
            E("2.d", RULES, CLN_CKL, BDKH, "Quý IV/2026, 2027"),
            E("2.đ", RULES, CLN_CKL, BDKH, "Quý II, III/2026"),
            E(
                "3",
                None,
                f"{CLN_CKL}|{SNNMT} các tỉnh",
                f"{BDKH}|Vụ Hợp tác quốc tế|Vụ Pháp chế",
                "Thường xuyên",
            ),
            E("4", None, f"{CLN_CKL}|{SNNMT} các tỉnh", "Vụ Hợp tác quốc tế", "Thường xuyên"),
            E("5", None, f"{CLN_CKL}|{SNNMT} các tỉnh", "Vụ Pháp chế", "Thường xuyên"),
        ],
    ),
)

MINISTRY_PLANS: list[RealPlan] = [BTNMT_TIN_CHI_CAC_BON, BNNMT_CAC_BON_RUNG]
