"""Merging one unit into another, as administrative boundaries change.

Everything recorded about the merged unit follows the survivor: assignments, occurrences and
their history, evidence, people, chat links, invites, aliases and group memberships.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from messages import texts
from messages.errors import UserFacingError
from storage.audit import record
from storage.models import (
    Assignment,
    ChatLink,
    EvidenceFile,
    Invite,
    MessageRef,
    Notification,
    Occurrence,
    Person,
    StatusUpdate,
    Unit,
    UnitAlias,
    UnitGroupMember,
)
from storage.units.registry import require_unit


@dataclass
class MergeResult:
    source: str
    survivor: str
    assignments_moved: int = 0
    assignments_joined: int = 0
    occurrences_joined: int = 0
    people_moved: int = 0
    chats_moved: int = 0


def merge_units(
    session: Session, *, source: str, into: str, at: datetime, actor: str
) -> MergeResult:
    """Merge `source` into `into`: its tasks, history, people, chats and names follow the survivor.

    When both units hold the same task, the source's occurrences are joined into the survivor's
    same-period occurrence: status history, evidence and sent-message links move over, and the
    survivor keeps the more advanced status; nothing recorded is lost.
    """
    gone = require_unit(session, name=source)
    survivor = require_unit(session, name=into)
    if gone.id == survivor.id:
        raise UserFacingError(
            texts.text("units", "merge_same", source=gone.name, into=survivor.name)
        )
    assert gone.id is not None and survivor.id is not None
    result = MergeResult(source=gone.name, survivor=survivor.name)

    for assignment in session.exec(select(Assignment).where(Assignment.unit_id == gone.id)).all():
        twin = session.exec(
            select(Assignment).where(
                Assignment.task_id == assignment.task_id, Assignment.unit_id == survivor.id
            )
        ).first()
        if twin is None:
            assignment.unit_id = survivor.id
            session.add(assignment)
            result.assignments_moved += 1
            continue
        if assignment.role == "lead" and not assignment.withdrawn:
            twin.role = "lead"
        twin.withdrawn = twin.withdrawn and assignment.withdrawn
        session.add(twin)
        result.occurrences_joined += _join_occurrences(session, assignment, twin)
        session.flush()
        session.delete(assignment)
        result.assignments_joined += 1
    session.flush()

    result.people_moved = _repoint(session, Person, gone.id, survivor.id)
    for link in session.exec(select(ChatLink).where(ChatLink.unit_id == gone.id)).all():
        clash = session.exec(
            select(ChatLink).where(
                ChatLink.channel == link.channel,
                ChatLink.chat_id == link.chat_id,
                ChatLink.audience == link.audience,
                ChatLink.unit_id == survivor.id,
            )
        ).first()
        if clash is not None:
            # The chat already serves the survivor: keep one link, move what points at the other.
            session.execute(
                update(Notification)
                .where(col(Notification.chat_link_id) == link.id)
                .values(chat_link_id=clash.id)
            )
            session.delete(link)
        else:
            link.unit_id = survivor.id
            session.add(link)
        result.chats_moved += 1
    _repoint(session, Notification, gone.id, survivor.id)
    _repoint(session, Invite, gone.id, survivor.id)
    session.execute(
        update(Unit).where(col(Unit.parent_id) == gone.id).values(parent_id=survivor.id)
    )
    session.execute(
        update(UnitAlias).where(col(UnitAlias.unit_id) == gone.id).values(unit_id=survivor.id)
    )
    for membership in session.exec(
        select(UnitGroupMember).where(UnitGroupMember.unit_id == gone.id)
    ).all():
        if session.get(UnitGroupMember, (membership.group_id, survivor.id)) is None:
            session.add(UnitGroupMember(group_id=membership.group_id, unit_id=survivor.id))
        session.delete(membership)
    gone.active = False
    gone.merged_into_id = survivor.id
    session.add(gone)
    session.flush()
    details = {
        "merged": gone.name,
        "merged_id": gone.id,
        "assignments_moved": result.assignments_moved,
        "assignments_joined": result.assignments_joined,
        "occurrences_joined": result.occurrences_joined,
    }
    record(session, "unit.merge", "unit", survivor.id, details, at=at, actor=actor)
    return result


_STATUS_RANK = {"not_started": 0, "blocked": 1, "in_progress": 2, "done": 3}


def _join_occurrences(session: Session, gone: Assignment, twin: Assignment) -> int:
    joined = 0
    for occurrence in session.exec(
        select(Occurrence).where(Occurrence.assignment_id == gone.id)
    ).all():
        target = session.exec(
            select(Occurrence).where(
                Occurrence.assignment_id == twin.id,
                Occurrence.period_key == occurrence.period_key,
            )
        ).first()
        if target is None:
            occurrence.assignment_id = twin.id  # type: ignore[assignment]
            session.add(occurrence)
            continue
        assert target.id is not None and occurrence.id is not None
        session.execute(
            update(StatusUpdate)
            .where(col(StatusUpdate.occurrence_id) == occurrence.id)
            .values(occurrence_id=target.id)
        )
        known = set(
            session.exec(
                select(EvidenceFile.sha256).where(EvidenceFile.occurrence_id == target.id)
            ).all()
        )
        for evidence in session.exec(
            select(EvidenceFile).where(EvidenceFile.occurrence_id == occurrence.id)
        ).all():
            if evidence.sha256 in known:
                # The very same file is already attached to the survivor's period.
                session.delete(evidence)
            else:
                evidence.occurrence_id = target.id
                session.add(evidence)
        for model in (Notification, MessageRef):
            session.execute(
                update(model)
                .where(col(model.occurrence_id) == occurrence.id)
                .values(occurrence_id=target.id)
            )
        if _STATUS_RANK.get(occurrence.status, 0) > _STATUS_RANK.get(target.status, 0):
            target.status = occurrence.status
            target.percent = max(target.percent, occurrence.percent)
            target.completed_at = occurrence.completed_at or target.completed_at
        target.withdrawn = target.withdrawn and occurrence.withdrawn
        session.add(target)
        session.flush()
        session.execute(delete(Occurrence).where(col(Occurrence.id) == occurrence.id))
        joined += 1
    session.flush()
    return joined


def _repoint(session: Session, model: Any, old: int, new: int) -> int:
    result = session.execute(update(model).where(model.unit_id == old).values(unit_id=new))
    return int(getattr(result, "rowcount", 0) or 0)
