"""Abbreviations of public bodies as offices write them (scheduler.unit_names)."""

from __future__ import annotations

import pytest

from scheduler.unit_names import body_forms, parse_table

DISTRICT = [
    "Văn phòng HĐND và UBND huyện",
    "Phòng Nội vụ",
    "Phòng Tư pháp",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Kinh tế và Hạ tầng",
    "Phòng Văn hóa và Thông tin",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Lao động - Thương binh và Xã hội",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Thanh tra huyện",
    "Công an huyện",
    "Ban Chỉ huy Quân sự huyện",
    "Trường Trung học cơ sở Tân Phú",
    "Sở Kế hoạch và Đầu tư",
    "Sở Thông tin và Truyền thông",
    "Các cơ quan chuyên môn thuộc UBND huyện",
    "UBND các xã, thị trấn",
]


def _matches(name: str) -> list[str]:
    forms = body_forms(name)
    scored = [(forms.matches(body_forms(full)), full) for full in DISTRICT]
    best = max(score for score, _ in scored)
    return [full for score, full in scored if score and score == best]


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Phòng NV", "Phòng Nội vụ"),
        ("VP HĐND-UBND", "Văn phòng HĐND và UBND huyện"),
        ("VP HĐND & UBND", "Văn phòng HĐND và UBND huyện"),
        ("Văn phòng HĐND - UBND huyện", "Văn phòng HĐND và UBND huyện"),
        ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
        ("Phòng TCKH", "Phòng Tài chính - Kế hoạch"),
        ("Phòng KT&HT", "Phòng Kinh tế và Hạ tầng"),
        ("Phòng VH&TT", "Phòng Văn hóa và Thông tin"),
        ("phong vh-tt", "Phòng Văn hóa và Thông tin"),
        ("Phòng GD&ĐT", "Phòng Giáo dục và Đào tạo"),
        ("Phòng LĐ-TB&XH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Phòng LĐTBXH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Phòng TN&MT", "Phòng Tài nguyên và Môi trường"),
        ("Phòng NN&PTNT", "Phòng Nông nghiệp và Phát triển nông thôn"),
        ("P. Tư pháp", "Phòng Tư pháp"),
        ("Thanh tra", "Thanh tra huyện"),
        ("CA huyện", "Công an huyện"),
        ("Ban CHQS huyện", "Ban Chỉ huy Quân sự huyện"),
        ("Trường THCS Tân Phú", "Trường Trung học cơ sở Tân Phú"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Các phòng, ban chuyên môn", "Các cơ quan chuyên môn thuộc UBND huyện"),
        ("Các phòng chuyên môn", "Các cơ quan chuyên môn thuộc UBND huyện"),
        ("UBND xã, thị trấn", "UBND các xã, thị trấn"),
    ],
)
def test_abbreviation_reads_as_the_full_name(written: str, full: str) -> None:
    assert _matches(written) == [full]


@pytest.mark.parametrize(
    "written",
    ["UBND huyện", "Phòng Y tế", "Đài truyền thanh các xã, thị trấn", "Sở Nội vụ"],
)
def test_names_of_other_bodies_match_nothing(written: str) -> None:
    # A level is ignored only when one side writes none: "UBND huyện" is not "UBND tỉnh".
    assert not any(body_forms(written).matches(body_forms(full)) for full in DISTRICT)


def test_the_table_is_extensible() -> None:
    table = parse_table(
        {"words": {"qlđt": "quản lý đô thị"}, "bodies": [["Ban QLDA", "Ban Quản lý dự án"]]}
    )
    assert body_forms("Phòng QLĐT", table).matches(body_forms("Phòng Quản lý đô thị", table))
    assert body_forms("Ban QLDA", table).matches(body_forms("Ban Quản lý dự án", table)) == 2
