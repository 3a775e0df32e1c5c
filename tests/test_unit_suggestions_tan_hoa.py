"""The Tân Hòa district plan: abbreviations suggested, accepted once, every lead resolved.

The registry holds the district's 15 units and its two groups by their full names only; the
plan writes "Phòng NV", "VP HĐND-UBND", "Phòng TC-KH", "Phòng LĐ-TB&XH" …
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy.engine import Engine

from bot.cli import build_cli

PLAN_DIR = Path(__file__).parent / "data" / "plans" / "tan-hoa-2025"
PLAN = PLAN_DIR / "PL-KH12-CCHC-2025-TanHoa.docx"
UNITS = PLAN_DIR / "units-full-names.yaml"
ABBREVIATIONS = {
    "Phòng NV": "Phòng Nội vụ",
    "VP HĐND-UBND": "Văn phòng HĐND và UBND huyện",
    "VP HĐND - UBND huyện": "Văn phòng HĐND và UBND huyện",
    "Phòng TC-KH": "Phòng Tài chính - Kế hoạch",
    "Phòng VH-TT": "Phòng Văn hóa và Thông tin",
    "Phòng VH&TT": "Phòng Văn hóa và Thông tin",
    "Phòng TN&MT": "Phòng Tài nguyên và Môi trường",
    "Phòng GD&ĐT": "Phòng Giáo dục và Đào tạo",
    "Phòng LĐ-TB&XH": "Phòng Lao động - Thương binh và Xã hội",
    "Phòng NN&PTNT": "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng KT&HT": "Phòng Kinh tế và Hạ tầng",
    "Các phòng, ban chuyên môn": "Các cơ quan chuyên môn thuộc UBND huyện",
    "UBND xã, thị trấn": "UBND các xã, thị trấn",
}


def _run(*args: str) -> str:
    result = CliRunner().invoke(build_cli(), list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _review() -> dict:
    return json.loads(_run("import", str(PLAN), "--dry-run", "--json", "--year", "2025"))


def test_review_suggests_every_abbreviation_and_accepting_resolves_every_lead(
    engine: Engine, cli_env: dict[str, str]
) -> None:
    _run("units", "load", str(UNITS))
    before = _review()
    unknown = [p["message"] for p in before["problems"] if p["kind"] == "unknown_unit"]
    for written, full in ABBREVIATIONS.items():
        assert any(f'"{written}" → {full}?' in message for message in unknown), written
    # Tasks whose lead is only an abbreviation are loud "no lead" problems, never silent.
    no_lead_tasks = {task["number"] for task in before["tasks"] if not task["lead"]}
    no_lead_rows = [p for p in before["problems"] if p["kind"] == "no_lead"]
    assert len(no_lead_rows) == len(no_lead_tasks) >= 9

    accepted = _run("units", "alias", "--accept", str(PLAN))
    assert re.search(r"Đã nhận \d+ gợi ý", accepted)
    assert '"Phòng NV" → Phòng Nội vụ' in accepted

    after = _review()
    assert all(task["lead"] for task in after["tasks"]), [
        task["number"] for task in after["tasks"] if not task["lead"]
    ]
    kinds = {p["kind"] for p in after["problems"]}
    assert "no_lead" not in kinds
    remaining = [p["message"] for p in after["problems"] if p["kind"] == "unknown_unit"]
    # Only the communes' loudspeakers, which the registry does not hold, remain, and loudly.
    assert len(remaining) == 1 and "Đài truyền thanh các xã, thị trấn" in remaining[0]
    by_number = {task["number"]: task for task in after["tasks"]}
    assert by_number["I.2"]["lead"] == ["Phòng Nội vụ"]
    assert set(by_number["I.6"]["coordinating"]) >= {"Phòng Nội vụ", "Phòng Kinh tế và Hạ tầng"}
    assert "Phòng Lao động - Thương binh và Xã hội" in by_number["V.3"]["coordinating"]

    again = _run("units", "alias", "--accept", str(PLAN))
    assert "Không có gợi ý nào cần nhận" in again


def test_create_units_never_creates_an_abbreviation_of_a_registered_unit(
    engine: Engine, cli_env: dict[str, str]
) -> None:
    _run("units", "load", str(UNITS))
    review = json.loads(_run("import", str(PLAN), "--create-units", "--json", "--year", "2025"))
    # Only the communes' loudspeakers, which fit no registered unit, are created.
    assert review["created_units"] == ["Đài truyền thanh các xã, thị trấn"]
    unknown = [p["message"] for p in review["problems"] if p["kind"] == "unknown_unit"]
    assert any('"Phòng NV" → Phòng Nội vụ?' in message for message in unknown)
