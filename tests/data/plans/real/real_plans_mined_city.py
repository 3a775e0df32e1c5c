"""A part of Hồ Chí Minh City's appendix from the archive real_plans_mined.py describes."""

from __future__ import annotations

from fixtures import Cell, E, Fixture, Row
from record import RealPlan
from record import tasks as _tasks

ARCHIVE = "github.com/tnt305/tai_lieu_noi_bo @ 94c5034, src/etl/dataset/{}.md ({})"

# UBND Thành phố Hồ Chí Minh, Quyết định số 2820/QĐ-UBND ngày 19/11/2025 ban hành Kế hoạch triển
# khai Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch: "Phụ lục. Nhiệm vụ của các sở,
# ban, ngành, phường, xã, đặc khu", part III whole (tasks 1-6; parts I-II and IV-VI are left out:
# there one number spans two rows with leads of their own). The source of funds is one cell
# merged down the whole part. "UBND xã, phường, đặc khu" is the group of the city's communes,
# wards and special zone; "Các sở, ngành" names nobody in particular.
HCM_III = "III. Xây dựng cơ sở dữ liệu quốc gia về quy hoạch"
COMMUNE_PEOPLES_COMMITTEES = "UBND xã, phường, đặc khu"
HCM_QUY_HOACH = RealPlan(
    level="province",
    source=ARCHIVE.format("001c610b2efdcf0c", "UBND TP. Hồ Chí Minh 2820/QĐ-UBND, Phụ lục, III"),
    fixture=Fixture(
        name="tp-ho-chi-minh-co-so-du-lieu-quy-hoach-2025-muc-iii",
        year=2025,
        preamble=[
            "PHỤ LỤC",
            "NHIỆM VỤ CỦA CÁC SỞ, BAN, NGÀNH, PHƯỜNG, XÃ, ĐẶC KHU",
            "(Kèm theo Quyết định số 2820/QĐ-UBND ngày 19 tháng 11 năm 2025 của UBND Thành phố "
            "Hồ Chí Minh)",
        ],
        header=[
            Row(
                (
                    "TT",
                    "Nhiệm vụ",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Thời gian dự kiến hoàn thành",
                    "Kết quả dự kiến",
                    "Nguồn kinh phí",
                ),
                bold=True,
            )
        ],
        body=[
            Row(("III", Cell(HCM_III[5:], across=6)), bold=True),
            *_tasks(
                [
                    (
                        "1",
                        "Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ "
                        "liệu về quy hoạch) quy hoạch tỉnh, trên nền tảng công nghệ ứng dụng hệ"
                        " thống thông tin địa lý để cập nhật vào Hệ thống theo quy định.",
                        "Các sở, ngành, UBND xã, phường, đặc khu",
                        "Sở Tài chính",
                        "Quý IV/2026",
                        "Cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) quy hoạch tỉnh",
                        Cell("Đầu tư công hoặc nguồn vốn hợp pháp khác (nếu có)", down=6),
                    ),
                    (
                        "2",
                        "Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ "
                        "liệu về quy hoạch) quy hoạch chung, quy hoạch phân khu trên nền tảng "
                        "công nghệ ứng dụng hệ thống thông tin địa lý để cập nhật vào Hệ thống "
                        "theo quy định.",
                        "Các sở, ngành, UBND xã, phường, đặc khu",
                        "Sở Tài chính",
                        "Quý IV/2026",
                        "Cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) vùng, quy "
                        "hoạch tỉnh",
                    ),
                    (
                        "3",
                        "Thu thập, biên tập, tạo lập các văn bản điện tử của cơ sở dữ liệu hồ "
                        "sơ quy hoạch (cơ sở dữ liệu về quy hoạch) sử dụng đất cấp xã hoặc cấp "
                        "phường đang có hiệu lực (chuyển tiếp) thuộc phạm vi quản lý của các "
                        "địa phương theo quy định để cập nhật vào Hệ thống theo quy định.",
                        "UBND xã, phường, đặc khu",
                        "Các sở, ngành",
                        "Quý IV/2026",
                        "Văn bản điện tử của hồ sơ quy hoạch đã được số hóa",
                    ),
                    (
                        "4",
                        "Đồng bộ hoá cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch)"
                        " đảm bảo thống nhất trên toàn quốc trên cơ sở chuẩn hóa trên nền tảng "
                        "công nghệ ứng dụng hệ thống thông tin địa lý.",
                        "Sở Tài chính",
                        "Các sở, ngành, UBND xã, phường, đặc khu",
                        "Quý IV/2026",
                        "Cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) đã được "
                        "đồng bộ hóa",
                    ),
                    (
                        "5",
                        "Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ "
                        "liệu về quy hoạch) sử dụng đất cấp xã hoặc cấp phường đang có hiệu lực"
                        " (chuyển tiếp) thuộc phạm vi quản lý của các địa phương đã được chuẩn "
                        "hóa trên nền tảng công nghệ ứng dụng hệ thống thông tin địa lý để cập "
                        "nhật vào Hệ thống theo quy định.",
                        "UBND xã, phường, đặc khu",
                        "Các sở, ngành",
                        "Quý I/2030",
                        "Cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) đã được "
                        "chuẩn hóa",
                    ),
                    (
                        "6",
                        "Thu thập, biên tập, xây dựng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ "
                        "liệu về quy hoạch) còn lại đang có hiệu lực (bao gồm cả cơ sở dữ liệu "
                        "hồ sơ quy hoạch có tính chất kỹ thuật, chuyên ngành) thuộc phạm vi "
                        "quản lý của các sở, ngành, địa phương trên nền tảng công nghệ ứng dụng"
                        " hệ thống thông tin địa lý để cập nhật vào Hệ thống theo quy định.",
                        "Các sở, ngành, UBND xã, phường, đặc khu",
                        "Sở Tài chính",
                        "Quý II/2030",
                        "Cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) có tính "
                        "chất kỹ thuật chuyên ngành",
                    ),
                ]
            ),
        ],
        width=7,
        expected=[
            E("1", HCM_III, COMMUNE_PEOPLES_COMMITTEES, "Sở Tài chính", "Quý IV/2026"),
            E("2", HCM_III, COMMUNE_PEOPLES_COMMITTEES, "Sở Tài chính", "Quý IV/2026"),
            E("3", HCM_III, COMMUNE_PEOPLES_COMMITTEES, "", "Quý IV/2026"),
            E("4", HCM_III, "Sở Tài chính", COMMUNE_PEOPLES_COMMITTEES, "Quý IV/2026"),
            E("5", HCM_III, COMMUNE_PEOPLES_COMMITTEES, "", "Quý I/2030"),
            E("6", HCM_III, COMMUNE_PEOPLES_COMMITTEES, "Sở Tài chính", "Quý II/2030"),
        ],
    ),
)
