"""A provincial plan appendix laid out as a table of assignments, rebuilt from its text.

Written like real_plans.py (whose docstring says how a rebuild is made and checked).
"""

from __future__ import annotations

from fixtures import Cell, E, Fixture, Row
from record import RealPlan
from record import tasks as _tasks

# UBND tỉnh Lào Cai, draft Kế hoạch thực hiện Bài toán lớn số 2 "Phát triển công nghiệp khai
# thác và tinh chế nguyên liệu phục vụ phát triển công nghệ chiến lược" giai đoạn 2026 - 2030
# (drafted by Sở Công Thương, version of 14/9/2026): "Phụ lục I. Phân công nhiệm vụ thực hiện",
# the whole table. Its six columns follow the form of the province's issued plans: no TT column
# (each task's number opens its "Nội dung" cell), one "Phân công nhiệm vụ" column whose cells say
# "Chủ trì: …" and "Phối hợp: …" on two lines, "Tiến độ" holding the milestones, and a last row
# merged across the table with the plan's total budget, which is no task. The source keeps the
# table's text as data for the script that lays out the draft .docx.
TX = "Chi thường xuyên của cơ quan chủ trì (không tính riêng); vốn đầu tư của doanh nghiệp."
SCT = "Sở Công Thương"
# "Tiến độ" of tasks 1-8: what each deadline reads.
PROGRESS = [
    (
        "Khởi động quý IV/2026; báo cáo kiểm kê, bảng cân đối nguồn quý II/2027; bộ tiêu chí, "
        "danh mục khu vực không đấu giá, cơ chế ưu tiên quý IV/2027; cập nhật hằng quý đến "
        "2030."
    ),
    (
        "Danh mục và hồ sơ cơ hội đầu tư trình phê duyệt quý II/2027; hội nghị xúc tiến lần "
        "thứ nhất năm 2027; xúc tiến hằng năm 2027 - 2030; cập nhật Danh mục hằng năm."
    ),
    (
        "Mặt bằng các khai trường apatit trọng điểm hoàn thành năm 2027; mỏ Quý Xa vào khai "
        "thác năm 2027; tỷ lệ huy động công suất tuyển apatit 50% năm 2027, 80% năm 2030; đất "
        "hiếm, graphit vào khai thác trước 2030; điểm nghẽn xử lý hằng quý."
    ),
    (
        "Nhà máy axit điện tử hoàn thành đầu tư quý IV/2026, vận hành thương mại năm 2027; dự "
        "án hóa chất phốt pho tinh khiết cao được quyết định đầu tư năm 2029 (phấn đấu); dự "
        "án tái chế gyps, xỉ triển khai 2027 - 2030."
    ),
    (
        "Báo cáo điều kiện khu liên hợp gang thép Võ Lao năm 2027; mô hình thu hồi khoáng sản "
        "từ quặng đuôi tuyển đồng năm 2028; dự án sử dụng đồng tấm được quyết định đầu tư năm "
        "2029 (phấn đấu)."
    ),
    (
        "Tiếp nhận hệ thống quý IV/2026; lớp dữ liệu nghiệm thu, vận hành quý IV/2027; 80% "
        "doanh nghiệp kết nối năm 2028, 100% năm 2029; duy trì đến 2030."
    ),
    (
        "Đặt hàng đợt 1 năm 2027, đợt 2 năm 2028; chuyển giao quy trình đầu tiên năm 2028; "
        "nghiệm thu đợt 2 năm 2029; Đề án KCN sinh thái trình phê duyệt năm 2028; mô hình "
        "kinh tế tuần hoàn thứ nhất 2028, thứ hai 2030."
    ),
    (
        "Kế hoạch đào tạo và bộ chỉ số theo dõi quý II/2027; đào tạo, truyền thông, kiểm tra "
        "hằng năm; sơ kết năm 2028; tổng kết năm 2030."
    ),
]
BT2_LAO_CAI = RealPlan(
    level="province",
    source=(
        "github.com/Trangsct/skill-sct @ 33e0bee, dacn-sct-vn/skills/dacn-sct-vn/scripts/"
        "bai-toan-lon-2/phu_luc_bt2.py (R1, Phụ lục I)"
    ),
    fixture=Fixture(
        name="tinh-lao-cai-bai-toan-lon-2-2026",
        year=2026,
        preamble=[
            "PHỤ LỤC I: PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN CÔNG NGHIỆP KHAI THÁC",
            "VÀ TINH CHẾ NGUYÊN LIỆU PHỤC VỤ PHÁT TRIỂN CÔNG NGHỆ CHIẾN LƯỢC",
            "GIAI ĐOẠN 2026 - 2030, TẦM NHÌN ĐẾN NĂM 2050",
            "(Kèm theo Kế hoạch số:          /KH-UBND ngày        tháng        năm 2026 của Ủy "
            "ban nhân dân tỉnh Lào Cai)",
        ],
        header=[
            Row(
                (
                    "Nội dung",
                    "Phân công nhiệm vụ",
                    "Tiến độ",
                    "Phương pháp",
                    "Nguồn lực",
                    "Sản phẩm đầu ra",
                ),
                bold=True,
            )
        ],
        body=[
            *_tasks(
                [
                    (
                        "1. Kiểm kê, cân đối nguồn nguyên liệu và xây dựng cơ chế chuyển hóa lợi "
                        "thế tài nguyên thành giá trị gia tăng cao: rà soát từng mỏ, khai trường "
                        "theo năm mức trạng thái; danh mục mỏ, khai trường bị vướng kèm nguyên "
                        "nhân, trách nhiệm, phương án xử lý; bảng cân đối nguồn nguyên liệu - "
                        "công suất chế biến từng chuỗi; bộ tiêu chí lựa chọn dự án khai thác gắn "
                        "chế biến sâu; danh mục khu vực không đấu giá quyền khai thác đối với "
                        "nguyên liệu cho nhà máy chế biến đang hoạt động; cơ chế ưu tiên cho tổ "
                        "chức có cơ sở chế biến sâu; chính sách hỗ trợ theo NQ 193/2025/QH15; "
                        "kiểm soát bán nguyên liệu trung gian, xuất khẩu thô; tham mưu UBND tỉnh "
                        "kiến nghị Trung ương về cấm hoặc hạn chế xuất khẩu khoáng sản thô, sơ "
                        "chế, thuế xuất khẩu nguyên liệu trung gian, ưu đãi chế biến sâu.\n"
                        "(Sản phẩm 1 tại TB 78/TB-UBND)",
                        "Chủ trì: Sở Công Thương.\n"
                        "Phối hợp: Sở Tài chính, Sở NN&MT, Sở KH&CN, Sở Tư pháp, Thuế tỉnh, Thống "
                        "kê tỉnh, UBND các xã, phường, doanh nghiệp.",
                        PROGRESS[0],
                        "Sở tự thực hiện bằng bộ máy hiện có: khảo sát, làm việc với doanh "
                        "nghiệp, hội thảo, rà soát chính sách; Tổ công tác liên ngành xử lý điểm "
                        "nghẽn.",
                        "NSNN 1.500 triệu đồng (chi thường xuyên: khảo sát, hội thảo, rà soát "
                        "chính sách).",
                        "Báo cáo kiểm kê, phân loại trạng thái nguồn nguyên liệu; bảng cân đối "
                        "nguồn - công suất chế biến ba chuỗi; danh mục điểm nghẽn; bộ tiêu chí, "
                        "danh mục khu vực không đấu giá, cơ chế ưu tiên được ban hành; văn bản "
                        "kiến nghị Trung ương.",
                    ),
                    (
                        "2. Xây dựng Danh mục dự án thu hút đầu tư công nghiệp khai thác và tinh "
                        "chế nguyên liệu và xúc tiến đầu tư có mục tiêu: cụ thể hóa Phụ lục II "
                        "thành hồ sơ cơ hội đầu tư từng dự án (nguyên liệu, sản phẩm, địa điểm, "
                        "quỹ đất, hạ tầng, quy hoạch, ưu đãi, đầu mối); trình UBND tỉnh phê "
                        "duyệt, cập nhật hằng năm; hằng năm 01 hội nghị xúc tiến chuyên đề, 01 "
                        "hội thảo khoa học, 01 đoàn công tác tiếp cận tập đoàn có công nghệ nguồn "
                        "về hóa chất phốt pho, vật liệu pin, đồng kỹ thuật, luyện kim; kết nối "
                        "doanh nghiệp chủ chuỗi với doanh nghiệp hạ nguồn trong nước; ấn phẩm xúc "
                        "tiến đa ngôn ngữ.\n"
                        "(Sản phẩm 2, 3 tại TB 78/TB-UBND)",
                        "Chủ trì: Sở Công Thương.\n"
                        "Phối hợp: Sở Tài chính, BQL Khu kinh tế tỉnh, BQL các KCN tỉnh, Sở "
                        "NN&MT, Sở Xây dựng, Trung tâm XTĐT, TM&DL tỉnh, doanh nghiệp chủ chuỗi.",
                        PROGRESS[1],
                        "Lập hồ sơ cơ hội đầu tư; xúc tiến đầu tư có địa chỉ; hội nghị, hội thảo, "
                        "đoàn công tác theo định mức hiện hành; kết nối doanh nghiệp chủ chuỗi - "
                        "hạ nguồn.",
                        "NSNN 5.000 triệu đồng (chi thường xuyên: hội nghị, hội thảo, công tác, "
                        "thông tin tuyên truyền).",
                        "Danh mục và các hồ sơ cơ hội đầu tư được UBND tỉnh phê duyệt, bổ sung "
                        "vào Danh mục dự án thu hút đầu tư của tỉnh; biên bản ghi nhớ, hợp đồng "
                        "bao tiêu; 02 - 03 dự án tinh chế, chế biến sâu quy mô lớn được quyết "
                        "định đầu tư trước 2030 (phấn đấu).",
                    ),
                    (
                        "3. Khơi thông nguồn nguyên liệu và tháo gỡ điểm nghẽn theo từng dự án: "
                        "hoàn thành GPMB, thuê đất khai trường 24, 25 (xã Bát Xát), 19b (xã Cốc "
                        "San), Cam Đường 2, khai trường 19 (phường Cam Đường); nâng huy động công "
                        "suất 03 nhà máy tuyển Apatit Việt Nam và 02 nhà máy tuyển mới; phối hợp "
                        "Bộ Công Thương cân đối quặng apatit toàn quốc; ổn định nguồn quặng đồng; "
                        "đôn đốc mỏ Quý Xa vào khai thác; đôn đốc, hỗ trợ đưa các dự án đất hiếm "
                        "Bến Đền, Yên Phú, graphit Nậm Thi, Bảo Hà vào khai thác; xử lý giấy phép "
                        "hết hạn, dự án chậm tiến độ theo hướng gắn chế biến sâu; xử lý điểm "
                        "nghẽn theo danh mục nhiệm vụ 1, báo cáo Tổ công tác hằng quý.\n"
                        "(Sản phẩm 3 tại TB 78/TB-UBND - điều kiện về nguyên liệu)",
                        "Chủ trì: Sở Công Thương (cân đối nguồn, cấp phép, theo dõi); Sở NN&MT và "
                        "UBND các xã, phường (GPMB, thuê đất, môi trường).\n"
                        "Phối hợp: Sở Tài chính, Công an tỉnh, BQL Khu kinh tế tỉnh, doanh "
                        "nghiệp.",
                        PROGRESS[2],
                        "Nhiệm vụ thường xuyên; Nhà nước tháo gỡ mặt bằng, thủ tục; doanh nghiệp "
                        "thực hiện dự án theo giấy phép; Tổ công tác họp hằng quý.",
                        TX,
                        "Mặt bằng các khai trường apatit trọng điểm; mỏ Quý Xa vận hành; các nhà "
                        "máy tuyển, luyện đồng ổn định; mỏ đất hiếm Bến Đền và ít nhất 01 dự án "
                        "graphit vào khai thác trước 2030 (phấn đấu); báo cáo xử lý điểm nghẽn "
                        "hằng quý.",
                    ),
                    (
                        "4. Phát triển chuỗi apatit - hóa chất phốt pho lên sản phẩm tinh chế, "
                        "chế biến sâu: hỗ trợ nhà máy axit phốt phoric cấp điện tử 60.000 tấn/năm "
                        "vận hành thương mại; xúc tiến các dự án sử dụng phốt pho vàng sản xuất "
                        "hóa chất phốt pho tinh khiết cao, muối phốt phát cho pin lithium sắt "
                        "phốt phát, phốt pho đỏ, hợp chất phốt pho chuyên dụng; không mở rộng "
                        "công suất phốt pho vàng; dự án tuyển quặng loại II, IV, tận thu quặng "
                        "đuôi; dự án tái chế gyps, xỉ; cân đối axit sunfuric giữa luyện đồng và "
                        "hóa chất phốt pho; theo dõi cấp phép hóa chất, an toàn hóa chất.\n"
                        "(Sản phẩm 3 tại TB 78/TB-UBND)",
                        "Chủ trì: Sở Công Thương.\n"
                        "Phối hợp: BQL Khu kinh tế tỉnh, Sở KH&CN, Sở NN&MT, Công an tỉnh, UBND "
                        "xã Tằng Loỏng, Tập đoàn Hóa chất Đức Giang, Tập đoàn Hóa chất Việt Nam, "
                        "Công ty TNHH MTV Apatit Việt Nam.",
                        PROGRESS[3],
                        "Dự án đầu tư của doanh nghiệp; xúc tiến theo nhiệm vụ 2; nghiên cứu theo "
                        "nhiệm vụ 7; Nhà nước bảo đảm hạ tầng ngoài hàng rào, thủ tục.",
                        TX,
                        "Nhà máy axit phốt phoric cấp điện tử vận hành; ít nhất 01 dự án sử dụng "
                        "phốt pho vàng sản xuất hóa chất phốt pho tinh khiết cao được quyết định "
                        "đầu tư trước 2030; dự án tái chế gyps, xỉ được triển khai; sản phẩm phốt "
                        "pho chuyển dần từ bán nguyên liệu trung gian sang tinh chế tại tỉnh.",
                    ),
                    (
                        "5. Phát triển chuỗi đồng và chuỗi sắt - thép lên sản phẩm hạ nguồn: xúc "
                        "tiến dự án sử dụng đồng tấm sản xuất dây, cáp điện, thanh cái, đồng kỹ "
                        "thuật; thu hồi vàng, bạc, đất hiếm, khoáng sản đi kèm từ quặng đuôi "
                        "tuyển đồng; chuyển đổi thải khô; ổn định nguồn quặng Quý Xa cho luyện "
                        "kim tại tỉnh; chuẩn bị điều kiện quy hoạch, hạ tầng, môi trường cho khu "
                        "liên hợp gang thép Võ Lao theo KH 283/KH-UBND; thu hồi khoáng sản đi kèm "
                        "từ đất đá thải; không lặp lại nội dung đã có tại KH 283/KH-UBND.\n"
                        "(Sản phẩm 3 tại TB 78/TB-UBND)",
                        "Chủ trì: Sở Công Thương.\n"
                        "Phối hợp: BQL Khu kinh tế tỉnh, Sở NN&MT, Sở KH&CN, UBND các xã Bát Xát, "
                        "Trịnh Tường, Hợp Thành, Văn Bàn, Tằng Loỏng, Tổng công ty Khoáng sản - "
                        "TKV, Công ty Khoáng sản và Luyện kim Việt Trung, doanh nghiệp.",
                        PROGRESS[4],
                        "Dự án đầu tư của doanh nghiệp; xúc tiến theo nhiệm vụ 2; nghiên cứu theo "
                        "nhiệm vụ 7; thực hiện theo KH 283/KH-UBND.",
                        TX,
                        "Ít nhất 01 dự án sử dụng đồng tấm được quyết định đầu tư trước 2030 "
                        "(phấn đấu); ít nhất 01 mô hình thu hồi khoáng sản từ quặng đuôi tuyển "
                        "đồng; báo cáo điều kiện cho khu liên hợp gang thép Võ Lao.",
                    ),
                    (
                        "6. Lớp dữ liệu nguyên liệu chiến lược và giám sát sản lượng trực tuyến: "
                        "tiếp nhận, vận hành liên tục hệ thống thông tin, dữ liệu về hoạt động "
                        "khoáng sản (KH 133/KH-UBND) theo NQ 66.25/2026/NQ-CP; lớp dữ liệu chuyên "
                        "đề: bản đồ số vùng nguyên liệu gắn cơ sở chế biến, dữ liệu sản phẩm, cân "
                        "bằng vật chất; kết nối trạm cân, camera, đối soát sản lượng với dữ liệu "
                        "thuế, hải quan, điện năng theo Luật Địa chất và khoáng sản, NĐ "
                        "193/2025/NĐ-CP; liên thông cơ sở dữ liệu quốc gia theo KL 83-KL/TW; tuân "
                        "thủ kiến trúc Bài toán lớn số 8; không xây dựng hệ thống mới.\n"
                        "(Sản phẩm 4 tại TB 78/TB-UBND)",
                        "Chủ trì: Sở Công Thương.\n"
                        "Phối hợp: Sở NN&MT (bàn giao), Sở KH&CN, Công an tỉnh, Thuế tỉnh, Chi "
                        "cục Hải quan khu vực VII, Công ty Điện lực Lào Cai, Sở Tài chính, doanh "
                        "nghiệp.",
                        PROGRESS[5],
                        "Hạng mục mở rộng hệ thống hiện có; thuê dịch vụ công nghệ thông tin; "
                        "thiết bị hiện trường do doanh nghiệp đầu tư.",
                        "NSNN 4.000 triệu đồng (thuê dịch vụ CNTT, chi thường xuyên).",
                        "Hệ thống được tiếp nhận, vận hành liên tục; lớp dữ liệu nguyên liệu "
                        "chiến lược được nghiệm thu, vận hành; 100% doanh nghiệp khoáng sản chiến "
                        "lược kết nối dữ liệu sản lượng; quy chế cập nhật, chia sẻ dữ liệu.",
                    ),
                    (
                        "7. Nghiên cứu, chuyển giao công nghệ tinh chế và kinh tế tuần hoàn: đặt "
                        "hàng nhiệm vụ KH&CN cấp tỉnh về tuyển quặng apatit loại II, IV, quặng "
                        "nghèo, nâng thu hồi P2O5; hóa chất phốt pho tinh khiết cao từ phốt pho "
                        "vàng; nâng hệ số thu hồi đồng, thu hồi vàng, bạc, đất hiếm từ quặng "
                        "đuôi; tái chế gyps, xỉ phốt pho, xỉ luyện kim; mỗi nhiệm vụ có doanh "
                        "nghiệp tiếp nhận, kinh phí đối ứng, sản phẩm mẫu; đề xuất nhiệm vụ đủ "
                        "điều kiện tham gia Chương trình quốc gia theo QĐ 1493/QĐ-TTg; Đề án KCN "
                        "sinh thái Tằng Loỏng; kiểm kê khí nhà kính, tiết kiệm năng lượng theo "
                        "Chỉ thị 26-CT/TU; đề xuất nhiệm vụ về đất hiếm, graphit khi có nguồn "
                        "nguyên liệu và đối tác cụ thể.\n"
                        "(Sản phẩm 5, 6 tại TB 78/TB-UBND)",
                        "Chủ trì: Sở KH&CN (nhiệm vụ KH&CN); Sở NN&MT (chất thải, quan trắc); BQL "
                        "Khu kinh tế tỉnh (Đề án KCN sinh thái).\n"
                        "Phối hợp: Sở Công Thương (đề xuất đầu bài, lựa chọn doanh nghiệp tiếp "
                        "nhận), viện nghiên cứu, trường đại học, doanh nghiệp.",
                        PROGRESS[6],
                        "Đặt hàng nhiệm vụ KH&CN cấp tỉnh (tuyển chọn hoặc giao trực tiếp); kinh "
                        "phí đối ứng của doanh nghiệp; đề xuất tham gia Chương trình quốc gia.",
                        "NSNN 16.000 triệu đồng (sự nghiệp KH&CN); kinh phí đối ứng của doanh "
                        "nghiệp.",
                        "Ít nhất 06 nhiệm vụ KH&CN được triển khai; ít nhất 03 quy trình công "
                        "nghệ được chuyển giao vào sản xuất; ít nhất 02 mô hình kinh tế tuần "
                        "hoàn; Đề án KCN sinh thái Tằng Loỏng được phê duyệt, triển khai.",
                    ),
                    (
                        "8. Nhân lực, truyền thông, theo dõi và đánh giá: kế hoạch đào tạo, bồi "
                        "dưỡng về mỏ, tuyển khoáng, luyện kim, hóa chất, tự động hóa, quản lý "
                        "khoáng sản sau chuyển giao chức năng; liên kết viện, trường, cơ sở giáo "
                        "dục nghề nghiệp; truyền thông về định hướng chế biến sâu, hạn chế xuất "
                        "khẩu thô và vùng dự án; bộ chỉ số theo dõi; kiểm tra hằng năm; sơ kết "
                        "2028, tổng kết 2030.\n"
                        "(Sản phẩm 7 tại TB 78/TB-UBND)",
                        "Chủ trì: Sở Công Thương.\n"
                        "Phối hợp: Sở Nội vụ, Sở KH&CN, Sở GD&ĐT, Sở VH,TT&DL, Báo và Đài PT-TH "
                        "tỉnh, cơ sở đào tạo, doanh nghiệp.",
                        PROGRESS[7],
                        "Nhiệm vụ thường xuyên theo định mức đào tạo, bồi dưỡng, thông tin tuyên "
                        "truyền, hội nghị; liên kết cơ sở đào tạo; doanh nghiệp tự đào tạo.",
                        "NSNN 3.500 triệu đồng (sự nghiệp đào tạo, chi thường xuyên); kinh phí "
                        "đào tạo của doanh nghiệp.",
                        "Kế hoạch đào tạo 2026 - 2030; ít nhất 800 lượt người được đào tạo, bồi "
                        "dưỡng; sản phẩm truyền thông hằng năm; bộ chỉ số theo dõi; báo cáo kiểm "
                        "tra, sơ kết, tổng kết.",
                    ),
                ]
            ),
            Row(
                (
                    Cell(
                        "Tổng kinh phí dự kiến từ ngân sách nhà nước giai đoạn 2026 - 2030: "
                        "30.000 triệu đồng (năm 2026: 500; năm 2027: 6.500; năm 2028: 9.000; "
                        "năm 2029: 8.000; năm 2030: 6.000), gồm: nhiệm vụ 1: 1.500; nhiệm vụ "
                        "2: 5.000; nhiệm vụ 6: 4.000; nhiệm vụ 7: 16.000; nhiệm vụ 8: 3.500; "
                        "các nhiệm vụ 3, 4, 5 thực hiện bằng chi thường xuyên của cơ quan chủ "
                        "trì và vốn đầu tư của doanh nghiệp. Hạ tầng vùng nguyên liệu, khu "
                        "chế biến sử dụng kế hoạch đầu tư công trung hạn đã được phê duyệt "
                        "tại Quyết định số 2390/QĐ-UBND, không phát sinh nhu cầu vốn mới.",
                        across=6,
                    ),
                )
            ),
        ],
        width=6,
        expected=[
            E(
                "1",
                None,
                SCT,
                "Sở Tài chính|Sở NN&MT|Sở KH&CN|Sở Tư pháp|Thuế tỉnh|Thống kê tỉnh|"
                "UBND các xã, phường",
                PROGRESS[0],
            ),
            E(
                "2",
                None,
                SCT,
                "Sở Tài chính|BQL Khu kinh tế tỉnh|BQL các KCN tỉnh|Sở NN&MT|Sở Xây dựng|"
                "Trung tâm XTĐT, TM&DL tỉnh",
                PROGRESS[1],
            ),
            E(
                "3",
                None,
                f"{SCT}|Sở NN&MT|UBND các xã, phường",
                "Sở Tài chính|Công an tỉnh|BQL Khu kinh tế tỉnh",
                PROGRESS[2],
            ),
            E(
                "4",
                None,
                SCT,
                "BQL Khu kinh tế tỉnh|Sở KH&CN|Sở NN&MT|Công an tỉnh|UBND xã Tằng Loỏng|"
                "Tập đoàn Hóa chất Đức Giang|Tập đoàn Hóa chất Việt Nam|"
                "Công ty TNHH MTV Apatit Việt Nam",
                PROGRESS[3],
            ),
            E(
                "5",
                None,
                SCT,
                "BQL Khu kinh tế tỉnh|Sở NN&MT|Sở KH&CN|UBND xã Bát Xát|UBND xã Trịnh Tường|"
                "UBND xã Hợp Thành|UBND xã Văn Bàn|UBND xã Tằng Loỏng|"
                "Tổng công ty Khoáng sản - TKV|Công ty Khoáng sản và Luyện kim Việt Trung",
                PROGRESS[4],
            ),
            E(
                "6",
                None,
                SCT,
                "Sở NN&MT|Sở KH&CN|Công an tỉnh|Thuế tỉnh|Chi cục Hải quan khu vực VII|"
                "Công ty Điện lực Lào Cai|Sở Tài chính",
                PROGRESS[5],
            ),
            E("7", None, "Sở KH&CN|Sở NN&MT|BQL Khu kinh tế tỉnh", SCT, PROGRESS[6]),
            E(
                "8",
                None,
                SCT,
                "Sở Nội vụ|Sở KH&CN|Sở GD&ĐT|Sở VH,TT&DL|Báo và Đài PT-TH tỉnh",
                PROGRESS[7],
            ),
        ],
    ),
)

PROVINCE_PLANS: list[RealPlan] = [BT2_LAO_CAI]
