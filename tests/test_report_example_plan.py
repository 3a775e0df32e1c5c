"""The Nghệ An 2024 example plan, imported as a user would, gives its Q1 report and workbook."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import nhacviec
from docx import Document
from openpyxl import load_workbook
from sqlmodel import Session, col, select

from messages.export_xlsx import HEADER_ROW
from scheduler.clock import VIETNAM_TZ
from scheduler.tally import combine
from storage.database import make_engine
from storage.items import unit_tallies as unit_summaries
from storage.models import Assignment, Occurrence, Plan, Task, Unit
from storage.tracking import apply_status, store_evidence

pytestmark = pytest.mark.e2e

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "nghe-an-2024"
NOW = "2024-04-10 09:00"
TODAY = date(2024, 4, 10)


def _run(tmp_path: Path, url: str, *args: str) -> str:
    done = nhacviec(*args, env={**os.environ, "NHACVIEC_DATABASE_URL": url}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _q1_items(session: Session) -> list[tuple[int, str, str]]:
    """(occurrence id, task title, unit name) of lead items due in Q1, in plan order."""
    rows = session.exec(
        select(Occurrence.id, Task.title, Unit.name)
        .join(Assignment, col(Assignment.id) == col(Occurrence.assignment_id))
        .join(Task, col(Task.id) == col(Assignment.task_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(
            col(Occurrence.period_key) == "2024-Q1",
            col(Occurrence.effective_due) <= date(2024, 3, 31),
            col(Assignment.role) == "lead",
        )
        .order_by(col(Task.position), col(Occurrence.id))
    ).all()
    return [(int(i), str(title), str(unit)) for i, title, unit in rows if i is not None]


def test_example_plan_quarter_report_and_workbook(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/example.db"
    _run(tmp_path, url, "units", "load", str(EXAMPLE / "units.yaml"))
    _run(tmp_path, url, "import", str(EXAMPLE / "plan.yaml"))

    engine = make_engine(url)
    at = datetime(2024, 3, 11, 9, 0, tzinfo=VIETNAM_TZ)
    with Session(engine) as session:
        plan = session.exec(select(Plan)).one()
        items = _q1_items(session)
        assert len(items) >= 3
        (done_id, done_title, done_unit), (late_id, late_title, _), *_ = items
        apply_status(
            session,
            occurrence_id=done_id,
            status="done",
            note="Đã ban hành Kế hoạch số 25/KH-SLĐTBXH",
            person_id=None,
            channel="telegram",
            actor="test",
            now=at,
        )
        proof = tmp_path / "kh25.pdf"
        proof.write_bytes(b"%PDF-1.4 ke hoach 25")
        store_evidence(
            session,
            occurrence_id=done_id,
            source=proof,
            file_name="KH 25 kiểm tra.pdf",
            mime_type="application/pdf",
            files_dir=tmp_path / "files",
            person_id=None,
            channel="telegram",
            actor="test",
            now=at,
        )
        apply_status(
            session,
            occurrence_id=late_id,
            status="blocked",
            note="Chờ hướng dẫn của Bộ Lao động - Thương binh và Xã hội",
            person_id=None,
            channel="zalo",
            actor="test",
            now=at,
        )
        session.commit()
        assert plan.id is not None
        expected = combine(unit_summaries(session, today=TODAY, plan_id=plan.id))
    engine.dispose()

    said = _run(
        tmp_path, url, "report", "--plan", plan.code, "--period", "quy 1/2024",
        "--out", "q1.docx", "--now", NOW,
    )  # fmt: skip
    assert said.startswith("Đã ghi dự thảo báo cáo Quý I/2024 vào q1.docx")
    document = Document(str(tmp_path / "q1.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert tables[0][0] == [
        "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI TỈNH NGHỆ AN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]
    assert "Kết quả thực hiện công tác cải cách hành chính Quý I/2024" in paragraphs
    assert any(plan.title in p for p in paragraphs)
    assert "1. Cải cách thể chế" in paragraphs
    results = [row for t in tables if t and t[0][-1] == "Minh chứng" for row in t[1:]]
    done_row = next(r for r in results if "Đã ban hành Kế hoạch số 25/KH-SLĐTBXH" in r[2])
    assert done_row[1].startswith(" ".join(done_title.split())[:40])
    assert done_unit in done_row[2].split(":")[0]
    assert done_row[4] == "1"
    # One row per task, never one per unit and period.
    assert len(results) == len({(r[0], r[1]) for r in results})
    assert "“Chờ hướng dẫn của Bộ Lao động - Thương binh và Xã hội”" in paragraphs
    assert any(late_title.split()[0] in p for p in paragraphs if p.startswith("TT "))

    # A draft an office can send upward: about 6,000 words and 150 table rows at most.
    words, rows = _size(document)
    assert words <= 6_000, words
    assert rows <= 150, rows
    assert not any(p == "Đơn vị chưa giải trình." for p in paragraphs)

    # The draft's totals are the workbook's for the same period, and the chat's rule.
    draft_total = next(t for t in tables if t[0][2:3] == ["Đã đến hạn"])[-1]
    _run(
        tmp_path, url, "export", "--plan", plan.code, "--period", "quy 1/2024",
        "--out", "q1.xlsx", "--now", NOW,
    )  # fmt: skip
    summary = load_workbook(tmp_path / "q1.xlsx")["Tổng hợp"]
    rows_xlsx = [r for r in summary.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[1]]
    total = rows_xlsx[-1]
    assert total[1] == "Tổng cộng"
    # Workbook: due so far, on time, late, overdue, in progress, not yet due (columns D–I).
    assert [str(n) for n in total[3:9]] == draft_total[2:8]
    assert total[4] == 1

    _run(tmp_path, url, "export", "--plan", plan.code, "--out", "all.xlsx", "--now", NOW)
    summary = load_workbook(tmp_path / "all.xlsx")["Tổng hợp"]
    rows_xlsx = [r for r in summary.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[1]]
    assert rows_xlsx[-1][2:10] == (
        expected.total,
        expected.due_so_far,
        expected.done_on_time,
        expected.done_late,
        expected.overdue,
        expected.in_progress,
        expected.not_yet_due,
        expected.no_deadline,
    )


def _size(document: Any) -> tuple[int, int]:
    """Words of the whole draft (paragraphs and every table cell once) and table rows."""
    words = sum(len(p.text.split()) for p in document.paragraphs)
    rows = 0
    for table in document.tables:
        for row in table.rows:
            rows += 1
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    words += len(cell.text.split())
    return words, rows
