"""A blocked item in the leaders' escalation: its reason says who gave it and when, as in
/status UNIT and /overdue."""

from __future__ import annotations

from datetime import date, datetime

from factories import RecordingSender, link_chat, make_item, make_plan, make_unit, set_status
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.engine import ReminderEngine
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.models import Person

# Due Friday 15/3/2024: three working days late on Wednesday 20/3, the leaders hear of it.
DUE = date(2024, 3, 15)
BLOCKED_AT = datetime(2024, 3, 18, 14, 5, tzinfo=VIETNAM_TZ)
ESCALATION_MORNING = datetime(2024, 3, 20, 8, 0, tzinfo=VIETNAM_TZ)


def _seed(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Tư pháp")
        blocked = make_item(session, plan, unit, "1", due=DUE)
        started = make_item(session, plan, unit, "2", due=DUE)
        person = Person(full_name="Trần Thị Mai", unit_id=unit.id, created_at=BLOCKED_AT)
        session.add(person)
        session.flush()
        set_status(
            session,
            blocked,
            status="blocked",
            at=BLOCKED_AT,
            note="Chờ Sở Tư pháp trả lời công văn",
            person_id=person.id,
        )
        set_status(
            session,
            started,
            status="in_progress",
            at=BLOCKED_AT,
            note="Đang tổng hợp",
            person_id=person.id,
        )
        link_chat(session, unit=unit, chat_id="tu-phap")
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()
        assert blocked.id is not None and started.id is not None
        return blocked.id, started.id


async def test_blocked_reason_names_who_and_when_for_the_leaders(engine: Engine) -> None:
    blocked, started = _seed(engine)
    sender = RecordingSender()
    reminder = ReminderEngine(engine, ManualClock(ESCALATION_MORNING), {"console": sender})
    await reminder.tick()
    (text,) = [message.text for chat, message in sender.sent if chat == "lanh-dao"]
    # The wording of /status and /overdue: the reason, who gave it, when.
    assert "↳ ⚠️ Chờ Sở Tư pháp trả lời công văn — Trần Thị Mai, 14:05 18/03/2024" in text
    # Not blocked: the latest note as before, without the blocked mark.
    assert "Ghi chú gần nhất: <i>Đang tổng hợp</i>" in text
    assert text.count("⚠️") == 1
    assert f"#{blocked} ·" in text and f"#{started} ·" in text
    assert text.startswith("🚩")
