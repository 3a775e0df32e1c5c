"""`nhacviec demo` as a user runs it: a real process in an empty directory, no token, no network."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from cli_helpers import Ran, nhacviec

ROOT = Path(__file__).resolve().parents[1]
HEADER = re.compile(r"^──── (\S+ \S+), (\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d) · (.+) ────$", re.M)


def test_demo_example_is_the_one_in_examples() -> None:
    """The package carries a copy (a non-editable install has no examples/); it must not drift."""
    for name in ("plan.yaml", "units.yaml"):
        shipped = ROOT / "bot" / "demo" / "example" / name
        source = ROOT / "examples" / "nghe-an-2024" / name
        assert shipped.read_bytes() == source.read_bytes(), f"copy {source} to {shipped}"


def _demo(tmp_path: Path, *args: str, stdin: str | None = None) -> Ran:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "ZALO_", "NHACVIEC_"))
    }
    env["PYTHONIOENCODING"] = "utf-8"
    # Any network access would fail loudly instead of hanging.
    env["HTTPS_PROXY"] = env["HTTP_PROXY"] = "http://127.0.0.1:9"
    return nhacviec("demo", *args, cwd=tmp_path, env=env, input=stdin)


@pytest.fixture(scope="module")
def transcript(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Ran]:
    where = tmp_path_factory.mktemp("demo")
    # A leftover database from an earlier run must not change anything: it is recreated.
    (where / "data").mkdir()
    (where / "data" / "demo.db").write_bytes(b"not a database")
    return where, _demo(where, "--no-interactive", "--weeks", "4")


def test_demo_runs_to_the_end_and_exits_zero(
    transcript: tuple[Path, Ran],
) -> None:
    where, result = transcript
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stdout + result.stderr
    assert (where / "data" / "demo.db").stat().st_size > 10_000


def test_demo_prints_reminders_on_working_days_only(
    transcript: tuple[Path, Ran],
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
    transcript: tuple[Path, Ran],
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
    result = _demo(tmp_path, "--no-interactive", "--from", "32/13/2024")
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: Không hiểu thời điểm")


def test_demo_refuses_a_start_outside_the_plan_year(tmp_path: Path) -> None:
    result = _demo(tmp_path, "--no-interactive", "--from", "2025-03-03")
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: Kế hoạch mẫu là của năm 2024")


def _blocks(out: str) -> list[tuple[str, str, str]]:
    """(date, chat, text) of every message in the transcript."""
    found = list(HEADER.finditer(out))
    blocks = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(out)
        day = f"{match.group(4)}-{match.group(3)}-{match.group(2)}"
        blocks.append((day, match.group(7), out[match.end() : end]))
    return blocks


def test_demo_answer_closes_the_item_the_reminder_named(
    transcript: tuple[Path, Ran],
) -> None:
    _, result = transcript
    out = result.stdout
    typed = re.search(r"Nguyễn Văn An gõ: xong (\d+) ", out)
    assert typed is not None
    number = typed.group(1)
    before = out[: typed.start()]
    reminder = before[before.rindex("🔔") :]
    # The reminder answered names the item by the '#' the staff member typed…
    assert f"#{number} · Nhiệm vụ" in reminder
    assert f"Trả lời: xong {number} · tiendo {number}" in reminder
    # … and the bot confirms that very item.
    assert f"#{number} · TT" in out[typed.end() : typed.end() + 600]


def test_demo_reminders_say_how_to_answer_once(
    transcript: tuple[Path, Ran],
) -> None:
    _, result = transcript
    reminders = [text for _, _, text in _blocks(result.stdout) if "🔔" in text or "⚠️ Việc" in text]
    assert reminders
    for text in reminders:
        assert text.count("Trả lời:") == 1, text
        assert "Bấm nút" not in text


def test_demo_leaders_get_one_escalation_message_a_day_and_a_chart(
    transcript: tuple[Path, Ran],
) -> None:
    where, result = transcript
    to_leaders = [(day, text) for day, chat, text in _blocks(result.stdout) if "lãnh đạo" in chat]
    escalation_days = [day for day, text in to_leaders if "Báo cáo lãnh đạo" in text]
    assert escalation_days
    assert len(escalation_days) == len(set(escalation_days))
    # Four weeks: four digests and at most one escalation message per working day.
    assert len(to_leaders) <= 4 + 20
    digests = [text for _, text in to_leaders if "Tổng hợp tiến độ" in text]
    assert len(digests) == 4
    assert "0/0" not in "".join(digests)
    charts = re.findall(r'Kèm ảnh "bieu-do-hoan-thanh\.png" \(.*\): (\S+\.png)', result.stdout)
    assert charts
    assert all((where / chart).is_file() for chart in charts)
