"""Leaders' views count every live item once, with the one classification rule."""

from __future__ import annotations

from datetime import date, datetime

from factories import make_item, make_plan, make_unit
from sqlalchemy.engine import Engine
from sqlmodel import Session

from scheduler.clock import VIETNAM_TZ
from scheduler.progress import Progress, classify
from scheduler.tally import combine
from storage.items import due_between, overdue_items, unit_items
from storage.items import unit_tallies as unit_summaries

TODAY = date(2024, 3, 20)  # a Wednesday


def _seed(session: Session) -> dict[str, int]:
    plan = make_plan(session)
    noi_vu = make_unit(session, "Phòng Nội vụ")
    van_phong = make_unit(session, "Văn phòng HĐND và UBND")
    gone = make_unit(session, "Phòng đã giải thể", active=False)
    ids: dict[str, int] = {}

    def item(key: str, unit: object, number: str, **kwargs: object) -> None:
        occ = make_item(session, plan, unit, number, **kwargs)  # type: ignore[arg-type]
        assert occ.id is not None
        ids[key] = occ.id

    item("late", noi_vu, "1", due=date(2024, 3, 15))
    item("week", noi_vu, "2", due=date(2024, 3, 22), status="in_progress", percent=40)
    # Due on a Sunday, so the limit runs to Monday 11/3; finished late that Monday evening
    # (16:30 UTC is 23:30 in Vietnam): still on time in local terms.
    item(
        "sunday",
        noi_vu,
        "3",
        due=date(2024, 3, 10),
        status="done",
        completed_at=datetime(2024, 3, 11, 23, 30, tzinfo=VIETNAM_TZ),
    )
    item(
        "done_late",
        noi_vu,
        "4",
        due=date(2024, 3, 1),
        status="done",
        completed_at=datetime(2024, 3, 5, 9, 0, tzinfo=VIETNAM_TZ),
    )
    item("continuous", noi_vu, "5", due=None, kind="continuous")
    item("later", noi_vu, "10", due=date(2024, 6, 14))
    item("withdrawn", noi_vu, "6", due=date(2024, 3, 1), withdrawn=True)
    item("vp_late", van_phong, "7", due=date(2024, 3, 19), status="blocked")
    item("vp_week", van_phong, "8", due=date(2024, 3, 21), role="coordinating")
    item("gone", gone, "9", due=date(2024, 3, 1))
    session.commit()
    return ids


def test_unit_summaries_count_with_classify(engine: Engine) -> None:
    with Session(engine) as session:
        _seed(session)
        summaries = unit_summaries(session, today=TODAY)
    names = [summary.unit_name for summary in summaries]
    assert names == ["Phòng Nội vụ", "Văn phòng HĐND và UBND"]
    noi_vu, van_phong = summaries
    assert noi_vu.counts == {
        Progress.OVERDUE: 1,
        Progress.IN_PROGRESS_ON_TIME: 1,
        Progress.DONE_ON_TIME: 1,
        Progress.DONE_LATE: 1,
        Progress.NO_DEADLINE: 1,
        Progress.NOT_STARTED: 1,
    }
    assert noi_vu.total == 6
    assert noi_vu.done == 2
    # Done over due so far (2 done + 1 overdue); the year's six items are shown apart.
    assert noi_vu.due_so_far == 3
    assert noi_vu.completion_rate == 2 / 3
    assert van_phong.counts == {Progress.OVERDUE: 1, Progress.NOT_STARTED: 1}
    assert van_phong.completion_rate == 0.0
    total = combine(summaries)
    assert total.total == 8
    assert total.overdue == 2


def test_the_rate_does_not_move_with_items_not_yet_due(engine: Engine) -> None:
    with Session(engine) as session:
        _seed(session)
        (noi_vu, _) = unit_summaries(session, today=TODAY)
        (later, _) = unit_summaries(session, today=date(2024, 3, 21))
    # The 22/3 and 14/6 items are not due on either day: same rate, same year total.
    assert (noi_vu.completion_rate, noi_vu.total) == (later.completion_rate, later.total)
    assert noi_vu.not_yet_due == 1 and noi_vu.in_progress == 1


def test_overdue_items_longest_first_with_working_days(engine: Engine) -> None:
    with Session(engine) as session:
        ids = _seed(session)
        items = overdue_items(session, today=TODAY)
        only_vp = overdue_items(session, today=TODAY, unit_id=items[1].unit_id)
    assert [item.occurrence_id for item in items] == [ids["late"], ids["vp_late"]]
    late, vp_late = items
    # 15/3 was a Friday: Mon 18, Tue 19, Wed 20 are the working days past it.
    assert late.days_overdue == 3
    assert vp_late.days_overdue == 1
    assert late.task_number == "1" and late.unit_name == "Phòng Nội vụ"
    assert late.expected_output == "Báo cáo kết quả"
    assert [item.occurrence_id for item in only_vp] == [ids["vp_late"]]


def test_due_between_and_open_only(engine: Engine) -> None:
    with Session(engine) as session:
        ids = _seed(session)
        week = due_between(session, start=date(2024, 3, 18), end=date(2024, 3, 24), today=TODAY)
        march = due_between(
            session, start=date(2024, 3, 1), end=date(2024, 3, 31), today=TODAY, open_only=True
        )
    assert [item.occurrence_id for item in week] == [ids["vp_late"], ids["vp_week"], ids["week"]]
    assert week[1].role == "coordinating"
    assert {item.occurrence_id for item in march} == {
        ids["late"],
        ids["vp_late"],
        ids["vp_week"],
        ids["week"],
    }


def test_unit_items_order(engine: Engine) -> None:
    with Session(engine) as session:
        ids = _seed(session)
        unit_id = overdue_items(session, today=TODAY)[0].unit_id
        items = unit_items(session, unit_id=unit_id, today=TODAY)
    assert [item.occurrence_id for item in items] == [
        ids["late"],
        ids["week"],
        ids["later"],
        ids["continuous"],
    ]
    assert items[-1].progress is Progress.NO_DEADLINE
    assert items[1].percent == 40


def test_views_agree_with_classify_item_by_item(engine: Engine) -> None:
    with Session(engine) as session:
        _seed(session)
        items = due_between(session, start=date(2024, 1, 1), end=date(2024, 12, 31), today=TODAY)
        summaries = unit_summaries(session, today=TODAY)
    for item in items:
        assert item.progress is classify(
            status=item.status,
            effective_due=item.effective_due,
            completed_at=item.completed_at,
            today=TODAY,
        )
    dated = sum(summary.total - summary.no_deadline for summary in summaries)
    assert dated == len(items)
