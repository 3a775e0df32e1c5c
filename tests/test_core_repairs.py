"""Conversation repairs: the reason after a reason-less "vuongmac N", "did you mean", several
numbers at once, undo of the day's change, staff asking "quá hạn", a short /tasks."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from core_fixtures import private
from core_helpers import Chat, make_chat
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from bot.core.commands.which_item import slips
from scheduler.clock import ManualClock
from storage.models import Occurrence, Plan, Unit


@pytest.fixture
async def chat(engine: Engine, clock: ManualClock, tmp_path: Path) -> Chat:
    chat = make_chat(engine, clock, tmp_path)
    await chat.join("1")
    return chat


async def test_the_next_message_after_a_reasonless_blocked_is_the_reason(chat: Chat) -> None:
    item = chat.world.week_a
    asked = await chat.text(private("1", f"vuongmac {item}"))
    assert "đang vướng mắc gì" in asked
    answer = await chat.text(private("1", "chờ số liệu của các xã"))
    assert "vướng mắc" in answer
    occurrence = chat.occurrence(item)
    assert occurrence.status == "blocked"


async def test_a_near_miss_command_gets_a_suggestion(chat: Chat) -> None:
    item = chat.world.week_a
    answer = await chat.text(private("1", f"xongg {item}"))
    assert f"Có phải bạn muốn gõ <code>xong {item}</code>" in answer
    assert chat.occurrence(item).status == "not_started"


async def test_several_numbers_at_once(chat: Chat) -> None:
    first, second = chat.world.week_a, chat.world.late_a
    answer = await chat.text(private("1", f"xong {first} {second}"))
    assert answer.count("Đã ghi nhận hoàn thành") == 2
    assert chat.occurrence(first).status == chat.occurrence(second).status == "done"


async def test_undo_the_days_change(chat: Chat) -> None:
    item = chat.world.week_a
    await chat.text(private("1", f"tiendo {item} 40"))
    chat.clock.advance(timedelta(days=1))
    await chat.text(private("1", f"xong {item}"))
    assert chat.occurrence(item).status == "done"
    undone = await chat.text(private("1", f"chưa xong {item}"))
    # The answer says the change was undone and where the item stands, not "a note was taken".
    assert "Đã huỷ cập nhật hôm nay" in undone
    assert "Trở lại: Đang thực hiện 40%" in undone
    assert "Đã ghi chú" not in undone
    occurrence = chat.occurrence(item)
    # Back to how it stood this morning: in progress at 40 %.
    assert (occurrence.status, occurrence.percent) == ("in_progress", 40)
    nothing = await chat.text(private("1", f"huỷ {chat.world.late_a}"))
    assert "chưa có cập nhật nào" in nothing


async def test_staff_asking_overdue_see_their_units_late_items(chat: Chat) -> None:
    answer = await chat.text(private("1", "quá hạn"))
    assert f"#{chat.world.late_a}" in answer
    # Another unit's late item is not theirs to see here.
    assert f"#{chat.world.item_b}" not in answer


async def test_tasks_show_late_and_the_next_two_weeks(chat: Chat) -> None:
    answer = await chat.text(private("1", "/tasks"))
    assert f"#{chat.world.late_a}" in answer and f"#{chat.world.week_a}" in answer
    # Due 20/4, beyond two weeks: counted, with the way to see it.
    assert f"#{chat.world.later_a}" not in answer
    assert "Xem thêm" in answer and "/nhiemvu het" in answer
    everything = await chat.text(private("1", "/nhiemvu het"))
    assert f"#{chat.world.later_a}" in everything and f"#{chat.world.open_a}" in everything


async def test_an_item_far_from_the_chat_is_asked_about_first(chat: Chat) -> None:
    # Due 20/4, more than 30 days ahead, never shown in this chat: "xong N" asks first.
    item = chat.world.later_a
    asked = await chat.text(private("1", f"xong {item} đã gửi"))
    assert "Có phải việc này không?" in asked and f"#{item}" in asked and "Quý I/2024" in asked
    assert chat.occurrence(item).status == "not_started"
    dropped = await chat.text(private("1", "không"))
    assert "Đã bỏ" in dropped and chat.occurrence(item).status == "not_started"
    await chat.text(private("1", f"xong {item} đã gửi"))
    done = await chat.text(private("1", "có"))
    assert "Đã ghi nhận hoàn thành" in done
    assert chat.occurrence(item).status == "done"
    # An item due soon is changed at once.
    assert "Đã ghi nhận" in await chat.text(private("1", f"tiendo {chat.world.week_a} 50"))


def _items_numbered(chat: Chat, *numbers: int) -> None:
    """Items of unit A with the given numbers (the occurrence ids a chat types)."""
    from factories import make_item

    with Session(chat.conv.app.engine) as session:
        plan = session.get(Plan, chat.world.plan)
        unit = session.get(Unit, chat.world.unit_a)
        assert plan is not None and unit is not None
        for number in numbers:
            item = make_item(session, plan, unit, f"9.{number}", due=date(2024, 3, 20))
            # Renumbered before anything refers to it: the number the test needs.
            session.execute(
                update(Occurrence).where(col(Occurrence.id) == item.id).values(id=number)
            )
        session.commit()


async def test_a_near_miss_number_offers_the_chats_nearest_items(chat: Chat) -> None:
    _items_numbered(chat, 1453, 1354)
    # 1435: two digits swapped from #1453, two slips from #1354; nothing is acted on.
    asked = await chat.text(private("1", "xong 1435 đã gửi"))
    assert "Không có nhiệm vụ #1435" in asked
    assert asked.index("1. <b>#1453</b>") < asked.index("2. <b>#1354</b>")
    assert "Quý I/2024" in asked or "hạn 20/03/2024" in asked
    assert chat.occurrence(1453).status == chat.occurrence(1354).status == "not_started"
    done = await chat.text(private("1", "2"))
    assert "Đã ghi nhận hoàn thành" in done and "#1354" in done
    assert chat.occurrence(1354).status == "done"
    assert chat.occurrence(1453).status == "not_started"
    # A number near nothing of the chat is still simply unknown.
    assert "Không có nhiệm vụ #987654" in await chat.text(private("1", "xong 987654"))


def test_slips_count_swaps_as_one() -> None:
    assert slips("1435", "1453") == 1
    assert slips("1435", "1354") == 2
    assert slips("12", "123") == 1
    assert slips("12", "12") == 0
