"""A task number written twice never loses a task in silence, in .xlsx, .docx and .csv alike.

The later task is kept under a lettered number ("2a"), the same at every re-import of the
table, and the review's "Cần xem lại" names its row, number and first words with what to fix;
a number repeated after a header repeated at a page break joins the rows, and says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cli_helpers import nhacviec
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from scheduler.clock import ManualClock
from storage.importing import ImportOptions, ImportReview, import_file
from storage.models import Task

LAYOUTS = Path(__file__).parent / "data" / "plans" / "layouts"
sys.path.insert(0, str(LAYOUTS))

from build import build  # noqa: E402
from fixtures import Fixture, Row  # noqa: E402

HEADER = [Row(("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"), bold=True)]


def _task(number: str, title: str, lead: str = "Phòng Nội vụ") -> Row:
    return Row((number, title, lead, "", "Quý II/2025"))


def _fixture(name: str, body: list[Row]) -> Fixture:
    return Fixture(
        name=name,
        preamble=["PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"],
        header=HEADER,
        body=body,
        expected=[],
        width=5,
    )


# Part II's heading was left out: its tasks 1 and 2 repeat part I's, and task 2 is written twice.
MISSED_HEADING = _fixture(
    "so-trung-so-tt",
    [
        Row(("I", "CẢI CÁCH THỂ CHẾ", "", "", "")),
        _task("1", "Rà soát văn bản quy phạm pháp luật"),
        _task("2", "Kiểm tra văn bản sau khi ban hành"),
        _task("1", "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", "Văn phòng Sở"),
        _task("2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Văn phòng Sở"),
        _task("2", "Đo lường sự hài lòng của người dân", "Văn phòng Sở"),
    ],
)


def _import(engine: Engine, path: Path, clock: ManualClock, *, dry_run: bool) -> ImportReview:
    options = ImportOptions(dry_run=dry_run, create_units=True, code="KH-TRUNG-SO")
    return import_file(engine, path=path, options=options, at=clock.now(), actor="test")


def test_a_repeated_number_keeps_the_task_under_a_letter_and_the_review_names_it(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    paths = build(MISSED_HEADING, tmp_path)
    read = {}
    for kind in ("xlsx", "docx", "csv"):
        review = _import(engine, paths[kind], clock, dry_run=True)
        read[kind] = (
            [(task.number, task.title, tuple(task.lead_labels)) for task in review.tasks],
            [p.message for p in review.problems if p.kind == "duplicate_number"],
        )
        tasks, messages = read[kind]
        assert [number for number, _, _ in tasks] == ["1", "2", "1a", "2a", "2b"], kind
        assert tasks[4] == ("2b", "Đo lường sự hài lòng của người dân", ("Văn phòng Sở",))
        assert len(messages) == 3, kind
        assert messages[0].startswith("Dòng ") and "số TT 1 đã dùng ở dòng " in messages[0]
        assert '"Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa"' in messages[0]
        assert "số 1a" in messages[0] and "hãy sửa số TT" in messages[0]
        assert "số 2b" in messages[2] and '"Đo lường sự hài lòng của người dân"' in messages[2]
    # The same tasks from every format (row numbers differ: a Word table has no title rows).
    assert read["xlsx"][0] == read["docx"][0] == read["csv"][0]
    # What a person reads: each repeated row listed under "Cần xem lại".
    env = {"NHACVIEC_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    shown = nhacviec("import", str(paths["csv"]), "--dry-run", "--create-units", env=env)
    assert shown.returncode == 0, shown.stderr
    listed = shown.stdout.split("Cần xem lại", 1)[1]
    assert all(f"- [duplicate_number] {message}" in listed for message in read["csv"][1])


def test_the_lettered_number_is_the_same_task_at_every_re_import(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    path = build(MISSED_HEADING, tmp_path)["xlsx"]
    _import(engine, path, clock, dry_run=False)
    with Session(engine) as session:
        before = {task.number: task.id for task in session.exec(select(Task)).all()}
    again = _import(engine, path, clock, dry_run=False)
    assert again.withdrawn == []
    assert {task.number: task.status for task in again.tasks} == dict.fromkeys(
        ["1", "2", "1a", "2a", "2b"], "unchanged"
    )
    with Session(engine) as session:
        after = {task.number: task.id for task in session.exec(select(Task)).all()}
    assert after == before


def test_a_number_repeated_after_a_page_break_joins_the_rows_and_says_so(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    split = _fixture(
        "huyen-trung-so-qua-trang",
        [
            _task("1", "Rà soát văn bản quy phạm pháp luật"),
            Row(("2", "Kiểm tra công tác cải cách hành chính tại", "Phòng Nội vụ", "", "")),
            Row(page_break=True),
            Row(("2", "các xã, thị trấn", "", "", "Quý III/2025")),
        ],
    )
    for kind, path in build(split, tmp_path).items():
        review = _import(engine, path, clock, dry_run=True)
        assert [task.number for task in review.tasks] == ["1", "2"], kind
        assert review.tasks[1].title.endswith("tại các xã, thị trấn")
        (joined,) = [p.message for p in review.problems if p.kind == "joined_at_page_break"]
        assert "số TT 2 lặp lại ngay sau tiêu đề bảng ở đầu trang" in joined, kind
