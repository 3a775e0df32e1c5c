"""The demo's interactive part in process: typed lines, persona switch, days passing."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from bot.demo.session import DemoSession
from bot.demo.world import LEADERS_CHAT, UNIT_CHAT, build_world


async def test_interactive_demo_switches_people_and_moves_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build_world(tmp_path / "data", weeks=1, start=date(2024, 1, 15))
    shown: list[str] = []
    try:
        session = DemoSession(world, write=shown.append)
        await session.run_to_end(scripted=False)
        assert session.today == date(2024, 1, 19)  # one week from a Monday ends on Friday
        reminded = session.screen.reminded[UNIT_CHAT]
        target = reminded[0]
        sent_before = session.screen.sent
        monkeypatch.setattr(
            "sys.stdin",
            io.StringIO(
                f":as lanhdao\n/status\n:as someone\n:next 0\nxong {target}\n"
                f":as canbo\nxong {target} đã nộp\n:next 3\n:quit\n/tasks\n"
            ),
        )
        await session.interact()
    finally:
        world.app.engine.dispose()

    text = "\n".join(shown)
    assert "Bây giờ bạn gõ với tư cách Trần Thị Bình (lãnh đạo)" in text
    assert "Tình hình thực hiện" in text  # the leader's /status, answered by the real core
    assert "Không có người dùng thử “someone”" in text
    assert "Số ngày phải là một số từ 1 đến 366" in text
    assert "Bây giờ bạn gõ với tư cách Nguyễn Văn An (cán bộ)" in text
    assert f"#{target}" in text
    # Three more days passed: Saturday and Sunday stay silent, Monday brings the digest.
    assert session.today == date(2024, 1, 22)
    assert "(Thứ Bảy, 20/01/2024: không có tin nhắn nào" in text
    assert "(Chủ Nhật, 21/01/2024: không có tin nhắn nào" in text
    assert session.screen.sent > sent_before
    assert session.screen.per_chat["Nhóm lãnh đạo"] >= 1
    # After "xong", the engine never reminds the unit about that item again.
    later = session.screen.reminded[UNIT_CHAT][len(reminded) :]
    assert target not in later
    # The line after :quit was never read.
    assert "Nhiệm vụ chưa xong" not in text.split("Bây giờ bạn gõ với tư cách Nguyễn Văn An")[-1]
    assert LEADERS_CHAT in world.chat_titles
