"""Answering a check-in of several lines, in real chats: a unit whose only link is one
person's private chat, on Telegram (fake Bot API over HTTP on 127.0.0.1) and on Zalo (fake
Zalo Bot API over HTTP, where there is no reply nor quote).

A reply naming no line asks which, with a numbered list of the check-in's lines, and the
number picked then acts; a reply naming a line (its number, its place, a quote) acts on it;
a number that is no item of the chat offers the nearest ones. Nothing is ever guessed, and
every message the bot sends fits Zalo's 2,000 characters.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import make_item, make_plan, make_unit
from fake_telegram import FakeBotApi, FakeTelegramServer
from fake_zalo import FakeZalo, running_fake_zalo
from sqlalchemy.engine import Engine
from sqlmodel import Session
from zalo_chat import until, zalo_app

from bot.channels.telegram import TelegramSender, build_application, build_bot
from bot.channels.zalo.runner import run_zalo, zalo_sender
from bot.context import AppContext
from bot.core.conversation import Conversation
from bot.engine import ReminderEngine
from bot.settings import load_settings
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.vocabulary import Role
from storage.database import session_scope
from storage.invites import create_invite
from storage.models import Occurrence
from storage.tracking import evidence_of, get_item

TOKEN = "123:ABC"
STAFF = 5201
# Thursday 14/3/2024: the three items due Friday 15/3 are in this morning's check-in.
MORNING = datetime(2024, 3, 14, 8, 0, tzinfo=VIETNAM_TZ)
# Items of another unit come first, so that the unit's own numbers are 21, 22, 23 and
# small numbers ("xong 2") name nobody's item of this chat.
OTHERS = 20
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _seed(engine: Engine, clock: ManualClock) -> tuple[list[int], str]:
    with session_scope(engine) as session:
        other = make_unit(session, "Phòng Nội vụ")
        unit = make_unit(session, "Phòng Tư pháp")
        plan = make_plan(session)
        for number in range(OTHERS):
            make_item(session, plan, other, f"9.{number}", due=date(2024, 6, 28))
        titles = ("Rà soát văn bản quy phạm", "Báo cáo kiểm soát TTHC", "Cập nhật cơ sở dữ liệu")
        ids = []
        for number, title in enumerate(titles, 1):
            item = make_item(session, plan, unit, str(number), due=date(2024, 3, 15))
            assert item.id is not None
            ids.append(item.id)
            task = get_item(session, occurrence_id=item.id)
            assert task is not None
            task.task.title = title
            session.add(task.task)
        invite = create_invite(
            session, unit_id=unit.id, role=Role.STAFF, now=clock.now(), actor="test"
        )
        return ids, invite.code


def _state(engine: Engine, occurrence_id: int) -> tuple[str, int]:
    with Session(engine) as session:
        stored = session.get(Occurrence, occurrence_id)
        assert stored is not None
        return stored.status, stored.percent


# --- Telegram ------------------------------------------------------------------------------


@pytest.fixture
def api() -> Iterator[tuple[FakeBotApi, FakeTelegramServer]]:
    api = FakeBotApi(TOKEN)
    api.add_private_chat(STAFF, "Lan", "Phạm")
    with FakeTelegramServer(api) as server:
        yield api, server


@pytest.fixture
def telegram_app(engine: Engine, tmp_path: Path, api: Any) -> AppContext:
    _, server = api
    settings = load_settings(
        database_url=f"sqlite:///{tmp_path}/unused.db",
        telegram_bot_token=TOKEN,
        telegram_api_base_url=server.base_url,
        files_dir=tmp_path / "files",
    )
    return AppContext(
        settings=settings, engine=engine, clock=ManualClock(MORNING), files_dir=tmp_path / "files"
    )


@pytest.fixture
async def telegram(telegram_app: AppContext) -> AsyncIterator[Any]:
    application = build_application(telegram_app.settings, Conversation(telegram_app))
    async with application:
        yield application


class TelegramChat:
    def __init__(self, api: FakeBotApi, application: Any) -> None:
        self.api = api
        self.application = application

    async def say(
        self,
        text: str,
        *,
        reply_to: int | None = None,
        quote: str | None = None,
        document: dict[str, Any] | None = None,
    ) -> str:
        """What the bot answered, all messages joined."""
        start = self.api.mark()
        extra = {"quote": {"text": quote, "position": 0}} if quote else None
        self.api.user_message(
            user_id=STAFF,
            chat_id=STAFF,
            text=text,
            reply_to=reply_to,
            extra=extra,
            document=document,
        )
        updates = await self.application.bot.get_updates(timeout=0)
        for update in updates:
            await self.application.process_update(update)
        await self.application.bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
        sent = [c for c in self.api.calls[start:] if c.method == "sendMessage"]
        return "\n".join(str(call.params["text"]) for call in sent)


async def test_telegram_replies_to_a_checkin_of_several_lines(
    api: Any, telegram: Any, telegram_app: AppContext
) -> None:
    fake, _ = api
    engine, clock = telegram_app.engine, telegram_app.clock
    assert isinstance(clock, ManualClock)
    ids, code = _seed(engine, clock)
    first, second, third = ids
    chat = TelegramChat(fake, telegram)
    await chat.say(f"/start {code}")
    sender = TelegramSender(build_bot(telegram_app.settings))
    report = await ReminderEngine(engine, clock, {"telegram": sender}).tick()
    assert [record.chat_id for record in report.sent] == [str(STAFF)]
    (checkin,) = [c for c in fake.calls_to("sendMessage") if "Việc cần làm" in c.params["text"]]
    checkin_id = int(checkin.result["message_id"])
    assert all(f"<b>#{number}</b>" in checkin.params["text"] for number in ids)

    # "xong" replying to three lines: which one? Nothing is changed meanwhile.
    asked = await chat.say("xong", reply_to=checkin_id)
    assert "Bạn nói về việc nào?" in asked
    for place, number in enumerate(ids, 1):
        assert f"{place}. <b>#{number}</b>" in asked
    assert [_state(engine, n)[0] for n in ids] == ["not_started"] * 3
    # The pick by number acts on that line.
    done = await chat.say("2")
    assert "Đã ghi nhận hoàn thành" in done and f"#{second}" in done
    assert _state(engine, second)[0] == "done"
    assert _state(engine, first)[0] == _state(engine, third)[0] == "not_started"

    # A quoted line is the item meant.
    quoted = await chat.say("đang làm 50%", reply_to=checkin_id, quote="Cập nhật cơ sở dữ liệu")
    assert f"#{third}" in quoted
    assert _state(engine, third) == ("in_progress", 50)
    # The line's place: "vướng 1 …" is the first line (#1 is no item of this chat).
    blocked = await chat.say("vướng 1 chờ số liệu của Sở", reply_to=checkin_id)
    assert f"#{first}" in blocked and _state(engine, first)[0] == "blocked"

    # A near miss: there is no item #32; the nearest of this chat (#22, #23) are offered.
    slip = await chat.say("tiendo 32 80")
    assert "Không có nhiệm vụ #32" in slip and f"<b>#{second}</b>" in slip
    assert _state(engine, third) == ("in_progress", 50)
    assert "Đã ghi nhận" in await chat.say(str(_place_in(slip, third)))
    assert _state(engine, third) == ("in_progress", 80)

    # A file replying to the check-in: which item? The file waits, unfetched, for the pick.
    pdf = fake.add_file(PDF, file_name="bien-ban.pdf", mime_type="application/pdf")
    asked = await chat.say("", reply_to=checkin_id, document=pdf)
    assert "Bạn nói về việc nào?" in asked and not fake.calls_to("getFile")
    saved = await chat.say("1")
    assert "bien-ban.pdf" in saved and f"#{first}" in saved
    with Session(engine) as session:
        assert [e.file_name for e in evidence_of(session, occurrence_id=first)] == ["bien-ban.pdf"]

    # Every message the bot sent fits Zalo's limit whole, /tasks and /xem included.
    await chat.say("/nhiemvu")
    await chat.say(f"/xem {first}")
    texts = [str(c.params["text"]) for c in fake.calls_to("sendMessage")]
    assert texts and max(len(text) for text in texts) <= 2000


def _place_in(answer: str, occurrence_id: int) -> int:
    for line in answer.splitlines():
        head, _, rest = line.partition(". ")
        if head.isdigit() and (
            rest.startswith(f"<b>#{occurrence_id}</b>") or rest.startswith(f"#{occurrence_id} ")
        ):
            return int(head)
    raise AssertionError(f"#{occurrence_id} not offered in {answer!r}")


# --- Zalo ----------------------------------------------------------------------------------


@pytest.fixture
def zalo() -> Iterator[FakeZalo]:
    with running_fake_zalo(poll_cap=0.3) as server:
        yield server


async def test_zalo_answers_to_a_checkin_of_several_lines(
    engine: Engine, zalo: FakeZalo, tmp_path: Path
) -> None:
    clock = ManualClock(MORNING - timedelta(hours=1))
    app = zalo_app(engine, zalo, clock, tmp_path / "files")
    (first, second, third), code = _seed(engine, clock)
    user = "zalo-lan"
    stop = asyncio.Event()
    runner = asyncio.create_task(run_zalo(app, Conversation(app), stop))

    async def say(text: str) -> str:
        before = len(zalo.texts_to(user))
        zalo.push_text(text, user_id=user, name="Phạm Lan")
        await until(lambda: len(zalo.texts_to(user)) > before)
        await asyncio.sleep(0.1)
        return "\n".join(zalo.texts_to(user)[before:])

    try:
        await say(f"/start {code}")
        clock.set(MORNING)
        sender = zalo_sender(app)
        assert sender is not None
        report = await ReminderEngine(engine, clock, {"zalo": sender}).tick()
        assert [record.chat_id for record in report.sent] == [user]
        checkin = zalo.texts_to(user)[-1]
        assert all(f"#{number} " in checkin for number in (first, second, third))

        # Zalo has no reply: a bare "xong" answers today's check-in, which line is asked.
        asked = await say("xong")
        assert "Bạn nói về việc nào?" in asked and "<b>" not in asked
        assert f"3. #{third} " in asked
        assert _state(engine, third)[0] == "not_started"
        assert "Đã ghi nhận hoàn thành" in await say("3")
        assert _state(engine, third)[0] == "done"
        # The reference typed acts at once; so do words of a line's title typed in a row.
        assert "Đã ghi nhận hoàn thành" in await say(f"xong {second}")
        named = await say("đang làm 30% rà soát văn bản quy phạm")
        assert f"#{first}" in named and _state(engine, first) == ("in_progress", 30)
        # A near miss asks (one digit too many: #21 alone is near), "có" acts.
        slip = await say(f"xong {first}1 đã gửi")
        assert f"Không có nhiệm vụ #{first}1" in slip and f"1. #{first} " in slip
        assert _state(engine, first)[0] == "in_progress"
        assert "Đã ghi nhận hoàn thành" in await say("có")
        assert _state(engine, first)[0] == "done"
        # "không" drops the question.
        await say("xong")
        assert "Đã bỏ" in await say("không")
        await say("/nhiemvu het")
        await say(f"/xem {first}")
    finally:
        stop.set()
        await asyncio.wait_for(runner, timeout=5)
    assert max(len(text) for text in zalo.texts_to(user)) <= 2000


async def test_a_refused_file_kept_for_a_pick_leaves_nothing_on_disk(
    api: Any, telegram: Any, telegram_app: AppContext, tmp_path: Path, monkeypatch: Any
) -> None:
    fake, _ = api
    engine, clock = telegram_app.engine, telegram_app.clock
    assert isinstance(clock, ManualClock)
    ids, code = _seed(engine, clock)
    chat = TelegramChat(fake, telegram)
    await chat.say(f"/start {code}")
    sender = TelegramSender(build_bot(telegram_app.settings))
    await ReminderEngine(engine, clock, {"telegram": sender}).tick()
    (checkin,) = [c for c in fake.calls_to("sendMessage") if "Việc cần làm" in c.params["text"]]
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    # A "PDF" that is none: asked which item, fetched after the pick, then refused.
    fake_pdf = fake.add_file(b"MZ not a pdf", file_name="bien-ban.pdf", mime_type="application/pdf")
    asked = await chat.say("", reply_to=int(checkin.result["message_id"]), document=fake_pdf)
    assert "Bạn nói về việc nào?" in asked
    refused = await chat.say("1")
    assert "bien-ban.pdf" in refused and fake.calls_to("getFile")
    with Session(engine) as session:
        assert evidence_of(session, occurrence_id=ids[0]) == []
    assert list(scratch.rglob("*")) == []
