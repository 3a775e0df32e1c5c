"""Published plan appendices, rebuilt from their text as fixtures.

Each entry reproduces one real appendix: its title block, its header rows and every task row,
word for word, in the table layout of the original (a rebuild from the text, not the original
file). `source` says where the original was read and `origin` says it was rebuilt. `expected` was
written by hand from the original, not from the importer: every task's number, section, lead,
coordinating units and deadline text as a person reads them.

Built into .xlsx, .docx and .csv by tests/data/plans/layouts/build.py.
"""

from __future__ import annotations

from fixtures import Cell, E, Expected, Fixture, Row
from real_plans_central import CENTRAL_PLANS
from real_plans_local import LOCAL_PLANS
from real_plans_mined import MINED_PLANS
from real_plans_ministries import MINISTRY_PLANS
from real_plans_ministry_cchc import MINISTRY_CCHC_PLANS
from real_plans_province import PROVINCE_PLANS
from record import REBUILT, RealPlan
from record import tasks as _tasks

# UBND tỉnh Lào Cai, Kế hoạch triển khai Chỉ thị số 11-CT/TU ngày 04/01/2026 về quản lý nhà
# nước về khoáng sản: "Phụ lục: Một số nhiệm vụ trọng tâm của các sở, ban, ngành và địa phương"
# (draft for signature, number and date left blank).
WITH_OTHERS = "Các Sở, ban, ngành và các cơ quan, đơn vị, địa phương liên quan"
LAO_CAI_KHOANG_SAN = RealPlan(
    level="province",
    source=(
        "github.com/Trangsct/skill-sct @ 3821ed3, qlks-sct-vn/skills/qlks-sct-vn/van-ban-goc/"
        "KH-UBND-trien-khai-Chi-thi-11-CT-TU-QLNN-khoang-san.docx (Phụ lục, table 4)"
    ),
    fixture=Fixture(
        name="tinh-lao-cai-khoang-san-2026",
        year=2026,
        preamble=[
            "Phụ lục",
            "MỘT SỐ NHIỆM VỤ TRỌNG TÂM CỦA CÁC SỞ, BAN, NGÀNH VÀ ĐỊA PHƯƠNG",
            "(Kèm theo Kế hoạch số:           /KH-UBND ngày        tháng      năm 2026 "
            "của UBND tỉnh Lào Cai)",
        ],
        header=[
            Row(
                (
                    "TT",
                    "Tên nhiệm vụ",
                    "Sở, ngành chủ trì tham mưu",
                    "Đơn vị phối hợp thực hiện",
                    "Thời gian thực hiện",
                    "Ghi chú",
                ),
                bold=True,
            ),
            Row(("", "(1)", "(2)", "(3)", "(4)", "(5)")),
        ],
        body=_tasks(
            [
                (
                    "1",
                    "Tổ chức quán triệt sâu rộng Chỉ thị của Ban Thường vụ Tỉnh ủy và các chủ "
                    "trương, chính sách, pháp luật của Nhà nước về địa chất, khoáng sản đến cán "
                    "bộ, công chức, viên chức, doanh nghiệp và Nhân dân trên địa bàn tỉnh.",
                    "Các Sở, ban, ngành; UBND các xã, phường",
                    WITH_OTHERS,
                    "Xong trong Quý II/2026",
                    "",
                ),
                (
                    "2",
                    "Rà soát, điều chỉnh, cập nhật bổ sung phương án quản lý về địa chất, khoáng "
                    "sản để tích hợp vào điều chỉnh Quy hoạch tỉnh Lào Cai thời kỳ 2021–2030, tầm "
                    "nhìn đến năm 2050.",
                    "Sở Nông nghiệp và Môi trường",
                    WITH_OTHERS,
                    "Xong trong tháng 5/2026",
                    "",
                ),
                (
                    "3",
                    "Thực hiện rà soát các khó khăn, vướng mắc, bất cập về quy hoạch đối với "
                    "khoáng sản nhóm I, II trên địa bàn tỉnh để kiến nghị điều chỉnh, bổ sung "
                    "Quy hoạch khoáng sản nhóm I, II",
                    "Sở Nông nghiệp và Môi trường",
                    "Các Sở, ban, ngành và các cơ quan, đơn vị liên quan",
                    "Trong năm 2026",
                    "",
                ),
                (
                    "4",
                    "Tham mưu trình kế hoạch đấu giá quyền khai thác khoáng sản thuộc thẩm quyền "
                    "cấp phép của Chủ tịch UBND tỉnh",
                    "Sở Nông nghiệp và Môi trường",
                    "Các Sở, ban, ngành và các địa phương liên quan",
                    "Hàng năm",
                    "",
                ),
                (
                    "5",
                    "Yêu cầu các đơn vị lắp đặt và vận hành hệ thống thông tin, dữ liệu về hoạt "
                    "động khoáng sản và kết nối với hệ thống thông tin, dữ liệu của cơ quan quản "
                    "lý nhà nước có thẩm quyền cấp giấy phép theo quy định tại Điều 108, Luật Địa "
                    "chất và khoáng sản.",
                    "Sở Nông nghiệp và Môi trường",
                    "Các Sở, ban, ngành và các cơ quan, đơn vị, địa phương liên quan và các tổ "
                    "chức hoạt động khai thác khoáng sản",
                    "Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày 01/01/2030",
                    "",
                ),
                (
                    "6",
                    "Thực hiện rà soát việc lập, thẩm định, phê duyệt thiết kế mỏ theo quy định và "
                    "tổ chức kiểm tra, giám sát việc tuân thủ thiết kế mỏ đã được phê duyệt theo "
                    "quy định.",
                    "Sở Công Thương; Sở Xây dựng",
                    "Các Sở, ban, ngành và các địa phương liên quan",
                    "Thường xuyên",
                    "",
                ),
                (
                    "7",
                    "Hướng dẫn các tổ chức, cá nhân thực hiện việc đăng ký, đăng kiểm, lắp đặt "
                    "thiết bị giám sát hành trình đối với các phương tiện sử dụng khai thác cát, "
                    "sỏi theo quy định. Rà soát các bến thuỷ nội địa trong hoạt động khai thác "
                    "cát, sỏi và đình chỉ hoạt động đối với các bến thủy nội địa không đủ điều "
                    "kiện hoạt động; Lập kế hoạch tổng kiểm tra các phương tiện thủy, xử lý "
                    "nghiêm các trường hợp vi phạm.",
                    "Sở Xây dựng",
                    "Các Sở, ban, ngành, địa phương và các tổ chức hoạt động khai thác khoáng sản "
                    "liên quan",
                    "Thường xuyên",
                    "",
                ),
                (
                    "8",
                    "Rà soát, phân loại đội ngũ cán bộ, công chức thực hiện nhiệm vụ quản lý nhà "
                    "nước về khoáng sản hiện có, năng lực đội ngũ cán bộ ở các cấp để tham mưu "
                    "UBND tỉnh tổ chức bồi dưỡng chuyên môn, nghiệp vụ.",
                    "Sở Nội vụ",
                    "Các Sở, ban, ngành và các địa phương liên quan",
                    "Hàng năm",
                    "",
                ),
                (
                    "9",
                    "Xây dựng kế hoạch và tổ chức thực hiện thanh tra theo kế hoạch, thanh tra đột "
                    "xuất, thanh tra đối với vụ việc trong lĩnh vực địa chất, khoáng sản.",
                    "Thanh tra tỉnh",
                    "Các Sở, ban, ngành và địa phương",
                    "Hàng năm",
                    "",
                ),
                (
                    "10",
                    "Kiểm tra, đối chiếu khối lượng khoáng sản kê khai, nộp thuế, phí của các đơn "
                    "vị khai thác khoáng sản và đôn đốc các đơn vị khai thác thực hiện đầy đủ "
                    "nghĩa vụ tài chính theo quy định pháp luật.",
                    "Thuế tỉnh",
                    WITH_OTHERS,
                    "Hàng năm",
                    "",
                ),
                (
                    "11",
                    "Xử lý nghiêm và xử lý dứt điểm các hành vi khai thác khoáng sản bằng tàu cuốc "
                    "trên sông, suối, hồ.",
                    "Công an tỉnh",
                    "Các Sở, ban, ngành và địa phương",
                    "Xong trong Quý II/2026",
                    "",
                ),
                (
                    "12",
                    "Tăng cường công tác quản lý, bảo vệ khoáng sản chưa khai thác; quản lý, bảo "
                    "vệ khoáng sản tại khu vực dự trữ quốc gia",
                    "UBND các xã, phường",
                    "Sở Nông nghiệp và Môi trường, các Sở, ban, ngành",
                    "Thường xuyên",
                    "",
                ),
                (
                    "13",
                    "Tăng cường công tác thanh tra, kiểm tra, theo dõi, giám sát việc chấp hành "
                    "các quy định pháp luật đối với các đơn vị hoạt động khoáng sản và xử lý "
                    "nghiêm các hành vi vi phạm (nếu có).",
                    "Các Sở, ban, ngành và UBND các xã, phường",
                    "Các Sở, ban, ngành và các địa phương liên quan",
                    "Thường xuyên",
                    "",
                ),
                (
                    "14",
                    "Đẩy nhanh công tác bồi thường, giải phóng mặt bằng và cho thuê đất đối với "
                    "các dự án khoáng sản.",
                    "UBND các xã, phường",
                    "Các Sở, ban, ngành; Các tổ chức, cá nhân hoạt động khoáng sản",
                    "Thường xuyên",
                    "",
                ),
            ]
        ),
        width=6,
        # What a person reads, in the project's terms: "Các Sở, ban, ngành (và … liên quan)",
        # "các tổ chức, cá nhân hoạt động khoáng sản" name a class of bodies, nobody in
        # particular, so they are no lead or partner of a task (the review mentions them).
        expected=[
            E("1", None, "UBND các xã, phường", "", "Xong trong Quý II/2026"),
            E("2", None, "Sở Nông nghiệp và Môi trường", "", "Xong trong tháng 5/2026"),
            E("3", None, "Sở Nông nghiệp và Môi trường", "", "Trong năm 2026"),
            E("4", None, "Sở Nông nghiệp và Môi trường", "", "Hàng năm"),
            E(
                "5",
                None,
                "Sở Nông nghiệp và Môi trường",
                "",
                "Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày 01/01/2030",
            ),
            E("6", None, "Sở Công Thương|Sở Xây dựng", "", "Thường xuyên"),
            E("7", None, "Sở Xây dựng", "", "Thường xuyên"),
            E("8", None, "Sở Nội vụ", "", "Hàng năm"),
            E("9", None, "Thanh tra tỉnh", "", "Hàng năm"),
            E("10", None, "Thuế tỉnh", "", "Hàng năm"),
            E("11", None, "Công an tỉnh", "", "Xong trong Quý II/2026"),
            E("12", None, "UBND các xã, phường", "Sở Nông nghiệp và Môi trường", "Thường xuyên"),
            E("13", None, "UBND các xã, phường", "", "Thường xuyên"),
            E("14", None, "UBND các xã, phường", "", "Thường xuyên"),
        ],
    ),
)


