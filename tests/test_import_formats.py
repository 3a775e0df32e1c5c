"""Every example plan imports cleanly from every format, with the same tasks each time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from bot.cli import build_cli
from scheduler.clock import ManualClock
from storage.importing import ImportOptions, ImportReview, import_file
from storage.models import Assignment, AuditEntry, Occurrence, Plan, Task
from storage.units import load_units, read_units_file

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLANS = {
    "nghe-an-2024": ("nghe-an-cchc-2024", 2024, 41),
    "lap-vo-2024": ("lap-vo-cchc-2024", 2024, 11),
    "dong-thap-2022": ("dong-thap-so-hoa-2022", 2022, 10),
}
FORMATS = ("xlsx", "docx", "csv", "yaml")


def load_example_units(engine: Engine, example: str, clock: ManualClock) -> None:
    with Session(engine) as session:
        data = read_units_file(EXAMPLES / example / "units.yaml")
        load_units(session, data=data, at=clock.now(), actor="test")
        session.commit()


def _understood(task: dict[str, object]) -> dict[str, object]:
    """What was read, without where it stood in the file or whether it changed."""
    return {key: value for key, value in task.items() if key not in ("row", "status")}


def example_file(example: str, fmt: str) -> Path:
    code = PLANS[example][0]
    return EXAMPLES / example / ("plan.yaml" if fmt == "yaml" else f"{code}.{fmt}")


def run_import(engine: Engine, path: Path, clock: ManualClock, **options: object) -> ImportReview:
    return import_file(
        engine,
        path=path,
        options=ImportOptions(**options),
        at=clock.now(),
        actor="test",  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("example", sorted(PLANS))
def test_example_imports_the_same_in_every_format(
    engine: Engine, clock: ManualClock, example: str
) -> None:
    code, year, count = PLANS[example]
    load_example_units(engine, example, clock)
    reviews = [run_import(engine, example_file(example, fmt), clock) for fmt in FORMATS]
    first = reviews[0]
    assert (first.plan_code, first.year, len(first.tasks)) == (code, year, count)
    assert first.plan_created and not any(review.plan_created for review in reviews[1:])
    for review in reviews:
        kinds = {problem.kind for problem in review.problems}
        # Only names that point at nobody in particular are left for a person to look at.
        # "Tháng, quý, 6 tháng, năm" without a day: the monthly day is said to be assumed.
        assert kinds <= {"vague_unit", "deadline_default_day"}, review.problems
        assert [_understood(t.to_json()) for t in review.tasks] == [
            _understood(t.to_json()) for t in first.tasks
        ]
    # The same plan read from another format changes nothing.
    assert all(task.status == "unchanged" for review in reviews[1:] for task in review.tasks)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Plan)).one() == 1
        tasks = session.exec(select(Task)).all()
        assert len(tasks) == count and not any(task.withdrawn for task in tasks)
        # Every assignment has its occurrences ready for the reminder engine.
        for assignment in session.exec(select(Assignment)).all():
            occurrences = session.exec(
                select(Occurrence).where(Occurrence.assignment_id == assignment.id)
            ).all()
            assert occurrences and not any(o.withdrawn for o in occurrences)
        imports = session.exec(select(AuditEntry).where(AuditEntry.action == "plan.import")).all()
        assert len(imports) == len(FORMATS)


def test_nghe_an_units_and_deadlines_as_understood(engine: Engine, clock: ManualClock) -> None:
    load_example_units(engine, "nghe-an-2024", clock)
    review = run_import(engine, example_file("nghe-an-2024", "docx"), clock)
    tasks = {task.number: task for task in review.tasks}
    # "- Các phòng CM Sở; - Chi cục PC TNXH;" expands the group and finds the alias.
    assert sorted(tasks["6"].lead) == sorted(
        [
            "Phòng Kế hoạch – Tài chính",
            "Phòng Lao động – Việc làm – Giáo dục nghề nghiệp",
            "Phòng Người có công",
            "Phòng Bảo trợ xã hội",
            "Phòng Trẻ em – Bình đẳng giới",
            "Chi cục Phòng, chống tệ nạn xã hội",
        ]
    )
    assert len([n for n in tasks["9"].coordinating if n.startswith("Phòng LĐTBXH")]) == 21
    # "Văn phòng Sở tổng hợp, báo cáo chung theo yêu cầu" is Văn phòng Sở.
    assert tasks["22"].coordinating == ["Văn phòng Sở"]
    assert tasks["7"].deadline["kind"] == "continuous"
    assert tasks["18"].deadline["kind"] == "once"
    assert tasks["18"].deadline["occurrences"][0]["due"] == "2024-06-30"
    assert tasks["22"].deadline["kind"] == "recurring"
    assert len(tasks["22"].deadline["occurrences"]) == 12
    assert tasks["10"].title == "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông"
    with Session(engine) as session:
        task = session.exec(select(Task).where(Task.number == "22")).one()
        lead = session.exec(
            select(Assignment).where(Assignment.task_id == task.id, Assignment.role == "lead")
        ).all()
        occurrences = session.exec(
            select(Occurrence)
            .where(Occurrence.assignment_id == lead[0].id)
            .order_by(col(Occurrence.nominal_due))
        ).all()
        assert [o.period_key for o in occurrences][:2] == ["2024-M01", "2024-M02"]
        assert occurrences[0].nominal_due is not None and occurrences[0].kind == "recurring"
        continuous = session.exec(select(Task).where(Task.number == "7")).one()
        undated = session.exec(
            select(Occurrence)
            .join(Assignment, col(Assignment.id) == col(Occurrence.assignment_id))
            .where(Assignment.task_id == continuous.id)
        ).all()
        assert {(o.period_key, o.kind, o.nominal_due) for o in undated} == {
            ("continuous", "continuous", None)
        }


def test_lap_vo_reads_the_plans_own_reporting_dates(engine: Engine, clock: ManualClock) -> None:
    load_example_units(engine, "lap-vo-2024", clock)
    review = run_import(engine, example_file("lap-vo-2024", "docx"), clock)
    assert review.reporting_calendar is not None
    task = review.tasks[0]
    dues = {occ["period"]: occ["due"] for occ in task.deadline["occurrences"]}
    assert dues["Quý I/2024"] == "2024-03-15"
    assert dues["Tháng 01/2024"] == "2024-02-02"
    # A CSV holds only the table: the reporting dates read before are kept.
    again = run_import(engine, example_file("lap-vo-2024", "csv"), clock)
    assert again.reporting_calendar == review.reporting_calendar
    assert all(t.status == "unchanged" for t in again.tasks)


def test_import_cli_json_and_text(
    engine: Engine, clock: ManualClock, cli_env: dict[str, str]
) -> None:
    load_example_units(engine, "dong-thap-2022", clock)
    runner = CliRunner()
    path = str(example_file("dong-thap-2022", "xlsx"))
    dry = runner.invoke(build_cli(), ["import", path, "--dry-run", "--now", "2022-05-01 08:00"])
    assert dry.exit_code == 0, dry.output
    assert "THỬ (--dry-run)" in dry.output and "Đọc được 10 nhiệm vụ" in dry.output
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Task)).one() == 0
    result = runner.invoke(build_cli(), ["import", path, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["plan"]["code"] == "dong-thap-so-hoa-2022" and data["problems"] == []
    first = data["tasks"][0]
    assert set(first) >= {"number", "section", "title", "lead", "coordinating", "deadline"}
    assert first["lead"] == ["Văn phòng Sở"]
    assert first["deadline"]["kind"] == "once"
    text = runner.invoke(build_cli(), ["import", path])
    assert "10 giữ nguyên" in text.output and "Chủ trì: Văn phòng Sở" in text.output
    assert "Các phòng chuyên môn (6 đơn vị)" in text.output
    bad = runner.invoke(build_cli(), ["import", str(EXAMPLES / "build.py")])
    assert bad.exit_code != 0


def test_seed_001_text_appendix_as_tsv(engine: Engine, clock: ManualClock, tmp_path: Path) -> None:
    seed = Path("/work/shared/seeds/001_7bad05563b58a425.txt")
    if not seed.exists():
        pytest.skip("seed plans are not available")
    lines = seed.read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("PHỤ LỤC"))
    path = tmp_path / "phu-luc.tsv"
    path.write_text("\n".join(lines[start:]) + "\n", encoding="utf-8")
    load_example_units(engine, "nghe-an-2024", clock)
    review = run_import(engine, path, clock)
    assert review.year == 2024 and len(review.tasks) == 41
    assert {problem.kind for problem in review.problems} <= {"vague_unit", "deadline_default_day"}
    transcribed = run_import(engine, example_file("nghe-an-2024", "yaml"), clock, code="phu-luc")
    assert [t.number for t in transcribed.tasks] == [t.number for t in review.tasks]
    assert [sorted(t.lead) for t in transcribed.tasks] == [sorted(t.lead) for t in review.tasks]


def test_merged_cells_in_xlsx_and_docx(engine: Engine, clock: ManualClock, tmp_path: Path) -> None:
    import docx
    from openpyxl import Workbook

    load_example_units(engine, "dong-thap-2022", clock)
    header = ["TT", "Nội dung", "Đơn vị thực hiện", "Thời hạn"]
    rows = [
        ["1", "Công tác chỉ đạo điều hành CCHC", "", ""],
        ["1.1", "Kế hoạch CCHC", "Văn phòng Sở", "Quý I/2022"],
        ["1.2", "Thực hiện chế độ báo cáo CCHC", "", "Hàng quý"],
        ["1.3", "Công tác kiểm tra CCHC", "", "Quý III/2022"],
    ]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2022"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    # One lead for three tasks, as Đồng Tháp's 2021 appendix does; a heading merged across.
    sheet.merge_cells("C4:C6")
    sheet.merge_cells("B3:D3")
    xlsx = tmp_path / "dt-2022.xlsx"
    workbook.save(xlsx)

    document = docx.Document()
    table = document.add_table(rows=1 + len(rows), cols=4)
    for column, text in enumerate(header):
        table.cell(0, column).text = text
    for index, row in enumerate(rows, start=1):
        for column, text in enumerate(row):
            if text:
                table.cell(index, column).text = text
    table.cell(2, 2).merge(table.cell(4, 2))
    table.cell(1, 1).merge(table.cell(1, 3))
    word = tmp_path / "dt-2022.docx"
    document.save(str(word))

    for path in (xlsx, word):
        review = run_import(engine, path, clock, code="dt-merged")
        assert [(t.number, t.section, t.lead) for t in review.tasks] == [
            ("1.1", "1. Công tác chỉ đạo điều hành CCHC", ["Văn phòng Sở"]),
            ("1.2", "1. Công tác chỉ đạo điều hành CCHC", ["Văn phòng Sở"]),
            ("1.3", "1. Công tác chỉ đạo điều hành CCHC", ["Văn phòng Sở"]),
        ], path.suffix
        assert review.problems == []
