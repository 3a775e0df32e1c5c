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
    messages = json.loads(result.stdout)
    # One message per audience and morning, as the engine sends them, with its items.
    rows = [
        (
            m["at"][:10],
            m["kind"],
            m["audience"],
            m["chats"],
            m["week"],
            [(i["kind"], i["task"]) for i in m["items"]],
        )
        for m in messages
    ]
    assert rows == [
        ("2024-03-11", "digest", "leaders", 1, False, []),
        ("2024-03-11", "checkin", "Phòng Nội vụ", 1, True, []),
        ("2024-03-11", "checkin", "Phòng Tư pháp", 0, True, []),
        ("2024-03-12", "checkin", "Phòng Nội vụ", 1, False, [("reminder", "3")]),
        ("2024-03-12", "checkin", "Phòng Tư pháp", 0, False, [("reminder", "4")]),
        ("2024-03-13", "checkin", "Phòng Tư pháp", 0, False, [("reminder", "4")]),
        ("2024-03-14", "checkin", "Phòng Nội vụ", 1, False, [("reminder", "3")]),
        ("2024-03-14", "checkin", "Phòng Tư pháp", 0, False, [("overdue", "4")]),
        ("2024-03-15", "checkin", "Phòng Nội vụ", 1, False, [("reminder", "3")]),
    ]
    assert messages[0]["period"] == "Tuần 11/03–17/03/2024"


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
    lines = result.stdout.splitlines()
    heads = [line for line in lines if line.startswith("08:00")]
    # Monday: the leaders' report, and the unit's ONE check-in (its overdue item and the
    # week's list), where the old agenda had a line per notice.
    assert len(heads) == 2
    assert "18/03/2024  Báo cáo" in heads[0] and "Lãnh đạo: 1 việc" in heads[0]
    assert "Việc sáng nay" in heads[1] and "Phòng Tư pháp (chưa kết nối bot)" in heads[1]
    assert "1 việc, kèm danh sách việc cả tuần" in heads[1]
    # The items each message lists, under it; '#' is what a unit types to answer.
    assert re.search(
        r"^    Quá hạn · #\d+ · NV 4 · Tháng 02/2024$", lines[lines.index(heads[1]) + 1]
    )
    reported = lines[lines.index(heads[0]) + 1]
    assert "Báo cáo" in reported and "NV 4" in reported and "việc của Phòng Tư pháp" in reported


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
    assert len(summary) == 1 and summary[0].startswith("✓ Việc sáng nay → Phòng Nội vụ (console): ")
    assert "reminder:" not in first.stdout
    # Phòng Tư pháp has no chat linked: nothing is sent for it, nothing is lost.
    assert "Tư pháp" not in first.stdout
    again = nhacviec(database, tmp_path, "tick", "--now", "2024-03-12 09:00")
    assert again.returncode == 0, again.stderr
    assert "đã gửi 0" in again.stdout and "console:noi-vu" not in again.stdout
    night = nhacviec(database, tmp_path, "tick", "--now", "2024-03-12 23:00")
    assert "ngoài giờ hành chính" in night.stdout