def _people(*names: str) -> str:
    return "\n".join(names)


# Sở Công Thương Lào Cai, Kế hoạch huấn luyện, kiểm tra, cấp Giấy chứng nhận huấn luyện kỹ thuật
# an toàn cho người quản lý vật liệu nổ công nghiệp (draft of 30/6/2026): the table of who does
# what. The TT cells hold no text in the original (Word numbers them with an automatic list),
# so the rebuild leaves them blank: the rows are tasks 1-9 in order.
CUONG, LINH, LOAN = "Đỗ Mạnh Cường", "Vũ Việt Linh", "Nguyễn Thị Loan"
SCT_HUAN_LUYEN = RealPlan(
    level="sector",
    source=(
        "github.com/Trangsct/skill-sct @ 3821ed3, hl-vlncn-sct-vn/skills/hl-vlncn-sct-vn/"
        "vi-du-thuc-te/KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx (table 3)"
    ),
    fixture=Fixture(
        name="so-cong-thuong-lao-cai-huan-luyen-2026",
        year=2026,
        preamble=[
            "UBND TỈNH LÀO CAI",
            "SỞ CÔNG THƯƠNG",
            "Số:            /KH-SCT",
            "KẾ HOẠCH",
            "Huấn luyện, kiểm tra, cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn cho Người "
            "quản lý vật liệu nổ công nghiệp, tiền chất thuốc nổ",
        ],
        header=[Row(("TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú"), bold=True)],
        body=_tasks(
            [
                ("", "Rà soát việc đáp ứng các điều kiện của học viên", _people(LINH, LOAN), ""),
                (
                    "",
                    "Xây dựng tài liệu huấn luyện, bài kiểm tra, đáp án",
                    _people(CUONG, LINH),
                    "",
                ),
                ("", "Tổ chức huấn luyện, kiểm tra", _people(CUONG, LINH, LOAN), ""),
                ("", "Tổ chức chấm bài", LINH, ""),
                ("", "Rà soát vào điểm", LOAN, ""),
                ("", "Xây dựng quyết định công nhận kết quả kiểm tra", LINH, ""),
                ("", "In ấn chứng chỉ", LINH, ""),
                ("", "Rà soát chứng chỉ trước khi trình", LOAN, ""),
                ("", "Trình ký Quyết định, chứng chỉ", CUONG, ""),
            ]
        ),
        width=4,
        # "Người thực hiện" names who does the work, all of them alike: every name is a lead.
        expected=[
            E("1", None, f"{LINH}|{LOAN}", "", ""),
            E("2", None, f"{CUONG}|{LINH}", "", ""),
            E("3", None, f"{CUONG}|{LINH}|{LOAN}", "", ""),
            E("4", None, LINH, "", ""),
            E("5", None, LOAN, "", ""),
            E("6", None, LINH, "", ""),
            E("7", None, LINH, "", ""),
            E("8", None, LOAN, "", ""),
            E("9", None, CUONG, "", ""),
        ],
    ),
)

