"""Plan appendices of provinces and ministries kept as Markdown in a public document archive.

Written like real_plans.py (whose docstring says how a rebuild is made and checked). The
archive (github.com/tnt305/tai_lieu_noi_bo, src/etl/dataset/) holds the text of each issued
document with its tables as the legal-documents library publishes them: one cell a paragraph,
a merged cell written once. Each fixture below rebuilds one appendix table, or the contiguous
part of it that is named, from that text, in the original's layout.
"""

from __future__ import annotations

from fixtures import Cell, E, Fixture, Row
from real_plans_mined_central import CHINH_PHU_CDS_HA_TANG
from real_plans_mined_parts import ARCHIVE, MINED_PARTS, SKHCN
from real_plans_mined_vpcp import VPCP_CHAM_MUON
from record import RealPlan
from record import tasks as _tasks

# UBND tỉnh Đồng Tháp, Kế hoạch số 617/KH-UBND ngày 01/12/2025, chuyển đổi số cho doanh nghiệp,
# hợp tác xã, hộ kinh doanh: "Phụ lục. Danh mục các nhiệm vụ trọng tâm", the whole table. Each
# part is a row merged across the table; the tasks are numbered 1-11 through the parts.
DT617_PARTS = [
    "I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY",
    "II. HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH HỖ TRỢ CHUYỂN ĐỔI SỐ DOANH NGHIỆP",
    "III. PHÁT TRIỂN HẠ TẦNG SỐ VÀ THÚC ĐẨY ỨNG DỤNG TRONG SẢN XUẤT KINH DOANH",
    "IV. HỢP TÁC VÀ THU HÚT ĐẦU TƯ",
]
KHCN, COMMUNES = "Sở KH&CN", "UBND các xã, phường"
QUARTER = "Quí IV-2025"
DONG_THAP_CDS_DN = RealPlan(
    level="province",
    source=ARCHIVE.format("8718801c503045f9", "UBND tỉnh Đồng Tháp 617/KH-UBND, Phụ lục"),
    fixture=Fixture(
        name="tinh-dong-thap-chuyen-doi-so-doanh-nghiep-2025",
        year=2025,
        preamble=[
            "PHỤ LỤC",
            "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM",
            "(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh)",
        ],
        header=[
            Row(
                (
                    "STT",
                    "Tên nhiệm vụ",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Thời gian hoàn thành",
                ),
                bold=True,
            )
        ],
        body=[
            Row((Cell("I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY", across=5),), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Triển khai nền tảng đào tạo trực tuyến mở đại trà, cung cấp kiến thức,"
                        " kỹ năng số, công nghệ số cơ bản cho người dân, doanh nghiệp.",
                        "Sở KH&CN",
                        "Các sở, ban, ngành tỉnh; UBND các xã, phường",
                        "Thường xuyên",
                    ),
                    (
                        "2",
                        "Triển khai đánh giá mức độ chuyển đổi số trong các doanh nghiệp trên "
                        "địa bàn Tỉnh.",
                        "Sở KH&CN",
                        "Các sở, ban, ngành tỉnh; UBND các xã, phường",
                        "Thường xuyên",
                    ),
                    (
                        "3",
                        "Biểu dương, tôn vinh, khen thưởng, khích lệ, động viên kịp thời bằng "
                        "nhiều hình thức đa dạng cho các doanh nghiệp, tổ chức, cá nhân có "
                        "thành tích trong chuyển đổi số.",
                        "Sở Nội vụ",
                        "Sở KH&CN; các cơ quan, đơn vị liên quan",
                        "Thường xuyên, hằng năm",
                    ),
                ]
            ),
            Row(
                (
                    Cell(
                        "II. HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH HỖ TRỢ CHUYỂN ĐỔI SỐ DOANH NGHIỆP",
                        across=5,
                    ),
                ),
                bold=True,
            ),
            *_tasks(
                [
                    (
                        "4",
                        "Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp.",
                        "Sở KH&CN",
                        "Các sở, ban, ngành tỉnh",
                        "Quí IV-2025",
                    ),
                    (
                        "5",
                        "Hỗ trợ cho các doanh nghiệp, nhất là doanh nghiệp nhỏ và vừa, hợp tác "
                        "xã, hộ kinh doanh phát triển, kinh doanh trên môi trường số.",
                        "Sở Công Thương",
                        "UBND các xã, phường",
                        "Quí IV-2025",
                    ),
                    (
                        "6",
                        "Xây dựng Kế hoạch hỗ trợ doanh nghiệp tham gia phát triển các ứng "
                        "dụng, dịch vụ số mới theo hình thức hợp tác công tư (PPP)",
                        "Sở KH&CN",
                        "Các sở, ban, ngành tỉnh; các đơn vị liên quan; UBND các xã, phường",
                        "Quí IV-2025",
                    ),
                    (
                        "7",
                        "Hỗ trợ doanh nghiệp nhỏ và vừa theo Nghị định số 80/2021/NĐ-CP ngày "
                        "26/8/2021 của Chính phủ (lĩnh vực khoa học và công nghệ) trên địa bàn "
                        "Tỉnh.",
                        "Sở KH&CN",
                        "Các sở, ban, ngành tỉnh; các đơn vị liên quan; UBND các xã, phường",
                        "Hằng năm",
                    ),
                ]
            ),
            Row(
                (
                    Cell(
                        "III. PHÁT TRIỂN HẠ TẦNG SỐ VÀ THÚC ĐẨY ỨNG DỤNG TRONG SẢN XUẤT KINH DOANH",
                        across=5,
                    ),
                ),
                bold=True,
            ),
            *_tasks(
                [
                    (
                        "8",
                        "Xây dựng kế hoạch và triển khai hạ tầng 5G, IoT trong các khu công "
                        "nghiệp, cụm công nghiệp.",
                        "Sở KH&CN",
                        "Ban Quản lý Khu kinh tế, Sở Công Thương, các doanh nghiệp viễn thông; "
                        "các cơ quan, đơn vị liên quan",
                        "Quí IV-2025",
                    ),
                ]
            ),
            Row((Cell("IV. HỢP TÁC VÀ THU HÚT ĐẦU TƯ", across=5),), bold=True),
            *_tasks(
                [
                    (
                        "9",
                        "Tổ chức học tập kinh nghiệm các tỉnh, thành phố có các mô hình, chuyển"
                        " đổi số trong các doanh nghiệp trên địa bàn Tỉnh.",
                        "Sở KH&CN",
                        "Các sở, ban, ngành tỉnh; UBND các xã, phường",
                        "Thường xuyên",
                    ),
                    (
                        "10",
                        "Tổ chức xúc tiến đầu tư, thu hút, mời gọi các nhà đầu tư trong và "
                        "ngoài nước có tiềm lực, thương hiệu mạnh trong các lĩnh vực công nghệ "
                        "cao, công nghệ thông tin, chuyển đổi số.",
                        "Sở KH&CN",
                        "Các sở, ban, ngành tỉnh; UBND các xã, phường",
                        "Thường xuyên",
                    ),
                    (
                        "11",
                        "Đẩy mạnh hợp tác với doanh nghiệp, viện, trường trong và ngoài nước về"
                        " chuyển đổi số trong các doanh nghiệp trên địa bàn tỉnh phù hợp với "
                        "đặc thù, tiềm năng, thế mạnh của địa phương.",
                        "Sở KH&CN",
                        "Các sở, ban, ngành tỉnh; UBND các xã, phường",
                        "Quí IV-2025",
                    ),
                ]
            ),
        ],
        width=5,
        expected=[
            E("1", DT617_PARTS[0], KHCN, COMMUNES, "Thường xuyên"),
            E("2", DT617_PARTS[0], KHCN, COMMUNES, "Thường xuyên"),
            E("3", DT617_PARTS[0], "Sở Nội vụ", KHCN, "Thường xuyên, hằng năm"),
            E("4", DT617_PARTS[1], KHCN, "", QUARTER),
            E("5", DT617_PARTS[1], "Sở Công Thương", COMMUNES, QUARTER),
            E("6", DT617_PARTS[1], KHCN, COMMUNES, QUARTER),
            E("7", DT617_PARTS[1], KHCN, COMMUNES, "Hằng năm"),
            E("8", DT617_PARTS[2], KHCN, "Ban Quản lý Khu kinh tế|Sở Công Thương", QUARTER),
            E("9", DT617_PARTS[3], KHCN, COMMUNES, "Thường xuyên"),
            E("10", DT617_PARTS[3], KHCN, COMMUNES, "Thường xuyên"),
            E("11", DT617_PARTS[3], KHCN, COMMUNES, QUARTER),
        ],
    ),
)

