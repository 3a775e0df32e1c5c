"""Status updates and evidence of occurrences: the only writer of Occurrence.status/percent.

Every change appends a StatusUpdate and repeats its result on the Occurrence in the same
transaction, so the denormalised columns can never disagree with the history.
Evidence files are stored once per content, under `files_dir/ab/cd/<sha256>`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import nfc
from scheduler.vocabulary import Status
from storage.audit import record
from storage.models import (
    Assignment,
    EvidenceFile,
    Occurrence,
    Person,
    Plan,
    StatusUpdate,
    Task,
    Unit,
)

_CHUNK = 1 << 16


@dataclass(frozen=True)
class Item:
    """One occurrence with what a chat reply needs to name it."""

    occurrence: Occurrence
    assignment: Assignment
    task: Task
    plan: Plan
    unit: Unit

    @property
    def id(self) -> int:
        return self.occurrence.id or 0


@dataclass(frozen=True)
class HistoryEntry:
    update: StatusUpdate
    person_name: str | None


@dataclass(frozen=True)
class StoredEvidence:
    evidence: EvidenceFile
    duplicate: bool
    # Other items the same content was already sent for (a report proving several tasks).
    also_for: tuple[int, ...] = ()


def get_item(session: Session, *, occurrence_id: int) -> Item | None:
    """An occurrence with its assignment, task, plan and unit (None if there is none)."""
    occurrence = session.get(Occurrence, occurrence_id)
    if occurrence is None:
        return None
    assignment = session.get(Assignment, occurrence.assignment_id)
    assert assignment is not None
    task = session.get(Task, assignment.task_id)
    assert task is not None
    plan = session.get(Plan, task.plan_id)
    unit = session.get(Unit, assignment.unit_id)
    assert plan is not None and unit is not None
    return Item(occurrence, assignment, task, plan, unit)


def apply_status(
    session: Session,
    *,
    occurrence_id: int,
    status: str | None,
    percent: int | None = None,
    note: str | None = None,
    person_id: int | None,
    channel: str,
    actor: str,
    now: datetime,
) -> StatusUpdate:
    """Append a status update and mirror it on the occurrence.

    `status=None` keeps the current status (a note on the item). Reporting progress on a done
    item reopens it; 100 % progress means done.
    """
    occurrence = session.get(Occurrence, occurrence_id)
    if occurrence is None:
        raise UserFacingError(texts.text("storage", "item_not_found", number=occurrence_id))
    if percent is not None and not 0 <= percent <= 100:
        raise UserFacingError(texts.text("storage", "percent_invalid"))
    clean_note = nfc(note.strip()) if note and note.strip() else None
    new_status = status or occurrence.status
    if new_status == Status.IN_PROGRESS and percent == 100:
        new_status = Status.DONE
    if new_status == Status.DONE:
        new_percent = 100
    elif percent is not None:
        new_percent = percent
    else:
        new_percent = occurrence.percent if occurrence.status != Status.DONE else 0
    if new_status == Status.DONE:
        completed_at = occurrence.completed_at if occurrence.status == Status.DONE else now
    else:
        completed_at = None
    update = StatusUpdate(
        occurrence_id=occurrence_id,
        status=new_status,
        percent=new_percent,
        note=clean_note,
        person_id=person_id,
        channel=channel,
        created_at=now,
    )
    previous = {"status": occurrence.status, "percent": occurrence.percent}
    occurrence.status = new_status
    occurrence.percent = new_percent
    occurrence.completed_at = completed_at
    session.add(update)
    session.add(occurrence)
    session.flush()
    details = {
        "from": previous,
        "to": {"status": new_status, "percent": new_percent},
        "note": clean_note,
        "channel": channel,
    }
    _audit(session, "occurrence.status", occurrence_id, now, actor, person_id, details)
    return update


def history(session: Session, *, occurrence_id: int) -> list[HistoryEntry]:
    rows = session.exec(
        select(StatusUpdate, Person)
        .join(Person, col(Person.id) == col(StatusUpdate.person_id), isouter=True)
        .where(StatusUpdate.occurrence_id == occurrence_id)
        .order_by(col(StatusUpdate.created_at), col(StatusUpdate.id))
    ).all()
    return [HistoryEntry(update, person.full_name if person else None) for update, person in rows]


def evidence_of(session: Session, *, occurrence_id: int) -> list[EvidenceFile]:
    return list(
        session.exec(
            select(EvidenceFile)
            .where(EvidenceFile.occurrence_id == occurrence_id)
            .order_by(col(EvidenceFile.created_at), col(EvidenceFile.id))
        )
    )


def get_evidence(session: Session, *, evidence_id: int) -> EvidenceFile | None:
    return session.get(EvidenceFile, evidence_id)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stored_path_for(files_dir: Path, sha256: str) -> Path:
    return files_dir / sha256[:2] / sha256[2:4] / sha256


def _store_blob(source: Path, target: Path) -> None:
    """Copy into place atomically; an existing blob with the same hash is the same content."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    shutil.copyfile(source, partial)
    os.replace(partial, target)


def store_evidence(
    session: Session,
    *,
    occurrence_id: int,
    source: Path,
    file_name: str,
    mime_type: str | None,
    files_dir: Path,
    person_id: int | None,
    channel: str,
    actor: str,
    now: datetime,
) -> StoredEvidence:
    """Keep a file as evidence of an occurrence; the same content twice is recognised."""
    if session.get(Occurrence, occurrence_id) is None:
        raise UserFacingError(texts.text("storage", "item_not_found", number=occurrence_id))
    sha256 = sha256_of(source)
    existing = session.exec(
        select(EvidenceFile).where(
            EvidenceFile.occurrence_id == occurrence_id, EvidenceFile.sha256 == sha256
        )
    ).first()
    if existing is not None:
        return StoredEvidence(existing, duplicate=True)
    also_for = tuple(
        session.exec(
            select(EvidenceFile.occurrence_id)
            .where(EvidenceFile.sha256 == sha256, EvidenceFile.occurrence_id != occurrence_id)
            .order_by(col(EvidenceFile.occurrence_id))
            .distinct()
        )
    )
    target = stored_path_for(files_dir, sha256)
    _store_blob(source, target)
    evidence = EvidenceFile(
        occurrence_id=occurrence_id,
        file_name=nfc(file_name)[:255] or sha256[:12],
        mime_type=mime_type,
        size=target.stat().st_size,
        sha256=sha256,
        stored_path=str(target.relative_to(files_dir)),
        person_id=person_id,
        channel=channel,
        created_at=now,
    )
    session.add(evidence)
    session.flush()
    details = {"evidence_id": evidence.id, "sha256": sha256, "file_name": evidence.file_name}
    _audit(session, "evidence.add", occurrence_id, now, actor, person_id, details)
    return StoredEvidence(evidence, duplicate=False, also_for=also_for)


def evidence_path(files_dir: Path, evidence: EvidenceFile) -> Path:
    return files_dir / evidence.stored_path


def _audit(
    session: Session,
    action: str,
    occurrence_id: int,
    at: datetime,
    actor: str,
    person_id: int | None,
    details: dict[str, Any],
) -> None:
    """What a person did to an item, in the audit log of the same transaction."""
    record(
        session,
        action,
        "occurrence",
        occurrence_id,
        details,
        at=at,
        actor=actor,
        actor_person_id=person_id,
    )
