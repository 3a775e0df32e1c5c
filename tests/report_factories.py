"""A small plan with every progress class, notes and evidence, for the leaders' files tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from factories import assign, make_occurrence, make_plan, make_task, make_unit, set_status
from sqlalchemy.engine import Engine
from sqlmodel import Session

from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.models import EvidenceFile, Occurrence, Person, Plan

TODAY = date(2024, 4, 10)
NOW = datetime(2024, 4, 10, 9, 0, tzinfo=VIETNAM_TZ)


@dataclass
class ReportApp:
    """The two things the leader-report functions need: a database and a fixed clock."""

    engine: Engine
    clock: ManualClock


def report_app(engine: Engine) -> ReportApp:
    return ReportApp(engine=engine, clock=ManualClock(NOW))


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=VIETNAM_TZ)


def update(
    session: Session,
    occurrence: Occurrence,
    *,
    status: str,
    when: datetime,
    note: str | None = None,
    percent: int | None = None,
    person: Person | None = None,
) -> None:
    """A status update from a person's chat, recorded by the function that owns the rule."""
    set_status(
        session,
        occurrence,
        status=status,
        at=when,
        percent=percent,
        note=note,
        person_id=person.id if person else None,
        channel="telegram",
    )


def evidence(session: Session, occurrence: Occurrence, name: str, content: bytes) -> str:
    assert occurrence.id is not None
    digest = hashlib.sha256(content).hexdigest()
    session.add(
        EvidenceFile(
            occurrence_id=occurrence.id,
            file_name=name,
            mime_type="application/pdf",
            size=len(content),
            sha256=digest,
            stored_path=f"{digest[:2]}/{digest}",
            channel="telegram",
            created_at=NOW,
        )
    )
    session.flush()
    return digest


@dataclass
class Seeded:
    plan: Plan
    other_plan: Plan
    hashes: dict[str, str]
    ids: dict[str, int]


