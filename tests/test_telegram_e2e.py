"""End to end: the real `nhacviec run` process against a fake Bot API server on 127.0.0.1.

Everything goes through the command line and the Telegram wire format, the way an office
would use it: import a plan, hand out invite codes in chat, link a group and people, send
reminders with `nhacviec tick`, press a button, reply with a PDF, ask for the status.
Waiting is always bounded: the test polls what the fake server recorded, with a deadline.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import POSTGRES_URL
from fake_telegram import FakeBotApi, FakeTelegramServer, RecordedCall
from sqlalchemy import text

from storage.database import make_engine

pytestmark = pytest.mark.e2e

TOKEN = "123:ABC"
ADMIN = 7001
STAFF = 7002
LEADER = 7003
STRANGER = 7666
GROUP = -1001234
# Generous: the machine is small and shared.
WAIT = 45.0
NHACVIEC = str(Path(sys.executable).parent / "nhacviec")

PLAN_CSV = """\
TT,Nội dung nhiệm vụ,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành
1,Rà soát thủ tục hành chính thuộc thẩm quyền,Báo cáo rà soát,Văn phòng Sở,,15/03/2024
2,Cập nhật cơ sở dữ liệu văn bản pháp luật,Dữ liệu cập nhật,Phòng Pháp chế,,Thường xuyên
"""
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def fake() -> Iterator[tuple[FakeBotApi, FakeTelegramServer]]:
    api = FakeBotApi(TOKEN)
    api.add_private_chat(ADMIN, "Quản trị")
    api.add_private_chat(STAFF, "Lan")
    api.add_private_chat(LEADER, "Giám đốc")
    api.add_private_chat(STRANGER, "Người lạ")
    api.add_group(GROUP, "Văn phòng Sở - CCHC")
    with FakeTelegramServer(api) as server:
        yield api, server


@pytest.fixture
def database_env(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """SQLite unless a test asks (indirectly) for "postgresql": then a fresh schema."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        yield {"NHACVIEC_DATABASE_URL": f"sqlite:///{tmp_path}/nhacviec.db"}
        return
    if not POSTGRES_URL:
        if os.environ.get("NHACVIEC_REQUIRE_POSTGRES") == "1":
            pytest.fail("NHACVIEC_REQUIRE_POSTGRES=1 but NHACVIEC_TEST_DATABASE_URL is not set")
        pytest.skip("NHACVIEC_TEST_DATABASE_URL is not set")
    schema = f"e2e_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        # libpq reads PGOPTIONS, so every connection of the child lands in the test schema.
        yield {"NHACVIEC_DATABASE_URL": POSTGRES_URL, "PGOPTIONS": f"-csearch_path={schema}"}
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        admin.dispose()


@pytest.fixture
def env(
    tmp_path: Path, fake: tuple[FakeBotApi, FakeTelegramServer], database_env: dict[str, str]
) -> dict[str, str]:
    _, server = fake
    values = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NHACVIEC_", "TELEGRAM_", "ZALO_", "PG"))
    }
    values.update(
        {
            **database_env,
            "NHACVIEC_FILES_DIR": str(tmp_path / "files"),
            "NHACVIEC_ADMIN_IDS": str(ADMIN),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": server.base_url,
            "PYTHONUNBUFFERED": "1",
        }
    )
    return values


