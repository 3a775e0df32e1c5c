"""Nobody silently forgotten: the admins hear once a working day of the units no chat reaches
and of the chats switched off because they blocked the bot."""

from __future__ import annotations

from datetime import date, datetime

from factories import T0, RecordingSender, link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.engine import ReminderEngine
from bot.engine.sender import DeliveryError
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.vocabulary import Role
from storage.models import ChannelIdentity, Notification, Person, Unit

ADMIN_CHAT = "admin-1"


def at(day: int, hour: int = 8) -> datetime:
    return datetime(2024, 3, day, hour, 0, tzinfo=VIETNAM_TZ)


def _admin(session: Session) -> None:
    person = Person(full_name="Quản trị", role=Role.ADMIN, created_at=T0)
    session.add(person)
    session.flush()
    assert person.id is not None
    session.add(ChannelIdentity(person_id=person.id, channel="console", external_id=ADMIN_CHAT))


def _admin_texts(sender: RecordingSender) -> list[str]:
    return [message.text for chat, message in sender.sent if chat == ADMIN_CHAT]


async def test_admins_hear_once_a_day_of_units_no_chat_reaches(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        lonely = make_unit(session, "Phòng Tư pháp")
        make_item(session, plan, lonely, "1", due=date(2024, 3, 15))
        make_item(session, plan, lonely, "2", due=date(2024, 3, 5))
        for number in range(30):
            other = make_unit(session, f"Xã số {number:02d}")
            make_item(session, plan, other, f"x{number}", due=date(2024, 3, 15))
        _admin(session)
        session.commit()
    sender = RecordingSender()
    clock = ManualClock(at(14))
    await ReminderEngine(engine, clock, {"console": sender}).tick()
    # A restart the same morning neither loses nor repeats the message.
    clock.set(at(14, 10))
    await ReminderEngine(engine, clock, {"console": sender}).tick()
    (text,) = _admin_texts(sender)
    assert len(text) <= 2000
    # Worst first: the unit with an overdue item heads the list.
    assert text.index("Phòng Tư pháp") < text.index("Xã số 00")
    assert "chưa kết nối bot" in text
    assert "… và" in text and "đơn vị khác" in text
    with Session(engine) as session:
        rows = session.exec(select(Notification).where(Notification.kind == "reach")).all()
    assert len(rows) == 1 and rows[0].key.endswith(":2024-03-14")
    # The next working day the admins hear again, once.
    clock.set(at(15))
    await ReminderEngine(engine, clock, {"console": sender}).tick()
    assert len(_admin_texts(sender)) == 2


async def test_a_unit_reached_by_its_group_raises_no_admin_message(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        make_item(session, plan, unit, "1", due=date(2024, 3, 15))
        link_chat(session, unit=unit, chat_id="noi-vu")
        _admin(session)
        session.commit()
    sender = RecordingSender()
    await ReminderEngine(engine, ManualClock(at(14)), {"console": sender}).tick()
    assert [chat for chat, _ in sender.sent] == ["noi-vu"]
    assert _admin_texts(sender) == []


async def test_a_chat_that_blocked_the_bot_is_reported_the_next_morning(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        make_item(session, plan, unit, "1", due=date(2024, 3, 15))
        make_item(session, plan, unit, "2", due=date(2024, 3, 18))
        link_chat(session, unit=unit, chat_id="noi-vu")
        _admin(session)
        session.commit()
    sender = RecordingSender()
    sender.fail["noi-vu"] = DeliveryError("Forbidden: bot was blocked by the user", permanent=True)
    clock = ManualClock(at(14))
    await ReminderEngine(engine, clock, {"console": sender}).tick()
    assert _admin_texts(sender) == []
    clock.set(at(15))
    await ReminderEngine(engine, clock, {"console": sender}).tick()
    (text,) = _admin_texts(sender)
    assert "Phòng Nội vụ" in text and "chặn bot" in text
    clock.set(at(18))
    await ReminderEngine(engine, clock, {"console": sender}).tick()
    # Monday: the chat's switch-off was told on Friday; the unit is still unreached.
    monday = _admin_texts(sender)[1:]
    assert len(monday) == 1 and "chặn bot" not in monday[0]


async def test_a_unit_linked_before_sending_is_left_out(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Tư pháp")
        make_item(session, plan, unit, "1", due=date(2024, 3, 15))
        _admin(session)
        session.commit()
        unit_id = unit.id
    clock = ManualClock(at(14))
    # Planned while no console sender runs: the admin's row waits in the outbox.
    await ReminderEngine(engine, clock, {"telegram": RecordingSender("telegram")}).tick()
    with Session(engine) as session:
        (row,) = session.exec(select(Notification).where(Notification.kind == "reach")).all()
        assert row.state == "pending"
        link_chat(session, unit=session.get(Unit, unit_id), chat_id="tu-phap")
        session.commit()
    sender = RecordingSender()
    clock.set(at(14, 9))
    report = await ReminderEngine(engine, clock, {"console": sender}).tick()
    assert _admin_texts(sender) == []
    assert [key for key, _ in report.superseded if key.startswith("reach:")]
