"""The morning check-in: one message per chat and working day, short, ordered, never repeated
by a restart, and honest about units the bot cannot reach."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from factories import RecordingSender, link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.engine import ReminderEngine
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.models import Notification


def at(day: int, hour: int = 8) -> datetime:
    return datetime(2024, 3, day, hour, 0, tzinfo=VIETNAM_TZ)


def _busy_unit(engine: Engine) -> None:
    """Fourteen items of one unit falling due around mid-March, and a leaders' chat."""
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        for number in range(1, 15):
            due = date(2024, 3, 4) + timedelta(days=number % 7)
            make_item(session, plan, unit, str(number), due=due)
        link_chat(session, unit=unit, chat_id="noi-vu")
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()


async def test_a_busy_unit_hears_once_a_morning_in_ten_lines(engine: Engine) -> None:
    _busy_unit(engine)
    sender = RecordingSender()
    clock = ManualClock(at(4))
    reminder = ReminderEngine(engine, clock, {"console": sender})
    per_day: Counter[tuple[date, str]] = Counter()
    for day in range(4, 23):
        clock.set(at(day))
        before = len(sender.sent)
        await reminder.tick()
        for chat, message in sender.sent[before:]:
            per_day[(clock.today(), chat)] += 1
            assert len(message.text) <= 2000, message.text
    assert per_day and max(per_day.values()) <= 2
    assert max(n for (_, chat), n in per_day.items() if chat == "noi-vu") == 1
    texts = [message.text for chat, message in sender.sent if chat == "noi-vu"]
    # Monday 11/3: the week's list — overdue first, at most ten lines, then where to see more.
    monday = next(text for text in texts if "(11/03/2024)" in text)
    lines = [line for line in monday.splitlines() if "<b>#" in line]
    assert len(lines) == 10
    assert "… và 4 việc khác (/tasks)" in monday
    states = ["late" if "trễ" in line else "other" for line in lines]
    assert states == sorted(states, key=lambda state: state != "late")
    assert all(len(line) < 250 for line in lines)


async def test_a_restart_does_not_repeat_yesterdays_notices(engine: Engine) -> None:
    _busy_unit(engine)
    await ReminderEngine(engine, ManualClock(at(5)), {"console": RecordingSender()}).tick()
    # The next morning a new process (no memory of yesterday) looks back ten days.
    second = RecordingSender()
    await ReminderEngine(engine, ManualClock(at(6)), {"console": second}).tick()
    assert [chat for chat, _ in second.sent].count("noi-vu") == 1
    with Session(engine) as session:
        rows = session.exec(select(Notification).where(Notification.kind == "checkin")).all()
    listed = Counter(
        (entry["occurrence_id"], entry["kind"], entry["offset"])
        for row in rows
        for entry in row.payload["items"]
    )
    assert len(rows) == 2 and listed and max(listed.values()) == 1


async def test_leaders_are_told_a_unit_is_not_connected(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        silent = make_unit(session, "Phòng Tư pháp")
        make_item(session, plan, silent, "1", due=date(2024, 3, 15))
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()
    sender = RecordingSender()
    # Wednesday 20/3: three working days late, the leaders hear of it.
    await ReminderEngine(engine, ManualClock(at(20)), {"console": sender}).tick()
    (escalation,) = [m.text for chat, m in sender.sent if "Báo cáo lãnh đạo" in m.text]
    assert "chưa kết nối bot" in escalation
    assert "Đơn vị đã được nhắc" not in escalation
