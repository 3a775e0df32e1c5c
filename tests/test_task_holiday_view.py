"""/xem of an item whose plan day falls on a day off: the day to submit by, before it, is shown
beside the legal end (the same rule as the morning check-in, see test_engine_holiday)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core_fixtures import private
from core_helpers import make_chat
from sqlalchemy.engine import Engine
from sqlmodel import Session

from scheduler.clock import ManualClock
from storage.models import Occurrence


async def test_task_view_names_the_day_before_the_holiday(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    chat = make_chat(engine, clock, tmp_path)
    await chat.join("1")
    item = chat.world.later_a
    with Session(engine) as session:
        occurrence = session.get(Occurrence, item)
        assert occurrence is not None
        # Saturday 30/03/2024: the legal end moves to Monday 01/04, the office submits Friday.
        occurrence.nominal_due = date(2024, 3, 30)
        occurrence.effective_due = date(2024, 4, 1)
        session.add(occurrence)
        session.commit()
    text = await chat.text(private("1", f"/xem {item}"))
    assert "hạn 01/04/2024" in text.lower()
    assert "Nên nộp trước ngày nghỉ: 29/03/2024" in text


async def test_task_view_of_a_working_day_due_has_no_such_line(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    chat = make_chat(engine, clock, tmp_path)
    await chat.join("1")
    text = await chat.text(private("1", f"/xem {chat.world.later_a}"))
    assert "hạn " in text.lower() and "nộp trước ngày nghỉ" not in text