def seed_quarter(session: Session) -> Seeded:
    """Nghệ An-like plan judged on 10/4/2024, with items of Q4/2023, Q1 and Q2/2024."""
    plan = make_plan(session, code="01/KH-SLĐTBXH")
    plan.title = "Kế hoạch cải cách hành chính năm 2024 của Sở Lao động - Thương binh và Xã hội"
    plan.issuer = "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An"
    other_plan = make_plan(session, code="KH-KHAC")
    van_phong = make_unit(session, "Văn phòng Sở")
    viec_lam = make_unit(session, "Phòng Lao động - Việc làm")
    chi_cuc = make_unit(session, "Chi cục Phòng, chống tệ nạn xã hội")
    gone = make_unit(session, "Phòng đã giải thể", active=False)
    person = Person(full_name="Nguyễn Thị Hằng", unit_id=van_phong.id, created_at=NOW)
    session.add(person)
    session.flush()
    the_che = "I. CẢI CÁCH THỂ CHẾ"
    tthc = "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    so_hoa = "VI. XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"
    q1 = {"period_key": "2024-Q1", "period_label": "Quý I/2024"}
    q2 = {"period_key": "2024-Q2", "period_label": "Quý II/2024"}
    hashes: dict[str, str] = {}

    kiem_tra = make_task(
        session,
        plan,
        "1",
        title="Xây dựng Kế hoạch kiểm tra, rà soát văn bản quy phạm pháp luật",
        expected_output="Kế hoạch được ban hành",
        deadline_text="Quý I/2024",
        section=the_che,
    )
    on_time = make_occurrence(
        session, assign(session, kiem_tra, van_phong), due=date(2024, 3, 15), **q1
    )
    update(
        session,
        on_time,
        status="done",
        when=at(date(2024, 3, 14)),
        note="Đã ban hành Kế hoạch số 15/KH-SLĐTBXH ngày 14/3/2024",
        person=person,
    )
    hashes["on_time"] = evidence(session, on_time, "KH-15 kiểm tra văn bản.pdf", b"%PDF-1.4 kh15")
    late_done = make_occurrence(
        session,
        assign(session, kiem_tra, viec_lam, role="coordinating"),
        due=date(2024, 3, 13),
        **q1,
    )
    update(session, late_done, status="done", when=at(date(2024, 3, 18)), note="Đã góp ý")

    thang = make_task(
        session,
        plan,
        "2",
        title="Báo cáo tình hình giải quyết thủ tục hành chính",
        deadline_text="Báo cáo theo định kỳ hàng tháng (báo cáo trước ngày 05 của tháng sau)",
        section=tthc,
    )
    monthly = make_occurrence(
        session,
        assign(session, thang, viec_lam),
        due=date(2024, 3, 4),
        period_key="2024-M02",
        period_label="Tháng 02/2024",
        kind="recurring",
    )
    update(
        session,
        monthly,
        status="in_progress",
        when=at(date(2024, 3, 1)),
        note="Đang tổng hợp số liệu từ các huyện",
        percent=60,
    )
    later_month = make_occurrence(
        session,
        assign(session, make_task(session, plan, "2b", section=tthc), viec_lam),
        due=date(2024, 5, 4),
        period_key="2024-M04",
        period_label="Tháng 04/2024",
        kind="recurring",
    )
    assert later_month.id is not None

    phan_mem = make_task(
        session,
        plan,
        "3",
        title="Nâng cấp phần mềm một cửa điện tử",
        expected_output="Phần mềm được nâng cấp",
        deadline_text="Quý I/2024",
        section=so_hoa,
    )
    blocked = make_occurrence(
        session, assign(session, phan_mem, chi_cuc), due=date(2024, 3, 20), **q1
    )
    update(session, blocked, status="in_progress", when=at(date(2024, 3, 5)), note="Đang khảo sát")
    update(
        session,
        blocked,
        status="blocked",
        when=at(date(2024, 3, 19)),
        note="Chưa được bố trí kinh phí nâng cấp phần mềm",
        percent=30,
    )
    make_occurrence(
        session,
        assign(
            session, make_task(session, plan, "4", title="Số hoá hồ sơ", section=so_hoa), chi_cuc
        ),
        due=date(2024, 3, 29),
        **q1,
    )

    thuong_xuyen = make_task(
        session,
        plan,
        "5",
        title="Rà soát, công bố thủ tục hành chính",
        deadline_text="Thường xuyên",
        section=tthc,
    )
    continuous = make_occurrence(
        session, assign(session, thuong_xuyen, van_phong), due=None, kind="continuous"
    )
    update(
        session,
        continuous,
        status="in_progress",
        when=at(date(2024, 2, 20)),
        note="Đã công bố 12 thủ tục mới",
    )
    make_occurrence(
        session,
        assign(session, make_task(session, plan, "6", section=tthc), van_phong),
        due=None,
        kind="continuous",
    )

    q2_item = make_occurrence(
        session,
        assign(
            session,
            make_task(session, plan, "7", title="Tập huấn CCHC", section=the_che),
            van_phong,
        ),
        due=date(2024, 6, 14),
        **q2,
    )
    update(
        session, q2_item, status="in_progress", when=at(date(2024, 4, 5)), note="Đã mời giảng viên"
    )

    carried = make_occurrence(
        session,
        assign(
            session,
            make_task(session, plan, "8", title="Báo cáo CCHC năm 2023", section=the_che),
            van_phong,
        ),
        due=date(2023, 12, 15),
        period_key="2023-Q4",
        period_label="Quý IV/2023",
    )
    assert carried.id is not None

    make_occurrence(
        session,
        assign(session, make_task(session, plan, "9", section=the_che), van_phong),
        due=date(2024, 3, 10),
        withdrawn=True,
        **q1,
    )
    make_occurrence(
        session,
        assign(session, make_task(session, plan, "10", section=the_che), gone),
        due=date(2024, 3, 10),
        **q1,
    )
    make_occurrence(
        session,
        assign(session, make_task(session, other_plan, "1", section=the_che), van_phong),
        due=date(2024, 3, 10),
        **q1,
    )
    session.commit()
    ids = {"on_time": on_time.id, "blocked": blocked.id, "monthly": monthly.id}
    return Seeded(
        plan=plan,
        other_plan=other_plan,
        hashes=hashes,
        ids={key: value for key, value in ids.items() if value is not None},
    )
