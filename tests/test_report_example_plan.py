"""The Nghệ An 2024 example plan, imported as a user would, gives its Q1 report and workbook."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from cli_helpers import nhacviec
from docx import Document
from openpyxl import load_workbook
from sqlmodel import Session, col, select

from messages.export_xlsx import HEADER_ROW
from scheduler.clock import VIETNAM_TZ
from storage.database import make_engine
from storage.models import Assignment, Occurrence, Plan, Task, Unit
from storage.progress import combine, unit_summaries
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
    sections = [p for p in paragraphs if p.split(".")[0] in ("I", "II", "III", "IV", "VI", "VII")]
    assert sections and sections[0] == "I. CẢI CÁCH THỂ CHẾ"
    results = [row for t in tables if t and t[0][-1] == "Minh chứng" for row in t[1:]]
    done_row = next(r for r in results if "Đã ban hành Kế hoạch số 25/KH-SLĐTBXH" in r[3])
    assert done_row[1].startswith(done_title.split("\n")[0][:40])
    assert done_row[2].startswith(done_unit)
    assert done_row[4] == "KH 25 kiểm tra.pdf"
    late_rows = [row for t in tables if t and t[0][-1].startswith("Nguyên nhân") for row in t[1:]]
    reasons = {row[5] for row in late_rows}
    assert "Chờ hướng dẫn của Bộ Lao động - Thương binh và Xã hội" in reasons
    assert any(r[1] == late_title for r in late_rows)

    _run(tmp_path, url, "export", "--plan", plan.code, "--out", "all.xlsx", "--now", NOW)
    summary = load_workbook(tmp_path / "all.xlsx")["Tổng hợp"]
    rows = [r for r in summary.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[1]]
    total = rows[-1]
    assert total[1] == "Tổng cộng"
    assert total[2:6] == (
        expected.total,
        expected.done_on_time,
        expected.done_late,
        expected.in_progress_on_time,
    )
    assert total[6] + total[7] == expected.overdue  # type: ignore[operator]
    assert total[3] == 1
