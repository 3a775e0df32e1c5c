"""`nhacviec run` prints one line per message it sends: kind, unit name, first lines."""

from __future__ import annotations

from datetime import datetime

import pytest
from factories import link_chat, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.context import build_context
from bot.serve import _print_sent
from bot.settings import load_settings
from scheduler.clock import VIETNAM_TZ
from scheduler.engine import SentRecord, TickReport
from storage.models import Notification

AT = datetime(2025, 1, 21, 8, 0, tzinfo=VIETNAM_TZ)


async def test_each_sent_message_is_one_line_with_the_unit_name(
    engine: Engine, cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    with Session(engine) as session:
        unit = make_unit(session, "Phòng Nội vụ")
        link = link_chat(session, unit=unit, chat_id="-100777", channel="telegram")
        notices = [
            Notification(
                key=f"{kind}:1:unit/{link.id}:x",
                kind=kind,
                audience=audience,
                unit_id=unit.id if audience == "unit" else None,
                chat_link_id=link.id,
                due_at=AT,
                created_at=AT,
            )
            for kind, audience in (("reminder", "unit"), ("escalation-batch", "leaders"))
        ]
        session.add_all(notices)
        session.commit()
        ids = [notice.id for notice in notices]
    report = TickReport(
        at=AT,
        sent=[
            SentRecord(
                ids[0],
                "k1",
                "reminder",
                "telegram",
                "-100777",
                "1",
                "🔔 <b>Nhắc việc</b>: còn 3 ngày\n\n#4 · Nhiệm vụ I.1: Ban hành KH",
            ),
            SentRecord(
                ids[1],
                "k2",
                "escalation-batch",
                "telegram",
                "-100888",
                "2",
                "🚩 Báo cáo lãnh đạo\n2 lượt việc",
            ),
        ],
    )
    app = build_context(load_settings(), migrate=False)
    await _print_sent(app, report)
    out = capsys.readouterr().out
    assert (
        "✓ Nhắc hạn → Phòng Nội vụ (telegram): 🔔 Nhắc việc: còn 3 ngày · #4 · Nhiệm vụ I.1" in out
    )
    assert "✓ Báo cáo → Lãnh đạo (telegram): 🚩 Báo cáo lãnh đạo · 2 lượt việc" in out
    assert "-100777" not in out and "k1" not in out
