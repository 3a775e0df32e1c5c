"""`nhacviec run` and `nhacviec tick` as real processes, serving Zalo through the fake Zalo
Bot API on 127.0.0.1: onboarding, a unit group, commands, a reminder, a clean stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from factories import make_item, make_plan, make_unit
from fake_zalo import FakeZalo, running_fake_zalo

from scheduler.clock import VIETNAM_TZ
from scheduler.vocabulary import Role
from storage.database import make_engine, session_scope
from storage.invites import create_invite
from storage.migrate import upgrade

pytestmark = pytest.mark.e2e

GROUP = "zalo-group-vp"
USER = "zalo-staff-1"


@pytest.fixture
def fake() -> Iterator[FakeZalo]:
    with running_fake_zalo(poll_cap=0.5) as server:
        yield server


def _env(fake: FakeZalo, db: Path, files: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "ZALO_", "NHACVIEC_"))
    }
    env.update(
        {
            "NHACVIEC_DATABASE_URL": f"sqlite:///{db}",
            "NHACVIEC_FILES_DIR": str(files),
            "ZALO_BOT_TOKEN": fake.token,
            "ZALO_API_BASE_URL": fake.base_url,
            "PYTHONIOENCODING": "utf-8",
        }
    )
    return env


def _nhacviec(*args: str) -> list[str]:
    return [sys.executable, "-c", "from bot.cli import main; main()", *args]


def test_run_serves_zalo_and_tick_sends_reminders_to_the_zalo_group(
    fake: FakeZalo, tmp_path: Path
) -> None:
    db = tmp_path / "bot.db"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)

    # `nhacviec run` lives on the wall clock, so its invite codes must be valid now.
    at = datetime.now(VIETNAM_TZ)
    with session_scope(engine) as session:
        unit = make_unit(session, "Văn phòng Sở")
        plan = make_plan(session)
        item = make_item(session, plan, unit, "7", due=date(2024, 3, 15))
        personal = create_invite(session, unit_id=unit.id, role=Role.STAFF, now=at, actor="t")
        group = create_invite(session, unit_id=unit.id, role=Role.STAFF, now=at, actor="t")
    engine.dispose()
    env = _env(fake, db, tmp_path / "files")

    process = subprocess.Popen(
        _nhacviec("run"),
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        fake.wait_for(lambda: bool(fake.sent("getUpdates")), timeout=60)
        fake.push_text(f"/start {personal.code}", user_id=USER, name="Hồ Thị Mai")
        fake.wait_for(lambda: bool(fake.texts_to(USER)), timeout=30)
        fake.push_text(f"/link {group.code}", user_id=USER, name="Hồ Thị Mai", chat_id=GROUP)
        fake.wait_for(lambda: bool(fake.texts_to(GROUP)), timeout=30)
        fake.push_text("nhiem vu", user_id=USER, name="Hồ Thị Mai")
        fake.wait_for(lambda: len(fake.texts_to(USER)) >= 2, timeout=30)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            _, stderr = process.communicate(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            _, stderr = process.communicate()
    assert process.returncode == 0, stderr[-3000:]
    assert fake.token not in stderr
    assert "Văn phòng Sở" in fake.texts_to(USER)[0]
    assert f"#{item.id}" in fake.texts_to(USER)[1]

    # A reminder a week before the due date goes to the linked Zalo group as plain text.
    before = len(fake.texts_to(GROUP))
    tick = subprocess.run(
        _nhacviec("tick", "--now", "2024-03-06 08:00"),
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert tick.returncode == 0, tick.stderr[-3000:]
    reminders = fake.texts_to(GROUP)[before:]
    assert reminders, tick.stdout + tick.stderr
    reminder = reminders[-1]
    assert "Nhiệm vụ số 7" in "\n".join(reminders)
    assert reminder.endswith(
        f"Trả lời: xong {item.id} · tiendo {item.id} <phần trăm> · "
        f"vuongmac {item.id} <lý do> · minhchung {item.id} rồi gửi ảnh"
    )
    assert all(len(text) <= 2000 and "<b>" not in text for text in fake.texts_to(GROUP))
    assert fake.token not in tick.stdout + tick.stderr


def test_run_with_a_refused_zalo_token_says_so_and_exits_2(fake: FakeZalo, tmp_path: Path) -> None:
    env = _env(fake, tmp_path / "bot.db", tmp_path / "files")
    env["ZALO_BOT_TOKEN"] = "999:not-the-token"
    result = subprocess.run(
        _nhacviec("run"), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2, result.stderr[-3000:]
    assert "Lỗi: Zalo từ chối ZALO_BOT_TOKEN" in result.stderr
    assert "not-the-token" not in result.stderr + result.stdout
