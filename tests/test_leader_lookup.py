"""Leaders find a unit as they type it: without accents, in part, abbreviated, or from a list."""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

import pytest
from core_fixtures import make_app, private
from factories import make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.core.conversation import Conversation
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.unit_lookup import lookup_unit

ADMIN = "900"
NOW = datetime(2024, 4, 10, 9, 0, tzinfo=VIETNAM_TZ)
NAMES = (
    "UBND huyện Anh Sơn",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Kế hoạch - Đầu tư",
    "Phòng Nội vụ",
    "Phòng Lao động - Thương binh và Xã hội",
)


@pytest.fixture
def conv(engine: Engine, tmp_path: Path) -> Conversation:
    with Session(engine) as session:
        plan = make_plan(session)
        for number, name in enumerate(NAMES, start=1):
            make_item(session, plan, make_unit(session, name), str(number), due=date(2024, 3, 1))
        session.commit()
    return Conversation(make_app(engine, ManualClock(NOW), tmp_path / "files", admin_ids=ADMIN))


async def _ask(conv: Conversation, text: str) -> str:
    response = await conv.handle(private(ADMIN, text, name="Lãnh đạo"))
    return html.unescape("\n".join(reply.text for reply in response.replies))


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("/tinhhinh anh son", "UBND huyện Anh Sơn"),
        ("/tinhhinh Anh Sơn", "UBND huyện Anh Sơn"),
        ("/status ke hoach tai chinh", "Phòng Kế hoạch - Tài chính"),
        ("/tinhhinh phong nv", "Phòng Nội vụ"),
        ("/tinhhinh ldtbxh", "Phòng Lao động - Thương binh và Xã hội"),
        ("/trehan noi vu", "Phòng Nội vụ"),
    ],
)
async def test_accent_free_partial_and_abbreviated_names(
    conv: Conversation, typed: str, unit: str
) -> None:
    text = await _ask(conv, typed)
    assert f"<b>{unit}</b>" in text
    assert "Không tìm thấy" not in text and "khớp với" not in text


async def test_several_matches_give_a_numbered_list_to_pick_from(conv: Conversation) -> None:
    text = await _ask(conv, "/status ke hoach")
    assert "Có 2 đơn vị khớp với “ke hoach”" in text
    assert "1. Phòng Kế hoạch - Đầu tư" in text and "2. Phòng Kế hoạch - Tài chính" in text
    assert "/tinhhinh ke hoach 1" in text
    picked = await _ask(conv, "/status ke hoach 2")
    assert "<b>Phòng Kế hoạch - Tài chính</b>" in picked
    assert "Không tìm thấy đơn vị “so ma”" in await _ask(conv, "/tinhhinh so ma")


def test_lookup_ranks_a_whole_phrase_first(engine: Engine) -> None:
    with Session(engine) as session:
        for name in NAMES:
            make_unit(session, name)
        session.commit()
        found = lookup_unit(session, text="noi vu")
        assert [u.name for u in found.found] == ["Phòng Nội vụ"]
        assert lookup_unit(session, text="phong").unit is None
        assert len(lookup_unit(session, text="phong").found) == 4


async def test_long_unit_lists_fit_one_message_worst_first_with_the_next_page(
    engine: Engine, tmp_path: Path
) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        for n in range(40):
            unit = make_unit(session, f"Phòng Lao động - Thương binh và Xã hội huyện số {n:02d}")
            for k in range(n % 5 + 1):  # unit n has n % 5 + 1 overdue items
                make_item(session, plan, unit, f"{n * 10 + k + 1}", due=date(2024, 3, 1))
        session.commit()
    conv = Conversation(make_app(engine, ManualClock(NOW), tmp_path / "files", admin_ids=ADMIN))
    first = await conv.handle(private(ADMIN, "/tinhhinh", name="Lãnh đạo"))
    assert len(first.replies) == 1 and len(first.replies[0].text) <= 2000
    text = html.unescape(first.replies[0].text)
    lines = [line for line in text.splitlines() if line.startswith("🔴")]
    counts = [int(line.rsplit("quá hạn ", 1)[1]) for line in lines]
    assert counts == sorted(counts, reverse=True) and counts[0] == 5
    assert f"… còn {40 - len(lines)} đơn vị: <code>/tinhhinh 2</code>" in text
    second = html.unescape(await _ask(conv, "/tinhhinh 2"))
    later = [line for line in second.splitlines() if line.startswith("🔴")]
    assert later and not set(later) & set(lines)
    assert int(later[0].rsplit("quá hạn ", 1)[1]) <= counts[-1]
    # The pages together show every unit once.
    seen = lines + later
    for page in (3, 4):  # 40 units, 12 a page
        seen += [
            line
            for line in html.unescape(await _ask(conv, f"/tinhhinh {page}")).splitlines()
            if line.startswith("🔴")
        ]
    names = [line.split("</b>")[0] for line in seen]
    assert len(names) == len(set(names)) == 40
