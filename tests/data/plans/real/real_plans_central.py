"""Published plan appendices of the Government and the Party's bodies at the centre.

Written like real_plans.py (whose docstring says how a rebuild is made and checked). These
appendices name ministries ("Bộ …") where a province's name departments ("Sở …"), and bodies
that are a class rather than a unit ("Các bộ, ngành, địa phương"), which lead nothing.
"""

from __future__ import annotations

from fixtures import E, Fixture, Row
from record import RealPlan
from record import tasks as _tasks


def _section(number: str, title: str, width: int, rows: list[tuple[str, ...]]) -> list[Row]:
    """A bold section row ("I." and its title) and the task rows under it."""
    return [Row((number, title, *("",) * (width - 2)), bold=True), *_tasks(rows)]


ALL_BODIES = "Các bộ, ngành, địa phương"
MOST = "Bộ Khoa học và Công nghệ"
MOF = "Bộ Tài chính"


# Chính phủ, Nghị quyết ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW (draft
# dated 01/01/2025, number left blank): "Phụ lục II. Danh mục các nhiệm vụ", section I (tasks
# 1-13, the whole of that section; the appendix goes on with sections II and later). The source
# is a Markdown transcription of the appendix; task 3's title breaks off there and is kept so.
# "Các bộ, ngành, địa phương" names a class of bodies, nobody in particular, as "Các Sở, ban,
# ngành" does in a province's plan.
NQ57_SECTION_I = (
    "I. Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ, "
    "quyết liệt lãnh đạo, chỉ đạo, tạo xung lực mới, khí thế mới trong toàn xã hội về phát "
    "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
)
CHINH_PHU_NQ57 = RealPlan(
    level="sector",
    source=(
        "github.com/thetrungdtt/VNMasterplan @ 9503d6d, NQCP03/NQ03 PL2 Nhiem vu.md "
        "(Phụ lục II, section I)"
    ),
    fixture=Fixture(
        name="chinh-phu-nq57-phu-luc-ii-muc-i-2025",
        year=2025,
        preamble=[
            "PHỤ LỤC II",
            "DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN "
            "NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁT "
            "TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA",
            "(Kèm theo Chương trình hành động tại Nghị quyết số  /NQ-CP ngày 01 tháng 01 năm "
            "2025 của Chính phủ)",
        ],
        header=[
            Row(
                (
                    "TT",
                    "Tên nhiệm vụ",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Kết quả",
                    "Thời gian hoàn thành",
                ),
                bold=True,
            )
        ],
        body=_section(
            "I.",
            NQ57_SECTION_I[3:],
            6,
            [
                (
                    "1.",
                    "Xây dựng, trình Thủ tướng Chính phủ ban hành và tổ chức triển khai chương "
                    "trình tuyên truyền thường xuyên, sâu rộng về nội dung Nghị quyết 57-NQ/TW "
                    "theo hướng: đa dạng hóa các hình thức, cụ thể hóa nội dung và có mục tiêu "
                    "cụ thể.",
                    MOST,
                    "Ban Tuyên giáo Trung ương; các bộ, ngành, địa phương; VTV, VOV, TTXVN",
                    "Quyết định của Thủ tướng Chính phủ",
                    "6/2025",
                ),
                (
                    "2.",
                    "Xây dựng chương trình chuyên biệt về khoa học, công nghệ, đổi mới sáng "
                    "tạo và chuyển đổi số trên truyền hình, phát thanh và mạng xã hội.",
                    "VTV, VOV, TTXVN, các địa phương",
                    MOST,
                    "Chương trình",
                    "Thường xuyên",
                ),
                (
                    "3.",
                    "Xây dựng chương trình, kế hoạch phát động phong trào học tập trên các nền "
                    "tảng số để trở thành phong trào “học tập số” thường xuyên, liên tục, phổ "
                    "cập, nâng cao kiến thức về khoa học, công nghệ, đổi mới sáng tạo, kỹ",
                    ALL_BODIES,
                    "Bộ Khoa học và Công nghệ, Bộ Giáo dục và Đào tạo",
                    "",
                    "Thường xuyên",
                ),
                (
                    "4.",
                    "Xây dựng văn bản quy định trách nhiệm người đứng đầu các cơ quan nhà nước "
                    "trực tiếp phụ trách, lãnh đạo, chỉ đạo triển khai nhiệm vụ về phát triển "
                    "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của cơ quan, tổ "
                    "chức.",
                    MOST,
                    ALL_BODIES,
                    "Quyết định của Thủ tướng Chính phủ",
                    "6/2025",
                ),
                (
                    "5.",
                    "Xây dựng, ban hành Đề án đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi "
                    "số của cơ quan nhà nước, người đứng đầu và cán bộ, công chức, viên chức "
                    "trong cơ quan nhà nước.",
                    "Bộ Nội vụ",
                    ALL_BODIES,
                    "Đề án",
                    "6/2025",
                ),
                (
                    "6.",
                    "Cụ thể hóa nhiệm vụ chuyển đổi số, phát triển khoa học, công nghệ, đổi "
                    "mới sáng tạo trong chương trình, kế hoạch công tác hằng năm của cơ quan, "
                    "tổ chức, đơn vị.",
                    ALL_BODIES,
                    "",
                    "Kế hoạch công tác",
                    "Thường xuyên",
                ),
                (
                    "7.",
                    "Xây dựng kế hoạch triển khai Chương trình hành động của Chính phủ.",
                    ALL_BODIES,
                    "",
                    "Kế hoạch của các bộ, ngành, địa phương",
                    "01/2025",
                ),
                (
                    "8.",
                    "Xây dựng, ban hành văn bản làm rõ định nghĩa, nội hàm, lượng hóa các khái "
                    "niệm mới trong Nghị quyết số 57-NQ/TW để thống nhất nhận thức và tổ chức "
                    "triển khai, thực hiện.",
                    MOST,
                    "",
                    "Văn bản hướng dẫn",
                    "03/2025",
                ),
                (
                    "9.",
                    "Phấn đấu bố trí tỷ lệ phù hợp cán bộ có chuyên môn, kinh nghiệm về khoa "
                    "học kỹ thuật trong đội ngũ lãnh đạo từng cơ quan, đơn vị nhà nước.",
                    "Bộ, ngành, địa phương",
                    "",
                    "Có tỷ lệ phù hợp cán bộ có chuyên môn về khoa học kỹ thuật trong đội ngũ "
                    "lãnh đạo",
                    "Nhiệm vụ thường xuyên",
                ),
                (
                    "10.",
                    "Xây dựng Hồ sơ đề nghị xây dựng Luật Cán bộ, công chức (sửa đổi) theo "
                    "hướng quy định chính sách để phát huy tinh thần sáng tạo, dám nghĩ, dám "
                    "làm, dám chịu trách nhiệm của đội ngũ cán bộ, công chức, viên chức vì lợi "
                    "ích chung của quốc gia, dân tộc, cộng đồng, của ngành, lĩnh vực, địa "
                    "phương, cơ quan, đơn vị trong đó bao gồm cả mục tiêu phát triển khoa học, "
                    "công nghệ, đổi mới sáng tạo và chuyển đổi số theo tinh thần Nghị quyết số "
                    "57-NQ/TW.",
                    "Bộ Nội vụ",
                    ALL_BODIES,
                    "Hồ sơ đề nghị xây dựng Luật của Quốc hội",
                    "12/2025",
                ),
                (
                    "11.",
                    "Xây dựng nền tảng đào tạo trực tuyến mở đại trà cung cấp miễn phí các "
                    "kiến thức về phát triển khoa học, công nghệ và đổi mới sáng tạo, kiến "
                    "thức, kỹ năng số, công nghệ số cơ bản cho người dân, doanh nghiệp.",
                    MOST,
                    ALL_BODIES,
                    "Nền tảng đào tạo trực tuyến mở đại trà",
                    "6/2025",
                ),
                (
                    "12.",
                    "Xây dựng, ban hành, tổ chức thực hiện chương trình đào tạo, bồi dưỡng cho "
                    "cán bộ, công chức, viên chức về kiến thức về khoa học, công nghệ, đổi mới "
                    "sáng tạo,",
                    "Bộ, ngành, địa phương",
                    ALL_BODIES,
                    "Quyết định của cấp có thẩm quyền",
                    "12/2025",
                ),
                (
                    "13.",
                    "Phát động phong trào thi đua trong toàn quốc để phát huy sức mạnh tổng "
                    "hợp của cả hệ thống chính trị, sự tham gia tích cực của doanh nhân, doanh "
                    "nghiệp và Nhân dân thực hiện thành công cuộc cách mạng chuyển đổi số. Chú "
                    "trọng biểu dương, tôn vinh, khen thưởng khích lệ, động viên kịp thời bằng "
                    "nhiều hình thức đa dạng cho các nhà khoa học, nhà sáng chế, các doanh "
                    "nghiệp, tổ chức, cá nhân có thành tích trong chuyển đổi số; trân trọng "
                    "từng phát minh, sáng kiến, cải tiến kỹ thuật, sáng kiến nâng cao hiệu quả "
                    "công tác, hiệu suất công việc, dù nhỏ nhất",
                    "Bộ Nội vụ",
                    ALL_BODIES,
                    "Văn bản hướng dẫn thực hiện",
                    "12/2025",
                ),
            ],
        ),
        width=6,
        expected=[
            E("1", NQ57_SECTION_I, MOST, "Ban Tuyên giáo Trung ương|VTV|VOV|TTXVN", "6/2025"),
            E("2", NQ57_SECTION_I, "VTV|VOV|TTXVN", MOST, "Thường xuyên"),
            E(
                "3",
                NQ57_SECTION_I,
                "",
                "Bộ Khoa học và Công nghệ|Bộ Giáo dục và Đào tạo",
                "Thường xuyên",
            ),
            E("4", NQ57_SECTION_I, MOST, "", "6/2025"),
            E("5", NQ57_SECTION_I, "Bộ Nội vụ", "", "6/2025"),
            E("6", NQ57_SECTION_I, "", "", "Thường xuyên"),
            E("7", NQ57_SECTION_I, "", "", "01/2025"),
            E("8", NQ57_SECTION_I, MOST, "", "03/2025"),
            E("9", NQ57_SECTION_I, "", "", "Nhiệm vụ thường xuyên"),
            E("10", NQ57_SECTION_I, "Bộ Nội vụ", "", "12/2025"),
            E("11", NQ57_SECTION_I, MOST, "", "6/2025"),
            E("12", NQ57_SECTION_I, "", "", "12/2025"),
            E("13", NQ57_SECTION_I, "Bộ Nội vụ", "", "12/2025"),
        ],
    ),
)

