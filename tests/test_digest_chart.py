"""The leaders' weekly digest carries the completion chart when the engine has a charts folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from factories import RecordingSender, link_chat
from report_factories import seed_quarter
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.engine import ReminderEngine
from messages.outgoing import OutgoingMessage
from scheduler.clock import VIETNAM_TZ, ManualClock

MONDAY_MORNING = datetime(2024, 4, 8, 8, 0, tzinfo=VIETNAM_TZ)


def _seed(engine: Engine) -> None:
    with Session(engine) as session:
        seed_quarter(session)
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()


async def _digest(engine: Engine, charts_dir: Path | None) -> list[OutgoingMessage]:
    sender = RecordingSender()
    reminder = ReminderEngine(
        engine, ManualClock(MONDAY_MORNING), {"console": sender}, charts_dir=charts_dir
    )
    await reminder.tick()
    return [message for chat, message in sender.sent if chat == "lanh-dao"]


async def test_digest_with_chart(engine: Engine, tmp_path: Path) -> None:
    _seed(engine)
    messages = await _digest(engine, tmp_path / "charts")
    digests = [m for m in messages if m.attachment is not None]
    assert len(digests) == 1
    photo = digests[0].attachment
    assert photo is not None
    assert photo.is_photo and photo.mime_type == "image/png"
    assert photo.path.parent == tmp_path / "charts"
    assert photo.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


async def test_digest_without_charts_folder_is_text_alone(engine: Engine) -> None:
    _seed(engine)
    messages = await _digest(engine, None)
    assert messages, "the leaders' digest was not sent"
    assert all(m.attachment is None for m in messages)
