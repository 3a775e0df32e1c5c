"""A last day that falls on a day off: reminded before the holiday, late only after the legal end.

"Trước 31/01/2025" names Thursday 30/01/2025, inside Tết (25/01–02/02/2025). Điều 148 BLDS
moves the legal end to Monday 03/02, but an office expects to hear of it before Tết: the
unit's last reminder is Friday 24/01, while lateness and escalation count from 03/02.
"""

from __future__ import annotations

from datetime import date, datetime

from factories import RecordingSender, link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.engine import ReminderEngine
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.policy import ItemState, Notice, NoticeKind, Recipient, ReminderPolicy, schedule
from scheduler.workdays import WorkCalendar
from storage.models import Task

CALENDAR = WorkCalendar()
NOMINAL = date(2025, 1, 30)
LEGAL_END = date(2025, 2, 3)
BEFORE_TET = date(2025, 1, 24)


def _days(kind: NoticeKind, recipient: Recipient, notices: list[Notice]) -> list[date]:
    return [n.day for n in notices if n.kind is kind and n.recipient is recipient]


def test_reminders_fall_before_the_holiday_escalation_after_the_legal_end() -> None:
    state = ItemState(effective_due=LEGAL_END, nominal_due=NOMINAL)
    notices = schedule(state, policy=ReminderPolicy(), calendar=CALENDAR)
    reminders = [n for n in notices if n.kind is NoticeKind.REMINDER]
    # 7, 3 and 1 working days before Friday 24/01, and on that Friday itself.
    assert [(n.offset, n.day) for n in reminders] == [
        (-7, date(2025, 1, 15)),
        (-3, date(2025, 1, 21)),
        (-1, date(2025, 1, 23)),
        (0, BEFORE_TET),
    ]
    assert _days(NoticeKind.OVERDUE, Recipient.UNIT, notices) == [
        date(2025, 2, 4),
        date(2025, 2, 6),
    ]
    assert _days(NoticeKind.ESCALATION, Recipient.LEADERS, notices) == [date(2025, 2, 6)]


def test_a_working_last_day_is_unchanged() -> None:
    plain = ItemState(effective_due=date(2025, 3, 10), nominal_due=date(2025, 3, 10))
    without = ItemState(effective_due=date(2025, 3, 10))
    policy = ReminderPolicy()
    assert schedule(plain, policy=policy, calendar=CALENDAR) == schedule(
        without, policy=policy, calendar=CALENDAR
    )


def test_coordinating_unit_is_also_reminded_before_the_holiday() -> None:
    state = ItemState(effective_due=LEGAL_END, nominal_due=NOMINAL, role="coordinating")
    notices = schedule(state, policy=ReminderPolicy(), calendar=CALENDAR)
    last = [n for n in notices if n.kind is NoticeKind.REMINDER][-1]
    # Two working days ahead of the lead's Friday 24/01.
    assert (last.offset, last.day) == (0, date(2025, 1, 22))
    # Its legal own date is two working days before 03/02, Thursday 23/01: late from 24/01.
    assert _days(NoticeKind.OVERDUE, Recipient.UNIT, notices)[0] == date(2025, 1, 24)


def _seed(engine: Engine) -> int:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        occurrence = make_item(session, plan, unit, "5", due=NOMINAL, period_label="Năm 2025")
        task = session.get(Task, 1)
        assert task is not None
        task.deadline_text = "Trước 31/01/2025"
        link_chat(session, unit=unit, chat_id="noi-vu")
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()
        assert occurrence.id is not None
        return occurrence.id


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=VIETNAM_TZ)


async def test_checkin_before_tet_shows_both_dates_and_leaders_wait(engine: Engine) -> None:
    occurrence_id = _seed(engine)
    clock = ManualClock(_at(BEFORE_TET))
    sender = RecordingSender()
    reminder = ReminderEngine(engine, clock, {"console": sender})
    await reminder.tick()
    ((chat_id, message),) = sender.sent
    assert chat_id == "noi-vu"
    assert f"<b>#{occurrence_id}</b>" in message.text
    assert (
        "nên nộp 24/01/2025 (trước ngày nghỉ) · hạn cuối 03/02/2025 (lùi do ngày nghỉ)"
        in message.text
    )
    assert "hạn hôm nay" in message.text
    assert "(kế hoạch ghi: Trước 31/01/2025)" in message.text

    # The legal end is not late (Monday 03/02 brings only the weekly lists); the day after it
    # is, and the leaders hear of it three working days after the legal end, not before.
    for day, late_unit, escalated in (
        (LEGAL_END, False, False),
        (date(2025, 2, 4), True, False),
        (date(2025, 2, 5), False, False),
        (date(2025, 2, 6), True, True),
    ):
        sender.sent.clear()
        clock.set(_at(day))
        await reminder.tick()
        to_unit = " ".join(m.text for c, m in sender.sent if c == "noi-vu")
        to_leaders = " ".join(m.text for c, m in sender.sent if c == "lanh-dao")
        assert ("trễ " in to_unit) is late_unit, day
        assert ("quá hạn cần đôn đốc" in to_leaders) is escalated, day
    assert "trễ 3 ngày làm việc" in to_unit and "hạn cuối 03/02/2025" in to_unit
