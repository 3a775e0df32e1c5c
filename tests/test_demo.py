"""`nhacviec demo` as a user runs it: a real process in an empty directory, no token, no network."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADER = re.compile(r"^──── (\S+ \S+), (\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d) · (.+) ────$", re.M)


def test_demo_example_is_the_one_in_examples() -> None:
    """The package carries a copy (a non-editable install has no examples/); it must not drift."""
    for name in ("plan.yaml", "units.yaml"):
        shipped = ROOT / "bot" / "demo" / "example" / name
        source = ROOT / "examples" / "nghe-an-2024" / name
        assert shipped.read_bytes() == source.read_bytes(), f"copy {source} to {shipped}"


def _demo(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "ZALO_", "NHACVIEC_"))
    }
    env["PYTHONIOENCODING"] = "utf-8"
    # Any network access would fail loudly instead of hanging.
    env["HTTPS_PROXY"] = env["HTTP_PROXY"] = "http://127.0.0.1:9"
    return subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "demo", *args],
        cwd=tmp_path,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def transcript(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    where = tmp_path_factory.mktemp("demo")
    # A leftover database from an earlier run must not change anything: it is recreated.
    (where / "data").mkdir()
    (where / "data" / "demo.db").write_bytes(b"not a database")
    return where, _demo(where, "--no-interactive", "--weeks", "4")


def test_demo_runs_to_the_end_and_exits_zero(
    transcript: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    where, result = transcript
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr
    assert (where / "data" / "demo.db").stat().st_size > 10_000


def test_demo_prints_reminders_on_working_days_only(
    transcript: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _, result = transcript
    out = result.stdout
    headers = HEADER.findall(out)
    assert len(headers) >= 5, out[:3000]
    days = sorted({date(int(y), int(m), int(d)) for _, d, m, y, _, _, _ in headers})
    assert all(day.weekday() < 5 for day in days), days
    # Weekday names in the headers agree with the dates.
    names = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    for weekday, d, m, y, _, _, _ in headers:
        assert names[date(int(y), int(m), int(d)).weekday()] == weekday
    # Messages arrive on more than one day: the clock really moved through the weeks.
    assert len(days) >= 3
    chats = {chat for *_, chat in headers}
    assert "Nhóm lãnh đạo" in chats
    assert any(
        chat.startswith("Nhóm Phòng") or chat.startswith("Nhóm ")
        for chat in chats - {"Nhóm lãnh đạo"}
    )


def test_demo_shows_reminders_digest_and_answers(
    transcript: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _, result = transcript
    out = result.stdout
    assert "Tổng hợp" in out  # the weekly digest to the leaders
    assert "Trả lời:" in out  # reminders carry the typed replies
    assert "<b>" not in out and "&amp;" not in out
    assert "Nguyễn Văn An gõ: /tasks" in out
    assert "Trần Thị Bình gõ: /status" in out
    assert "Kết thúc mô phỏng" in out


def test_demo_without_a_terminal_does_not_wait_for_input(tmp_path: Path) -> None:
    result = _demo(tmp_path, "--weeks", "1", stdin="")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Kết thúc mô phỏng" in result.stdout


def test_demo_refuses_a_bad_start_date(tmp_path: Path) -> None:
    result = _demo(tmp_path, "--no-interactive", "--from", "15/03/2024")
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: Không hiểu thời điểm")


def test_demo_refuses_a_start_outside_the_plan_year(tmp_path: Path) -> None:
    result = _demo(tmp_path, "--no-interactive", "--from", "2025-03-03")
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: Kế hoạch mẫu là của năm 2024")
