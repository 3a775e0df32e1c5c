"""Escalations: one message per chat and day, items settled before sending left out."""

from __future__ import annotations

from datetime import date, datetime

from factories import (
    RecordingSender,
    assign,
    link_chat,
    make_item,
    make_occurrence,
    make_plan,
    make_task,
    make_unit,
    set_status,
)
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.engine import ReminderEngine
from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.models import Notification, Occurrence, StatusUpdate

# Due Friday 15/3/2024: three working days late on Wednesday 20/3, the leaders hear of it.
DUE = date(2024, 3, 15)
ESCALATION_MORNING = datetime(2024, 3, 20, 8, 0, tzinfo=VIETNAM_TZ)


def _seed(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        plan = make_plan(session)
        noi_vu = make_unit(session, "Phòng Nội vụ")
        tu_phap = make_unit(session, "Phòng Tư pháp")
        ids = {
            "a": make_item(session, plan, noi_vu, "1", due=DUE).id,
            "b": make_item(session, plan, noi_vu, "2", due=DUE).id,
            "c": make_item(session, plan, tu_phap, "3", due=DUE).id,
        }
        link_chat(session, unit=noi_vu, chat_id="noi-vu")
        link_chat(session, unit=tu_phap, chat_id="tu-phap")
        ids["leaders"] = link_chat(session, unit=None, chat_id="lanh-dao").id
        session.commit()
    return {key: value for key, value in ids.items() if value is not None}


def _batch_rows(engine: Engine) -> list[Notification]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(Notification).where(col(Notification.key).startswith("escalation-batch:"))
            )
        )


def _settle(engine: Engine, occurrence_id: int, *, status: str, note: str | None = None) -> None:
    with Session(engine) as session:
        occurrence = session.get(Occurrence, occurrence_id)
        assert occurrence is not None
        set_status(session, occurrence, status=status, at=ESCALATION_MORNING)
        if note is not None:
            session.add(
                StatusUpdate(
                    occurrence_id=occurrence_id,
                    status=status,
                    note=note,
                    channel="console",
                    created_at=ESCALATION_MORNING,
                )
            )
        session.commit()


async def test_one_leaders_message_a_day_without_items_done_meanwhile(engine: Engine) -> None:
    ids = _seed(engine)
    clock = ManualClock(ESCALATION_MORNING)
    sender = RecordingSender()
    reminder = ReminderEngine(engine, clock, {"console": sender})
    reminder.plan()
    # Planning again, as a second process or a restart would, adds nothing.
    assert ReminderEngine(engine, clock, {"console": sender}).plan() == 0
    (row,) = _batch_rows(engine)
    assert row.key == f"escalation-batch:{ids['leaders']}:2024-03-20:0800"
    assert row.occurrence_id is None
    assert sorted(entry["occurrence_id"] for entry in row.payload["items"]) == sorted(
        [ids["a"], ids["b"], ids["c"]]
    )
    # Between planning and sending: one item is finished, one gets a note.
    _settle(engine, ids["b"], status="done")
    _settle(engine, ids["a"], status="in_progress", note="Chờ số liệu của các xã")

    report = await reminder.tick()
    to_leaders = [message for chat, message in sender.sent if chat == "lanh-dao"]
    assert len(to_leaders) == 1
    text = to_leaders[0].text
    assert "Báo cáo lãnh đạo: 2 lượt việc quá hạn cần đôn đốc</b> (20/03/2024)" in text
    assert f"#{ids['a']} · TT 1 · Nhiệm vụ số 1" in text
    assert f"#{ids['c']} · TT 3 · Nhiệm vụ số 3" in text
    assert f"#{ids['b']} ·" not in text
    assert "quá <b>3</b> ngày làm việc, đang thực hiện" in text
    assert "Ghi chú gần nhất: <i>Chờ số liệu của các xã</i>" in text
    # Grouped by unit, each unit named once.
    assert text.count("<b>Phòng Nội vụ</b> (1 lượt việc)") == 1
    assert text.count("<b>Phòng Tư pháp</b> (1 lượt việc)") == 1
    assert not to_leaders[0].buttons
    assert sum(1 for record in report.sent if record.kind == "escalation") == 1

    clock.set(datetime(2024, 3, 20, 15, 0, tzinfo=VIETNAM_TZ))
    assert (await reminder.tick()).sent == []