NHUNG = "Nguyễn Thị Thúy Nhung"
EXAM_TITLE = [
    "UBND TỈNH LÀO CAI",
    "SỞ CÔNG THƯƠNG",
    "KẾ HOẠCH",
    "Kiểm tra, cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn",
    "vật liệu nổ công nghiệp, tiền chất thuốc nổ trên địa bàn tỉnh Lào Cai",
]
EXAM_TASKS = [
    "Rà soát việc đáp ứng các điều kiện của học viên",
    "Xây dựng bài kiểm tra, đáp án",
    "Tổ chức kiểm tra",
    "Tổ chức chấm bài",
    "Rà soát vào điểm",
    "Xây dựng quyết định công nhận kết quả kiểm tra",
    "In ấn chứng chỉ",
    "Rà soát chứng chỉ trước khi trình",
    "Trình ký chứng chỉ",
]


def _exam_plan(
    name: str, path: str, people: list[tuple[str, ...]], written: dict[int, str] | None = None
) -> RealPlan:
    """Sở Công Thương's examination plans: one template, its own people each time.

    `written` gives a "Người thực hiện" cell spelt otherwise in the original (row index).
    """
    cells = [_people(*who) for who in people]
    for index, text in (written or {}).items():
        cells[index] = text
    return RealPlan(
        level="sector",
        source=f"github.com/Trangsct/skill-sct @ 3821ed3, hl-vlncn-sct-vn/skills/hl-vlncn-sct-vn/"
        f"vi-du-thuc-te/{path} (table 3)",
        fixture=Fixture(
            name=name,
            year=2026,
            preamble=[*EXAM_TITLE[:2], "Số:           /KH-SCT", *EXAM_TITLE[2:]],
            header=[Row(("TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú"), bold=True)],
            body=_tasks(
                [
                    ("", task, _people(*who), "")
                    for task, who in zip(EXAM_TASKS, people, strict=True)
                ]
            ),
            width=4,
            expected=[
                E(str(number), None, "|".join(who), "", "")
                for number, who in enumerate(people, start=1)
            ],
        ),
    )


