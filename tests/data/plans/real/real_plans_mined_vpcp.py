"""Overdue tasks listed by the Government Office, from the archive real_plans_mined.py describes."""

from __future__ import annotations

from fixtures import E, Fixture, Row
from real_plans_mined_city import ARCHIVE
from record import RealPlan
from record import tasks as _tasks

# Văn phòng Chính phủ, Thông báo kết luận số 624/TB-VPCP ngày 16/11/2025 (phiên họp thứ năm của
# Ban Chỉ đạo của Chính phủ về khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số): "Phụ lục
# I. Tổng hợp các nhiệm vụ chậm muộn", group 1 whole (tasks 1-9) and the first ten tasks of
# group 2 (of 46). Each group is a heading paragraph over a table of its own with the header
# repeated, and its tasks are numbered from 1 again. The column "Văn bản giao nhiệm vụ" names
# the document that gave the task. Most tasks fall to a class of bodies ("Các bộ, ngành, địa
# phương", "Các Bộ, cơ quan ngang bộ", "Các tỉnh, thành phố"): nobody in particular.
GROUP_1 = (
    "1. Các nhiệm vụ về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quá hạn chưa "
    "hoàn thành"
)
GROUP_2 = "2. Các nhiệm vụ về chuyển đổi số quá hạn chưa hoàn thành"
BTC, BCA = "Bộ Tài chính", "Bộ Công an"
OFFICES = "Văn phòng Trung ương Đảng|Văn phòng Quốc hội|Văn phòng Chủ tịch nước|Văn phòng Chính phủ"
# (lead, deadline) of each task, as read from the original.
READ_1 = [
    ("", "18/10/2025"),
    ("", "30/06/2025"),
    (BTC, "31/05/2025"),
    (BTC, "31/05/2025"),
    (BTC, "31/05/2025"),
    (BTC, "31/10/2025"),
    (BTC, "31/05/2025"),
    (BTC, "30/09/2025"),
    ("", "30/09/2025"),
]
READ_2 = [
    ("", "30/09/2025"),
    ("", "15/10/2025"),
    ("", "10/10/2025"),
    (BCA, "31/10/2025"),
    (BCA, "20/10/2025"),
    (OFFICES, "30/06/2025"),
    ("", "30/09/2025"),
    ("", "20/09/2025"),
    ("", "30/09/2025"),
    ("", "31/08/2025"),
]
VPCP_CHAM_MUON = RealPlan(
    level="sector",
    source=ARCHIVE.format("74e2ddc7b11340da", "Văn phòng Chính phủ 624/TB-VPCP, Phụ lục I, 1-2"),
    fixture=Fixture(
        name="van-phong-chinh-phu-nhiem-vu-cham-muon-2025",
        year=2025,
        preamble=[
            "PHỤ LỤC I",
            "TỔNG HỢP CÁC NHIỆM VỤ CHẬM MUỘN THEO VĂN BẢN ĐÔN ĐỐC CỦA BAN CHỈ ĐẠO TRUNG ƯƠNG",
            "(Kèm theo Thông báo kết luận số 624/TB-VPCP ngày 16 tháng 11 năm 2025 của Văn phòng "
            "Chính phủ)",
            "Dữ liệu tính đến ngày 07/11/2025",
            GROUP_1,
        ],
        header=[
            Row(
                (
                    "STT",
                    "Nhiệm vụ",
                    "Văn bản giao nhiệm vụ",
                    "Cơ quan chủ trì thực hiện",
                    "Thời hạn hoàn thành",
                ),
                bold=True,
            )
        ],
        body=[
            *_tasks(
                [
                    (
                        "1.",
                        "Khẩn trương xây dựng kế hoạch và tổ chức triển khai thực hiện nghiêm "
                        "túc, hiệu quả các nhiệm vụ, giải pháp trọng tâm theo chức năng, nhiệm "
                        "vụ được giao tại Thông báo số 07-TB/CQTTBCĐ ngày 15/10/2025, gửi về "
                        "Văn phòng Trung ương Đảng - Cơ quan Thường trực Ban Chỉ đạo trước ngày"
                        " 18/10/2025. Yêu cầu phải giữ vững kỷ cương, khơi thông nguồn lực, tạo"
                        " đột phá ngay từ những tháng cuối năm 2025, tạo đà vững chắc cho năm "
                        "2026 và cho cả nhiệm kỳ.",
                        "Thông báo số 07-TB/CQTTBCĐ ngày 15/10/2025",
                        "Các cơ quan Trung ương và địa phương",
                        "18/10/2025",
                    ),
                    (
                        "2.",
                        "Rà soát các quy định pháp luật để tháo gỡ kịp thời các điểm nghẽn phục"
                        " vụ hoạt động phát triển khoa học, công nghệ, đổi mới sáng tạo và "
                        "chuyển đổi số",
                        "Nghị quyết số 71/NQ-CP",
                        "Các bộ, ngành",
                        "30/06/2025",
                    ),
                    (
                        "3.",
                        "Xây dựng các Luật sửa đổi, bổ sung các Luật: (1) Luật Ngân sách nhà "
                        "nước; (2) Luật Quản lý và đầu tư vốn nhà nước tại doanh nghiệp; (3) "
                        "Luật Doanh nghiệp; (4) Luật Quản lý thuế.",
                        "Nghị quyết số 71/NQ-CP",
                        "Bộ Tài chính",
                        "31/05/2025",
                    ),
                    (
                        "4.",
                        "Xây dựng Luật sửa đổi, bổ sung 07 Luật (Luật Đấu thầu; Luật Đầu tư "
                        "theo phương thức đối tác công tư; Luật Hải quan; Luật Thuế xuất khẩu, "
                        "thuế nhập khẩu; Luật Đầu tư; Luật Đầu tư công; Luật Quản lý, sử dụng "
                        "tài sản công).",
                        "Nghị quyết số 71/NQ-CP",
                        "Bộ Tài chính",
                        "31/05/2025",
                    ),
                    (
                        "5.",
                        "Xây dựng Luật sửa đổi, bổ sung một số điều Luật Thuế xuất khẩu, nhập "
                        "khẩu để thúc đẩy doanh nghiệp đầu tư cho khoa học, công nghệ, đổi mới "
                        "sáng tạo, chuyển đổi số và đào tạo nhân lực; thu hút cá nhân hoạt động"
                        " khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
                        "Nghị quyết số 71/NQ-CP",
                        "Bộ Tài chính",
                        "31/05/2025",
                    ),
                    (
                        "6.",
                        "Xây dựng Luật Thuế thu nhập cá nhân (thay thế)",
                        "Nghị quyết số 71/NQ-CP",
                        "Bộ Tài chính",
                        "31/10/2025",
                    ),
                    (
                        "7.",
                        "Xây dựng Luật Thuế thu nhập doanh nghiệp sửa đổi, bổ sung, trong đó "
                        "nghiên cứu có chính sách không áp dụng thuế thu nhập doanh nghiệp đối "
                        "với tổ chức khoa học và công nghệ, cơ sở giáo dục đại học công lập "
                        "hoạt động không vì lợi nhuận.",
                        "Nghị quyết số 71/NQ-CP",
                        "Bộ Tài chính",
                        "31/05/2025",
                    ),
                    (
                        "8.",
                        "Ban hành cơ chế, chính sách hợp tác công tư để nghiên cứu và phát "
                        "triển công nghệ chiến lược; cơ chế, chính sách hợp tác công tư để "
                        "nghiên cứu và phát triển hạ tầng số mới, dịch vụ số mới, dữ liệu; cơ "
                        "chế, chính sách hợp tác công tư để đào tạo nhân lực công nghệ số; để "
                        "phục vụ phát triển khoa học công nghệ, đổi mới sáng tạo và chuyển đổi "
                        "số quốc gia",
                        "Nghị quyết số 71/NQ-CP",
                        "Bộ Tài chính",
                        "30/09/2025",
                    ),
                    (
                        "9.",
                        "Xây dựng, triển khai đề án ứng dụng IoT trong một số ngành, lĩnh vực "
                        "như sản xuất thương mại, quản lý năng lượng, nông nghiệp thông minh, "
                        "giao thông thông minh, y tế thông minh,...",
                        "Nghị quyết số 71/NQ-CP",
                        "Các bộ, ngành, địa phương",
                        "30/09/2025",
                    ),
                ]
            ),
            Row(section_title=GROUP_2),
            *_tasks(
                [
                    (
                        "1.",
                        "Ban hành Chiến lược dữ liệu, Chiến lược chuyển đổi số của bộ, ngành, "
                        "địa phương mình, bám sát yêu cầu đúng, đủ, sạch, sống, thống nhất, "
                        "dùng chung và bảo đảm an ninh an toàn hệ thống theo đúng quy định.",
                        "Thông báo số 44-TB/TGV ngày 12/9/2025",
                        "Các bộ, ngành, địa phương",
                        "30/09/2025",
                    ),
                    (
                        "2.",
                        "Căn cứ nhiệm vụ được giao khẩn trương rà soát, xác định nhiệm vụ, "
                        "chương trình, đề án, dự án và dự toán kinh phí theo quy định; đề xuất "
                        "nhu cầu kinh phí thực hiện các nhiệm vụ, dự án đáp ứng yêu cầu Nghị "
                        "quyết số 57-NQ/TW và Kế hoạch 02-KH/BCĐTW của Ban Chỉ đạo, gửi Bộ Khoa"
                        " học và Công nghệ, Bộ Tài chính để tổng hợp, đề xuất, phân bổ kinh "
                        "phí. Các cơ quan, đơn vị có nhu cầu kinh phí cho chuyển đổi số nhưng "
                        "không đăng ký hoặc đăng ký chậm phải tự chịu trách nhiệm",
                        "Thông báo số 46-TB/TGV ngày 30/09/2025",
                        "Các cơ quan, bộ, ngành và địa phương",
                        "15/10/2025",
                    ),
                    (
                        "3.",
                        "Chủ trì, phối hợp với Bộ Khoa học và Công nghệ xây dựng và công bố kế "
                        "hoạch triển khai chi tiết nền tảng số dùng chung theo nhiệm vụ được "
                        "giao tại Quyết định số 2618/QĐ-BKHCN ngày 11/9/2025 của Bộ Khoa học và"
                        " Công nghệ.",
                        "Thông báo số 46-TB/TGV ngày 30/09/2025",
                        "Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                        "10/10/2025",
                    ),
                    (
                        "4.",
                        "Nghiên cứu, báo cáo đề xuất Chính phủ ban hành cơ sở pháp lý về nền "
                        "tảng định danh, xác thực và truy xuất nguồn gốc hàng hóa; nền tảng đấu"
                        " giá tài sản công.",
                        "Thông báo số 44-TB/TGV ngày 12/9/2025",
                        "Bộ Công an",
                        "31/10/2025",
                    ),
                    (
                        "5.",
                        "Trình Chính phủ, Thủ tướng ban hành Quyết định về Khung kiến trúc, "
                        "Khung quản trị và Từ điển dữ liệu quốc gia.",
                        "Thông báo số 07-TB/CQTTBCĐ ngày 15/10/2025",
                        "Bộ Công an",
                        "20/10/2025",
                    ),
                    (
                        "6.",
                        "Văn phòng Trung ương Đảng, Văn phòng Quốc hội, Văn phòng Chủ tịch "
                        "nước, Văn phòng Chính phủ phối hợp kịp thời bảo đảm việc tương thích "
                        "các máy tính bảng, phần mềm để sử dụng hiệu quả",
                        "Thông báo số 04-TB/BCĐTW ngày 30/5/2025",
                        "Văn phòng Trung ương Đảng, Văn phòng Quốc hội, Văn phòng Chủ tịch "
                        "nước, Văn phòng Chính phủ",
                        "30/06/2025",
                    ),
                    (
                        "7.",
                        "Các bộ, cơ quan quản lý ngành, lĩnh vực (đăng ký kinh doanh, hộ kinh "
                        "doanh; cấp phép rượu, bia, thuốc lá; cấp phù hiệu...) khẩn trương nâng"
                        " cấp hệ thống dịch vụ công để bảo đảm triển khai thủ tục hành chính "
                        "không phụ thuộc vào địa giới hành chính trong phạm vi cấp tỉnh. Hoàn "
                        "thành trong tháng 9/2025",
                        "Thông báo số 39-TB/TGV ngày 09/8/2025",
                        "Các bộ, cơ quan",
                        "30/09/2025",
                    ),
                    (
                        "8.",
                        "Căn cứ hướng dẫn của Bộ Khoa học và Công nghệ, Bộ Tài chính, các bộ, "
                        "ngành, địa phương khẩn trương rà soát nhu cầu, xây dựng danh mục đầu "
                        "tư, khái toán kinh phí để triển khai các nền tảng dùng chung, CSDL và "
                        "đăng ký vốn.",
                        "Thông báo số 44-TB/TGV ngày 12/9/2025",
                        "Các bộ, ngành, địa phương",
                        "20/09/2025",
                    ),
                    (
                        "9.",
                        "Căn cứ quy định tại Nghị định số 180/2025/NĐ-CP ngày 01/7/2025, hướng "
                        "dẫn của Bộ Tài chính tại Công văn số 11725/BTC-QLĐT ngày 31/7/2025, "
                        "các bộ, ngành, địa phương khẩn trương xác định dự án/hoạt động xây "
                        "dựng, phát triển cơ sở dữ liệu áp dụng cơ chế hợp tác công tư, gửi Bộ "
                        "Tài chính, Bộ Khoa học và công nghệ để phối hợp thực hiện.",
                        "Thông báo số 44-TB/TGV ngày 12/9/2025",
                        "Các bộ, ngành, địa phương",
                        "30/09/2025",
                    ),
                    (
                        "10.",
                        "Cùng với việc rà soát, thay thế thành phần hồ sơ trong cấu trúc thủ "
                        "tục hành chính bằng dữ liệu, khẩn trương phối hợp với Bộ Công an thống"
                        " nhất giải pháp trả kết quả giải quyết thủ tục hành chính thông qua "
                        "ứng dụng VNeID. Nghiên cứu, phối hợp với Bộ Tư pháp, Bộ Công an, Văn "
                        "phòng Chính phủ ban hành quy định hoặc đề xuất cấp có thẩm quyền quy "
                        "định cơ quan nhà nước các cấp chỉ trả kết quả giải quyết thủ tục hành "
                        "chính bản điện tử hợp lệ, trừ trường hợp công dân, tổ chức có nhu cầu "
                        "nhận bản giấy.",
                        "Thông báo số 35-TB/TGV ngày 11/7/2025",
                        "Các Bộ, cơ quan ngang bộ",
                        "31/08/2025",
                    ),
                ]
            ),
        ],
        width=5,
        expected=[
            *(
                E(f"1.{number}", GROUP_1, lead, "", deadline)
                for number, (lead, deadline) in enumerate(READ_1, start=1)
            ),
            *(
                E(f"2.{number}", GROUP_2, lead, "", deadline)
                for number, (lead, deadline) in enumerate(READ_2, start=1)
            ),
        ],
    ),
)