# The same appendix, section II (tasks 14-42, the whole section): laws and decrees, most of them
# led by one ministry with others named beside "các bộ, ngành và địa phương".
NQ57_SECTION_II = (
    "II. Khẩn trương, quyết liệt hoàn thiện thể chế; xoá bỏ mọi tư tưởng, quan niệm, rào cản "
    "đang cản trở sự phát triển; đưa thể chế thành một lợi thế cạnh tranh trong phát triển khoa "
    "học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
)
MOET = "Bộ Giáo dục và Đào tạo"
CHINH_PHU_NQ57_MUC_II = RealPlan(
    level="sector",
    source=(
        "github.com/thetrungdtt/VNMasterplan @ 9503d6d, NQCP03/NQ03 PL2 Nhiem vu.md "
        "(Phụ lục II, section II)"
    ),
    fixture=Fixture(
        name="chinh-phu-nq57-phu-luc-ii-muc-ii-2025",
        year=2025,
        preamble=CHINH_PHU_NQ57.fixture.preamble,
        header=CHINH_PHU_NQ57.fixture.header,
        body=_section(
            "II.",
            NQ57_SECTION_II[4:],
            6,
            [
                (
                    "14.",
                    "Sửa đổi Luật Khoa học và Công nghệ (2013) và các luật có liên quan "
                    "trong dự án xây dựng Luật Khoa học, Công nghệ và Đổi mới sáng tạo để "
                    "(i) Tháo gỡ các khó khăn, vướng mắc, tạo hành lang pháp lý thuận lợi "
                    "thúc đẩy khoa học, công nghệ và đổi mới sáng tạo; (ii) Đơn giản hóa "
                    "thủ tục hành chính, đẩy mạnh phân cấp, phân quyền trong công tác "
                    "quản lý nhà nước; (iii) Tập trung guồn lực đầu tư từ ngân sách nhà "
                    "nước, thu hút đầu tư ngoài ngân sách cho khoa học, công nghệ và đổi "
                    "mới sáng tạo. Các Luật có quy định cần được sửa đổi trong văn bản "
                    "hợp nhất bao gồm: - Sửa đổi một số quy định trong Luật Viên chức; "
                    "Luật Phòng, chống tham nhũng; Luật Doanh nghiệp để tạo điều kiện "
                    "thuận lợi cho viên chức được tham gia quản lý, điều hành doanh "
                    "nghiệp do viện nghiên cứu, trường đại học mà mình đang làm việc "
                    "thành lập để thương mại hóa kết quả nghiên cứu, đồng thời tăng cường "
                    "bảo vệ và khai thác hiệu quả tài sản trí tuệ, đặc biệt là các sáng "
                    "chế và công nghệ số.  - Sửa đổi một số quy định trong Luật Sở hữu "
                    "trí tuệ; Bộ luật Hình sự; Luật Đầu tư công; Luật Đấu thầu; Luật Quản "
                    "lý và sử dụng tài sản công; Luật Giá; Luật Đấu giá tài sản để điều "
                    "chỉnh các quy định liên quan cho phù hợp với đặc thù và thông lệ "
                    "quốc tế trong sử dụng ngân sách nhà nước thực hiện các nhiệm vụ khoa "
                    "học và công nghệ, tạo điều kiện thương mại hóa kết quả nghiên cứu "
                    "khoa học, phát triển công nghệ; - Sửa đổi một số quy định trong Luật "
                    "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt "
                    "Nam để có cơ chế, chính sách ưu đãi trong cấp thị thực nhập cảnh, cư "
                    "trú cho chuyên gia, nhà khoa học. - Sửa đổi một số quy định trong "
                    "Luật Lao động để miễn giấy phép lao động cho các chuyên gia, nhà "
                    "khoa học nước ngoài trong các lĩnh vực ưu tiên phát triển của Việt "
                    "Nam",
                    "Bộ Khoa học và Công nghệ",
                    "Bộ Công an, Bộ Nội vụ, Bộ Tài chính, Bộ Lao động - Thương binh và Xã "
                    "hội, Thanh tra Chính phủ, các bộ, ngành và địa phương",
                    "Luật của Quốc hội",
                    "2025",
                ),
                (
                    "15.",
                    "Dự án Luật Năng lượng nguyên tử (sửa đổi)",
                    "Bộ Khoa học và Công nghệ",
                    "Các bộ, ngành và địa phương",
                    "Luật của Quốc hội",
                    "2025",
                ),
                (
                    "16.",
                    "Dự án Luật sửa đổi, bổ sung một số điều của Luật Chất lượng sản "
                    "phẩm, hàng hóa",
                    "Bộ Khoa học và Công nghệ",
                    "Các bộ, ngành và địa phương",
                    "Luật của Quốc hội",
                    "Tháng 10/2025",
                ),
                (
                    "17.",
                    "Hoàn thiện Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và "
                    "Quy chuẩn kỹ thuật trình Quốc hội thông qua tại Kỳ họp thứ 9",
                    "Bộ Khoa học và Công nghệ",
                    "Các bộ, ngành và địa phương",
                    "Luật của Quốc hội",
                    "Tháng 5/2025",
                ),
                (
                    "18.",
                    "Sửa đổi một số quy định trong Luật Ngân sách nhà nước để có quy định "
                    "riêng cho phù hợp với đặc thù và thông lệ quốc tế trong lập dự toán, "
                    "quyết toán, tài trợ và sử dụng ngân sách nhà nước thực hiện các "
                    "nhiệm vụ khoa học và công nghệ",
                    "Bộ Tài chính",
                    "Bộ Khoa học và Công nghệ",
                    "Luật của Quốc hội",
                    "2025",
                ),
                (
                    "19.",
                    "Rà soát để sửa đổi một số quy định trong Luật Thuế thu nhập doanh "
                    "nghiệp; Luật Thuế thu nhập cá nhân; Luật Thuế giá trị gia tăng; Luật "
                    "Thuế xuất khẩu, nhập khẩu để thúc đẩy doanh nghiệp đầu tư cho khoa "
                    "học, công nghệ, đổi mới sáng tạo, chuyển đổi số và đào tạo nhân lực; "
                    "thu hút cá nhân hoạt động khoa học, công nghệ, đổi mới sáng tạo và "
                    "chuyển đổi số; Nghiên cứu chính sách không áp dụng thuế thu nhập "
                    "doanh nghiệp đối với tổ chức khoa học và công nghệ, cơ sở giáo dục "
                    "đại học công lập tự chủ tài chính.",
                    "Bộ Tài chính",
                    "Bộ Khoa học và Công nghệ, Bộ Giáo dục và Đào tạo",
                    "Đề xuất sửa đổi Luật",
                    "2025",
                ),
                (
                    "20.",
                    "Sửa đổi Luật Tổ chức Chính phủ; Luật Tổ chức chính quyền địa phương "
                    "để đảm bảo thống nhất, nâng cao hiệu quả quản lý nhà nước về khoa "
                    "học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
                    "Bộ Nội vụ",
                    "Các bộ, ngành, địa phương",
                    "Luật của Quốc hội",
                    "2/2025",
                ),
                (
                    "21.",
                    "Bổ sung các chính sách tháo gỡ điểm nghẽn và hoàn thiện Luật Công "
                    "nghiệp công nghệ số trình Quốc hội ban hành.",
                    "Bộ Khoa học và Công nghệ",
                    "Các bộ, ngành, địa phương",
                    "Luật của Quốc hội",
                    "6/2025",
                ),
                (
                    "22.",
                    "Xây dựng Luật Nhà giáo trong đó sửa đổi, bổ sung một số quy định có "
                    "liên quan của Luật Giáo dục, Luật Giáo dục đại học",
                    "Bộ Giáo dục và Đào tạo",
                    "Các bộ, ngành, địa phương",
                    "Luật của Quốc hội",
                    "2025",
                ),
                (
                    "23.",
                    "Nghiên cứu, rà soát, đề xuất sửa đổi pháp luật về cơ yếu và văn bản "
                    "quy phạm pháp luật có liên quan đến cơ yếu để đáp ứng yêu cầu chuyển "
                    "đổi số, kết nối, phân tích, xử lý thông tin từ các trung tâm dữ "
                    "liệu, phát triển điện toán đám mây và trí tuệ nhân tạo",
                    "Bộ Quốc phòng",
                    "Các bộ, ngành, địa phương",
                    "Luật của Quốc hội",
                    "2025",
                ),
                (
                    "24.",
                    "Xây dựng Nghị quyết của Quốc hội quy định cơ chế đặc thù về đầu tư, "
                    "đầu tư công, mua sắm công các sản phẩm, dịch vụ số để đẩy nhanh "
                    "chuyển đổi số quốc gia giai đoạn 2025-2030",
                    "Bộ Tài chính",
                    "Các bộ, ngành, địa phương",
                    "Nghị quyết của Quốc hội",
                    "2025",
                ),
                (
                    "25.",
                    "Xây dựng Đề án cơ chế thí điểm để doanh nghiệp thử nghiệm công nghệ "
                    "mới có sự giám sát của Nhà nước, hoàn thiện chính sách miễn trừ "
                    "trách nhiệm đối với doanh nghiệp, tổ chức, cá nhân trong trường hợp "
                    "thử nghiệm công nghệ mới, mô hình kinh doanh mới mà có thiệt hại về "
                    "kinh tế do nguyên nhân khách quan",
                    "Bộ Khoa học và Công nghệ",
                    "Các bộ, ngành có liên quan",
                    "Nghị quyết của Quốc hội",
                    "12/2025",
                ),
                (
                    "26.",
                    "Xây dựng các Nghị định của Chính phủ hướng dẫn Luật Khoa học, công "
                    "nghệ và Đổi mới sáng tạo bao gồm: - Nghị định quy định chi tiết thi "
                    "hành Luật Khoa học, Công nghệ và Đổi mới sáng tạo; - Nghị định quy "
                    "định chủ trì đối với tổ chức sự nghiệp công lập trong lĩnh vực khoa "
                    "học và công nghệ; - Nghị định quy định cơ chế đầu tư và tài chính "
                    "đối với hoạt động khoa học, công nghệ và đổi mới sáng tạo. - Nghị "
                    "định quy định trình tự, thủ tục phê duyệt, triển khai các nhiệm vụ, "
                    "dự án về khoa học, công nghệ sử dụng ngân sách nhà nước. - Nghị định "
                    "quy định việc sử dụng, trọng dụng nhân lực khoa học, công nghệ và "
                    "đổi mới sáng tạo ở trong nước và nước ngoài hoạt động khoa học và "
                    "công nghệ ở Việt Nam. - Nghị định quy định về Giải thưởng Hồ Chí "
                    "Minh, Giải thưởng Nhà nước và các Giải thưởng về khoa học, công nghệ "
                    "và đổi mới sáng tạo. - Nghị định quy định về thông tin, thống kê "
                    "khoa học, công nghệ và đổi mới sáng tạo.  - Nghị định quy định về "
                    "doanh nghiệp khoa học và công nghệ. - Nghị định quy định đổi mới "
                    "sáng tạo và khởi nghiệp sáng tạo. - Nghị định quy định về Quỹ phát "
                    "triển khoa học và công nghệ quốc gia. - Nghị định quy định về Quỹ "
                    "đổi mới công nghệ quốc gia",
                    "Bộ Khoa học và Công nghệ",
                    "Các bộ, ngành, địa phương",
                    "Nghị định của Chính phủ",
                    "2025",
                ),
                (
                    "27.",
                    "Xây dựng Nghị định quy định về việc thành lập, tổ chức hoạt động của "
                    "các quỹ đầu tư mạo hiểm cho khởi nghiệp sáng tạo, ươm tạo công nghệ "
                    "và chuyển đổi số",
                    "Bộ Khoa học và Công nghệ",
                    "Bộ Tài chính",
                    "Nghị định của Chính phủ",
                    "2026",
                ),
                (
                    "28.",
                    "Xây dựng cơ chế, chính sách và thu hút nguồn lực phục vụ phát triển "
                    "nguồn nhân lực cho đổi mới sáng tạo và một số lĩnh vực trọng tâm như "
                    "bán dẫn, trí tuệ nhân tạo",
                    "Bộ Tài chính",
                    "Bộ Giáo dục và Đào tạo",
                    "Chính sách được ban hành",
                    "12/2025",
                ),
                (
                    "29.",
                    "Xây dựng các văn bản quy phạm pháp luật quy định chi tiết, hướng dẫn "
                    "thi hành Luật Dữ liệu",
                    "Bộ Công an",
                    "Các bộ, ngành có liên quan",
                    "Nghị định của Chính phủ",
                    "7/2025",
                ),
                (
                    "30.",
                    "Xây dựng cơ chế, chính sách cho phép doanh nghiệp nhà nước đánh giá "
                    "tổng thể hiệu quả đầu tư nhằm thúc đẩy đổi mới sáng tạo trong doanh "
                    "nghiệp",
                    "Bộ Tài chính",
                    "Các bộ, ngành liên quan",
                    "Quyết định của Bộ trưởng",
                    "2025",
                ),
                (
                    "31.",
                    "Xây dựng Nghị định quy định về việc người nước ngoài vào làm quản "
                    "lý, giảng dạy, nghiên cứu khoa học và trao đổi học thuật tại các cơ "
                    "sở giáo dục của Việt Nam",
                    "Bộ Giáo dục và Đào tạo",
                    "Bộ Nội vụ",
                    "Nghị định của Chính phủ",
                    "2027",
                ),
                (
                    "32.",
                    "Sửa đổi, bổ sung Nghị định số 109/2022/NĐ-CP quy định hoạt động khoa "
                    "học và công nghệ trong các cơ sở giáo dục đại học",
                    "Bộ Giáo dục và Đào tạo",
                    "Bộ Khoa học và Công nghệ",
                    "Nghị định của Chính phủ",
                    "2026",
                ),
                (
                    "33.",
                    "Xây dựng Nghị định quy định chính sách học bổng cho người học các "
                    "ngành khoa học cơ bản, kỹ thuật then chốt và công nghệ chiến lược.",
                    "Bộ Giáo dục và Đào tạo",
                    "Các bộ, ngành, địa phương",
                    "Nghị định của Chính phủ",
                    "2025",
                ),
                (
                    "34.",
                    "Sửa đổi Nghị định số 80/2020/NĐ-CP về quản lý và sử dụng viện trợ "
                    "không hoàn lại không thuộc hỗ trợ phát triển chính thức của các cơ "
                    "quan, tổ chức, cá nhân nước ngoài dành cho Việt Nam trong đó nghiên "
                    "cứu quy định phân cấp, giao quyền tự chủ cho các tổ chức khoa học và "
                    "công nghệ, cơ sở giáo dục đại học công lập.",
                    "Bộ Tài chính",
                    "Các bộ, ngành, địa phương",
                    "Nghị định của Chính phủ",
                    "2025",
                ),
                (
                    "35.",
                    "Sửa đổi Nghị định số 79/2021/NĐ-CP, Nghị định số 97/2018/NĐ-CP về "
                    "cho vay lại vốn vay ODA, vay ưu đãi nước ngoài của Chính phủ theo "
                    "hướng giảm tỉ lệ vay lại xuống mức thấp nhất, không yêu cầu bảo đảm "
                    "tiền vay đối với các tổ chức khoa học và công nghệ, cơ sở giáo dục "
                    "đại học công lập tự chủ tài chính.",
                    "Bộ Tài chính",
                    "",
                    "Nghị định của Chính phủ",
                    "2025",
                ),
                (
                    "36.",
                    "Xây dựng Quy định về cơ chế đặc biệt trong nghiên cứu, tiếp cận, mua "
                    "các bí mật công nghệ, học hỏi, giải mã các công nghệ tiên tiến của "
                    "nước ngoài.",
                    "Bộ Khoa học và Công nghệ",
                    "Bộ Tài chính; các bộ, ngành",
                    "Quyết định của Thủ tướng Chính phủ",
                    "2025",
                ),
                (
                    "37.",
                    "Rà soát các quy định pháp luật để tháo gỡ kịp thời các điểm nghẽn "
                    "phục vụ hoạt động phát triển khoa học, công nghệ, đổi mới sáng tạo "
                    "và chuyển đổi số",
                    "Các bộ, ngành",
                    "Bộ Tư pháp, các bộ, ngành",
                    "Bộ Tư pháp tổng hợp, báo cáo, đề xuất Thủ tướng Chính phủ phương án "
                    "xây dựng, sửa đổi, bổ sung",
                    "6/2025",
                ),
                (
                    "38.",
                    "Xây dựng, hoàn thiện quy định pháp luật để đảm bảo hành lang pháp lý "
                    "cho hoạt động của mọi ngành, lĩnh vực trên môi trường số",
                    "Các bộ, ngành liên quan",
                    "Các bộ, ngành liên quan",
                    "Các văn bản pháp luật được ban hành",
                    "9/2026",
                ),
                (
                    "39.",
                    "Hoàn thiện định mức kinh tế kỹ thuật, đơn giá lập dự toán chi phí "
                    "các hoạt động liên quan đến chuyển đổi số, xây dựng, cập nhật, khai "
                    "thác, sử dụng, bảo trì, bảo mật CSDL quốc gia, CSDL chuyên ngành; "
                    "làm căn cứ để các bộ, ngành, địa phương xây dựng dự toán thực hiện "
                    "chiến lược dữ liệu Quốc gia",
                    "Bộ Khoa học và Công nghệ",
                    "Các bộ, ngành có liên quan",
                    "Văn bản định mức, đơn giá",
                    "Thường xuyên",
                ),
                (
                    "40.",
                    "Rà soát, điều chỉnh các quy trình nội bộ để đáp ứng các quy định của "
                    "Luật Giao dịch điện tử; thực hiện các biện pháp, giải pháp linh hoạt "
                    "sáng tạo, hiệu quả cho phép sử dụng các giấy tờ điện tử tích hợp "
                    "trên tài khoản định danh điện tử thay thế với giấy tờ giấy khi thực "
                    "hiện các thủ tục hành chính; sớm có phương án cắt giảm các thành "
                    "phần hồ sơ khi dữ liệu đã được số hóa",
                    "Các bộ, ngành",
                    "Bộ Khoa học và Công nghệ",
                    "Các quy trình nội bộ của các bộ, ngành, địa phương được ban hành.",
                    "12/2025",
                ),
                (
                    "41.",
                    "Xây dựng Đề án nghiên cứu, thử nghiệm, sản xuất, mua sắm, hợp tác "
                    "công tư các sản phẩm, dịch vụ có tính lưỡng dụng phục vụ công nghiệp "
                    "an ninh; cơ chế đề tài nguyên dữ liệu phục vụ hiệu quả cho phát "
                    "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc "
                    "gia.",
                    "Bộ Công an",
                    "",
                    "",
                    "2025",
                ),
                (
                    "42.",
                    "Đề án huy động hạ tầng viễn thông, hạ tầng số dùng chung phục vụ yêu "
                    "cầu, nhiệm vụ quốc phòng, an ninh.",
                    "Bộ Công an",
                    "Bộ Quốc phòng",
                    "",
                    "",
                ),
            ],
        ),
        width=6,
        expected=[
            E(
                "14",
                NQ57_SECTION_II,
                MOST,
                "Bộ Công an|Bộ Nội vụ|Bộ Tài chính|Bộ Lao động - Thương binh và Xã hội|"
                "Thanh tra Chính phủ",
                "2025",
            ),
            E("15", NQ57_SECTION_II, MOST, "", "2025"),
            E("16", NQ57_SECTION_II, MOST, "", "Tháng 10/2025"),
            E("17", NQ57_SECTION_II, MOST, "", "Tháng 5/2025"),
            E("18", NQ57_SECTION_II, MOF, MOST, "2025"),
            E("19", NQ57_SECTION_II, MOF, f"{MOST}|{MOET}", "2025"),
            E("20", NQ57_SECTION_II, "Bộ Nội vụ", "", "2/2025"),
            E("21", NQ57_SECTION_II, MOST, "", "6/2025"),
            E("22", NQ57_SECTION_II, MOET, "", "2025"),
            E("23", NQ57_SECTION_II, "Bộ Quốc phòng", "", "2025"),
            E("24", NQ57_SECTION_II, MOF, "", "2025"),
            E("25", NQ57_SECTION_II, MOST, "", "12/2025"),
            E("26", NQ57_SECTION_II, MOST, "", "2025"),
            E("27", NQ57_SECTION_II, MOST, MOF, "2026"),
            E("28", NQ57_SECTION_II, MOF, MOET, "12/2025"),
            E("29", NQ57_SECTION_II, "Bộ Công an", "", "7/2025"),
            E("30", NQ57_SECTION_II, MOF, "", "2025"),
            E("31", NQ57_SECTION_II, MOET, "Bộ Nội vụ", "2027"),
            E("32", NQ57_SECTION_II, MOET, MOST, "2026"),
            E("33", NQ57_SECTION_II, MOET, "", "2025"),
            E("34", NQ57_SECTION_II, MOF, "", "2025"),
            E("35", NQ57_SECTION_II, MOF, "", "2025"),
            E("36", NQ57_SECTION_II, MOST, MOF, "2025"),
            E("37", NQ57_SECTION_II, "", "Bộ Tư pháp", "6/2025"),
            E("38", NQ57_SECTION_II, "", "", "9/2026"),
            E("39", NQ57_SECTION_II, MOST, "", "Thường xuyên"),
            E("40", NQ57_SECTION_II, "", MOST, "12/2025"),
            E("41", NQ57_SECTION_II, "Bộ Công an", "", "2025"),
            E("42", NQ57_SECTION_II, "Bộ Công an", "Bộ Quốc phòng", ""),
        ],
    ),
)