# Who does each of the nine tasks, in the April and July rounds alike.
ROUND_PEOPLE = [
    (CUONG, LINH, LOAN),
    (CUONG, LINH),
    (CUONG, LINH, LOAN),
    (LINH,),
    (LOAN,),
    (LINH,),
    (LINH,),
    (CUONG, LINH, LOAN),
    (CUONG,),
]
# Kiểm tra, cấp GCN cho 28 đơn vị (April 2026).
SCT_KIEM_TRA_THANG_4 = _exam_plan(
    "so-cong-thuong-lao-cai-kiem-tra-thang-4-2026",
    "KH-2242_23.4.2026_Kiem-tra-cap-GCN-28-don-vi.docx",
    ROUND_PEOPLE,
)
# Kiểm tra riêng cho mỏ Sin Quyền (May 2026); the original writes "Nguyễn Thị thúy Nhung" in
# the first row and "Nguyễn Thị Thúy Nhung" in the third, the same person.
SCT_KIEM_TRA_SIN_QUYEN = _exam_plan(
    "so-cong-thuong-lao-cai-kiem-tra-sin-quyen-2026",
    "KH-3024_27.5.2026_Ky-rieng-Sin-Quyen.docx",
    [
        (CUONG, LINH, NHUNG),
        (CUONG, LINH),
        (CUONG, LINH, NHUNG),
        (LINH,),
        (CUONG, LINH),
        (LINH,),
        (LINH,),
        (LINH, LOAN),
        (CUONG,),
    ],
    written={0: _people(CUONG, LINH, "Nguyễn Thị thúy Nhung")},
)


# Kiểm tra, cấp GCN cho 19 đơn vị (July 2026): the same people on the same nine tasks as in
# April's plan, a plan of its own for another round of candidates.
SCT_KIEM_TRA_THANG_7 = _exam_plan(
    "so-cong-thuong-lao-cai-kiem-tra-thang-7-2026",
    "KH-3957_3.7.2026_Kiem-tra-cap-GCN-19-don-vi.docx",
    ROUND_PEOPLE,
)


REAL_PLANS: list[RealPlan] = [
    LAO_CAI_KHOANG_SAN,
    SCT_HUAN_LUYEN,
    SCT_KIEM_TRA_THANG_4,
    SCT_KIEM_TRA_SIN_QUYEN,
    SCT_KIEM_TRA_THANG_7,
    *CENTRAL_PLANS,
    *PROVINCE_PLANS,
    *MINISTRY_PLANS,
    *LOCAL_PLANS,
    *MINED_PLANS,
    *MINISTRY_CCHC_PLANS,
]

__all__ = ["REAL_PLANS", "REBUILT", "Cell", "Expected", "RealPlan"]
