"""A process killed mid-delivery, then restarted: nothing is lost, and what may repeat is bounded.

The guarantee (README, "Reminders and delivery guarantee"): a notification is claimed for a
lease before it is sent. Killed between claiming and sending, it is sent once after the lease
runs out. Killed between sending and recording, it is sent a second time after the lease (the
chat network cannot be asked what it received), and never a third time.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import cli_database_url
from factories import RecordingSender, link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.engine import ReminderEngine
from storage.models import MessageRef, Notification

CHILD = Path(__file__).with_name("outbox_crash_child.py")
MOMENT = datetime(2024, 3, 13, 8, 0, tzinfo=VIETNAM_TZ)  # a Wednesday: no digest that day


def _url(engine: Engine) -> str:
    return cli_database_url(engine)


def _seed(engine: Engine) -> int:
    with Session(engine) as session:
        plan = make_plan(session)
        unit = make_unit(session, "Phòng Nội vụ")
        occurrence = make_item(session, plan, unit, "12", due=date(2024, 3, 13))
        link_chat(session, unit=unit, chat_id="noi-vu")
        session.commit()
        assert occurrence.id is not None
        return occurrence.id


def _kill_child(engine: Engine, mode: str, log: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(CHILD),
            _url(engine),
            MOMENT.replace(tzinfo=None).isoformat(),
            mode,
            str(log),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == -9, result.stderr


def _rows(engine: Engine) -> list[Notification]:
    with Session(engine) as session:
        return list(session.exec(select(Notification)).all())


async def _restart(engine: Engine, clock: ManualClock, sender: RecordingSender) -> int:
    reminder = ReminderEngine(engine, clock, {"console": sender}, catch_up_days=0)
    report = await reminder.tick()
    return len(report.sent)


@pytest.mark.parametrize("mode", ["before-send", "after-send"])
async def test_killed_mid_delivery_then_restarted(
    engine: Engine, tmp_path: Path, mode: str
) -> None:
    occurrence_id = _seed(engine)
    log = tmp_path / "delivered.tsv"
    log.touch()
    _kill_child(engine, mode, log)

    (row,) = _rows(engine)
    assert row.state == "claimed" and row.attempts == 1 and row.sent_at is None
    delivered_by_dead = log.read_text().splitlines()
    assert len(delivered_by_dead) == (1 if mode == "after-send" else 0)

    sender = RecordingSender()
    clock = ManualClock(MOMENT.replace(minute=2))
    # Within the dead worker's lease nobody touches the row.
    assert await _restart(engine, clock, sender) == 0
    clock.set(MOMENT.replace(minute=6))
    assert await _restart(engine, clock, sender) == 1
    clock.set(MOMENT.replace(minute=30))
    assert await _restart(engine, clock, sender) == 0
    clock.set(MOMENT.replace(hour=15))
    assert await _restart(engine, clock, sender) == 0

    total = len(delivered_by_dead) + len(sender.sent)
    assert total == (2 if mode == "after-send" else 1)
    (row,) = _rows(engine)
    assert row.state == "sent" and row.attempts == 2
    assert sender.sent[0][1].occurrence_id == occurrence_id
    with Session(engine) as session:
        refs = list(session.exec(select(MessageRef)).all())
    assert [(ref.chat_id, ref.occurrence_id, ref.notification_id) for ref in refs] == [
        ("noi-vu", occurrence_id, row.id)
    ]
