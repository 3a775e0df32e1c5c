"""Reading a reply to the bot's messages: a number after a command is a percent or an item
or a line's place, words in a group are an update or chatter, a pick answers the question
that stands. Over the conversation core on the test database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from core_fixtures import group, private
from core_helpers import Chat, make_chat
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.core.pending import PendingActions
from scheduler.clock import ManualClock
from storage import listed_items
from storage.chat_links import link_private_chat
from storage.models import ChatLink, MessageRef, Notification, StatusUpdate
from storage.outbox import CHECKIN

GROUP = "-500"


@pytest.fixture
async def chat(engine: Engine, clock: ManualClock, tmp_path: Path) -> Chat:
    chat = make_chat(engine, clock, tmp_path)
    await chat.join("1")
    return chat


def _reminder(chat: Chat, chat_id: str, message_id: str, occurrence_id: int) -> None:
    with Session(chat.engine) as session:
        listed_items.remember_message(
            session,
            channel="telegram",
            chat_id=chat_id,
            message_id=message_id,
            occurrence_id=occurrence_id,
            now=chat.clock.now(),
        )
        session.commit()


def _checkin(chat: Chat, chat_id: str, message_id: str, lines: list[int]) -> None:
    """A check-in of several lines sent to `chat_id` as `message_id`."""
    now = chat.clock.now()
    with Session(chat.engine) as session:
        notice = Notification(
            key=f"checkin:{chat_id}:{message_id}",
            kind=CHECKIN,
            audience="unit",
            payload={"shown": lines},
            due_at=now,
            state="sent",
            sent_at=now,
            created_at=now,
        )
        session.add(notice)
        session.flush()
        session.add(
            MessageRef(
                channel="telegram",
                chat_id=chat_id,
                message_id=message_id,
                occurrence_id=None,
                notification_id=notice.id,
                created_at=now,
            )
        )
        session.commit()


def _updates(chat: Chat) -> list[tuple[int, str, int | None, str | None]]:
    with Session(chat.engine) as session:
        rows = session.exec(select(StatusUpdate).order_by(StatusUpdate.id)).all()  # type: ignore[arg-type]
        return [(row.occurrence_id, row.status, row.percent, row.note) for row in rows]


async def test_a_single_number_replying_to_a_reminder_is_the_percent(chat: Chat) -> None:
    item = chat.world.week_a
    _reminder(chat, "1", "m-1", item)
    # The number is the reminder's own item number: still the percent, nothing follows it.
    answer = await chat.text(private("1", f"tiendo {item}", reply_to_message_id="m-1"))
    assert f"tiến độ {item}%" in answer
    assert chat.occurrence(item).percent == item
    # "#n" or two numbers still name the item.
    await chat.say(private("1", f"tiendo #{item} 40", reply_to_message_id="m-1"))
    assert chat.occurrence(item).percent == 40
    await chat.say(private("1", f"tiendo {item} 45", reply_to_message_id="m-1"))
    assert chat.occurrence(item).percent == 45


async def test_a_lines_place_that_is_also_an_item_of_the_chat_is_asked_about(
    chat: Chat,
) -> None:
    world = chat.world
    # Lines #3 and #4; "xong 1" is the first line (#3) or item #1 of the same unit.
    _checkin(chat, "1", "c-1", [world.later_a, world.open_a])
    for text in (f"xong {world.late_a}", f"vuong mac {world.late_a} chờ số liệu"):
        asked = await chat.text(private("1", text, reply_to_message_id="c-1"))
        assert "Bạn nói về việc nào?" in asked, (text, asked)
        assert f"<b>#{world.later_a}</b>" in asked and f"<b>#{world.late_a}</b>" in asked
        assert f"<b>#{world.open_a}</b>" not in asked
        assert _updates(chat) == []
    # The pick acts on the item picked (the kept message is the last one asked about).
    place = next(
        line.split(".")[0] for line in asked.splitlines() if f"<b>#{world.late_a}</b>" in line
    )
    assert "vướng mắc" in await chat.text(private("1", place))
    assert _updates(chat) == [(world.late_a, "blocked", 0, "chờ số liệu")]


async def _linked_group(chat: Chat) -> None:
    code = await chat.invite("Văn phòng Sở")
    assert "đã được liên kết" in await chat.text(group(GROUP, "1", f"/link {code}"))


async def test_chatter_replying_to_a_checkin_in_a_group_is_left_alone(chat: Chat) -> None:
    world = chat.world
    await _linked_group(chat)
    _checkin(chat, GROUP, "c-9", [world.late_a, world.week_a])
    for text in ("đã nhận", "cảm ơn anh", "ok em"):
        reply = await chat.say(group(GROUP, "77", text, reply_to_message_id="c-9"))
        assert reply.replies == (), text
    # No question stands: a number said next is no pick either.
    assert (await chat.say(group(GROUP, "77", "1"))).replies == ()
    assert _updates(chat) == []
    # Words that look like an update are asked about; a named line acts at once.
    for text in ("đã gửi báo cáo", "50% rồi", "đang làm ạ", "vướng chờ số liệu"):
        asked = await chat.text(group(GROUP, "77", text, reply_to_message_id="c-9"))
        assert "Bạn nói về việc nào?" in asked, text
    named = await chat.text(
        group(GROUP, "77", "đã gửi rà soát thủ tục hành chính", reply_to_message_id="c-9")
    )
    assert f"#{world.week_a}" in named and chat.occurrence(world.week_a).status == "done"
    # In a private chat the person is still asked.
    _checkin(chat, "1", "c-2", [world.late_a, world.later_a])
    asked = await chat.text(private("1", "cảm ơn anh", reply_to_message_id="c-2"))
    assert "Bạn nói về việc nào?" in asked


async def test_writing_again_switches_the_chat_back_on_even_when_refused(chat: Chat) -> None:
    with Session(chat.engine) as session:
        link_private_chat(
            session,
            channel="telegram",
            chat_id="1",
            unit_id=chat.world.unit_a,
            now=chat.clock.now(),
        )
        session.commit()
    chat.conv.on_bot_removed("telegram", "1")
    # A message that is refused (no item number) rolls its turn back, not the chat's return.
    assert "Hãy ghi số nhiệm vụ" in await chat.text(private("1", "/xong"))
    with Session(chat.engine) as session:
        links = session.exec(select(ChatLink).where(ChatLink.chat_id == "1")).all()
        assert links and all(link.active for link in links)


class _Racing(PendingActions):
    """Another message of the same person asks a newer question just after this answer
    looked at the old one (another worker thread, between the look and the take)."""

    newer: tuple[tuple[str, str, str], tuple[int, ...], Any] | None = None

    def pick_choices(self, key: tuple[str, str, str]) -> tuple[int, ...]:
        choices = super().pick_choices(key)
        if self.newer is not None:
            self.expect_pick(*self.newer)
            self.newer = None
        return choices


async def test_a_pick_answers_the_question_it_was_given_for(chat: Chat) -> None:
    world = chat.world
    racing = _Racing(chat.clock)
    chat.conv.pending = racing
    _checkin(chat, "1", "c-1", [world.late_a, world.week_a])
    assert "Bạn nói về việc nào?" in await chat.text(
        private("1", "xong", reply_to_message_id="c-1")
    )
    key = ("telegram", "1", "1")
    newer = (world.later_a, world.open_a)
    racing.newer = (key, newer, (private("1", "vuong mac chờ ký"), "chờ ký"))
    await chat.say(private("1", "2"))
    # Neither question's item was changed by an answer meant for the other.
    assert _updates(chat) == []
    assert racing.pick_choices(key) == newer


async def test_the_question_which_item_is_laid_out_in_three_blocks(chat: Chat) -> None:
    world = chat.world
    _checkin(chat, "1", "c-1", [world.late_a, world.week_a, world.open_a])
    asked = await chat.text(private("1", "xong", reply_to_message_id="c-1"))
    # The question, a blank line, one line per item, a blank line, how to answer.
    lines = asked.split("\n")
    assert len(lines) == 7, lines
    assert lines[0] == "❓ <b>Bạn nói về việc nào?</b>" and lines[1] == lines[5] == ""
    for place, number in enumerate((world.late_a, world.week_a, world.open_a), 1):
        assert lines[1 + place].startswith(f"{place}. <b>#{number}</b> "), lines
    assert lines[6].startswith("Trả lời số thứ tự")