def nhacviec(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NHACVIEC, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


class BotProcess:
    """`nhacviec run` in the background; its output goes to a file to read on failure."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.log_path = cwd / "run.log"
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [NHACVIEC, "run"], env=env, cwd=cwd, stdout=self._log, stderr=subprocess.STDOUT
        )

    def output(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=10)
            self._log.close()


@pytest.fixture
def bot_process(
    env: dict[str, str], tmp_path: Path, fake: tuple[FakeBotApi, FakeTelegramServer]
) -> Iterator[BotProcess]:
    api, _ = fake
    process = BotProcess(env, tmp_path)
    try:
        api.wait_for_call("setMyCommands", timeout=WAIT)
        yield process
    except BaseException:
        print(process.output())
        raise
    finally:
        process.stop()


def said_to(chat_id: int, pattern: str = "") -> Any:
    regex = re.compile(pattern, re.S)

    def matches(call: RecordedCall) -> bool:
        return str(call.params.get("chat_id")) == str(chat_id) and bool(
            regex.search(str(call.params.get("text", "")))
        )

    return matches


def ask(api: FakeBotApi, *, user: int, chat: int, text: str, expect: str = "") -> RecordedCall:
    """Send a message as `user` and wait for the bot's answer in the same chat."""
    mark = api.mark()
    api.user_message(user_id=user, chat_id=chat, text=text)
    return api.wait_for_call("sendMessage", said_to(chat, expect), timeout=WAIT, start=mark)


def invite_code(api: FakeBotApi, unit_and_role: str) -> str:
    answer = ask(api, user=ADMIN, chat=ADMIN, text=f"/moi {unit_and_role}", expect="<code>")
    match = re.search(r"<code>([A-Za-z0-9_-]{4,})</code>", answer.params["text"])
    assert match, answer.params["text"]
    return match.group(1)


def test_run_without_any_channel_says_which_variable_to_set(
    env: dict[str, str], tmp_path: Path
) -> None:
    del env["TELEGRAM_BOT_TOKEN"]
    result = nhacviec("run", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "ZALO_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("database_env", ["sqlite", "postgresql"], indirect=True)
def test_office_onboards_gets_reminded_and_reports_over_telegram(
    fake: tuple[FakeBotApi, FakeTelegramServer],
    env: dict[str, str],
    tmp_path: Path,
    bot_process: BotProcess,
) -> None:
    api, _ = fake
    plan = tmp_path / "ke-hoach-cchc-2024.csv"
    plan.write_text(PLAN_CSV, encoding="utf-8")
    imported = nhacviec(
        "import",
        str(plan),
        "--year",
        "2024",
        "--create-units",
        "--now",
        "2024-03-01 09:00",
        env=env,
        cwd=tmp_path,
    )
    assert imported.returncode == 0, imported.stderr

    # The menu was registered in Vietnamese at start-up.
    assert {"xong", "tinhhinh", "nhiemvu"} <= {c["command"] for c in api.commands}
    assert all(c["description"] for c in api.commands)

    # The leader's code comes from the command line, while people talk to the bot.
    leader_invite = subprocess.Popen(
        [NHACVIEC, "invite", "Văn phòng Sở", "--role", "leader"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    # A stranger gets a short polite explanation and nothing more.
    refusal = ask(api, user=STRANGER, chat=STRANGER, text="/tinhhinh")
    assert "mã mời" in refusal.params["text"]

    # Onboarding: the admin hands out codes in chat too; the group and two people link.
    group_code = invite_code(api, "Văn phòng Sở")
    ask(api, user=STAFF, chat=GROUP, text=f"/link {group_code}", expect="đã được liên kết")
    staff_code = invite_code(api, "Văn phòng Sở")
    ask(api, user=STAFF, chat=STAFF, text=f"/start {staff_code}", expect="Đã liên kết")
    out, err = leader_invite.communicate(timeout=WAIT)
    assert leader_invite.returncode == 0, err
    leader_code = re.search(r"\(lãnh đạo\)\t([A-Za-z0-9_-]{4,})", out)
    assert leader_code, out
    ask(api, user=LEADER, chat=LEADER, text=f"/start {leader_code.group(1)}", expect="lãnh đạo")

    # The day before the due date the unit's group is reminded, with buttons. The first send
    # meets flood control (429, retry_after): nothing is lost and nothing goes out twice.
    mark = api.mark()
    api.fail_next("sendMessage", retry_after=1)
    ticked = nhacviec("tick", "--now", "2024-03-14 08:30", env=env, cwd=tmp_path)
    assert ticked.returncode == 0, ticked.stderr
    [refused] = [c for c in api.calls[mark:] if c.error_code == 429]
    assert refused.method == "sendMessage" and str(refused.params["chat_id"]) == str(GROUP)
    ticked = nhacviec("tick", "--now", "2024-03-14 08:40", env=env, cwd=tmp_path)
    assert ticked.returncode == 0, ticked.stderr
    reminder = api.wait_for_call(
        "sendMessage",
        lambda call: said_to(GROUP)(call) and "reply_markup" in call.params,
        timeout=WAIT,
        start=mark,
    )
    delivered = [
        c.params["text"] for c in api.calls[mark:] if c.method == "sendMessage" and not c.error_code
    ]
    assert refused.params["text"] in delivered
    assert len(delivered) == len(set(delivered)), delivered
    reminder_id = int(reminder.result["message_id"])
    buttons = [b for row in reminder.params["reply_markup"]["inline_keyboard"] for b in row]
    # The check-in's compact keyboard: one row per line, done with the item's number.
    labels = ["✅", "⏳", "⚠️", "📎"]
    assert len(buttons) == len(labels)
    assert all(label in b["text"] for label, b in zip(labels, buttons, strict=True)), buttons
    assert buttons[0]["text"] == f"✅ {buttons[0]['callback_data'].split(':')[1]}"

    # "Đang làm": the bot answers the press and edits the reminder to show the new state.
    mark = api.mark()
    in_progress = next(b for b in buttons if "⏳" in b["text"])["callback_data"]
    query_id = api.user_presses(
        user_id=STAFF, chat_id=GROUP, message_id=reminder_id, data=in_progress
    )
    api.wait_for_call(
        "answerCallbackQuery",
        lambda call: call.params["callback_query_id"] == query_id,
        timeout=WAIT,
        start=mark,
    )
    api.wait_for_call(
        "editMessageText",
        lambda call: int(call.params["message_id"]) == reminder_id,
        timeout=WAIT,
        start=mark,
    )
    assert api.message(GROUP, reminder_id).get("edit_date")

    # A reply to the reminder with a PDF is stored as evidence for that item.
    mark = api.mark()
    document = api.add_file(PDF, file_name="Bao cao ra soat TTHC.pdf", mime_type="application/pdf")
    api.user_message(
        user_id=STAFF,
        chat_id=GROUP,
        document=document,
        caption="Báo cáo đã ký",
        reply_to=reminder_id,
    )
    api.wait_for_call("getFile", timeout=WAIT, start=mark)
    saved = api.wait_for_call(
        "sendMessage", said_to(GROUP, "Đã lưu minh chứng"), timeout=WAIT, start=mark
    )
    assert "Bao cao ra soat TTHC.pdf" in saved.params["text"]
    digest = hashlib.sha256(PDF).hexdigest()
    stored = [p for p in (tmp_path / "files").rglob("*") if p.is_file()]
    assert any(p.read_bytes() == PDF for p in stored), (digest, stored)

    # The leader asks and gets the picture in one message (a chart with its caption).
    mark = api.mark()
    api.user_message(user_id=LEADER, chat_id=LEADER, text="/tinhhinh")
    status = api.wait_for_call("sendPhoto", said_to(LEADER), timeout=WAIT, start=mark)
    caption = status.params["caption"]
    assert str(status.params["chat_id"]) == str(LEADER)
    assert "Tình hình thực hiện" in caption and "Văn phòng Sở" in caption
    assert status.files["photo"][1].startswith(b"\x89PNG")
    to_leader = [
        c
        for c in api.calls[mark:]
        if str(c.params.get("chat_id")) == str(LEADER)
        and "Tình hình thực hiện" in str(c.params.get("text", ""))
    ]
    assert to_leader == []  # one message: nothing of the picture came separately

    # SIGTERM stops the bot cleanly and promptly.
    assert bot_process.stop() == 0, bot_process.output()
    log = bot_process.output()
    assert TOKEN not in log
    assert "Traceback" not in log


def test_a_refused_token_stops_run_with_exit_code_2(
    fake: tuple[FakeBotApi, FakeTelegramServer], env: dict[str, str], tmp_path: Path
) -> None:
    env["TELEGRAM_BOT_TOKEN"] = "999:REVOKED"
    result = nhacviec("run", env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "999:REVOKED" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_webhook_mode_registers_the_secret_and_refuses_requests_without_it(
    fake: tuple[FakeBotApi, FakeTelegramServer], env: dict[str, str], tmp_path: Path
) -> None:
    api, _ = fake
    port = _free_port()
    env.update(
        {
            "TELEGRAM_WEBHOOK_URL": "https://bot.example.gov.vn/telegram/hook",
            "TELEGRAM_WEBHOOK_SECRET": "s3cret-Token_42",
            "TELEGRAM_WEBHOOK_LISTEN": f"127.0.0.1:{port}",
        }
    )
    process = BotProcess(env, tmp_path)
    try:
        registered = api.wait_for_call("setWebhook", timeout=WAIT)
        assert registered.params["url"] == "https://bot.example.gov.vn/telegram/hook"
        assert registered.params["secret_token"] == "s3cret-Token_42"
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 1_700_000_000,
                "chat": {"id": STRANGER, "type": "private", "first_name": "Người lạ"},
                "from": {"id": STRANGER, "is_bot": False, "first_name": "Người lạ"},
                "text": "/start",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            },
        }
        hook = f"http://127.0.0.1:{port}/telegram/hook"

        def post(headers: dict[str, str]) -> int:
            request = urllib.request.Request(
                hook,
                data=json.dumps(update).encode(),
                headers={"Content-Type": "application/json", **headers},
            )
            deadline = time.monotonic() + WAIT
            while True:
                try:
                    with urllib.request.urlopen(request, timeout=WAIT) as answer:
                        return int(answer.status)
                except urllib.error.HTTPError as refused:
                    return int(refused.code)
                except urllib.error.URLError:
                    # The listener may come up just after setWebhook: try again, bounded.
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)

        assert post({}) == 403
        assert post({"X-Telegram-Bot-Api-Secret-Token": "wrong"}) == 403
        assert api.calls_to("sendMessage") == []
        assert post({"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_42"}) == 200
        answer = api.wait_for_call("sendMessage", said_to(STRANGER, "mã mời"), timeout=WAIT)
        assert answer.params["chat_id"] == str(STRANGER)
    except BaseException:
        print(process.output())
        raise
    finally:
        assert process.stop() == 0, process.output()
