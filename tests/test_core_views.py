"""What people read: the unit's list, one item, leaders' views, long answers split."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from core_fixtures import private
from core_helpers import ADMIN_ID, Chat, make_chat
from sqlalchemy.engine import Engine
from sqlmodel import Session

from messages.split import ZALO_LIMIT
from scheduler.clock import ManualClock
from storage.models import Assignment, Occurrence, Task


@pytest.fixture
async def chat(engine: Engine, clock: ManualClock, tmp_path: Path) -> Chat:
    chat = make_chat(engine, clock, tmp_path)
    await chat.join("1")
    return chat


async def test_tasks_lists_overdue_then_this_week_then_later_then_undated(chat: Chat) -> None:
    world = chat.world
    text = await chat.text(private("1", "nhiem vu het"))
    positions = [text.index(f"<b>#{n}</b>") for n in (world.late_a, world.week_a, world.later_a)]
    assert positions == sorted(positions)
    assert text.index("Trễ hạn") < text.index("Trong tuần này") < text.index("Sắp tới")
    assert text.index("Sắp tới") < text.index(f"<b>#{world.open_a}</b>")
    # Counted in working days, as in the morning check-in: Tue 5/3 to Mon 11/3 is 4 late.
    assert "trễ 4 ngày làm việc" in text and "còn 4 ngày làm việc" in text
    # The typing hint uses a number the user can actually type: the first listed item's #.
    assert f"<code>xong {world.late_a}</code>" in text
    # Another unit's items never show; task titles are escaped for Telegram HTML.
    assert f"#{world.item_b}" not in text
    assert "&lt;thường xuyên&gt;" in text and "<thường xuyên>" not in text
    await chat.say(private("1", f"xong {world.late_a}"))
    assert f"<b>#{world.late_a}</b>" not in await chat.text(private("1", "/tasks"))


async def test_task_shows_period_due_dates_and_history(chat: Chat) -> None:
    item = chat.world.week_a
    await chat.say(private("1", f"tiendo {item} 40 <b>đang</b> làm"))
    text = await chat.text(private("1", f"/xem {item}"))
    assert "KH-01/2024" in text and "Quý I/2024" in text and "15/03/2024" in text
    assert "Lịch sử" in text and "Nguyễn Văn An" in text and "40%" in text
    assert "&lt;b&gt;đang&lt;/b&gt;" in text
    assert "Chưa có minh chứng" in text


async def test_leaders_see_every_unit_and_one_unit_in_detail(chat: Chat) -> None:
    status = await chat.text(private(ADMIN_ID, "/tinhhinh"))
    # The unit with overdue work comes first.
    assert status.index("Phòng Tổ chức cán bộ") < status.index("Văn phòng Sở")
    assert "quá hạn <b>2</b>" in status
    unit = await chat.text(private(ADMIN_ID, "tinh hinh van phong so"))
    assert "<b>Văn phòng Sở</b>" in unit and "quá hạn <b>1</b>" in unit
    assert "Không tìm thấy đơn vị" in await chat.text(private(ADMIN_ID, "/tinhhinh Sở Ma"))
    overdue = await chat.text(private(ADMIN_ID, "/trehan"))
    assert f"#{chat.world.late_a}" in overdue and f"#{chat.world.item_b}" in overdue
    assert f"#{chat.world.week_a}" not in overdue
    digest = await chat.text(private(ADMIN_ID, "/tonghop"))
    assert "Tổng hợp tuần" in digest and "17/03/2024" in digest
    assert f"#{chat.world.week_a}" in digest


def _add_items(chat: Chat, count: int, due: date) -> None:
    with Session(chat.engine) as session:
        now = chat.clock.now()
        for number in range(100, 100 + count):
            task = Task(
                plan_id=chat.world.plan,
                number=str(number),
                position=number,
                title=f"Nhiệm vụ số {number} về cải cách thủ tục\nhành chính cấp sở",
                created_at=now,
                updated_at=now,
            )
            session.add(task)
            session.flush()
            assignment = Assignment(task_id=task.id or 0, unit_id=chat.world.unit_a)
            session.add(assignment)
            session.flush()
            session.add(
                Occurrence(
                    assignment_id=assignment.id or 0,
                    period_key="2024",
                    period_label="Năm 2024",
                    nominal_due=due - timedelta(days=1),
                    effective_due=due,
                )
            )
        session.commit()


async def test_long_lists_are_paged_one_message_each(chat: Chat) -> None:
    _add_items(chat, 160, date(2024, 12, 16))
    command, pages = "/nhiemvu het", []
    while command:
        (reply,) = (await chat.say(private("1", command))).replies
        assert len(reply.text) <= ZALO_LIMIT
        assert reply.text.count("<b>") == reply.text.count("</b>")
        pages.append(reply.text)
        following = re.search(r"gõ <code>(/nhiemvu het \d+)</code>", reply.text)
        command = following.group(1) if following else ""
    assert len(pages) > 1
    joined = "\n".join(pages)
    # Line breaks inside titles are flattened so each item stays on one line.
    assert joined.count("cải cách thủ tục hành chính cấp sở") == 160
    assert "ghi trong kế hoạch 15/12/2024" in joined


async def test_overdue_list_is_capped_and_says_how_to_narrow_it(chat: Chat) -> None:
    _add_items(chat, 120, date(2024, 1, 31))
    response = await chat.say(private(ADMIN_ID, "/trehan"))
    # One message Zalo carries whole: the worst unit first with its count, then how to see more.
    assert len(response.replies) == 1
    joined = response.replies[0].text
    assert len(joined) <= 2000
    assert "122 lượt việc của 2 đơn vị" in joined
    assert "🔴 <b>Văn phòng Sở</b> (121)" in joined
    assert "… và 116 việc khác: <code>/trehan Văn phòng Sở</code>" in joined
    status = await chat.text(private(ADMIN_ID, "/tinhhinh"))
    assert "quá hạn <b>122</b>" in status
    whole_unit = await chat.say(private(ADMIN_ID, "/trehan van phong so"))
    assert len(whole_unit.replies) == 1 and len(whole_unit.replies[0].text) <= 2000
    assert "… và " in whole_unit.replies[0].text
    one_unit = await chat.text(private(ADMIN_ID, "/trehan phong to chuc can bo"))
    assert one_unit.count("<b>#") == 1
