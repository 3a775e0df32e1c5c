"""Every leaders' output at one moment tells the same figures: the one completion rule.

One data set whose true counts are known from how it was built; at the same moment the test
asks /tinhhinh, /tinhhinh UNIT, /trehan, /tonghop, the engine's weekly digest, the chart, the
workbook and the Word draft, reads each back (text, xlsx and docx without LibreOffice) and
compares every figure with the truth and with each other.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from core_fixtures import make_app, private
from docx import Document
from factories import (
    RecordingSender,
    assign,
    link_chat,
    make_occurrence,
    make_plan,
    make_task,
    make_unit,
)
from openpyxl import load_workbook
from report_factories import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.core.conversation import Conversation
from bot.engine import ReminderEngine
from bot.leader_reports import export_workbook, report_draft
from messages.export_xlsx import HEADER_ROW
from scheduler.clock import VIETNAM_TZ, ManualClock
from scheduler.tally import ChartRow, chart_rows
from storage.items import unit_tallies
from storage.models import Occurrence, Unit

ADMIN = "900"
# A Monday at the digest hour: the weekly digest goes out at the moment /tinhhinh is asked.
MONDAY = datetime(2024, 4, 8, 8, 0, tzinfo=VIETNAM_TZ)
UNITS = ("Văn phòng Sở", "Phòng Nội vụ", "Phòng Tư pháp", "Thanh tra Sở")
SHORT = {  # what a leader types: no accents, part of the name
    "Văn phòng Sở": "van phong",
    "Phòng Nội vụ": "noi vu",
    "Phòng Tư pháp": "tu phap",
    "Thanh tra Sở": "thanh tra",
}


@dataclass
class Truth:
    """The counts each unit must show, known from how the data set was built."""

    on_time: int = 0
    late: int = 0
    in_progress: int = 0
    overdue: int = 0
    not_yet_due: int = 0
    no_deadline: int = 0
    overdue_numbers: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.on_time + self.late

    @property
    def due(self) -> int:
        return self.done + self.overdue

    @property
    def total(self) -> int:
        return self.done + self.in_progress + self.overdue + self.not_yet_due + self.no_deadline

    def percent(self) -> int | None:
        return round(self.done * 100 / self.due) if self.due else None


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=VIETNAM_TZ)


def _seed(session: Session) -> dict[str, Truth]:
    plan = make_plan(session, code="KH-CCHC-2024")
    plan.issuer = "Sở Lao động - Thương binh và Xã hội"
    truth: dict[str, Truth] = {}
    number = 0
    q1 = {"period_key": "2024-Q1", "period_label": "Quý I/2024"}
    q2 = {"period_key": "2024-Q2", "period_label": "Quý II/2024"}
    for index, name in enumerate(UNITS):
        unit = make_unit(session, name)
        counts = truth.setdefault(name, Truth())

        def item(due: date | None, unit: Unit = unit, **period: str) -> Occurrence:
            nonlocal number
            number += 1
            task = make_task(session, plan, str(number), section="I. CẢI CÁCH THỂ CHẾ")
            kind = "continuous" if due is None else "once"
            return make_occurrence(
                session, assign(session, task, unit), due=due, kind=kind, **period
            )

        for n in range(index + 1):  # done on time
            occ = item(date(2024, 3, 1 + n), **q1)
            update(session, occ, status="done", when=_at(date(2024, 2, 28)))
            counts.on_time += 1
        for n in range(index % 3):  # done late
            occ = item(date(2024, 2, 5 + n), **q1)
            update(session, occ, status="done", when=_at(date(2024, 2, 20)))
            counts.late += 1
        for n in range(3 - index):  # overdue, the first blocked with the unit's reason
            occ = item(date(2024, 3, 11 + n), **q1)
            if n == 0:
                update(
                    session,
                    occ,
                    status="blocked",
                    when=_at(date(2024, 3, 8)),
                    note=f"Chờ kinh phí của {name}",
                )
            counts.overdue += 1
            counts.overdue_numbers.append(str(number))
        occ = item(date(2024, 5, 15), **q2)  # in progress, not due
        update(session, occ, status="in_progress", when=_at(date(2024, 4, 1)), percent=40)
        counts.in_progress += 1
        for n in range(2):  # not yet due
            item(date(2024, 6, 10 + n), **q2)
            counts.not_yet_due += 1
        occ = item(None)  # a continuous duty worked on this year
        update(session, occ, status="in_progress", when=_at(date(2024, 1, 15)), note="Đang làm")
        counts.no_deadline += 1
    link_chat(session, unit=None, chat_id="lanh-dao")
    session.commit()
    return truth


TALLY = re.compile(
    r"(\d+) lượt việc đã đến hạn, hoàn thành (\d+) \((\d+)%\)(?:, trong đó trễ hạn (\d+))?"
    r" · quá hạn (\d+) · đang thực hiện (\d+) · chưa đến hạn (\d+)"
    r"(?: · thường xuyên (\d+))? · cả năm: (\d+) lượt việc"
)


def _tally(text: str) -> tuple[int, ...]:
    """(due, done, percent, done late, overdue, in progress, not yet due, undated, year)."""
    found = TALLY.search(re.sub(r"</?b>", "", text))
    assert found, text
    return tuple(int(value or 0) for value in found.groups())


def _expected_tally(truth: Truth) -> tuple[int, ...]:
    return (
        truth.due,
        truth.done,
        truth.percent() or 0,
        truth.late,
        truth.overdue,
        truth.in_progress,
        truth.not_yet_due,
        truth.no_deadline,
        truth.total,
    )


def _unit_lines(text: str) -> dict[str, tuple[int, int, int, int]]:
    """Per unit line "<b>NAME</b>: xong D/N (P%) · quá hạn O": (done, due, percent, overdue)."""
    lines = re.findall(r"<b>([^<]+)</b>: xong (\d+)/(\d+) \((\d+)%\)(?: · quá hạn (\d+))?", text)
    return {
        name: (int(done), int(due), int(pct), int(late or 0))
        for name, done, due, pct, late in lines
    }


def _sum(truth: dict[str, Truth]) -> Truth:
    total = Truth()
    for one in truth.values():
        for name in ("on_time", "late", "in_progress", "overdue", "not_yet_due", "no_deadline"):
            setattr(total, name, getattr(total, name) + getattr(one, name))
    return total


async def test_every_leaders_output_tells_the_same_figures(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as session:
        truth = _seed(session)
    everything = _sum(truth)
    clock = ManualClock(MONDAY)
    app = make_app(engine, clock, tmp_path / "files", admin_ids=ADMIN)
    conversation = Conversation(app)

    async def ask(text: str) -> tuple[str, object]:
        response = await conversation.handle(private(ADMIN, text, name="Lãnh đạo Sở"))
        assert len(response.replies) == 1 and len(response.replies[0].text) <= 2000
        return html.unescape(response.replies[0].text), response.replies[0].attachment

    # /tinhhinh: the whole picture and one line per unit, worst first.
    status, status_chart = await ask("/tinhhinh")
    assert _tally(status) == _expected_tally(everything)
    per_unit = _unit_lines(status)
    assert per_unit == {
        name: (t.done, t.due, t.percent() or 0, t.overdue) for name, t in truth.items()
    }
    ordered = sorted(UNITS, key=lambda n: (-truth[n].overdue, truth[n].done / truth[n].due))
    assert [n for n in per_unit] == ordered

    # /tinhhinh UNIT, typed as leaders type it: the same figures for that unit.
    for name, typed in SHORT.items():
        one, _ = await ask(f"/tinhhinh {typed}")
        assert f"<b>{name}</b>" in one
        assert _tally(one) == _expected_tally(truth[name])
        # A blocked item shows the unit's reason.
        assert (f"Chờ kinh phí của {name}" in one) == bool(truth[name].overdue)

    # /trehan: the same overdue counts, the unit with most late items first.
    overdue, _ = await ask("/trehan")
    late_units = [n for n in UNITS if truth[n].overdue]
    assert f"{everything.overdue} lượt việc của {len(late_units)} đơn vị" in overdue
    groups = re.findall(r"🔴 <b>([^<]+)</b> \((\d+)\)", overdue)
    assert {name: int(n) for name, n in groups} == {n: truth[n].overdue for n in late_units}
    assert groups[0][0] == max(late_units, key=lambda n: truth[n].overdue)

    # /tonghop in chat and the engine's weekly digest in the leaders' group.
    digest_chat, _ = await ask("/tonghop")
    assert _tally(digest_chat) == _expected_tally(everything)
    sender = RecordingSender()
    await ReminderEngine(
        engine, clock, {"console": sender}, charts_dir=app.files_dir / "charts"
    ).tick()
    weekly = [m for chat, m in sender.sent if chat == "lanh-dao" and m.attachment is not None]
    assert len(weekly) == 1
    weekly_text = html.unescape(weekly[0].text)
    assert len(weekly_text) <= 2000
    assert _tally(weekly_text) == _expected_tally(everything)
    assert _unit_lines(weekly_text) == per_unit

    # The chart: one picture for /tinhhinh and the digest, drawn from the same bars.
    assert status_chart is not None and weekly[0].attachment is not None
    assert weekly[0].attachment.path == status_chart.path  # type: ignore[attr-defined]
    with Session(engine) as session:
        bars = chart_rows(unit_tallies(session, today=clock.today(), tz=clock.tz), limit=50)
    assert bars == [
        ChartRow(n, truth[n].on_time, truth[n].late, truth[n].in_progress, truth[n].overdue)
        for n in ordered
    ]

    # The workbook: the same counts per unit and in the totals row.
    with Session(engine) as session:
        exported = export_workbook(session, clock=clock, out_path=tmp_path / "all.xlsx")
    summary = load_workbook(exported.path)["Tổng hợp"]
    rows = {
        str(r[1]): r for r in summary.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[1]
    }

    def workbook_figures(t: Truth) -> tuple[object, ...]:
        return (t.total, t.due, t.on_time, t.late, t.overdue, t.in_progress, t.not_yet_due)

    for name, t in truth.items():
        assert rows[name][2:9] == workbook_figures(t)
        assert rows[name][10] == pytest.approx(t.done / t.due)
    assert rows["Tổng cộng"][2:9] == workbook_figures(everything)

    # The Word draft of the year: the same counts in its overview table.
    with Session(engine) as session:
        drafted = report_draft(
            session, clock=clock, out_path=tmp_path / "nam.docx", period_text="Năm 2024"
        )
    tables = [
        [[c.text for c in row.cells] for row in t.rows] for t in Document(str(drafted.path)).tables
    ]
    overview = next(t for t in tables if t[0][2:3] == ["Đã đến hạn"])
    by_name = {row[1]: row[2:] for row in overview[1:]}

    def draft_figures(t: Truth) -> list[str]:
        rate = f"{t.done * 100 / t.due:.1f}%".replace(".", ",")
        return [str(n) for n in (t.due, t.on_time, t.late, t.overdue, t.in_progress)] + [
            str(t.not_yet_due),
            rate,
        ]

    for name, t in truth.items():
        assert by_name[name] == draft_figures(t)
    assert by_name["Tổng cộng"] == draft_figures(everything)
    assert [row[1] for row in overview[1:-1]] == ordered
    assert drafted.late_count == everything.overdue
    paragraphs = [p.text for p in Document(str(drafted.path)).paragraphs]
    assert any(f"(cả năm: {everything.total} lượt việc)" in p for p in paragraphs)
    assert clock.now() - MONDAY < timedelta(seconds=1)  # one moment for every output