# UBND thành phố Hà Nội, Kế hoạch số 310/KH-UBND (2025), hạ tầng 5G, IoT trong các khu công
# nghệ cao, khu công nghiệp, cụm công nghiệp: "Phụ lục. Nhiệm vụ chủ yếu", the whole table
# (six tasks; the appendix leaves the plan's number and day blank). The archive runs the two
# lines of task 1's partner cell together ("Sở Khoa học và Công nghệ Sở Công Thương"); they
# are rebuilt as the two lines of the cell. Enterprises, "nhà cung cấp dịch vụ IoT, nhà đầu
# tư" are a class of actors, not units.
BQL = "Ban Quản lý các khu công nghệ cao và khu công nghiệp"
HA_NOI_5G = RealPlan(
    level="province",
    source=ARCHIVE.format("31786b0833a4130d", "UBND thành phố Hà Nội 310/KH-UBND, Phụ lục"),
    fixture=Fixture(
        name="thanh-pho-ha-noi-ha-tang-5g-iot-2025",
        year=2025,
        preamble=[
            "PHỤ LỤC",
            "NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG 5G, IoT TRONG CÁC KHU CÔNG NGHỆ "
            "CAO, KHU CÔNG NGHIỆP, CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI ĐẾN NĂM 2030",
            "(Kèm theo Kế hoạch số: /KH-UBND ngày / /2025 của UBND thành phố Hà Nội)",
        ],
        header=[
            Row(
                (
                    "TT",
                    "Nội dung/nhiệm vụ",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Thời gian thực hiện",
                ),
                bold=True,
            )
        ],
        body=[
            *_tasks(
                [
                    (
                        "1",
                        "Tổ chức điều chỉnh, bổ sung quy hoạch hạ tầng viễn thông trong các khu"
                        " công nghệ cao và khu công nghiệp đến năm 2030",
                        "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
                        "Sở Khoa học và Công nghệ\nSở Công Thương; UBND các phường, xã",
                        "Quý III Năm 2026",
                    ),
                    (
                        "2",
                        "Khảo sát, đánh giá thực trạng hạ tầng viễn thông, nhu cầu chuyển đổi "
                        "số doanh nghiệp trong các khu công nghệ cao, khu công nghiệp, cụm công"
                        " nghiệp",
                        "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
                        "Sở Khoa học và Công nghệ, Sở Công Thương, Các doanh nghiệp viễn thông",
                        "Quý IV/2025- Quý II/2026",
                    ),
                    (
                        "3",
                        "Xây dựng kế hoạch đầu tư công, hợp tác công tư, dự toán kinh phí ngân "
                        "sách nhà nước đảm bảo thực hiện các mục tiêu, nhiệm vụ của Kế hoạch "
                        "này trong phạm vi quản lý theo quy định của pháp luật",
                        "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
                        "Sở Tài chính",
                        "Thường xuyên",
                    ),
                    (
                        "4",
                        "Tổ chức triển khai thực hiện các dự án phát triển hạ tầng có sử dụng "
                        "vốn Ngân sách nhà nước hoặc theo hình thức hợp tác công tư (PPP)",
                        "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
                        "Các doanh nghiệp đầu tư hạ tầng",
                        "Thường xuyên",
                    ),
                    (
                        "5",
                        "Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư bảo đảm kinh phí "
                        "thực hiện các mục tiêu, nhiệm vụ, giải pháp của kế hoạch này do doanh "
                        "nghiệp triển khai",
                        "Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư",
                        "Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Khoa học và "
                        "Công nghệ, Sở Công Thương",
                        "Thường xuyên",
                    ),
                    (
                        "6",
                        "Thực hiện khảo sát, thu nhập số liệu, công bố kết quả triển khai thực "
                        "hiện các mục tiêu, nhiệm vụ, giải pháp phát triển hạ tầng 5G,IoT đặt "
                        "ra tại Kế hoạch này",
                        "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
                        "Sở Khoa học và Công nghệ",
                        "Hàng năm",
                    ),
                ]
            ),
        ],
        width=5,
        expected=[
            E(
                "1",
                None,
                BQL,
                f"{SKHCN}|Sở Công Thương|UBND các phường, xã",
                "Quý III Năm 2026",
            ),
            E("2", None, BQL, f"{SKHCN}|Sở Công Thương", "Quý IV/2025- Quý II/2026"),
            E("3", None, BQL, "Sở Tài chính", "Thường xuyên"),
            E("4", None, BQL, "", "Thường xuyên"),
            E("5", None, "", f"{BQL}|{SKHCN}|Sở Công Thương", "Thường xuyên"),
            E("6", None, BQL, SKHCN, "Hàng năm"),
        ],
    ),
)


MINED_PLANS: list[RealPlan] = [
    DONG_THAP_CDS_DN,
    HA_NOI_5G,
    *MINED_PARTS,
    CHINH_PHU_CDS_HA_TANG,
    VPCP_CHAM_MUON,
]
