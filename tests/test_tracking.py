"""Status history and evidence files on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from core_fixtures import World, build_world
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from messages.errors import UserFacingError
from scheduler.clock import ManualClock
from storage import listed_items, tracking
from storage.listed_items import message_items
from storage.models import AuditEntry, EvidenceFile, Occurrence, StatusUpdate


@pytest.fixture
def world(engine: Engine, clock: ManualClock) -> World:
    return build_world(engine, clock.now())


def _apply(engine: Engine, clock: ManualClock, occurrence_id: int, **kwargs: object) -> None:
    with Session(engine, expire_on_commit=False) as session:
        values: dict[str, object] = {"person_id": None, "channel": "telegram", "actor": "t:1"}
        values.update(kwargs)
        tracking.apply_status(
            session,
            occurrence_id=occurrence_id,
            now=clock.now(),
            **values,  # type: ignore[arg-type]
        )
        session.commit()


def _occurrence(engine: Engine, occurrence_id: int) -> Occurrence:
    with Session(engine, expire_on_commit=False) as session:
        occurrence = session.get(Occurrence, occurrence_id)
        assert occurrence is not None
        return occurrence


def test_status_changes_append_history_and_mirror_on_the_occurrence(
    engine: Engine, clock: ManualClock, world: World
) -> None:
    item = world.week_a
    _apply(engine, clock, item, status="in_progress", percent=40, note="  đang tổng hợp ")
    assert (_occurrence(engine, item).status, _occurrence(engine, item).percent) == (
        "in_progress",
        40,
    )
    clock.advance(timedelta(hours=1))
    _apply(engine, clock, item, status="blocked", note="chờ số liệu")
    blocked = _occurrence(engine, item)
    # Blocking keeps how far the work got.
    assert (blocked.status, blocked.percent, blocked.completed_at) == ("blocked", 40, None)
    clock.advance(timedelta(hours=1))
    _apply(engine, clock, item, status=None, note="đã xin số liệu")
    assert _occurrence(engine, item).status == "blocked"
    clock.advance(timedelta(hours=1))
    done_at = clock.now()
    _apply(engine, clock, item, status="done")
    done = _occurrence(engine, item)
    assert (done.status, done.percent, done.completed_at) == ("done", 100, done_at)
    with Session(engine) as session:
        entries = tracking.history(session, occurrence_id=item)
        assert [(e.update.status, e.update.percent, e.update.note) for e in entries] == [
            ("in_progress", 40, "đang tổng hợp"),
            ("blocked", 40, "chờ số liệu"),
            ("blocked", 40, "đã xin số liệu"),
            ("done", 100, None),
        ]
        audit = session.exec(select(AuditEntry).where(AuditEntry.entity == "occurrence")).all()
        assert len(audit) == 4
        assert audit[-1].details == {
            "from": {"status": "blocked", "percent": 40},
            "to": {"status": "done", "percent": 100},
            "note": None,
            "channel": "telegram",
        }


def test_done_twice_keeps_the_first_completion_and_progress_reopens(
    engine: Engine, clock: ManualClock, world: World
) -> None:
    item = world.late_a
    first = clock.now()
    _apply(engine, clock, item, status="done")
    clock.advance(timedelta(days=1))
    _apply(engine, clock, item, status="done", note="bổ sung phụ lục")
    assert _occurrence(engine, item).completed_at == first
    _apply(engine, clock, item, status="in_progress", percent=90, note="trả lại để sửa")
    reopened = _occurrence(engine, item)
    assert (reopened.status, reopened.percent, reopened.completed_at) == ("in_progress", 90, None)
    _apply(engine, clock, item, status="in_progress", percent=100)
    assert _occurrence(engine, item).status == "done"


def test_bad_updates_are_refused_and_nothing_is_written(
    engine: Engine, clock: ManualClock, world: World
) -> None:
    with pytest.raises(UserFacingError, match="0 đến 100"):
        _apply(engine, clock, world.week_a, status="in_progress", percent=120)
    with pytest.raises(UserFacingError, match="Không có nhiệm vụ #999999"):
        _apply(engine, clock, 999999, status="done")
    with Session(engine) as session:
        assert session.exec(select(StatusUpdate)).all() == []
        assert _occurrence(engine, world.week_a).status == "not_started"


def _store(
    engine: Engine, clock: ManualClock, occurrence_id: int, source: Path, files_dir: Path
) -> tracking.StoredEvidence:
    with Session(engine, expire_on_commit=False) as session:
        stored = tracking.store_evidence(
            session,
            occurrence_id=occurrence_id,
            source=source,
            file_name="Báo cáo quý I.pdf",
            mime_type="application/pdf",
            files_dir=files_dir,
            person_id=None,
            channel="telegram",
            actor="t:1",
            now=clock.now(),
        )
        session.commit()
        return stored


def test_evidence_is_stored_by_hash_once_and_recognised_again(
    engine: Engine, clock: ManualClock, world: World, tmp_path: Path
) -> None:
    files_dir = tmp_path / "files"
    content = b"%PDF-1.4 signed report " * 1000
    digest = hashlib.sha256(content).hexdigest()
    source = tmp_path / "upload.bin"
    source.write_bytes(content)
    first = _store(engine, clock, world.late_a, source, files_dir)
    assert not first.duplicate
    stored = files_dir / digest[:2] / digest[2:4] / digest
    assert stored.read_bytes() == content
    assert first.evidence.stored_path == f"{digest[:2]}/{digest[2:4]}/{digest}"
    assert (first.evidence.size, first.evidence.sha256) == (len(content), digest)
    assert tracking.evidence_path(files_dir, first.evidence) == stored

    clock.advance(timedelta(hours=2))
    again = _store(engine, clock, world.late_a, source, files_dir)
    assert again.duplicate and again.evidence.id == first.evidence.id
    # The same file for another item is linked there too but stored only once on disk.
    other = _store(engine, clock, world.week_a, source, files_dir)
    assert not other.duplicate and other.also_for == (world.late_a,)
    assert sum(1 for path in files_dir.rglob("*") if path.is_file()) == 1
    with Session(engine) as session:
        assert len(session.exec(select(EvidenceFile)).all()) == 2
        listed = tracking.evidence_of(session, occurrence_id=world.late_a)
        assert [e.file_name for e in listed] == ["Báo cáo quý I.pdf"]
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "evidence.add")).all()
        assert len(audit) == 2


def test_message_refs_lead_back_to_the_item(
    engine: Engine, clock: ManualClock, world: World
) -> None:
    with Session(engine) as session:
        listed_items.remember_message(
            session,
            channel="telegram",
            chat_id="-500",
            message_id="77",
            occurrence_id=world.week_a,
            now=clock.now(),
        )
        listed_items.remember_message(
            session,
            channel="telegram",
            chat_id="-500",
            message_id="77",
            occurrence_id=world.week_a,
            now=clock.now(),
        )
        session.commit()
        found = message_items(session, channel="telegram", chat_id="-500", message_id="77")
        assert found == [world.week_a]
        assert message_items(session, channel="zalo", chat_id="-500", message_id="77") == []
        item = tracking.get_item(session, occurrence_id=world.week_a)
        assert item is not None
        assert (item.unit.name, item.task.number, item.plan.code) == (
            "Văn phòng Sở",
            "2",
            "KH-01/2024",
        )
        assert tracking.get_item(session, occurrence_id=999999) is None