async def test_nothing_is_sent_when_every_item_was_settled(engine: Engine) -> None:
    ids = _seed(engine)
    clock = ManualClock(ESCALATION_MORNING)
    sender = RecordingSender()
    reminder = ReminderEngine(engine, clock, {"console": sender})
    reminder.plan()
    for key in ("a", "b", "c"):
        _settle(engine, ids[key], status="done")
    report = await reminder.tick()
    assert [chat for chat, _ in sender.sent if chat == "lanh-dao"] == []
    (row,) = _batch_rows(engine)
    assert row.state == "superseded"
    assert any(key == row.key for key, _ in report.superseded)


async def test_the_lead_unit_hears_once_which_coordinating_units_are_late(
    engine: Engine,
) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        lead = make_unit(session, "Văn phòng Sở")
        helpers = [make_unit(session, name) for name in ("Phòng Nội vụ", "Phòng Tư pháp")]
        task = make_task(session, plan, "7", title="Tổng hợp báo cáo CCHC quý I")
        make_occurrence(session, assign(session, task, lead), due=DUE, period_label="Quý I/2024")
        for helper in helpers:
            make_occurrence(
                session,
                assign(session, task, helper, role="coordinating"),
                due=DUE,
                period_label="Quý I/2024",
            )
        for unit, chat in ((lead, "van-phong"), (helpers[0], "noi-vu"), (helpers[1], "tu-phap")):
            link_chat(session, unit=unit, chat_id=chat)
        session.commit()
    # Coordinating input is due two working days early (Wed 13/3); a day later the lead hears.
    sender = RecordingSender()
    clock = ManualClock(datetime(2024, 3, 14, 8, 0, tzinfo=VIETNAM_TZ))
    await ReminderEngine(engine, clock, {"console": sender}).tick()
    to_lead = [m.text for chat, m in sender.sent if chat == "van-phong" and "🚩" in m.text]
    assert len(to_lead) == 1
    text = to_lead[0]
    assert "<b>TT 7 · Tổng hợp báo cáo CCHC quý I</b> (Quý I/2024)" in text
    assert "Hạn phối hợp 13/03/2024, đã quá 1 ngày làm việc" in text
    assert "hạn của đơn vị chủ trì <b>15/03/2024</b>" in text
    assert "Chưa gửi (2 đơn vị): Phòng Nội vụ; Phòng Tư pháp." in text
    assert "liên hệ trực tiếp các đơn vị trên" in text


async def test_leaders_see_the_new_escalations_against_the_overdue_total(engine: Engine) -> None:
    _seed(engine)
    # An item late for weeks was reported to the leaders long ago: it is not in today's batch,
    # but it is still late, and /status and the digest count it.
    with Session(engine) as session:
        plan = make_plan(session, code="kh-cu")
        old_unit = make_unit(session, "Văn phòng")
        make_item(session, plan, old_unit, "9", due=date(2024, 2, 20))
        session.commit()
    clock = ManualClock(ESCALATION_MORNING)
    sender = RecordingSender()
    reminder = ReminderEngine(engine, clock, {"console": sender})
    # Yesterday's run reported the old item; today's batch holds the three items due 15/3.
    clock.set(datetime(2024, 3, 19, 8, 0, tzinfo=VIETNAM_TZ))
    await reminder.tick()
    sender.sent.clear()
    clock.set(ESCALATION_MORNING)
    await reminder.tick()
    (text,) = [message.text for chat, message in sender.sent if chat == "lanh-dao"]
    assert "Báo cáo lãnh đạo: 3 lượt việc quá hạn cần đôn đốc" in text
    assert "tổng số đang quá hạn: 4 lượt việc (/trehan)" in text
