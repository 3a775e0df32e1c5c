"""Zalo end to end, in process: the Zalo runner with the real conversation core and database,
talking over real HTTP to the fake Zalo Bot API on 127.0.0.1.

`nhacviec run` wiring is tested separately; here the runner is started the way `run` starts it.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from factories import make_item, make_plan, make_unit
from fake_zalo import FakeZalo, running_fake_zalo
from sqlalchemy.engine import Engine

from bot.channels.zalo.runner import run_zalo, zalo_sender
from bot.context import AppContext
from bot.core.conversation import Conversation
from bot.engine.sender import ChatAddress
from bot.settings import load_settings
from messages.outgoing import Button, OutgoingMessage
from scheduler.clock import ManualClock
from scheduler.vocabulary import Role
from storage.database import session_scope
from storage.identities import person_for_identity
from storage.invites import IDENTITY_AUDIENCE, create_invite
from storage.models import ChannelIdentity, Occurrence, Person
from storage.tracking import evidence_of


@pytest.fixture
def fake() -> Iterator[FakeZalo]:
    with running_fake_zalo(poll_cap=0.3) as server:
        yield server


def _app(engine: Engine, clock: ManualClock, fake: FakeZalo, files: Path) -> AppContext:
    settings = load_settings(
        zalo_bot_token=fake.token,
        zalo_api_base_url=fake.base_url,
        files_dir=files,
        max_upload_mb=1,
        telegram_bot_token=None,
    )
    return AppContext(settings=settings, engine=engine, clock=clock, files_dir=files)


async def _until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_zalo_user_onboards_reports_and_sends_photo_evidence(
    engine: Engine, clock: ManualClock, fake: FakeZalo, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        unit = make_unit(session, "Văn phòng Sở")
        plan = make_plan(session)
        item = make_item(session, plan, unit, "3", due=date(2024, 3, 15))
        invite = create_invite(
            session, unit_id=unit.id, role=Role.STAFF, now=clock.now(), actor="test"
        )
    occurrence_id = item.id
    assert occurrence_id is not None
    app = _app(engine, clock, fake, tmp_path / "files")
    stop = asyncio.Event()
    runner = asyncio.create_task(run_zalo(app, Conversation(app), stop))
    user = "zalo-user-1"

    def replies() -> list[str]:
        return fake.texts_to(user)

    async def say(text: str) -> str:
        before = len(replies())
        fake.push_text(text, user_id=user, name="Võ Thị Hạnh")
        await _until(lambda: len(replies()) > before)
        return "\n".join(replies()[before:])

    try:
        welcome = await say(f"/start {invite.code.lower()}")
        assert "Văn phòng Sở" in welcome
        tasks = await say("nhiem vu")
        assert f"#{occurrence_id}" in tasks
        done = await say(f"xong {occurrence_id} đã gửi báo cáo")
        assert f"#{occurrence_id}" in done

        photo = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40
        url = fake.serve_photo("bien-ban.jpg", photo)
        await say(f"minhchung {occurrence_id}")
        before = len(replies())
        fake.push_photo(url, user_id=user, name="Võ Thị Hạnh")
        await _until(lambda: len(replies()) > before)

        before = len(replies())
        fake.push_raw(
            {
                "event_name": "message.unsupported.received",
                "message": {
                    "from": {"id": user, "display_name": "Võ Thị Hạnh"},
                    "chat": {"id": user, "chat_type": "PRIVATE"},
                    "message_id": "pdf-1",
                },
            }
        )
        await _until(lambda: len(replies()) > before)
        assert "PDF" in replies()[-1] and "Telegram" in replies()[-1]
    finally:
        stop.set()
        await asyncio.wait_for(runner, timeout=5)

    assert all(len(text) <= 2000 for text in fake.texts_to(user))
    assert not any("<b>" in text or "&amp;" in text for text in fake.texts_to(user))
    with session_scope(engine) as session:
        person = person_for_identity(session, channel="zalo", external_id=user)
        assert person is not None and person.unit_id == unit.id
        stored = session.get(Occurrence, occurrence_id)
        assert stored is not None and stored.status == "done"
        [evidence] = evidence_of(session, occurrence_id=occurrence_id)
        assert evidence.sha256 == hashlib.sha256(photo).hexdigest()


async def test_one_person_with_telegram_and_zalo_identities(
    engine: Engine, clock: ManualClock, fake: FakeZalo, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        unit = make_unit(session, "Phòng Nội vụ")
        person = Person(
            full_name="Lê Văn Tâm", unit_id=unit.id, role=Role.STAFF, created_at=clock.now()
        )
        session.add(person)
        session.flush()
        session.add(
            ChannelIdentity(person_id=person.id or 0, channel="telegram", external_id="777")
        )
        invite = create_invite(
            session,
            unit_id=None,
            audience=IDENTITY_AUDIENCE,
            now=clock.now(),
            actor="test",
            created_by_id=person.id,
        )
    app = _app(engine, clock, fake, tmp_path / "files")
    stop = asyncio.Event()
    runner = asyncio.create_task(run_zalo(app, Conversation(app), stop))
    try:
        fake.push_text(f"/start {invite.code}", user_id="z-tam", name="Tâm Zalo")
        await _until(lambda: bool(fake.texts_to("z-tam")))
    finally:
        stop.set()
        await asyncio.wait_for(runner, timeout=5)
    with session_scope(engine) as session:
        via_zalo = person_for_identity(session, channel="zalo", external_id="z-tam")
        via_telegram = person_for_identity(session, channel="telegram", external_id="777")
        assert via_zalo is not None and via_telegram is not None
        assert via_zalo.id == via_telegram.id == person.id


async def test_engine_sender_for_zalo_uses_settings(
    engine: Engine, clock: ManualClock, fake: FakeZalo, tmp_path: Path
) -> None:
    app = _app(engine, clock, fake, tmp_path)
    sender = zalo_sender(app)
    assert sender is not None and sender.channel == "zalo"
    receipt = await sender.send(
        ChatAddress("zalo", "group-9"),
        OutgoingMessage(
            text="<b>Nhắc việc</b> #5: hạn 15/03/2024",
            html=True,
            buttons=((Button("✅ Đã xong", "done:5"),),),
            occurrence_id=5,
        ),
    )
    assert receipt.message_id
    assert fake.texts_to("group-9") == ["Nhắc việc #5: hạn 15/03/2024\n\nTrả lời: xong 5"]
    no_zalo = AppContext(settings=load_settings(zalo_bot_token=None), engine=engine, clock=clock)
    assert zalo_sender(no_zalo) is None


def test_build_senders_includes_zalo_only_when_configured(
    engine: Engine, clock: ManualClock, fake: FakeZalo, tmp_path: Path
) -> None:
    from bot.channels import build_senders

    with_zalo = build_senders(_app(engine, clock, fake, tmp_path))
    assert with_zalo["zalo"].channel == "zalo"
    without = build_senders(
        AppContext(settings=load_settings(zalo_bot_token=None), engine=engine, clock=clock)
    )
    assert "zalo" not in without


async def test_webhook_mode_needs_a_secret(
    engine: Engine, clock: ManualClock, fake: FakeZalo, tmp_path: Path
) -> None:
    from messages.errors import ConfigurationError

    app = _app(engine, clock, fake, tmp_path)
    app.settings = load_settings(
        zalo_bot_token=fake.token,
        zalo_api_base_url=fake.base_url,
        zalo_webhook_url="https://bot.example.vn/zalo",
        zalo_webhook_secret=None,
    )
    with pytest.raises(ConfigurationError) as caught:
        await run_zalo(app, Conversation(app), asyncio.Event())
    assert "ZALO_WEBHOOK_SECRET" in caught.value.message
    assert fake.webhook == {}
