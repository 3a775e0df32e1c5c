"""`nhacviec agenda` and `nhacviec tick` as an operator runs them (real processes)."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from cli_helpers import Ran
from cli_helpers import nhacviec as run_nhacviec
from factories import link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session


@pytest.fixture
def database(engine: Engine, cli_env: dict[str, str]) -> str:
    """The test's database (SQLite or PostgreSQL) with two units' items and two chats."""
    with Session(engine) as session:
        plan = make_plan(session)
        noi_vu = make_unit(session, "Phòng Nội vụ")
        tu_phap = make_unit(session, "Phòng Tư pháp")
        make_item(session, plan, noi_vu, "3", due=date(2024, 3, 15), period_label="Quý I/2024")
        make_item(session, plan, tu_phap, "4", due=date(2024, 3, 13), period_label="Tháng 02/2024")
        link_chat(session, unit=noi_vu, chat_id="noi-vu")
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()
    return cli_env["NHACVIEC_DATABASE_URL"]


def nhacviec(database: str, tmp_path: Path, *args: str) -> Ran:
    env = {**os.environ, "NHACVIEC_DATABASE_URL": database}
    for name in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN"):
        env.pop(name, None)
    return run_nhacviec(*args, env=env, cwd=tmp_path)


def test_agenda_json(database: str, tmp_path: Path) -> None:
    result = nhacviec(
        database, tmp_path, "agenda", "--from", "2024-03-11", "--to", "2024-03-15", "--json"
    )
    assert result.returncode == 0, result.stderr
    notices = json.loads(result.stdout)
    rows = [(n["at"], n["kind"], n["audience"], n["task"], n["period"]) for n in notices]
    assert rows == [
        ("2024-03-11T08:00:00+07:00", "digest", "leaders", None, "Tuần 11/03–17/03/2024"),
        ("2024-03-11T08:00:00+07:00", "digest", "Phòng Nội vụ", None, "Tuần 11/03–17/03/2024"),
        ("2024-03-11T08:00:00+07:00", "digest", "Phòng Tư pháp", None, "Tuần 11/03–17/03/2024"),
        ("2024-03-12T08:00:00+07:00", "reminder", "Phòng Nội vụ", "3", "Quý I/2024"),
        ("2024-03-12T08:00:00+07:00", "reminder", "Phòng Tư pháp", "4", "Tháng 02/2024"),
        ("2024-03-13T08:00:00+07:00", "reminder", "Phòng Tư pháp", "4", "Tháng 02/2024"),
        ("2024-03-14T08:00:00+07:00", "reminder", "Phòng Nội vụ", "3", "Quý I/2024"),
        ("2024-03-14T08:00:00+07:00", "overdue", "Phòng Tư pháp", "4", "Tháng 02/2024"),
        ("2024-03-15T08:00:00+07:00", "reminder", "Phòng Nội vụ", "3", "Quý I/2024"),
    ]


def test_agenda_for_one_unit_typed_without_accents(database: str, tmp_path: Path) -> None:
    result = nhacviec(
        database,
        tmp_path,
        "agenda",
        "--from",
        "2024-03-18",
        "--to",
        "2024-03-22",
        "--unit",
        "phong tu phap",
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("08:00")]
    assert len(lines) == 3
    assert "Tổng hợp" in lines[0] and "Phòng Tư pháp" in lines[0]
    # Due Wednesday 13/3: three working days late on Monday 18/3.
    assert "18/03/2024  Báo cáo" in lines[1] and "Lãnh đạo" in lines[1]
    assert "NV 4" in lines[1] and "việc của Phòng Tư pháp" in lines[1]
    assert "18/03/2024  Quá hạn" in lines[2]
    # The '#' number is what a unit types to answer; NV is the task's number in the plan.
    assert re.search(r"→ Phòng Tư pháp · #\d+ · NV 4 ·", lines[2]), lines[2]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("agenda", "--unit", "Phòng Không Có"), "Không tìm thấy đơn vị"),
        (("agenda", "--from", "15 tháng Ba"), "dd/mm/yyyy"),
        (("agenda", "--from", "2024-03-20", "--to", "2024-03-01"), "ngày kết thúc trước"),
        (("tick", "--now", "mai"), "YYYY-MM-DD HH:MM"),
    ],
)
def test_bad_input_is_one_vietnamese_line(
    database: str, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = nhacviec(database, tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: ") and message in result.stderr
    assert "Traceback" not in result.stderr


def test_tick_sends_once_across_runs(database: str, tmp_path: Path) -> None:
    first = nhacviec(database, tmp_path, "tick", "--now", "2024-03-12 08:00")
    assert first.returncode == 0, first.stderr
    assert "──── console:noi-vu ────" in first.stdout
    assert "còn 3 ngày làm việc" in first.stdout
    # Occurrence #1 of task 3: the typed reply names the occurrence, as the chat reads it.
    assert "Trả lời: xong 1 · tiendo 1 <phần trăm>" in first.stdout
    assert "xong 3" not in first.stdout
    assert "đã gửi 1" in first.stdout
    # The summary names the unit and what the message says, never the internal key.
    summary = [line for line in first.stdout.splitlines() if line.startswith("✓")]
    assert len(summary) == 1 and summary[0].startswith("✓ Nhắc hạn → Phòng Nội vụ (console): ")
    assert "reminder:" not in first.stdout
    # Phòng Tư pháp has no chat linked: nothing is sent for it, nothing is lost.
    assert "Tư pháp" not in first.stdout
    again = nhacviec(database, tmp_path, "tick", "--now", "2024-03-12 09:00")
    assert again.returncode == 0, again.stderr
    assert "đã gửi 0" in again.stdout and "console:noi-vu" not in again.stdout
    night = nhacviec(database, tmp_path, "tick", "--now", "2024-03-12 23:00")
    assert "ngoài giờ hành chính" in night.stdout
