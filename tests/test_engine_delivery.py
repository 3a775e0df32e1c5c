"""Delivery: message content, per-recipient errors, back-off, parking, catch-up after downtime."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from factories import (
    RecordingSender,
    link_chat,
    make_item,
    make_plan,
    make_unit,
    set_status,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.engine import ReminderEngine
from bot.engine.sender import DeliveryError
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.models import MessageRef, Notification, Occurrence, Task


def at(day: int, hour: int = 8, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def _rows(engine: Engine) -> dict[str, Notification]:
    with Session(engine) as session:
        return {row.key: row for row in session.exec(select(Notification)).all()}


def _engine(engine: Engine, clock: ManualClock, sender: RecordingSender) -> ReminderEngine:
    return ReminderEngine(engine, clock, {"console": sender})


async def test_reminder_says_what_when_how_to_answer(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        # Due Sunday 10/3: the limit runs to Monday 11/3, and the reminder says both.
        occurrence = make_item(
            session, plan, unit, "12", due=date(2024, 3, 10), period_label="Quý I/2024"
        )
        task = session.get(Task, 1)
        assert task is not None
        task.title = "Rà soát thủ tục hành chính <ưu tiên>"
        task.deadline_text = "Chậm nhất ngày 10/3/2024"
        task.expected_output = "Báo cáo kết quả rà soát"
        link_chat(session, unit=unit, chat_id="noi-vu")
        session.commit()
        occurrence_id = occurrence.id
    clock = ManualClock(at(8))  # Friday 8/3: the last working day before Sunday 10/3
    sender = RecordingSender()
    report = await _engine(engine, clock, sender).tick()
    assert [record.key.split(":")[0] for record in report.sent] == ["checkin"]
    ((chat_id, message),) = sender.sent
    assert chat_id == "noi-vu"
    # One line only: a reply to the check-in is about its item.
    assert message.html and message.occurrence_id == occurrence_id
    text = message.text
    for fragment in (
        f"<b>#{occurrence_id}</b> Rà soát thủ tục hành chính &lt;ưu tiên&gt; · Quý I/2024",
        # Due before the weekend, legally by Monday: both dates, with the plan's own words
        # beside them; the legal basis is for /xem.
        "nên nộp 08/03/2024 (trước ngày nghỉ) · hạn cuối 11/03/2024 (lùi do ngày nghỉ)"
        " (kế hoạch ghi: Chậm nhất ngày 10/3/2024)",
        "hạn hôm nay",
    ):
        assert fragment in text, fragment
    assert "Điều 148" not in text and "Nhiệm vụ 12" not in text
    assert len(text.splitlines()) <= 3
    # What to type names the item by its number after '#', which the chat commands read, not
    # the task's number in the plan (another item's '#'): the two differ here.
    assert occurrence_id != 12
    assert "xong 12" not in text and "xong 12 " not in (message.button_note or "")
    assert message.button_note == (
        f"Bấm nút theo số việc, trả lời vào tin này, hoặc gõ: <code>xong {occurrence_id}</code>"
    )
    actions = [button.action for row in message.buttons for button in row]
    assert actions == [
        f"{kind}:{occurrence_id}" for kind in ("done", "progress", "blocked", "evidence")
    ]
    with Session(engine) as session:
        (ref,) = session.exec(select(MessageRef).where(MessageRef.occurrence_id != None)).all()  # noqa: E711
    assert (ref.channel, ref.chat_id, ref.message_id, ref.occurrence_id) == (
        "console",
        "noi-vu",
        next(r.message_id for r in report.sent if r.key.startswith("checkin:")),
        occurrence_id,
    )


def _three_units(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        for number, name in enumerate(("Phòng Nội vụ", "Phòng Tư pháp", "Văn phòng"), 1):
            unit = make_unit(session, name)
            make_item(session, plan, unit, str(number), due=date(2024, 3, 13))
            link_chat(session, unit=unit, chat_id=f"chat-{number}")
        session.commit()


async def test_errors_of_one_chat_do_not_stop_the_others(engine: Engine) -> None:
    _three_units(engine)
    clock = ManualClock(at(13))
    sender = RecordingSender()
    sender.fail["chat-1"] = DeliveryError("Forbidden: bot was blocked by the user", permanent=True)
    sender.fail["chat-2"] = DeliveryError("Too Many Requests", retry_after=30)
    reminder = _engine(engine, clock, sender)
    report = await reminder.tick()
    assert [chat for chat, _ in sender.sent] == ["chat-3"]
    assert [reason for _, reason in report.parked] == ["Forbidden: bot was blocked by the user"]
    assert [reason for _, reason in report.retried] == ["Too Many Requests"]
    rows = sorted(_rows(engine).values(), key=lambda row: row.key)
    parked, retry, sent = rows
    assert parked.state == "parked" and parked.last_error
    assert retry.state == "pending" and retry.attempts == 1
    # First back-off is a minute; the network asked for 30 s, so a minute wins.
    assert retry.next_attempt_at == at(13, minute=1)
    assert sent.state == "sent"

    del sender.fail["chat-2"]
    clock.set(at(13, minute=0) + timedelta(seconds=59))
    assert (await reminder.tick()).sent == []
    clock.set(at(13, minute=1))
    report = await reminder.tick()
    assert [record.chat_id for record in report.sent] == ["chat-2"]
    clock.set(at(13, hour=10))
    assert (await reminder.tick()).sent == []
    assert [chat for chat, _ in sender.sent] == ["chat-3", "chat-2"]


async def test_flood_limit_holds_back_the_rest_of_that_chat(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        other = make_unit(session, "Phòng Tư pháp")
        make_item(session, plan, unit, "1", due=date(2024, 3, 13))
        make_item(session, plan, other, "2", due=date(2024, 3, 13))
        # One chat hears two units: two morning messages, one chat's flood limit.
        link_chat(session, unit=unit, chat_id="noi-vu")
        link_chat(session, unit=other, chat_id="noi-vu")
        session.commit()
    clock = ManualClock(at(13))
    sender = RecordingSender()
    sender.fail["noi-vu"] = DeliveryError("Too Many Requests", retry_after=120)
    reminder = _engine(engine, clock, sender)
    report = await reminder.tick()
    assert len(report.retried) == 1 and report.sent == []
    rows = sorted(_rows(engine).values(), key=lambda row: row.id or 0)
    assert [row.attempts for row in rows] == [1, 0]  # the second was never tried
    assert all(row.next_attempt_at == at(13, minute=2) for row in rows)
    del sender.fail["noi-vu"]
    clock.set(at(13, minute=2))
    assert len((await reminder.tick()).sent) == 2


async def test_retries_end_parked_with_the_reason(engine: Engine) -> None:
    _three_units(engine)
    clock = ManualClock(at(13))
    sender = RecordingSender()
    for chat in ("chat-1", "chat-2", "chat-3"):
        sender.fail[chat] = DeliveryError("Bad Gateway")
    reminder = ReminderEngine(engine, clock, {"console": sender}, max_attempts=3)
    for _ in range(6):
        await reminder.tick()
        clock.advance(timedelta(minutes=10))
    rows = list(_rows(engine).values())
    assert {row.state for row in rows} == {"parked"}
    assert all(row.attempts == 3 for row in rows)
    assert all("sau 3 lần" in (row.last_error or "") for row in rows)


async def test_finished_between_planning_and_sending_is_not_sent(engine: Engine) -> None:
    _three_units(engine)
    clock = ManualClock(at(13))
    quiet = ReminderEngine(engine, clock, {})  # no channel yet: rows wait in the outbox
    report = await quiet.tick()
    assert report.sent == [] and report.waiting == {"console": 3}
    with Session(engine) as session:
        occurrence = session.get(Occurrence, 1)
        assert occurrence is not None
        set_status(session, occurrence, status="done", at=at(13, 9))
        session.commit()
    clock.set(at(13, 9, 30))
    sender = RecordingSender()
    report = await _engine(engine, clock, sender).tick()
    assert len(report.sent) == 2
    assert [reason for _, reason in report.superseded] == [
        "Các việc trong tin buổi sáng đã hoàn thành hoặc đổi hạn"
    ]


async def test_after_downtime_only_the_latest_notice_goes_out(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        make_item(session, plan, unit, "7", due=date(2024, 3, 15))
        link_chat(session, unit=unit, chat_id="noi-vu")
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()
    clock = ManualClock(at(12))
    # Tuesday 12/3: planned, but the channel is down all week.
    await ReminderEngine(engine, clock, {}).tick()
    assert [row.key.split(":")[0] for row in _rows(engine).values()].count("checkin") == 1
    # Back on Tuesday 19/3: missed -3, -1, due-day and +1 notices; only +1 is sent. Monday's
    # digests are not sent a day late.
    clock.set(at(19))
    sender = RecordingSender()
    reminder = _engine(engine, clock, sender)
    report = await reminder.tick()
    # One morning message: the missed notices do not come one per missed day.
    assert [record.key for record in report.sent] == ["checkin:1:2024-03-19:0800"]
    overdue_text = next(m.text for _, m in sender.sent if m.occurrence_id == 1)
    # Rendered when sent: by Tuesday 19/3 the item is two working days late.
    assert "trễ 2 ngày làm việc" in overdue_text
    rows = _rows(engine)
    assert [row.state for key, row in rows.items() if key.startswith("checkin:1:2024-03-12")] == [
        "superseded"
    ]
    assert not any(":2024-W12:" in key for key in rows)
    # Wednesday 20/3: the +3 nudge and the escalation go out as usual.
    clock.set(at(20))
    report = await reminder.tick()
    assert sorted(record.key.split(":")[0] for record in report.sent) == [
        "checkin",
        "escalation-batch",
    ]


async def test_inactive_chat_is_parked_and_quiet_hours_send_nothing(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        make_item(session, plan, unit, "1", due=date(2024, 3, 13))
        link = link_chat(session, unit=unit, chat_id="noi-vu")
        session.commit()
        link_id = link.id
    sender = RecordingSender()
    clock = ManualClock(at(12, 22))
    reminder = _engine(engine, clock, sender)
    assert (await reminder.tick()).quiet == "ngoài giờ hành chính, không gửi tin"
    clock.set(at(16, 9))  # Saturday
    assert (await reminder.tick()).quiet == "hôm nay là ngày nghỉ, không gửi tin"
    assert _rows(engine) == {}
    clock.set(at(13))
    await ReminderEngine(engine, clock, {}).tick()  # planned, not sent
    from storage.models import ChatLink

    with Session(engine) as session:
        chat = session.get(ChatLink, link_id)
        assert chat is not None
        chat.active = False
        session.commit()
    report = await reminder.tick()
    assert report.sent == [] and len(report.parked) == 1
    assert sender.sent == []
