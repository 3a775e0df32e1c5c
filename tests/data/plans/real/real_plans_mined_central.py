"""The Prime Minister's plan for digital transformation of built infrastructure, from the archive
real_plans_mined.py describes."""

from __future__ import annotations

from fixtures import E, Fixture, Row
from real_plans_mined_city import ARCHIVE
from record import RealPlan
from record import tasks as _tasks

# Thủ tướng Chính phủ, Quyết định số 2597/QĐ-TTg ngày 27/11/2025 phê duyệt Đề án chuyển đổi số
# trong hoạt động xây dựng, quản lý, khai thác kết cấu hạ tầng xây dựng: "Phụ lục. Danh mục các
# nhiệm vụ trọng tâm", the whole table (parts I-VII, 25 tasks). Each part's row is bold, its
# other cells left blank rather than merged; the numbers start again in each part. "Các bộ,
# ngành (, địa phương) liên quan", "các địa phương", "các doanh nghiệp viễn thông" name nobody
# in particular, beside a ministry or alone.
BXD, BKHCN, BTC = "Bộ Xây dựng", "Bộ Khoa học và Công nghệ", "Bộ Tài chính"
PARTS = [
    "I. CƠ CHẾ, CHÍNH SÁCH",
    "II. CHỈ ĐẠO, ĐIỀU HÀNH",
    "III. HẠ TẦNG KỸ THUẬT PHỤC VỤ CHUYỂN ĐỔI SỐ",
    "IV. CHUYỂN ĐỔI SỐ TRONG CÁC LĨNH VỰC CHUYÊN NGÀNH",
    "V. BẢO ĐẢM AN TOÀN THÔNG TIN",
    "VI. PHÁT TRIỂN NGUỒN NHÂN LỰC",
    "VII. HỢP TÁC QUỐC TẾ",
]
# Per part: (lead, partners, time) of each task, as read from the original.
READ = [
    [
        (BXD, "", "2026"),
        (BXD, "", "2026"),
        (BXD, BKHCN, "2026-2027"),
        (BXD, "", "2026-2027"),
        (BKHCN, BXD, "2026-2027"),
    ],
    [
        (BXD, BKHCN, "2026"),
        (BXD, BKHCN, "2026"),
        (BXD, "", "2026-2027"),
        (BXD, "Bộ Nông nghiệp và Môi trường", "2026"),
    ],
    [
        (BXD, "", "2026-2030"),
        (BXD, "", "2026-2030"),
        (BXD, f"{BTC}|Bộ Nông nghiệp và Môi trường", "2026-2027"),
        (BXD, "", "2026-2030"),
        (BXD, BKHCN, "2026-2030"),
        (BXD, "", "2026-2028"),
    ],
    [(BXD, "", "2026-2030"), (BXD, "", "2026-2030"), (BXD, "", "2026-2028")],
    [(BXD, "", "2026-2030")],
    [(BXD, BKHCN, "2026-2030"), (BXD, "", "2026-2030"), (BXD, BKHCN, "2026-2030")],
    [(BXD, "", "2026-2028"), (BXD, "", "2026-2030"), (BTC, BXD, "2026-2030")],
]
CHINH_PHU_CDS_HA_TANG = RealPlan(
    level="sector",
    source=ARCHIVE.format("ec00bd6f58be7864", "Thủ tướng Chính phủ 2597/QĐ-TTg, Phụ lục"),
    fixture=Fixture(
        name="chinh-phu-chuyen-doi-so-ha-tang-xay-dung-2025",
        year=2025,
        preamble=[
            "PHỤ LỤC",
            "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM VỀ CHUYỂN ĐỔI SỐ TRONG HOẠT ĐỘNG XÂY DỰNG, QUẢN LÝ, "
            "KHAI THÁC KẾT CẤU HẠ TẦNG XÂY DỰNG (GIAI ĐOẠN 2025-2030)",
            "(Kèm theo Quyết định số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025 của Thủ tướng Chính "
            "phủ)",
        ],
        header=[
            Row(
                (
                    "STT",
                    "Tên nhiệm vụ/dự án",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Kết quả dự kiến",
                    "Thời gian triển khai",
                ),
                bold=True,
            )
        ],
        body=[
            Row(("I", "CƠ CHẾ, CHÍNH SÁCH", "", "", "", ""), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Rà soát toàn diện các luật, nghị định, thông tư có liên quan đến đầu "
                        "tư xây dựng, quản lý, khai thác kết cấu hạ tầng để cập nhật, bổ sung "
                        "nội dung về chuyển đổi số, dữ liệu số, hồ sơ điện tử, bản sao số "
                        "(Digital Twin), mô hình thông tin công trình (BIM), và vận hành thông "
                        "minh",
                        "Bộ Xây dựng",
                        "Các bộ, ngành liên quan",
                        "Các Văn bản quy phạm pháp luật được sửa đổi, bổ sung",
                        "2026",
                    ),
                    (
                        "2",
                        "Đề xuất sửa đổi hoặc ban hành mới các quy định về giá trị pháp lý của "
                        "dữ liệu điện tử, quy trình sử dụng hồ sơ số trong công tác thẩm định, "
                        "nghiệm thu, bàn giao, giám sát, kiểm tra công trình",
                        "Bộ Xây dựng",
                        "Các bộ, ngành liên quan",
                        "Các Văn bản quy phạm pháp luật được ban hành mới hoặc sửa đổi, bổ sung",
                        "2026",
                    ),
                    (
                        "3",
                        "Xây dựng và ban hành các tiêu chuẩn quốc gia, quy chuẩn kỹ thuật về cơ"
                        " sở dữ liệu số về công trình hạ tầng, bản sao số (Digital Twin) công "
                        "trình hạ tầng, chuẩn kết nối và chia sẻ dữ liệu hạ tầng; áp dụng BIM "
                        "trong toàn bộ vòng đời công trình; ứng dụng các công nghệ như IoT, AI,"
                        " cảm biến thông minh trong quản lý vận hành hạ tầng",
                        "Bộ Xây dựng",
                        "Bộ Khoa học và Công nghệ",
                        "Các tiêu chuẩn quốc gia, quy chuẩn kỹ thuật được ban hành",
                        "2026-2027",
                    ),
                    (
                        "4",
                        "Thiết lập cơ chế tích hợp, liên thông và khai thác dữ liệu kết cấu hạ "
                        "tầng giữa các hệ thống quản lý hạ tầng của các lĩnh vực xây dựng, giao"
                        " thông, đô thị nhằm hình thành hệ sinh thái dữ liệu kết cấu hạ tầng "
                        "quốc gia",
                        "Bộ Xây dựng",
                        "Các bộ, ngành, địa phương",
                        "Văn bản quy định được ban hành",
                        "2026-2027",
                    ),
                    (
                        "5",
                        "Thiết lập cơ chế kiểm tra, giám sát và đánh giá hiệu quả thực hiện "
                        "chuyển đổi số trong xây dựng, quản lý, khai thác kết cấu hạ tầng theo "
                        "các tiêu chí về dữ liệu, nền tảng, quy trình, nhân lực và kết quả đầu "
                        "ra",
                        "Bộ Khoa học và Công nghệ",
                        "Bộ Xây dựng",
                        "Văn bản quy định được ban hành",
                        "2026-2027",
                    ),
                ]
            ),
            Row(("II", "CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", ""), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Chuẩn hóa các danh mục dữ liệu, biểu mẫu, cấu trúc dữ liệu kết cấu hạ "
                        "tầng theo tiêu chuẩn thống nhất phục vụ liên thông dữ liệu giữa trung "
                        "ương và địa phương, giữa các lĩnh vực hạ tầng giao thông, đô thị",
                        "Bộ Xây dựng",
                        "Bộ Khoa học và Công nghệ",
                        "Các danh mục dữ liệu, biểu mẫu được chuẩn hóa",
                        "2026",
                    ),
                    (
                        "2",
                        "Triển khai mã định danh thống nhất cho công trình hạ tầng phục vụ công"
                        " tác theo dõi, quản lý công trình",
                        "Bộ Xây dựng",
                        "Bộ Khoa học và Công nghệ",
                        "Các công trình hạ tầng được gán mã định danh thống nhất",
                        "2026",
                    ),
                    (
                        "3",
                        "Xây dựng, hoàn thiện hệ thống quản lý, điều hành tập trung dựa trên dữ"
                        " liệu kết cấu hạ tầng theo thời gian thực, bao gồm giám sát tiến độ dự"
                        " án, phát hiện rủi ro kỹ thuật, quản lý bảo trì, lập kế hoạch đầu tư "
                        "trung hạn",
                        "Bộ Xây dựng",
                        "Các bộ, ngành liên quan",
                        "Hệ thống thông tin tập trung",
                        "2026-2027",
                    ),
                    (
                        "4",
                        "Kết nối, chia sẻ dữ liệu kết cấu hạ tầng với các hệ thống, cơ sở dữ "
                        "liệu đất đai, quy hoạch, cấp phép xây dựng, giao thông thông minh... "
                        "để hỗ trợ ra quyết định và đồng bộ dữ liệu",
                        "Bộ Xây dựng",
                        "Bộ Nông nghiệp và Môi trường, các địa phương",
                        "Kết nối, chia sẻ dữ liệu kết cấu hạ tầng với các hệ thống liên quan",
                        "2026",
                    ),
                ]
            ),
            Row(("III", "HẠ TẦNG KỸ THUẬT PHỤC VỤ CHUYỂN ĐỔI SỐ", "", "", "", ""), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Đầu tư xây dựng và nâng cấp hạ tầng công nghệ thông tin đồng bộ từ "
                        "trung ương đến địa phương phục vụ lưu trữ, xử lý, truyền tải và chia "
                        "sẻ dữ liệu về kết cấu hạ tầng trên phạm vi toàn quốc",
                        "Bộ Xây dựng, các địa phương",
                        "Các bộ, ngành liên quan",
                        "Hạ tầng công nghệ thông tin đồng bộ",
                        "2026-2030",
                    ),
                    (
                        "2",
                        "Xây dựng trung tâm dữ liệu (Data Center) hoặc sử dụng hạ tầng điện "
                        "toán đám mây (Cloud) đáp ứng yêu cầu lưu trữ dữ liệu bản sao số công "
                        "trình, dữ liệu BIM, GIS và cảm biến IoT theo thời gian thực",
                        "Bộ Xây dựng",
                        "Các bộ, ngành liên quan",
                        "Trung tâm dữ liệu hoặc hạ tầng điện toán đám mây (Cloud)",
                        "2026-2030",
                    ),
                    (
                        "3",
                        "Phát triển hệ thống định danh và mã hóa hạ tầng theo chuẩn thống nhất "
                        "cho các công trình hạ tầng (mã số công trình, mã số hạng mục...) phục "
                        "vụ quản lý dữ liệu xuyên suốt vòng đời công trình; tích hợp hệ thống "
                        "mã số công trình với cơ sở dữ liệu quốc gia về đầu tư công, đất đai, "
                        "giao thông, xây dựng và đô thị",
                        "Bộ Xây dựng",
                        "Bộ Tài chính, Bộ Nông nghiệp và Môi trường, các địa phương",
                        "Tích hợp hệ thống mã số công trình với cơ sở dữ liệu quốc gia về đầu "
                        "tư công, đất đai, giao thông, xây dựng và đô thị",
                        "2026-2027",
                    ),
                    (
                        "4",
                        "Xây dựng và vận hành thí điểm Trung tâm điều hành hạ tầng thông minh "
                        "cho các lĩnh vực xây dựng, giao thông, đô thị có khả năng cảnh báo sự "
                        "cố và tình trạng bất thường của công trình; phân tích dữ liệu và hỗ "
                        "trợ ra quyết định trong vận hành, bảo trì; tích hợp bản sao số "
                        "(Digital Twin), bản đồ GIS, dữ liệu BIM vào Trung tâm điều hành hạ "
                        "tầng thông minh để điều hành linh hoạt, đa chiều...",
                        "Bộ Xây dựng",
                        "Các bộ, ngành liên quan",
                        "Trung tâm điều hành hạ tầng thông minh",
                        "2026-2030",
                    ),
                    (
                        "5",
                        "Phát triển hạ tầng đo lường, giám sát và thu thập dữ liệu hiện trường "
                        "các công trình hạ tầng trọng điểm để thu thập dữ liệu trạng thái kết "
                        "cấu hạ tầng theo thời gian thực; xây dựng hệ thống truyền dẫn dữ liệu "
                        "từ công trình về trung tâm xử lý thông qua các công nghệ mạng viễn "
                        "thông hoặc hạ tầng truyền dẫn chuyên dùng.",
                        "Bộ Xây dựng",
                        "Bộ Khoa học và Công nghệ; các doanh nghiệp viễn thông",
                        "Hệ thống truyền dẫn dữ liệu",
                        "2026-2030",
                    ),
                    (
                        "6",
                        "Xây dựng bản đồ số quy hoạch khoáng sản làm vật liệu xây dựng và mạng "
                        "lưới cơ sở sản xuất vật liệu xây dựng tại Việt Nam tích hợp nền bản đồ"
                        " số vệ tinh giúp trực quan hóa dữ liệu quy hoạch, hỗ trợ phân tích và "
                        "ra quyết định",
                        "Bộ Xây dựng",
                        "Các bộ, ngành, địa phương liên quan",
                        "Bản đồ số quy hoạch khoáng sản",
                        "2026-2028",
                    ),
                ]
            ),
            Row(("IV", "CHUYỂN ĐỔI SỐ TRONG CÁC LĨNH VỰC CHUYÊN NGÀNH", "", "", "", ""), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Chuyển đổi số trong hoạt động xây dựng, quản lý, khai thác kết cấu hạ "
                        "tầng đô thị",
                        "Bộ Xây dựng",
                        "Các địa phương",
                        "Triển khai đồng bộ",
                        "2026-2030",
                    ),
                    (
                        "2",
                        "Chuyển đổi số trong hoạt động xây dựng, quản lý, khai thác kết cấu hạ "
                        "tầng giao thông",
                        "Bộ Xây dựng",
                        "Các bộ, ngành, địa phương liên quan",
                        "Triển khai đồng bộ",
                        "2026-2030",
                    ),
                    (
                        "3",
                        "Xây dựng kho dữ liệu mô hình thông tin công trình (BIM) quốc gia",
                        "Bộ Xây dựng",
                        "Các bộ, ngành, địa phương liên quan",
                        "Kho dữ liệu mô hình BIM quốc gia",
                        "2026-2028",
                    ),
                ]
            ),
            Row(("V", "BẢO ĐẢM AN TOÀN THÔNG TIN", "", "", "", ""), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Đầu tư hệ thống an toàn, bảo mật hạ tầng kỹ thuật đáp ứng cấp độ an "
                        "toàn thông tin theo quy định của Luật An toàn thông tin mạng và các "
                        "văn bản hướng dẫn liên quan; thiết lập hệ thống dự phòng, sao lưu, "
                        "phục hồi dữ liệu kết cấu hạ tầng và tổ chức giám sát an ninh mạng 24/7"
                        " cho các nền tảng dữ liệu và ứng dụng vận hành hạ tầng trọng yếu",
                        "Bộ Xây dựng, các địa phương",
                        "Các bộ, ngành liên quan",
                        "Đảm bảo an toàn, bảo mật hệ thống",
                        "2026-2030",
                    ),
                ]
            ),
            Row(("VI", "PHÁT TRIỂN NGUỒN NHÂN LỰC", "", "", "", ""), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Nghiên cứu, xây dựng chương trình và tổ chức đào tạo, bồi dưỡng về "
                        "chuyển đổi số trong hoạt động xây dựng, quản lý, khai thác kết cấu hạ "
                        "tầng xây dựng cho đối tượng cán bộ, công chức, viên chức, người lao "
                        "động ngành xây dựng",
                        "Bộ Xây dựng",
                        "Bộ Khoa học và Công nghệ",
                        "Các chương trình, kế hoạch được ban hành",
                        "2026-2030",
                    ),
                    (
                        "2",
                        "Hình thành đội ngũ cán bộ thực hiện chuyển đổi số trong các cơ quan, "
                        "đơn vị phục vụ công tác xây dựng, quản lý, khai thác kết cấu hạ tầng "
                        "xây dựng",
                        "Bộ Xây dựng, các địa phương",
                        "Các bộ, ngành liên quan",
                        "Cán bộ đáp ứng yêu cầu chuyển đổi số",
                        "2026-2030",
                    ),
                    (
                        "3",
                        "Xây dựng khung năng lực và tổ chức đào tạo, bồi dưỡng cho đối tượng là"
                        " cán bộ, công chức, viên chức thực hiện chuyển đổi số trong xây dựng, "
                        "quản lý, khai thác kết cấu hạ tầng xây dựng",
                        "Bộ Xây dựng",
                        "Bộ Khoa học và Công nghệ; các bộ, ngành liên quan",
                        "Khung năng lực chuyển đổi số trong xây dựng, quản lý, khai thác kết "
                        "cấu hạ tầng xây dựng",
                        "2026-2030",
                    ),
                ]
            ),
            Row(("VII", "HỢP TÁC QUỐC TẾ", "", "", "", ""), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Liên kết với các viện nghiên cứu, trường đại học nước ngoài để đào tạo"
                        " chuyên gia trong lĩnh vực kết cấu hạ tầng; trao đổi chuyên gia, tổ "
                        "chức hội thảo quốc tế, nghiên cứu ứng dụng kỹ thuật tiên tiến vào điều"
                        " kiện tại Việt Nam; tham gia các tổ chức, diễn đàn quốc tế và khu vực",
                        "Bộ Xây dựng",
                        "Các bộ, ngành liên quan",
                        "Khóa đào tạo, hội thảo được tổ chức",
                        "2026-2028",
                    ),
                    (
                        "2",
                        "Tăng cường hợp tác quốc tế trong lĩnh vực xây dựng, quản lý, khai thác"
                        " kết cấu hạ tầng",
                        "Bộ Xây dựng",
                        "Các bộ, ngành liên quan",
                        "Đẩy mạnh hợp tác quốc tế",
                        "2026-2030",
                    ),
                    (
                        "3",
                        "Hợp tác đầu tư và tài chính, thu hút vốn đầu tư nước ngoài vào hạ tầng"
                        " xây dựng qua ODA, PPP, FDI trong xây dựng, khai thác cảng, sân bay, "
                        "đường sắt, đường bộ, đô thị thông minh",
                        "Bộ Tài chính",
                        "Bộ Xây dựng",
                        "Đẩy mạnh hợp tác quốc tế",
                        "2026-2030",
                    ),
                ]
            ),
        ],
        width=6,
        expected=[
            E(f"{part.split('.')[0]}.{number}", part, lead, partners, time)
            for part, tasks in zip(PARTS, READ, strict=True)
            for number, (lead, partners, time) in enumerate(tasks, start=1)
        ],
    ),
)
