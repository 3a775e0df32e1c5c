"""Wrong use of a command is answered in one Vietnamese sentence with exit code 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_helpers import Ran, nhacviec


def _nhacviec(args: list[str], cwd: Path) -> Ran:
    env = {
        **os.environ,
        "NHACVIEC_DATABASE_URL": f"sqlite:///{cwd / 'x.db'}",
        "PYTHONIOENCODING": "utf-8",
    }
    return nhacviec(*args, cwd=cwd, env=env)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["deadline", "Quý I", "--year", "abc"], "Giá trị của '--year' không hợp lệ: cần một số"),
        (["import"], "Lệnh nhacviec import còn thiếu 'FILE'"),
        (
            ["import", "--yaer", "2024", "x.csv"],
            "không có tùy chọn --yaer (có phải ý bạn là --year?)",
        ),
        (["invite", "X", "--role", "boss"], "hãy chọn một trong can-bo, dau-moi, lanh-dao"),
        (["tick", "--now"], "Tùy chọn --now cần một giá trị"),
        (["units", "lst"], "Không có lệnh nhacviec units lst (có phải ý bạn là list?)"),
    ],
)
def test_usage_errors_are_one_vietnamese_line(args: list[str], words: str, tmp_path: Path) -> None:
    result = _nhacviec(args, tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Lỗi: ") and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Error" not in result.stderr and "Traceback" not in result.stderr


def test_help_version_and_a_bare_group_still_show_click_output(tmp_path: Path) -> None:
    assert _nhacviec(["--version"], tmp_path).returncode == 0
    helped = _nhacviec(["deadline", "--help"], tmp_path)
    assert helped.returncode == 0 and "Cách dùng: nhacviec deadline" in helped.stdout
    bare = _nhacviec(["units"], tmp_path)
    assert "nhacviec units" in bare.stdout + bare.stderr and "Lỗi" not in bare.stderr