# Đảng ủy Chính phủ, report to the Central Steering Committee on Nghị quyết 57-NQ/TW (draft sent
# with Công văn 402-CV/VPĐU of 25/5/2025): "Phụ lục 1. Danh mục nhiệm vụ thực hiện Nghị quyết
# 71/NQ-CP có thời hạn hoàn thành tháng 3-5/2025", sections I and II (tasks 1-19, the first 21
# rows of the 43; sections III-VI follow). Its columns differ from a plan's: the deadline comes
# before the lead ("Cơ quan thực hiện"), and "Tiến độ" is the task's state ("Hoàn thành", "Đang
# thực hiện"), not its deadline. The source is a Markdown transcription in which task 9's title
# was shortened ("… (chi tiết các nội dung sửa đổi)"); it is kept so.
NQ71_SECTION_I = "I. Nhận thức"
NQ71_SECTION_II = "II. Thể chế"
LAW = "Luật của Quốc hội"
MAY = "Tháng 5/2025"
SESSION_9 = (
    "Trình Quốc hội xem xét thông qua tại kỳ họp lần thứ 9, Quốc hội Khóa XV (kỳ họp tháng 5/2025)"
)
DANG_UY_CHINH_PHU_NQ71 = RealPlan(
    level="sector",
    source=(
        "github.com/thetrungdtt/VNMasterplan @ d969b03, CPbaocaot5.md (Phụ lục 1, sections I-II)"
    ),
    fixture=Fixture(
        name="dang-uy-chinh-phu-nq71-phu-luc-1-muc-i-ii-2025",
        year=2025,
        preamble=[
            "Phụ lục 1: DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT 71/NQ-CP CÓ THỜI HẠN HOÀN "
            "THÀNH THÁNG 3-5/2025",
            "(Kèm theo Văn bản số -CV/ĐU ngày tháng 5 năm 2025 của Đảng ủy Chính phủ)",
        ],
        header=[
            Row(
                (
                    "TT",
                    "NHIỆM VỤ",
                    "KẾT QUẢ YÊU CẦU",
                    "THỜI GIAN HOÀN THÀNH",
                    "CƠ QUAN THỰC HIỆN",
                    "TIẾN ĐỘ",
                    "KẾT QUẢ HIỆN NAY",
                ),
                bold=True,
            )
        ],
        body=[
            *_section(
                "I",
                "Nhận thức",
                7,
                [
                    (
                        "1.",
                        "Xây dựng, trình Thủ tướng Chính phủ ban hành và tổ chức triển khai "
                        "chương trình tuyên truyền thường xuyên, sâu rộng về nội dung Nghị "
                        "quyết 57-NQ/TW theo hướng: đa dạng hóa các hình thức, cụ thể hóa nội "
                        "dung và có mục tiêu cụ thể.",
                        "Quyết định của Thủ tướng Chính phủ",
                        "Tháng 4/2025",
                        MOST,
                        "Hoàn thành",
                        "Thủ tướng Chính phủ sẽ xem xét, ban hành trước ngày 28/5",
                    ),
                    (
                        "2.",
                        "Xây dựng văn bản quy định trách nhiệm người đứng đầu các cơ quan nhà "
                        "nước trực tiếp phụ trách, lãnh đạo, chỉ đạo triển khai nhiệm vụ về "
                        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
                        "của cơ quan, tổ chức.",
                        "Quyết định của Thủ tướng Chính phủ",
                        "Tháng 4/2025",
                        MOST,
                        "Hoàn thành",
                        "Thủ tướng Chính phủ sẽ xem xét, ban hành trước ngày 28/5",
                    ),
                    (
                        "3.",
                        "Xây dựng, ban hành Đề án đánh giá mức độ hoàn thành nhiệm vụ chuyển "
                        "đổi số của cơ quan nhà nước, người đứng đầu và cán bộ, công chức, "
                        "viên chức trong cơ quan nhà nước.",
                        "Đề án",
                        MAY,
                        "Bộ Nội vụ",
                        "Đang thực hiện",
                        "Để triển khai nhiệm vụ này, Bộ Nội vụ sẽ sửa đổi, bổ sung Đề án xác "
                        "định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, UBND "
                        "các tỉnh, thành phố trực thuộc Trung ương, trong đó, bổ sung các "
                        "tiêu chí đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi số của cơ "
                        "quan nhà nước, người đứng đầu và cán bộ, công chức, viên chức trong "
                        "cơ quan nhà nước. Nhiệm vụ này đang được thực hiện và hoàn thành "
                        "trong tháng 5/2025.",
                    ),
                    (
                        "4.",
                        "Hoàn thành xây dựng, cập nhật điều chỉnh kế hoạch hành động triển "
                        "khai Chương trình hành động của Chính phủ.",
                        "Kế hoạch của các bộ, ngành, địa phương",
                        "Tháng 3/2025",
                        "Các bộ, ngành, địa phương",
                        "Hoàn thành",
                        "+ 22/22 bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; + 63/63 tỉnh, "
                        "thành phố trực thuộc Trung ương.",
                    ),
                    (
                        "5.",
                        "Xây dựng, ban hành văn bản làm rõ định nghĩa, nội hàm, lượng hóa các "
                        "khái niệm mới trong Nghị quyết số 57-NQ/TW để thống nhất nhận thức "
                        "và tổ chức triển khai, thực hiện.",
                        "Văn bản hướng dẫn",
                        "Tháng 3/2025",
                        MOST,
                        "Hoàn thành",
                        "Ngày 31/3/2025, Bộ Khoa học và Công nghệ đã ban hành Văn bản số "
                        "562/BKHCN-VCL hướng dẫn để thống nhất nhận thức và tổ chức triển "
                        "khai, thực hiện.",
                    ),
                    (
                        "6.",
                        "Xây dựng nền tảng đào tạo trực tuyến mở đại trà cung cấp miễn phí "
                        "các kiến thức về phát triển khoa học, công nghệ và đổi mới sáng tạo, "
                        "kiến thức, kỹ năng số, công nghệ số cơ bản cho người dân, doanh "
                        "nghiệp.",
                        "Nền tảng đào tạo trực tuyến mở đại trà",
                        "Tháng 4/2025",
                        MOST,
                        "Hoàn thành",
                        "Quyết định số 682/QĐ-BKHCN ngày 25/4/2025 công nhận 02 nền tảng.",
                    ),
                    (
                        "7.",
                        "Rà soát, bổ sung các nhiệm vụ, giải pháp trong Chương trình hành "
                        "động của Chính phủ triển khai Nghị quyết số 57-NQ/TW, bảo đảm đồng "
                        "bộ với các mục tiêu, nhiệm vụ, giải pháp đề ra tại Nghị quyết số "
                        "57-NQ/TW và Nghị quyết số 193/2025/NQ-QH15 của Quốc hội.",
                        "Chương trình hành động được cập nhật, điều chỉnh",
                        "Tháng 3/2025",
                        MOST,
                        "Hoàn thành",
                        "Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, cập "
                        "nhật bổ sung Chương trình hành động của Chính phủ thực hiện Nghị "
                        "quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.",
                    ),
                    (
                        "8.",
                        "Điều chỉnh trong dự toán ngân sách năm 2025 để bố trí ít nhất 3% "
                        "ngân sách cho phát triển khoa học, công nghệ, đổi mới sáng tạo, "
                        "chuyển đổi số và tiếp tục nâng lên 2% GDP trong 5 năm tiếp theo.",
                        "Ngân sách được bố trí đáp ứng yêu cầu",
                        MAY,
                        MOF,
                        "Hoàn thành",
                        "Nghị quyết số 196/2025/QH15 về điều chỉnh, bổ sung dự toán NSNN năm "
                        "2025; theo đó, bố trí chi NSNN năm 2025 cho khoa học, công nghệ, đổi "
                        "mới sáng tạo và chuyển đổi số quốc gia để đáp ứng yêu cầu của Nghị "
                        "quyết số 57-NQ/TW. Trường hợp sau khi đã sử dụng nguồn tăng thu ngân "
                        "sách trung ương năm 2024 theo quyết định của Ủy ban Thường vụ Quốc "
                        "hội nhưng chưa đảm bảo mức bố trí ít nhất 3% chi ngân sách nhà nước "
                        "năm 2025 cho nhiệm vụ quy định tại Điều này, cho phép Chính phủ điều "
                        "chỉnh, sắp xếp trong phạm vi các khoản dự toán chi ngân sách trung "
                        "ương năm 2025 chưa phân bổ đầu năm để thực hiện.",
                    ),
                ],
            ),
            *_section(
                "II",
                "Thể chế",
                7,
                [
                    (
                        "9.",
                        "Sửa đổi Luật Khoa học và Công nghệ (2013) và các luật có liên "
                        "quan... (chi tiết các nội dung sửa đổi)",
                        LAW,
                        MAY,
                        MOST,
                        "Hoàn thành",
                        SESSION_9,
                    ),
                    (
                        "10.",
                        "Xây dựng Luật sửa đổi, bổ sung 07 Luật (Luật Đấu thầu; Luật Đầu tư "
                        "theo phương thức đối tác công tư; Luật Hải quan; Luật Thuế xuất "
                        "khẩu, thuế nhập khẩu; Luật Đầu tư; Luật Đầu tư công; Luật Quản lý, "
                        "sử dụng tài sản công).",
                        LAW,
                        MAY,
                        MOF,
                        "Đang thực hiện",
                        SESSION_9,
                    ),
                    (
                        "11.",
                        "Dự án Luật Năng lượng nguyên tử (sửa đổi).",
                        LAW,
                        MAY,
                        MOST,
                        "Hoàn thành",
                        SESSION_9,
                    ),
                    (
                        "12.",
                        "Dự án Luật sửa đổi, bổ sung một số điều của Luật Chất lượng sản "
                        "phẩm, hàng hóa.",
                        LAW,
                        MAY,
                        MOST,
                        "Hoàn thành",
                        "Trình Quốc hội xem xét thông qua tại kỳ họp lần thứ 9, Quốc hội Khóa "
                        "XV (kỳ họp tháng 5/2025). Ngày 17/5/2025, dự án Luật SĐBS 1 số điều "
                        "của Luật CLSPHH đã được thảo luận tại Hội trường. Hiện nay, UBTĐC QG "
                        "đang phối hợp với UB KHCNMT QH tiếp thu ý kiến của các ĐBQH.",
                    ),
                    (
                        "13.",
                        "Hoàn thiện Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và "
                        "Quy chuẩn kỹ thuật trình Quốc hội thông qua tại Kỳ họp thứ 9.",
                        LAW,
                        MAY,
                        MOST,
                        "Hoàn thành",
                        SESSION_9,
                    ),
                    (
                        "14.",
                        "Sửa đổi một số quy định trong Luật Ngân sách nhà nước để có quy định "
                        "riêng cho phù hợp với đặc thù và thông lệ quốc tế trong lập dự toán, "
                        "quyết toán, tài trợ và sử dụng ngân sách nhà nước thực hiện các "
                        "nhiệm vụ khoa học và công nghệ.",
                        LAW,
                        MAY,
                        MOF,
                        "Đang thực hiện",
                        SESSION_9,
                    ),
                    (
                        "15.",
                        "Xây dựng Luật Thuế thu nhập doanh nghiệp sửa đổi, bổ sung, trong đó "
                        "nghiên cứu có chính sách không áp dụng thuế thu nhập doanh nghiệp "
                        "đối với tổ chức khoa học và công nghệ, cơ sở giáo dục đại học công "
                        "lập hoạt động không vì lợi nhuận.",
                        "Đề xuất sửa đổi Luật",
                        MAY,
                        MOF,
                        "Đang thực hiện",
                        SESSION_9,
                    ),
                    (
                        "16.",
                        "Xây dựng Luật sửa đổi, bổ sung một số điều Luật Thuế xuất khẩu, nhập "
                        "khẩu để thúc đẩy doanh nghiệp đầu tư cho khoa học, công nghệ, đổi "
                        "mới sáng tạo, chuyển đổi số và đào tạo nhân lực; thu hút cá nhân "
                        "hoạt động khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
                        "Trình Quốc hội dự thảo Luật",
                        MAY,
                        MOF,
                        "Đang thực hiện",
                        "Sửa đổi trong Luật sửa đổi 07 Luật",
                    ),
                    (
                        "17.",
                        "Bổ sung các chính sách tháo gỡ điểm nghẽn và hoàn thiện Luật Công "
                        "nghiệp công nghệ số trình Quốc hội thông qua.",
                        LAW,
                        MAY,
                        MOST,
                        "Hoàn thành",
                        "Trình Quốc hội xem xét thông qua tại kỳ họp lần thứ 9, Quốc hội Khóa "
                        "XV (kỳ họp tháng 5/2025). Ngày 09/5/2025, Quốc hội đã thảo luận về "
                        "dự thảo Luật Công nghiệp công nghệ số tại Hội trường.",
                    ),
                    (
                        "18.",
                        "Xây dựng quy định cơ chế đặc thù về đầu tư, đầu tư công, mua sắm "
                        "công các sản phẩm, dịch vụ số để đẩy nhanh chuyển đổi số quốc gia "
                        "giai đoạn 2025-2030.",
                        "Cơ chế được cấp có thẩm quyền ban hành",
                        MAY,
                        MOF,
                        "Đang thực hiện",
                        "Bộ Tài chính đã tổng hợp các vướng mắc, khó khăn trong đầu tư, đầu "
                        "tư công của các bộ, ngành và địa phương, điều chỉnh tại các Luật "
                        "trình Quốc hội thông qua tại kỳ họp thứ 9, Quốc hội khóa XV, gồm: "
                        "(1) Luật Ngân sách nhà nước; (2) Luật Quản lý và đầu tư vốn nhà nước "
                        "tại doanh nghiệp; (3) Luật Doanh nghiệp; (4) Luật Quản lý thuế; (5) "
                        "Luật sửa đổi, bổ sung 07 Luật (Luật Đấu thầu; Luật Đầu tư theo "
                        "phương thức đối tác công tư; Luật Hải quan; Luật Thuế xuất khẩu, "
                        "thuế nhập khẩu; Luật Đầu tư; Luật Đầu tư công; Luật Quản lý, sử dụng "
                        "tài sản công).",
                    ),
                    (
                        "19.",
                        "Xây dựng và trình Chính phủ ban hành Nghị định quy định chi tiết và "
                        "hướng dẫn thi hành một số điều của Nghị quyết số 193/2025/QH15 của "
                        "Quốc hội về thí điểm một số cơ chế, chính sách đặc biệt tạo đột phá "
                        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
                        "quốc gia.",
                        "Nghị định của Chính phủ",
                        "Tháng 3/2025",
                        MOST,
                        "Hoàn thành",
                        "Nghị định số 88/2025/NĐ-CP ngày 13/4/2025 quy định chi tiết và hướng "
                        "dẫn một số điều của Nghị quyết số 193/2025/QH15 ngày 19 tháng 02 năm "
                        "2025 của Quốc hội về thí điểm một số cơ chế, chính sách đặc biệt tạo "
                        "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển "
                        "đổi số quốc gia",
                    ),
                ],
            ),
        ],
        width=7,
        expected=[
            E("1", NQ71_SECTION_I, MOST, "", "Tháng 4/2025"),
            E("2", NQ71_SECTION_I, MOST, "", "Tháng 4/2025"),
            E("3", NQ71_SECTION_I, "Bộ Nội vụ", "", MAY),
            E("4", NQ71_SECTION_I, "", "", "Tháng 3/2025"),
            E("5", NQ71_SECTION_I, MOST, "", "Tháng 3/2025"),
            E("6", NQ71_SECTION_I, MOST, "", "Tháng 4/2025"),
            E("7", NQ71_SECTION_I, MOST, "", "Tháng 3/2025"),
            E("8", NQ71_SECTION_I, MOF, "", MAY),
            E("9", NQ71_SECTION_II, MOST, "", MAY),
            E("10", NQ71_SECTION_II, MOF, "", MAY),
            E("11", NQ71_SECTION_II, MOST, "", MAY),
            E("12", NQ71_SECTION_II, MOST, "", MAY),
            E("13", NQ71_SECTION_II, MOST, "", MAY),
            E("14", NQ71_SECTION_II, MOF, "", MAY),
            E("15", NQ71_SECTION_II, MOF, "", MAY),
            E("16", NQ71_SECTION_II, MOF, "", MAY),
            E("17", NQ71_SECTION_II, MOST, "", MAY),
            E("18", NQ71_SECTION_II, MOF, "", MAY),
            E("19", NQ71_SECTION_II, MOST, "", "Tháng 3/2025"),
        ],
    ),
)

CENTRAL_PLANS: list[RealPlan] = [CHINH_PHU_NQ57, CHINH_PHU_NQ57_MUC_II, DANG_UY_CHINH_PHU_NQ71]
