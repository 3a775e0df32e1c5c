"""Re-importing a plan updates it in place; problems are reported with their rows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from scheduler.clock import ManualClock
from storage.importing import ImportOptions, ImportReview, import_file
from storage.models import (
    Assignment,
    EvidenceFile,
    Occurrence,
    Plan,
    StatusUpdate,
    Task,
    Unit,
)
from storage.units import add_to_group, add_unit, merge_units

HEADER = "TT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn\n"
V1 = (
    HEADER
    + "I,CẢI CÁCH THỂ CHẾ,,,\n"
    + "1,Báo cáo kết quả CCHC hàng quý,Văn phòng Sở,Các phòng CM Sở,Hàng quý\n"
    + "2,Rà soát văn bản QPPL,Phòng Tư pháp,,Quý II/2024\n"
    + "3,Tuyên truyền CCHC,Văn phòng Sở,,Thường xuyên\n"
)


def _write(tmp_path: Path, text: str, name: str = "kh-cchc-2024.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(engine: Engine, path: Path, clock: ManualClock, **options: object) -> ImportReview:
    opts = ImportOptions(**options)  # type: ignore[arg-type]
    return import_file(engine, path=path, options=opts, at=clock.now(), actor="test")


@pytest.fixture
def registry(engine: Engine, clock: ManualClock) -> Engine:
    with Session(engine) as session:
        for name in ("Văn phòng Sở", "Phòng Tư pháp", "Phòng Nội vụ", "Phòng Tài chính"):
            add_unit(session, name=name, at=clock.now(), actor="t")
        add_to_group(
            session,
            group="Các phòng chuyên môn Sở",
            members=["Phòng Tư pháp", "Phòng Nội vụ"],
            at=clock.now(),
            actor="t",
        )
        add_to_group(session, group="Nhóm trống", members=[], at=clock.now(), actor="t")
        session.commit()
    return engine


def _occurrences(session: Session, number: str, unit: str) -> list[Occurrence]:
    return list(
        session.exec(
            select(Occurrence)
            .join(Assignment, col(Assignment.id) == col(Occurrence.assignment_id))
            .join(Task, col(Task.id) == col(Assignment.task_id))
            .join(Unit, col(Unit.id) == col(Assignment.unit_id))
            .where(Task.number == number, Unit.name == unit)
            .order_by(col(Occurrence.period_key))
        ).all()
    )


def test_reimport_updates_in_place_and_keeps_history(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    first = _import(registry, _write(tmp_path, V1), clock)
    assert [t.status for t in first.tasks] == ["new", "new", "new"]
    assert first.tasks[0].lead == ["Văn phòng Sở"]
    assert sorted(first.tasks[0].coordinating) == ["Phòng Nội vụ", "Phòng Tư pháp"]
    assert first.tasks[0].section == "I. CẢI CÁCH THỂ CHẾ"
    with Session(registry) as session:
        done = _occurrences(session, "1", "Văn phòng Sở")[0]
        done.status, done.percent = "done", 100
        session.add(done)
        session.add(
            StatusUpdate(
                occurrence_id=done.id,
                status="done",
                percent=100,
                channel="console",
                created_at=clock.now(),
            )
        )
        session.add(
            EvidenceFile(
                occurrence_id=done.id,
                file_name="bc.pdf",
                size=1,
                sha256="b" * 64,
                stored_path="x",
                channel="console",
                created_at=clock.now(),
            )
        )
        session.commit()
        done_id, done_key = done.id, done.period_key
        task_ids = {t.number: t.id for t in session.exec(select(Task)).all()}

    clock.advance(timedelta(days=1))
    v2 = (
        HEADER
        + "I,CẢI CÁCH THỂ CHẾ,,,\n"
        + "1,Báo cáo kết quả CCHC hàng quý,Văn phòng Sở,Phòng Tư pháp,Hàng quý\n"
        + "3,Tuyên truyền CCHC,Văn phòng Sở,,Thường xuyên\n"
        + "4,Kiểm tra CCHC,Phòng Nội vụ,,Quý III/2024\n"
    )
    second = _import(registry, _write(tmp_path, v2), clock)
    assert [(t.number, t.status) for t in second.tasks] == [
        ("1", "updated"),
        ("3", "unchanged"),
        ("4", "new"),
    ]
    assert second.withdrawn == ["2"]
    with Session(registry) as session:
        tasks = {t.number: t for t in session.exec(select(Task)).all()}
        assert {n: t.id for n, t in tasks.items() if n != "4"} == task_ids
        assert tasks["2"].withdrawn and not tasks["1"].withdrawn
        assert all(o.withdrawn for o in _occurrences(session, "2", "Phòng Tư pháp"))
        kept = session.get(Occurrence, done_id)
        assert kept is not None and kept.period_key == done_key and kept.status == "done"
        assert not kept.withdrawn
        assert session.exec(select(StatusUpdate).where(StatusUpdate.occurrence_id == done_id)).all()
        assert session.exec(select(EvidenceFile).where(EvidenceFile.occurrence_id == done_id)).all()
        dropped = session.exec(
            select(Assignment)
            .join(Unit, col(Unit.id) == col(Assignment.unit_id))
            .where(Assignment.task_id == tasks["1"].id, Unit.name == "Phòng Nội vụ")
        ).one()
        assert dropped.withdrawn
        assert all(o.withdrawn for o in _occurrences(session, "1", "Phòng Nội vụ"))

    # The withdrawn task comes back when the file has it again.
    third = _import(registry, _write(tmp_path, V1), clock)
    assert "4" in third.withdrawn
    with Session(registry) as session:
        assert not session.exec(select(Task).where(Task.number == "2")).one().withdrawn
        assert not any(o.withdrawn for o in _occurrences(session, "2", "Phòng Tư pháp"))
        assert session.exec(select(func.count()).select_from(Plan)).one() == 1


def test_changed_deadline_withdraws_vanished_periods_without_deleting_history(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    _import(registry, _write(tmp_path, V1), clock)
    with Session(registry) as session:
        periods = _occurrences(session, "1", "Văn phòng Sở")
        assert len(periods) >= 3
        last = periods[-1]
        session.add(
            StatusUpdate(
                occurrence_id=last.id,
                status="in_progress",
                channel="console",
                created_at=clock.now(),
            )
        )
        session.commit()
        last_id = last.id
    changed = V1.replace("Hàng quý", "Tháng 02/2024")
    _import(registry, _write(tmp_path, changed), clock)
    with Session(registry) as session:
        now = _occurrences(session, "1", "Văn phòng Sở")
        active = [o for o in now if not o.withdrawn]
        assert len(active) == 1 and active[0].nominal_due is not None
        assert active[0].nominal_due.month == 2
        survivor = session.get(Occurrence, last_id)
        assert survivor is not None and survivor.withdrawn
        assert session.exec(select(StatusUpdate).where(StatusUpdate.occurrence_id == last_id)).all()


def test_an_amended_one_off_date_keeps_the_units_status_on_the_same_item(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    _import(registry, _write(tmp_path, V1), clock)
    with Session(registry) as session:
        (item,) = _occurrences(session, "2", "Phòng Tư pháp")
        item.status, item.percent = "done", 100
        session.add(item)
        session.commit()
        item_id = item.id
    # The plan is amended: the review moves from Quý II to "trước ngày 15/9/2024".
    _import(registry, _write(tmp_path, V1.replace("Quý II/2024", "Trước ngày 15/9/2024")), clock)
    with Session(registry) as session:
        (moved,) = _occurrences(session, "2", "Phòng Tư pháp")
        assert (moved.id, moved.status, moved.withdrawn) == (item_id, "done", False)
        assert moved.period_key == "by-before-2024-09-15"
        assert str(moved.nominal_due) == "2024-09-14"


def test_problems_are_reported_with_their_rows(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    text = (
        HEADER
        + "1,Việc một,Phòng Không Có,,Quý I/2024\n"
        + "1,Việc trùng số,Văn phòng Sở,,Quý I/2024\n"
        + "2,,Văn phòng Sở,,Quý I/2024\n"
        + "3,Việc ba,Văn phòng Sở,Nhóm trống,khi nào rảnh thì làm\n"
        + "4,Việc bốn,,,Quý I/2024\n"
        + "5,Việc năm,Văn phòng Sở,,\n"
    )
    review = _import(registry, _write(tmp_path, text), clock)
    found = {(p.row, p.kind) for p in review.problems}
    assert found == {
        (2, "unknown_unit"),
        # Its only lead is unknown: the task has no lead at all, and the review says so.
        (2, "no_lead"),
        (3, "duplicate_number"),
        (4, "empty_title"),
        (5, "empty_group"),
        (5, "deadline_unknown"),
        (6, "no_lead"),
        (7, "deadline_missing"),
    }
    messages = {p.kind: p.message for p in review.problems}
    assert (
        "Phòng Không Có" in messages["unknown_unit"]
        and "--create-units" in messages["unknown_unit"]
    )
    assert "khi nào rảnh thì làm" in messages["deadline_unknown"]
    # The repeated "1" is kept under a letter, the same at every re-import; its row is named.
    assert [t.number for t in review.tasks] == ["1", "1a", "3", "4", "5"]
    assert '"Việc trùng số"' in messages["duplicate_number"]
    with Session(registry) as session:
        assert session.exec(select(Unit).where(Unit.name == "Phòng Không Có")).first() is None
        unknown = session.exec(select(Task).where(Task.number == "3")).one()
        assert unknown.deadline_kind == "unknown"
        [occurrence] = _occurrences(session, "3", "Văn phòng Sở")
        assert (occurrence.period_key, occurrence.kind, occurrence.nominal_due) == (
            "unknown",
            "unknown",
            None,
        )

    created = _import(registry, _write(tmp_path, text), clock, create_units=True)
    assert created.created_units == ["Phòng Không Có"]
    assert "unknown_unit" not in {p.kind for p in created.problems}
    assert created.tasks[0].lead == ["Phòng Không Có"]


def test_dry_run_changes_nothing(registry: Engine, clock: ManualClock, tmp_path: Path) -> None:
    text = V1 + "5,Việc mới,Đơn vị Mới,,Quý I/2024\n"
    review = _import(registry, _write(tmp_path, text), clock, dry_run=True, create_units=True)
    assert review.dry_run and len(review.tasks) == 4 and review.created_units == ["Đơn vị Mới"]
    with Session(registry) as session:
        for model in (Plan, Task, Assignment, Occurrence):
            assert session.exec(select(func.count()).select_from(model)).one() == 0
        assert session.exec(select(Unit).where(Unit.name == "Đơn vị Mới")).first() is None


def test_a_unit_created_from_a_longer_cell_is_known_when_the_cell_comes_again(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    # The first reading of the cell remembered "not registered" for the whole of it; the
    # second must see the unit the first task created, not create it again.
    partners = '"Phòng Nội vụ, Tổ Kiểm soát, phòng đơn vị có liên quan thuộc Sở."'
    text = (
        HEADER
        + f"1,Việc một,Văn phòng Sở,{partners},Quý I/2024\n"
        + f"2,Việc hai,Văn phòng Sở,{partners},Quý II/2024\n"
    )
    review = _import(registry, _write(tmp_path, text), clock, dry_run=True, create_units=True)
    assert review.created_units == ["Tổ Kiểm soát, phòng đơn vị"]
    assert review.tasks[0].coordinating_labels == review.tasks[1].coordinating_labels


def test_group_change_and_unit_merge_follow_through_reimport(
    registry: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    path = _write(tmp_path, V1)
    _import(registry, path, clock)
    with Session(registry) as session:
        add_to_group(
            session,
            group="Các phòng CM Sở",
            members=["Phòng Tài chính"],
            at=clock.now(),
            actor="t",
        )
        session.commit()
    grown = _import(registry, path, clock)
    assert sorted(grown.tasks[0].coordinating) == [
        "Phòng Nội vụ",
        "Phòng Tài chính",
        "Phòng Tư pháp",
    ]
    assert grown.tasks[0].status == "updated"
    with Session(registry) as session:
        merge_units(session, source="Phòng Tư pháp", into="Phòng Nội vụ", at=clock.now(), actor="t")
        session.commit()
    merged = _import(registry, path, clock)
    assert {p.kind for p in merged.problems} == set()
    tasks = {t.number: t for t in merged.tasks}
    # "Phòng Tư pháp" in the file now means the unit it was merged into.
    assert tasks["2"].lead == ["Phòng Nội vụ"]
    assert sorted(tasks["1"].coordinating) == ["Phòng Nội vụ", "Phòng Tài chính"]
    assert tasks["2"].status == "unchanged"
