"""A whole plan year, day by day, with exact counts against an independent oracle."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from factories import (
    RecordingSender,
    assign,
    link_chat,
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
from scheduler.workdays import WorkCalendar
from storage.models import Notification

YEAR_START = date(2024, 1, 1)
YEAR_END = date(2024, 12, 31)
DONE_ON = date(2024, 5, 15)
CALENDAR = WorkCalendar()


class Oracle:
    """Working-day arithmetic by list index: a second, independent way to count days."""

    def __init__(self) -> None:
        day = date(2023, 11, 1)
        self.days: list[date] = []
        while day <= date(2025, 3, 31):
            if CALENDAR.is_working_day(day):
                self.days.append(day)
            day += timedelta(days=1)
        self.index = {day: i for i, day in enumerate(self.days)}

    def shift(self, day: date, count: int) -> date:
        return self.days[self.index[day] + count]

    def effective(self, day: date) -> date:
        while day not in self.index:
            day += timedelta(days=1)
        return day

    def notices(
        self, occurrence_id: int, nominal: date, *, coordinating: bool
    ) -> list[tuple[date, str, int, str, int]]:
        own = self.effective(nominal)
        # A last day off is reminded on the working day before it; late after the legal end.
        early = own if nominal in self.index else self.days[self.index[own] - 1]
        if coordinating:
            own = self.shift(own, -2)
            early = self.shift(early, -2)
        found = [(self.shift(early, -n), "reminder", occurrence_id, "unit", -n) for n in (7, 3, 1)]
        found.append((early, "reminder", occurrence_id, "unit", 0))
        found += [(self.shift(own, n), "overdue", occurrence_id, "unit", n) for n in (1, 3)]
        if coordinating:
            found.append((self.shift(own, 1), "escalation", occurrence_id, "lead", 1))
        found.append((self.shift(own, 3), "escalation", occurrence_id, "leaders", 3))
        return found

    def digest_days(self) -> list[date]:
        days = []
        monday = YEAR_START - timedelta(days=YEAR_START.weekday())
        while monday <= YEAR_END:
            for offset in range(7):
                day = monday + timedelta(days=offset)
                if day in self.index:
                    if YEAR_START <= day <= YEAR_END:
                        days.append(day)
                    break
            monday += timedelta(days=7)
        return days


def _seed(engine: Engine) -> dict[str, object]:
    with Session(engine) as session:
        plan = make_plan(session)
        lead = make_unit(session, "Phòng Nội vụ")
        helper = make_unit(session, "Văn phòng UBND")
        occurrences: list[tuple[int, date, bool]] = []

        monthly = assign(
            session, make_task(session, plan, "1", deadline_text="ngày 05 hàng tháng"), lead
        )
        for month in range(1, 13):
            due = date(2024 + month // 12, month % 12 + 1, 5)
            occ = make_occurrence(
                session, monthly, due=due, period_key=f"2024-M{month:02d}", kind="recurring"
            )
            occurrences.append((occ.id or 0, due, False))

        quarterly = make_task(session, plan, "2", deadline_text="15/3, 15/6, 15/9, 15/12")
        lead_part = assign(session, quarterly, lead)
        helper_part = assign(session, quarterly, helper, role="coordinating")
        for quarter, due in enumerate(
            [date(2024, 3, 15), date(2024, 6, 15), date(2024, 9, 15), date(2024, 12, 15)], 1
        ):
            for part, coordinating in ((lead_part, False), (helper_part, True)):
                occ = make_occurrence(
                    session, part, due=due, period_key=f"2024-Q{quarter}", kind="recurring"
                )
                occurrences.append((occ.id or 0, due, coordinating))

        # Due on the Saturday of Tết 2024: the limit runs to the first working day after it.
        tet = make_occurrence(
            session,
            assign(session, make_task(session, plan, "3"), lead),
            due=date(2024, 2, 10),
        )
        occurrences.append((tet.id or 0, date(2024, 2, 10), False))
        finished = make_occurrence(
            session, assign(session, make_task(session, plan, "4"), lead), due=date(2024, 5, 20)
        )
        make_occurrence(
            session,
            assign(session, make_task(session, plan, "5"), lead),
            due=None,
            kind="continuous",
        )
        links = {
            "lead": link_chat(session, unit=lead, chat_id="noi-vu").id,
            "helper": link_chat(session, unit=helper, chat_id="van-phong").id,
            "leaders": link_chat(session, unit=None, chat_id="lanh-dao").id,
        }
        session.commit()
        return {
            "occurrences": occurrences,
            "tet": tet.id,
            "finished": finished.id,
            "links": links,
        }


def _parse(key: str) -> tuple[str, int | None, str, int, int]:
    kind, occurrence, audience, _period, offset, _due = key.split(":")
    recipient, link = audience.split("/")
    return kind, None if occurrence == "-" else int(occurrence), recipient, int(link), int(offset)


async def test_plan_year_day_by_day(engine: Engine) -> None:
    seeded = _seed(engine)
    clock = ManualClock(datetime.combine(YEAR_START, time(8), tzinfo=VIETNAM_TZ))
    sender = RecordingSender()
    reminder = ReminderEngine(engine, clock, {"console": sender}, calendar=CALENDAR)
    sent: list[tuple[date, str]] = []
    sent_records = []
    day = YEAR_START
    while day <= YEAR_END:
        # Morning, afternoon and night: only the morning may send, the rest must add nothing.
        for hour in (8, 15, 22):
            clock.set(datetime.combine(day, time(hour, 0), tzinfo=VIETNAM_TZ))
            report = await reminder.tick()
            assert not report.retried and not report.parked
            sent.extend((day, record.key) for record in report.sent)
            sent_records.extend(report.sent)
            if hour != 8:
                assert report.sent == []
        if day == DONE_ON:
            clock.set(datetime.combine(day, time(9, 30), tzinfo=VIETNAM_TZ))
            with Session(engine) as session:
                from storage.models import Occurrence

                occurrence = session.get(Occurrence, seeded["finished"])
                assert occurrence is not None
                set_status(session, occurrence, status="done", at=clock.now())
                session.commit()
        day += timedelta(days=1)

    keys = [key for _, key in sent]
    assert len(keys) == len(set(keys)), "a notification went out twice"
    assert len(sender.sent) == len(sent)
    assert all(CALENDAR.is_working_day(day) for day, _ in sent), "message on a day off"

    oracle = Oracle()
    links: dict[str, int] = seeded["links"]  # type: ignore[assignment]
    link_of = {"unit": None, "lead": links["lead"], "leaders": links["leaders"]}
    expected: Counter[tuple[date, str, int | None, str, int]] = Counter()
    for occurrence_id, nominal, coordinating in seeded["occurrences"]:  # type: ignore[attr-defined]
        for notice in oracle.notices(occurrence_id, nominal, coordinating=coordinating):
            if YEAR_START <= notice[0] <= YEAR_END:
                expected[notice] += 1
    finished = seeded["finished"]
    assert isinstance(finished, int)
    for notice in oracle.notices(finished, date(2024, 5, 20), coordinating=False):
        if notice[0] <= DONE_ON:
            expected[notice] += 1
    for digest_day in oracle.digest_days():
        expected[(digest_day, "digest", None, "leaders", 0)] += 1

    # Escalations go out as one message per chat and day; the items it covers are in its
    # payload, and the text names each of them.
    with Session(engine) as session:
        batches = {
            row.key: row
            for row in session.exec(
                select(Notification).where(col(Notification.key).startswith("escalation-batch:"))
            )
        }
        checkins = {
            row.key: row
            for row in session.exec(
                select(Notification).where(col(Notification.key).startswith("checkin:"))
            )
        }
    texts = {record.key: record.text for record in sent_records}
    actual: Counter[tuple[date, str, int | None, str, int]] = Counter()
    batch_days: Counter[tuple[int, date]] = Counter()
    checkin_days: Counter[tuple[int, date]] = Counter()
    for day, key in sent:
        if key.startswith("checkin:"):
            # One morning message per unit chat: its items travel in the payload.
            _, link_text, day_text, _moment = key.split(":")
            assert date.fromisoformat(day_text) == day
            checkin_days[(int(link_text), day)] += 1
            for entry in checkins[key].payload["items"]:
                shown = f"<b>#{entry['occurrence_id']}</b>" in texts[key]
                assert shown or "việc khác (/tasks)" in texts[key]
                actual[(day, entry["kind"], entry["occurrence_id"], "unit", entry["offset"])] += 1
            continue
        if key.startswith("escalation-batch:"):
            _, link_text, day_text, _moment = key.split(":")
            assert date.fromisoformat(day_text) == day
            batch_days[(int(link_text), day)] += 1
            row = batches[key]
            recipient = row.payload["recipient"]
            assert int(link_text) == link_of[recipient]
            for entry in row.payload["items"]:
                if recipient == "leaders":
                    assert f"#{entry['occurrence_id']} · " in texts[key]
                else:  # the lead unit hears which coordinating unit it waits for
                    assert "Chưa gửi (1 đơn vị): Văn phòng UBND." in texts[key]
                actual[(day, "escalation", entry["occurrence_id"], recipient, entry["offset"])] += 1
            continue
        kind, occurrence_id, recipient, link, offset = _parse(key)
        if link_of.get(recipient) is not None:
            assert link == link_of[recipient]
        actual[(day, kind, occurrence_id, recipient, offset)] += 1
    assert actual == expected
    assert set(batch_days.values()) == {1}
    assert set(checkin_days.values()) == {1}
    # Every Monday (the digest day) both unit chats were planned the week's list.
    week_rows = Counter(
        date.fromisoformat(row.payload["day"])
        for row in checkins.values()
        if row.payload.get("week")
    )
    assert set(week_rows) == set(oracle.digest_days())
    assert set(week_rows.values()) == {2}
    expected_batches = {
        (link_of[recipient], day)
        for (day, kind, _, recipient, _), _n in expected.items()
        if kind == "escalation"
    }
    assert set(batch_days) == expected_batches

    # Spot checks a person can verify with a calendar.
    by_kind = Counter(kind for _, _, kind in ((d, k, k.split(":")[0]) for d, k in sent))
    assert by_kind["digest"] == len(oracle.digest_days())
    q1_lead = next(o for o, due, c in seeded["occurrences"] if due == date(2024, 3, 15) and not c)  # type: ignore[attr-defined]
    escalations = [
        d
        for d, k in sent
        if k.startswith("escalation-batch:")
        and any(e["occurrence_id"] == q1_lead for e in batches[k].payload["items"])
        and batches[k].payload["recipient"] == "leaders"
    ]
    assert escalations == [date(2024, 3, 20)]  # due Fri 15/3, three working days late: Wed 20/3
    singles = [
        (d, entry["occurrence_id"])
        for d, k in sent
        if k.startswith("checkin:")
        for entry in checkins[k].payload["items"]
    ]
    tet_days = sorted(d for d, o in singles if o == seeded["tet"])
    # Tết 2024 ran 8–14/2; the limit of Saturday 10/2 ends on Thursday 15/2, but the unit is
    # reminded up to Wednesday 7/2, before Tết, and is late from Friday 16/2.
    assert tet_days[:5] == [
        date(2024, 1, 29),
        date(2024, 2, 2),
        date(2024, 2, 6),
        date(2024, 2, 7),
        date(2024, 2, 16),
    ]
    assert not any(date(2024, 2, 8) <= d <= date(2024, 2, 14) for d, _ in sent)
    finished_days = [d for d, o in singles if o == finished]
    assert finished_days == [date(2024, 5, 9), date(2024, 5, 15)]
