"""Files through the Telegram and Zalo adapters with the real core: rights before download,
names of our own on disk, content checked by its first bytes, other units' items unnamed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from core_fixtures import World, build_world
from fake_telegram import FakeBotApi
from fake_zalo import FakeZalo, running_fake_zalo
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from telegram_app import TOKEN, offline_app, offline_application

from bot.channels.zalo.runner import run_zalo
from bot.context import AppContext
from bot.core.conversation import Conversation
from bot.settings import load_settings
from scheduler.clock import ManualClock
from scheduler.vocabulary import Audience
from storage import invites
from storage.models import EvidenceFile

STAFF_A = 7001  # staff of unit A, linked in private
STAFF_B = 7002  # staff of unit B
STRANGER = 7009
GROUP_A = -100501
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF"


def _link(engine: Engine, clock: ManualClock, unit_id: int, user: str, *, group: bool) -> None:
    with Session(engine) as session:
        code = invites.create_invite(
            session, unit_id=unit_id, audience=Audience.UNIT, now=clock.now(), actor="t"
        ).code
        invites.redeem_invite(
            session,
            code=code,
            channel="telegram",
            external_id=user,
            display_name="Người dùng",
            chat_id=str(GROUP_A) if group else user,
            is_private=not group,
            now=clock.now(),
        )
        session.commit()


@pytest.fixture
def world(engine: Engine, clock: ManualClock) -> World:
    world = build_world(engine, clock.now())
    _link(engine, clock, world.unit_a, str(STAFF_A), group=False)
    _link(engine, clock, world.unit_b, str(STAFF_B), group=False)
    _link(engine, clock, world.unit_a, "admin", group=True)
    return world


@pytest.fixture
def api() -> FakeBotApi:
    api = FakeBotApi(TOKEN)
    for user in (STAFF_A, STAFF_B, STRANGER):
        api.add_private_chat(user, "Lan")
    api.add_group(GROUP_A, "Văn phòng Sở")
    return api


@pytest.fixture
async def telegram(
    api: FakeBotApi, engine: Engine, clock: ManualClock, world: World, tmp_path: Path
) -> AsyncIterator[Any]:
    app = offline_app(engine, tmp_path, clock, max_upload_mb=5)
    async with offline_application(api, app) as application:
        yield application


async def _send_file(
    api: FakeBotApi,
    application: Any,
    *,
    user: int,
    chat: int,
    content: bytes,
    name: str,
    caption: str | None = None,
    mime_type: str = "application/pdf",
) -> list[str]:
    before = len(api.calls_to("sendMessage"))
    document = api.add_file(content, file_name=name, mime_type=mime_type)
    api.user_message(user_id=user, chat_id=chat, document=document, caption=caption)
    updates = await application.bot.get_updates(timeout=0)
    for update in updates:
        await application.process_update(update)
    await application.bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return [call.params["text"] for call in api.calls_to("sendMessage")[before:]]


def _evidence(engine: Engine) -> list[EvidenceFile]:
    with Session(engine) as session:
        return list(session.exec(select(EvidenceFile).order_by(EvidenceFile.id)))  # type: ignore[arg-type]


async def test_files_nobody_asked_for_are_never_downloaded(
    api: FakeBotApi, telegram: Any, world: World, engine: Engine
) -> None:
    big = PDF + b"x" * (4 * 1024 * 1024)
    said = await _send_file(api, telegram, user=STRANGER, chat=STRANGER, content=big, name="a.pdf")
    assert said and ("liên kết" in said[0].lower() or "mã mời" in said[0].lower())
    # A file shared in the unit's group about no item: none of the bot's business.
    assert (
        await _send_file(api, telegram, user=STAFF_A, chat=GROUP_A, content=PDF, name="b.pdf") == []
    )
    # A file for another unit's item is refused before it is fetched.
    refused = await _send_file(
        api,
        telegram,
        user=STAFF_A,
        chat=STAFF_A,
        content=PDF,
        name="c.pdf",
        caption=f"minh chứng {world.item_b}",
    )
    assert refused and f"#{world.item_b}" in refused[0]
    assert api.calls_to("getFile") == []
    assert _evidence(engine) == []
    # The person's own item: now, and only now, the file is fetched.
    saved = await _send_file(
        api,
        telegram,
        user=STAFF_A,
        chat=STAFF_A,
        content=PDF,
        name="d.pdf",
        caption=f"minh chứng {world.week_a}",
    )
    assert "Đã lưu minh chứng" in saved[0]
    assert len(api.calls_to("getFile")) == 1


async def test_long_vietnamese_names_and_nul_bytes_are_kept_as_data_only(
    api: FakeBotApi, telegram: Any, world: World, engine: Engine
) -> None:
    long_name = "Biên bản kiểm tra việc thực hiện nhiệm vụ cải cách hành chính " * 5 + ".pdf"
    assert len(long_name.encode()) > 255
    for number, name in enumerate((long_name, "Báo\x00cáo/../quý I.pdf")):
        said = await _send_file(
            api,
            telegram,
            user=STAFF_A,
            chat=STAFF_A,
            content=PDF + bytes([number]),
            name=name,
            caption=f"minh chứng {world.week_a}",
        )
        assert "Đã lưu minh chứng" in said[0], said
    first, second = _evidence(engine)
    assert first.file_name.startswith("Biên bản kiểm tra") and first.file_name.endswith(".pdf")
    assert len(first.file_name) <= 255
    assert second.file_name == "quý I.pdf"
    assert "\x00" not in second.file_name


async def test_the_same_file_names_only_items_the_sender_may_read(
    api: FakeBotApi, telegram: Any, world: World
) -> None:
    other = await _send_file(
        api,
        telegram,
        user=STAFF_B,
        chat=STAFF_B,
        content=PDF,
        name="bb.pdf",
        caption=f"minh chứng {world.item_b}",
    )
    assert "Đã lưu minh chứng" in other[0]
    mine = await _send_file(
        api,
        telegram,
        user=STAFF_A,
        chat=STAFF_A,
        content=PDF,
        name="bb.pdf",
        caption=f"minh chứng {world.week_a}",
    )
    assert "Đã lưu minh chứng" in mine[0]
    assert f"#{world.item_b}" not in mine[0]
    assert "Cùng tệp này" not in mine[0]
    # Within one's own unit the link is still shown.
    again = await _send_file(
        api,
        telegram,
        user=STAFF_A,
        chat=STAFF_A,
        content=PDF,
        name="bb.pdf",
        caption=f"minh chứng {world.later_a}",
    )
    assert f"đã là minh chứng của #{world.week_a}" in again[0]


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("bao-cao.pdf", b"MZ\x90\x00" + bytes(600), "application/pdf"),
        ("anh.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
        ("so-lieu.xlsx", b"%PDF-1.4 not a workbook", None),
    ],
)
async def test_content_must_match_the_kind_the_name_promises(
    api: FakeBotApi,
    telegram: Any,
    world: World,
    engine: Engine,
    name: str,
    content: bytes,
    mime: str | None,
) -> None:
    said = await _send_file(
        api,
        telegram,
        user=STAFF_A,
        chat=STAFF_A,
        content=content,
        name=name,
        caption=f"minh chứng {world.week_a}",
        mime_type=mime or "application/octet-stream",
    )
    assert "không đúng loại tệp" in said[0]
    assert _evidence(engine) == []


@pytest.fixture
def fake() -> Iterator[FakeZalo]:
    with running_fake_zalo(poll_cap=0.3) as server:
        yield server


async def test_zalo_photo_from_a_stranger_is_not_fetched(
    engine: Engine, clock: ManualClock, fake: FakeZalo, tmp_path: Path
) -> None:
    settings = load_settings(
        zalo_bot_token=fake.token,
        zalo_api_base_url=fake.base_url,
        files_dir=tmp_path / "files",
        telegram_bot_token=None,
    )
    app = AppContext(settings=settings, engine=engine, clock=clock, files_dir=tmp_path / "files")
    conversation = Conversation(app)
    stop = asyncio.Event()
    runner = asyncio.create_task(run_zalo(app, conversation, stop))
    try:
        url = fake.serve_photo("la.jpg", b"\xff\xd8\xff\xe0" + bytes(5000))
        fake.push_photo(url, user_id="stranger", name="Người lạ")
        await asyncio.to_thread(fake.wait_for, lambda: bool(fake.texts_to("stranger")))
    finally:
        stop.set()
        await asyncio.wait_for(runner, timeout=5)
        conversation.close()
    assert fake.photo_fetches == []
    assert _evidence(engine) == []
