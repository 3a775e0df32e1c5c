"""Reporting through chat: commands, short replies, replies to reminders and buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from core_fixtures import group, private
from core_helpers import Chat, make_chat
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from scheduler.clock import ManualClock
from storage import listed_items
from storage.models import AuditEntry, StatusUpdate


@pytest.fixture
async def chat(engine: Engine, clock: ManualClock, tmp_path: Path) -> Chat:
    chat = make_chat(engine, clock, tmp_path)
    await chat.join("1")
    return chat


def _updates(chat: Chat, occurrence_id: int) -> list[tuple[str, int | None, str | None]]:
    with Session(chat.engine) as session:
        rows = session.exec(
            select(StatusUpdate).where(StatusUpdate.occurrence_id == occurrence_id)
        ).all()
        return [(row.status, row.percent, row.note) for row in rows]


@pytest.mark.parametrize(
    "text",
    [
        "/done {n} đã gửi báo cáo",
        "/xong@nhacviec_bot {n} đã gửi báo cáo",
        "xong {n} đã gửi báo cáo",
        "Xong #{n} đã gửi báo cáo",
        "hoàn thành {n} đã gửi báo cáo",
        "{n} đã gửi báo cáo",
    ],
)
async def test_done_however_it_is_typed(chat: Chat, text: str) -> None:
    item = chat.world.week_a
    answer = await chat.text(private("1", text.format(n=item)))
    assert "Đã ghi nhận hoàn thành" in answer
    assert _updates(chat, item) == [("done", 100, "đã gửi báo cáo")]
    occurrence = chat.occurrence(item)
    assert (occurrence.status, occurrence.percent) == ("done", 100)
    assert occurrence.completed_at == chat.clock.now()


async def test_progress_blocked_and_notes(chat: Chat) -> None:
    item = chat.world.week_a
    assert "tiến độ 80%" in await chat.text(private("1", f"Tiến độ {item} 80 đang tổng hợp"))
    assert "tiến độ 60%" in await chat.text(private("1", f"/tiendo {item} 60%"))
    assert "vướng mắc" in await chat.text(private("1", f"vuong mac {item} chờ số liệu"))
    assert "tiến độ 70%" in await chat.text(private("1", f"{item} 70% gần xong"))
    assert "Đã ghi chú" in await chat.text(private("1", f"{item} đã gọi điện cho xã"))
    assert _updates(chat, item) == [
        ("in_progress", 80, "đang tổng hợp"),
        ("in_progress", 60, None),
        ("blocked", 60, "chờ số liệu"),
        ("in_progress", 70, "gần xong"),
        ("in_progress", 70, "đã gọi điện cho xã"),
    ]


async def test_bad_input_says_what_to_fix_and_changes_nothing(chat: Chat) -> None:
    item = chat.world.week_a
    cases = {
        "/xong": "Hãy ghi số nhiệm vụ",
        f"/tiendo {item}": "Hãy ghi tỉ lệ",
        f"/tiendo {item} 150": "từ 0 đến 100",
        f"/tiendo {item} nhiều": "Hãy ghi tỉ lệ",
        f"/vuongmac {item}": "đang vướng mắc gì",
        "/xong 999999": "Không có nhiệm vụ #999999",
        f"/xong {chat.world.item_b}": "không thuộc đơn vị của bạn",
        "/lenhla": "chưa hiểu",
        "chào buổi sáng": "chưa hiểu",
    }
    for text, expected in cases.items():
        answer = await chat.text(private("1", text))
        assert expected in answer, (text, answer)
        # Another unit's number is taken for a slip: the nearest items of the unit are offered.
        assert answer.startswith(("⚠️", "Bot chưa hiểu", "❓ Nhiệm vụ #"))
    assert _updates(chat, item) == []
    assert _updates(chat, chat.world.item_b) == []


async def test_done_twice_is_recognised(chat: Chat) -> None:
    item = chat.world.late_a
    await chat.say(private("1", f"xong {item}"))
    again = await chat.text(private("1", f"xong {item}"))
    assert "đã được ghi nhận hoàn thành" in again
    assert len(_updates(chat, item)) == 1


async def test_a_reply_to_a_reminder_applies_to_its_item(chat: Chat) -> None:
    item = chat.world.week_a
    with Session(chat.engine) as session:
        listed_items.remember_message(
            session,
            channel="telegram",
            chat_id="1",
            message_id="m-1",
            occurrence_id=item,
            now=chat.clock.now(),
        )
        session.commit()
    answer = await chat.text(private("1", "Đã gửi báo cáo qua hệ thống", reply_to_message_id="m-1"))
    assert "Đã ghi nhận hoàn thành" in answer
    assert _updates(chat, item) == [("done", 100, "Đã gửi báo cáo qua hệ thống")]
    # A command without a number in a reply means that item too.
    await chat.say(private("1", "tiendo 90", reply_to_message_id="m-1"))
    assert chat.occurrence(item).percent == 90
    # A reply carrying plain words is a note on the item.
    await chat.say(private("1", "đang chờ ký", reply_to_message_id="m-1"))
    assert _updates(chat, item)[-1] == ("in_progress", 90, "đang chờ ký")


async def test_remember_sent_lets_replies_to_the_bots_answers_work(chat: Chat) -> None:
    item = chat.world.week_a
    response = await chat.say(private("1", f"/xem {item}"))
    assert response.replies[-1].occurrence_id == item
    chat.conv.remember_sent("telegram", "1", "bot-77", item)
    await chat.say(private("1", "80% sắp xong", reply_to_message_id="bot-77"))
    assert chat.occurrence(item).percent == 80


async def test_buttons_edit_the_reminder(chat: Chat) -> None:
    item = chat.world.week_a
    pressed = await chat.say(private("1", action=f"progress:{item}", reply_to_message_id="m"))
    assert pressed.edit is not None and "Đang làm" in pressed.edit.text
    assert pressed.toast == f"#{item}: Đang thực hiện"
    actions = [button.action for row in pressed.edit.buttons for button in row]
    assert f"percent:{item}:50" in actions
    pressed = await chat.say(private("1", action=f"percent:{item}:50"))
    assert pressed.edit is not None and "50%" in pressed.edit.text
    pressed = await chat.say(private("1", action=f"done:{item}"))
    assert pressed.edit is not None and "Đã xong" in pressed.edit.text
    assert pressed.edit.buttons == ()
    # A second tap on the same button changes nothing.
    await chat.say(private("1", action=f"done:{item}"))
    assert [u[0] for u in _updates(chat, item)] == ["in_progress", "in_progress", "done"]
    stale = await chat.say(private("1", action="done:abc"))
    assert stale.toast and "không còn dùng được" in stale.toast


async def test_blocked_button_asks_for_the_reason(chat: Chat) -> None:
    item = chat.world.later_a
    pressed = await chat.say(private("1", action=f"blocked:{item}"))
    assert pressed.edit is not None and "Vướng mắc" in pressed.edit.text
    assert "vướng mắc gì" in pressed.replies[0].text
    answer = await chat.text(private("1", "chờ số liệu của các xã"))
    assert "Đã ghi nhận vướng mắc" in answer
    assert _updates(chat, item) == [("blocked", 0, None), ("blocked", 0, "chờ số liệu của các xã")]
    # The reason was taken once; the next words are no longer read as one.
    assert "chưa hiểu" in await chat.text(private("1", "cảm ơn"))


async def test_a_group_member_presses_a_reminder_button(chat: Chat) -> None:
    code = await chat.invite("Văn phòng Sở")
    await chat.say(group("-500", "1", f"/link {code}"))
    item = chat.world.late_a
    pressed = await chat.say(group("-500", "77", action=f"done:{item}", name="Vũ Văn Hùng"))
    assert pressed.edit is not None and "Vũ Văn Hùng" in pressed.edit.text
    assert chat.occurrence(item).status == "done"
    # A member of the group may not press on another unit's item.
    other = await chat.say(group("-500", "77", action=f"done:{chat.world.item_b}"))
    assert other.edit is None and other.toast and "không thuộc" in other.toast


async def test_every_change_is_audited_with_its_author(chat: Chat) -> None:
    item = chat.world.week_a
    await chat.say(private("1", f"tiendo {item} 30"))
    await chat.say(private("1", f"xong {item}"))
    with Session(chat.engine) as session:
        entries = session.exec(
            select(AuditEntry).where(AuditEntry.action == "occurrence.status")
        ).all()
        assert [(e.actor, e.entity_id) for e in entries] == [("telegram:1", str(item))] * 2
        assert all(e.actor_person_id == chat.person("1") for e in entries)


@pytest.mark.parametrize(
    "message",
    [
        {"text": ""},
        {"text": "   "},
        {"text": "/"},
        {"text": "#"},
        {"action": "done:"},
        {"action": "unknown:3"},
        {"action": "percent:2:500"},
        {"text": "/xong #"},
        {"text": "xong 99999999999999999999"},
    ],
)
async def test_odd_input_never_breaks_the_conversation(chat: Chat, message: dict[str, str]) -> None:
    response = await chat.say(private("1", **message))  # type: ignore[arg-type]
    texts = [reply.text for reply in response.replies] + [response.toast or ""]
    assert not any("gặp lỗi" in text or "Traceback" in text for text in texts)


async def test_replies_in_a_group_carry_commands_without_numbers(chat: Chat) -> None:
    code = await chat.invite("Văn phòng Sở")
    await chat.say(group("-500", "1", f"/link {code}"))
    item = chat.world.week_a
    with Session(chat.engine) as session:
        listed_items.remember_message(
            session,
            channel="telegram",
            chat_id="-500",
            message_id="rem-1",
            occurrence_id=item,
            now=chat.clock.now(),
        )
        session.commit()
    await chat.say(group("-500", "31", "vướng mắc chờ số liệu", reply_to_message_id="rem-1"))
    assert _updates(chat, item)[-1] == ("blocked", 0, "chờ số liệu")
    await chat.say(group("-500", "31", "tiến độ 60", reply_to_message_id="rem-1"))
    assert _updates(chat, item)[-1] == ("in_progress", 60, None)
    await chat.say(group("-500", "31", "xong", reply_to_message_id="rem-1"))
    assert chat.occurrence(item).status == "done"
