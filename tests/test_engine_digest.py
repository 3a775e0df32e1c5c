"""Weekly digests: the leaders' overview and each unit's short list, Monday morning."""

from __future__ import annotations

from datetime import date, datetime

from apscheduler.triggers.interval import IntervalTrigger
from factories import RecordingSender, link_chat, make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session

from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.engine import ReminderEngine
from scheduler.jobs import build_scheduler

MONDAY = datetime(2024, 3, 18, 8, 0, tzinfo=VIETNAM_TZ)


def _seed(engine: Engine) -> None:
    with Session(engine) as session:
        plan = make_plan(session)
        noi_vu = make_unit(session, "Phòng Nội vụ")
        tu_phap = make_unit(session, "Phòng Tư pháp")
        idle = make_unit(session, "Phòng Văn hóa")
        make_item(session, plan, noi_vu, "1", due=date(2024, 3, 8))  # overdue
        make_item(
            session,
            plan,
            noi_vu,
            "2",
            due=date(2024, 3, 1),
            status="done",
            completed_at=datetime(2024, 2, 29, 10, 0, tzinfo=VIETNAM_TZ),
        )
        make_item(session, plan, tu_phap, "3", due=date(2024, 3, 21))  # due this week
        make_item(session, plan, tu_phap, "4", due=None, kind="continuous")
        make_item(
            session,
            plan,
            idle,
            "5",
            due=date(2024, 3, 1),
            status="done",
            completed_at=datetime(2024, 3, 1, 9, 0, tzinfo=VIETNAM_TZ),
        )
        for unit, chat in ((noi_vu, "noi-vu"), (tu_phap, "tu-phap"), (idle, "van-hoa")):
            link_chat(session, unit=unit, chat_id=chat)
        link_chat(session, unit=None, chat_id="lanh-dao")
        session.commit()


async def test_monday_digests(engine: Engine) -> None:
    _seed(engine)
    sender = RecordingSender()
    report = await ReminderEngine(engine, ManualClock(MONDAY), {"console": sender}).tick()
    digests = {chat: m.text for chat, m in sender.sent if m.occurrence_id is None}
    assert set(digests) == {"lanh-dao", "noi-vu", "tu-phap"}
    # A unit with nothing open gets no list.
    assert [reason for _, reason in report.superseded] == ["Đơn vị không có việc nào đang mở"]

    leaders = digests["lanh-dao"]
    assert "Tổng hợp tiến độ CCHC — Tuần 18/03–24/03/2024" in leaders
    assert (
        "Tính đến 18/03/2024: 3 lượt việc đã đến hạn, hoàn thành 2 (67%) · quá hạn <b>1</b>"
        in leaders
    )
    assert "· chưa đến hạn 1 · thường xuyên 1 · cả năm: 5 lượt việc" in leaders
    assert "🔴 <b>Phòng Nội vụ</b>: xong 1/2 (50%) · quá hạn 1" in leaders
    assert "🟢 <b>Phòng Văn hóa</b>: xong 1/1 (100%)" in leaders
    # Due Friday 8/3: Mon 11 … Fri 15 and Mon 18 are six working days.
    assert (
        "Phòng Nội vụ — #1 · TT 1 · Nhiệm vụ số 1 (Hạn 08/03/2024): quá 6 ngày làm việc" in leaders
    )
    assert "21/03/2024 — Phòng Tư pháp: #3 · TT 3" in leaders
    # Phòng Tư pháp has nothing due yet (its item falls due on Thursday): no "0/0" line.
    assert "Phòng Tư pháp</b>: xong 0/0" not in leaders
    assert leaders.index("<b>Phòng Nội vụ</b>: xong 1/2") < leaders.index("Phòng Văn hóa</b>")

    tu_phap = digests["tu-phap"]
    assert "Việc của Phòng Tư pháp" in tu_phap
    assert "Đến hạn trong tuần" in tu_phap and "#3 · TT 3 · Nhiệm vụ số 3" in tu_phap
    assert "ví dụ: xong 3 · tiendo 3 80 · vuongmac 3 lý do" in tu_phap
    assert "Việc thường xuyên, theo yêu cầu: 1." in tu_phap
    noi_vu = digests["noi-vu"]
    assert "Quá hạn" in noi_vu and "quá 6 ngày làm việc" in noi_vu
    assert "TT 2" not in noi_vu  # done


async def test_scheduler_runs_two_periodic_jobs_only(engine: Engine) -> None:
    reminder = ReminderEngine(engine, ManualClock(MONDAY), {})
    scheduler = build_scheduler(reminder, reminder.clock)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"reminder-tick", "weekly-digest"}
    trigger = jobs["reminder-tick"].trigger
    assert isinstance(trigger, IntervalTrigger) and trigger.interval.total_seconds() == 60
    assert jobs["reminder-tick"].max_instances == 1
    scheduler.start(paused=True)
    scheduler.shutdown(wait=False)
