"""Sections of long provincial appendices from the archive real_plans_mined.py describes."""

from __future__ import annotations

from fixtures import E, Fixture, Row
from real_plans_mined_city import ARCHIVE, HCM_QUY_HOACH
from record import RealPlan
from record import tasks as _tasks

SKHCN = "Sở Khoa học và Công nghệ"

# UBND tỉnh Đồng Nai, Kế hoạch số 179/KH-UBND ngày 18/11/2025, kinh tế số và xã hội số
# 2026-2030: "Phụ lục. Danh mục các nhiệm vụ, giải pháp trọng tâm", parts IV and V of section A
# (tasks 4.1-5.7; the appendix has sections A and B, parts I-VI and more). The unit that does
# the task is headed "Đơn vị thực hiện", beside "Đơn vị phối hợp"; the partners are written
# "UBND các phường, xã" in some rows and "UBND các phường xã" in others, as here. Task 4.2 is
# led by "the bodies that manage the key fields named in point d": a class, nobody in
# particular.
DN_IV = "IV. Phát triển dữ liệu số"
DN_V = "V. Đảm bảo an toàn thông tin và an ninh mạng"
POLICE, WARDS, WARDS_AS_WRITTEN = "Công an tỉnh", "UBND các phường, xã", "UBND các phường xã"
PLAN_YEARS = "2026 - 2030"
DONG_NAI_KINH_TE_SO = RealPlan(
    level="province",
    source=ARCHIVE.format("f004d93b21e7fc5f", "UBND tỉnh Đồng Nai 179/KH-UBND, Phụ lục, A.IV-V"),
    fixture=Fixture(
        name="tinh-dong-nai-kinh-te-so-2026-2030-muc-iv-v",
        year=2025,
        preamble=[
            "PHỤ LỤC",
            "DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THỰC HIỆN CHIẾN LƯỢC QUỐC GIA PHÁT TRIỂN "
            "KINH TẾ SỐ VÀ XÃ HỘI SỐ GIAI ĐOẠN 2026-2030 TRÊN ĐỊA BÀN TỈNH",
            "(Kèm theo Kế hoạch số 179/KH-UBND ngày 18 tháng 11 năm 2025)",
        ],
        header=[
            Row(
                (
                    "STT",
                    "Nhiệm vụ, giải pháp",
                    "Đơn vị thực hiện",
                    "Đơn vị phối hợp",
                    "Thời gian thực hiện",
                    "Sản phẩm đầu ra",
                ),
                bold=True,
            )
        ],
        body=[
            Row(
                (
                    "IV",
                    "Phát triển dữ liệu số",
                    "",
                    "",
                    "",
                    "",
                ),
                bold=True,
            ),
            *_tasks(
                [
                    (
                        "4.1",
                        "Xây dựng Kế hoạch triển khai Chiến lược dữ liệu quốc gia trên địa bàn "
                        "tỉnh",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường, xã",
                        "2025",
                        "Kế hoạch (đã thực hiện)",
                    ),
                    (
                        "4.2",
                        "Triển khai kế hoạch phát triển dữ liệu và phát triển nhân lực dữ liệu "
                        "trong các lĩnh vực trọng điểm. Bảo đảm dữ liệu được tạo lập tuân thủ "
                        "theo định dạng máy đọc được, sẵn sàng khả năng chia sẻ, khai thác, sử "
                        "dụng một cách dễ dàng",
                        "Các cơ quan quản lý các lĩnh vực trọng điểm tại điểm d, khoản 1, mục III",
                        "UBND các phường, xã",
                        "2026 - 2030",
                        "Kế hoạch",
                    ),
                    (
                        "4.3",
                        "Triển khai Nền tảng tổng hợp, phân tích dữ liệu tập trung cấp tỉnh",
                        "Sở Khoa học và Công nghệ",
                        "Các sở, ban, ngành; UBND các phường, xã",
                        "2026 - 2030",
                        "Nền tảng",
                    ),
                    (
                        "4.4",
                        "Đề án đẩy mạnh ứng dụng Cơ sở dữ liệu quốc gia về dân cư phục vụ phát "
                        "triển kinh tế - xã hội và chuyển đổi số quốc gia",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                    (
                        "4.5",
                        "Triển khai về định danh và xác thực điện tử",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                    (
                        "4.6",
                        "Triển khai Hệ thống định danh và xác thực điện tử trên nền tảng Cơ sở "
                        "dữ liệu Công an tỉnh",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                    (
                        "4.7",
                        "Bảo đảm, xác thực thông tin trên nền tảng cơ sở dữ liệu quốc gia về "
                        "dân cư, kết nối để phục vụ việc xác nhận mức độ bảo đảm, xác thực của "
                        "danh tính số của người dân",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                ]
            ),
            Row(
                (
                    "V",
                    "Đảm bảo an toàn thông tin và an ninh mạng",
                    "",
                    "",
                    "",
                    "",
                ),
                bold=True,
            ),
            *_tasks(
                [
                    (
                        "5.1",
                        "Triển khai Chiến lược an toàn an ninh mạng quốc gia",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường, xã",
                        "2026 - 2030",
                        "Chiến lược",
                    ),
                    (
                        "5.2",
                        "Đảm bảo yêu cầu an toàn thông tin mạng mặc định ngay từ khâu thiết kế,"
                        " xây dựng khi phát triển các hạ tầng số, nền tảng số",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                    (
                        "5.3",
                        "Triển khai phổ cập dịch vụ an toàn thông tin mạng cơ bản giúp người "
                        "dân phòng, tránh và tự bảo vệ mình",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                    (
                        "5.4",
                        "Triển khai dịch vụ an toàn thông tin mạng chuyên nghiệp giúp tổ chức, "
                        "doanh nghiệp thực hiện mô hình bảo vệ 04 lớp",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                    (
                        "5.5",
                        "Triển khai hệ sinh thái tín nhiệm mạng",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                    (
                        "5.6",
                        "Triển khai ký số từ xa theo hướng ưu tiên phổ cập việc sử dụng chữ ký "
                        "số cá nhân cho người dân; triển khai các giải pháp để hỗ trợ, miễn "
                        "giảm giá sử dụng chữ ký số",
                        "Sở Khoa học và Công nghệ",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Kế hoạch",
                    ),
                    (
                        "5.7",
                        "Đẩy mạnh công tác phòng, chống tội phạm công nghệ cao trong các hoạt "
                        "động kinh tế - xã hội",
                        "Công an tỉnh",
                        "Các sở, ban, ngành; UBND các phường xã",
                        "2026 - 2030",
                        "Giải pháp",
                    ),
                ]
            ),
        ],
        width=6,
        expected=[
            E("4.1", DN_IV, POLICE, WARDS, "2025"),
            E("4.2", DN_IV, "", WARDS, PLAN_YEARS),
            E("4.3", DN_IV, SKHCN, WARDS, PLAN_YEARS),
            *(E(f"4.{n}", DN_IV, POLICE, WARDS_AS_WRITTEN, PLAN_YEARS) for n in range(4, 8)),
            E("5.1", DN_V, POLICE, WARDS, PLAN_YEARS),
            *(E(f"5.{n}", DN_V, POLICE, WARDS_AS_WRITTEN, PLAN_YEARS) for n in range(2, 6)),
            E("5.6", DN_V, SKHCN, WARDS_AS_WRITTEN, PLAN_YEARS),
            E("5.7", DN_V, POLICE, WARDS_AS_WRITTEN, PLAN_YEARS),
        ],
    ),
)

# UBND tỉnh Đồng Tháp, Kế hoạch số 552/KH-UBND ngày 19/11/2025, lộ trình đổi mới công nghệ đến
# năm 2035: "Phụ lục. Nhiệm vụ và giải pháp thực hiện", groups I and II (tasks I.1-II.5; the
# appendix goes on with groups III-V). The header is in capitals and says only "CHỦ TRÌ",
# "PHỐI HỢP", "THỜI GIAN"; the numbers start again in each group. "Sở, ban, ngành có liên
# quan", "Viện, Trường", "Doanh nghiệp" name nobody in particular.
D552_I = "I. NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH"
D552_II = "II. HỖ TRỢ VÀ PHÁT TRIỂN CÔNG NGHỆ"
LATER = "2025 - 2035"
DONG_THAP_DOI_MOI_CONG_NGHE = RealPlan(
    level="province",
    source=ARCHIVE.format("192068354fd1ffe5", "UBND tỉnh Đồng Tháp 552/KH-UBND, Phụ lục, I-II"),
    fixture=Fixture(
        name="tinh-dong-thap-doi-moi-cong-nghe-2035-nhom-i-ii",
        year=2025,
        preamble=[
            "PHỤ LỤC",
            "NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN",
            "(Ban hành kèm theo Kế hoạch số 552/KH-UBND ngày 19/11/2025 của Ủy ban nhân dân tỉnh)",
        ],
        header=[
            Row(("STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"), bold=True)
        ],
        body=[
            Row(
                (
                    "I",
                    "NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH",
                    "",
                    "",
                    "",
                ),
                bold=True,
            ),
            *_tasks(
                [
                    (
                        "1",
                        "Rà soát, kịp thời cụ thể hoá các cơ chế, chính sách khuyến khích xã "
                        "hội hóa, thu hút đầu tư (PPP, FDI, ODA) hỗ trợ đổi mới công nghệ phù "
                        "hợp với điều kiện kinh tế xã hội của tỉnh.",
                        "Sở Tài chính",
                        "Sở, ban, ngành có liên quan",
                        "Thường xuyên",
                    ),
                    (
                        "2",
                        "Đề xuất giải pháp cải thiện môi trường đầu tư, kinh doanh; ưu tiên thu"
                        " hút dự án ứng dụng công nghệ cao.",
                        "Sở Tài chính",
                        "Sở Công Thương; Ban Quản lý khu Kinh tế tỉnh Đồng Tháp",
                        "2026",
                    ),
                    (
                        "3",
                        "Nghiên cứu, tư vấn, phản biện chính sách, giải pháp công nghệ.",
                        "Liên hiệp các Hội Khoa học và Kỹ thuật",
                        "Sở, ban, ngành có liên quan",
                        "Thường xuyên",
                    ),
                    (
                        "4",
                        "Xây dựng cơ chế đặt hàng nghiên cứu khoa học và công nghệ của Tỉnh gắn"
                        " với nhu cầu thực tiễn, khuyến khích mô hình hợp tác công - tư (PPP) "
                        "trong phát triển hạ tầng công nghệ và đổi mới sáng tạo.",
                        "Sở Khoa học và Công nghệ",
                        "Viện, Trường; Doanh nghiệp, Sở, ban, ngành có liên quan",
                        "2026",
                    ),
                ]
            ),
            Row(
                (
                    "II",
                    "HỖ TRỢ VÀ PHÁT TRIỂN CÔNG NGHỆ",
                    "",
                    "",
                    "",
                ),
                bold=True,
            ),
            *_tasks(
                [
                    (
                        "1",
                        "Xây dựng chương trình hỗ trợ nghiên cứu, ứng dụng, chuyển giao, đổi "
                        "mới công nghệ cao cho doanh nghiệp, hợp tác xã, hộ sản xuất.",
                        "Sở Khoa học và Công nghệ",
                        "Sở, ban, ngành có liên quan",
                        "2026",
                    ),
                    (
                        "2",
                        "Phát triển hệ sinh thái đổi mới sáng tạo, phối hợp triển khai vận hành"
                        " hoạt động ứng dụng, chuyển giao công nghệ.",
                        "Sở Khoa học và Công nghệ",
                        "Sở, ban, ngành có liên quan",
                        "2025 - 2035",
                    ),
                    (
                        "3",
                        "Xây dựng và triển khai Chương trình/ Đề án phát triển hạ tầng số, dữ "
                        "liệu số, chính quyền số, kinh tế số và xã hội số.",
                        "Sở Khoa học và Công nghệ",
                        "Sở, ban, ngành có liên quan",
                        "2025 - 2035",
                    ),
                    (
                        "4",
                        "Hỗ trợ doanh nghiệp ứng dụng công nghệ số trong quản trị sản xuất, "
                        "kinh doanh, đặc biệt là thương mại điện tử và logistics.",
                        "Sở Công Thương",
                        "Doanh nghiệp; Sở, ban, ngành có liên quan",
                        "2025 - 2035",
                    ),
                    (
                        "5",
                        "Đẩy mạnh hợp tác, liên kết với viện nghiên cứu, trường đại học, doanh "
                        "nghiệp để tiếp nhận, chuyển giao công nghệ tiên tiến.",
                        "Sở Khoa học và Công nghệ",
                        "Viện, Trường; Doanh nghiệp; Sở, ban, ngành có liên quan",
                        "Thường xuyên",
                    ),
                ]
            ),
        ],
        width=5,
        expected=[
            E("I.1", D552_I, "Sở Tài chính", "", "Thường xuyên"),
            E(
                "I.2",
                D552_I,
                "Sở Tài chính",
                "Sở Công Thương|Ban Quản lý khu Kinh tế tỉnh Đồng Tháp",
                "2026",
            ),
            E("I.3", D552_I, "Liên hiệp các Hội Khoa học và Kỹ thuật", "", "Thường xuyên"),
            E("I.4", D552_I, SKHCN, "", "2026"),
            E("II.1", D552_II, SKHCN, "", "2026"),
            E("II.2", D552_II, SKHCN, "", LATER),
            E("II.3", D552_II, SKHCN, "", LATER),
            E("II.4", D552_II, "Sở Công Thương", "", LATER),
            E("II.5", D552_II, SKHCN, "", "Thường xuyên"),
        ],
    ),
)


MINED_PARTS: list[RealPlan] = [
    HCM_QUY_HOACH,
    DONG_NAI_KINH_TE_SO,
    DONG_THAP_DOI_MOI_CONG_NGHE,
]
