"""The registry of units: names, aliases, groups, renames and merges.

Names are matched by `unit_key`: folded (no diacritics, no case) and with dashes, spacing and
the usual abbreviations normalised, because plans write "Phòng Kế hoạch – Tài chính",
"Phong Ke hoach - Tai chinh" and "Các phòng CM Sở" for what an admin registered once.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold, nfc
from storage import safe_yaml
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
    UnitGroup,
    UnitGroupMember,
)

MAX_NAME_LENGTH = 255
MAX_UNITS_FILE_BYTES = 2 * 1024 * 1024

_DASHES = re.compile(r"\s*[-‐‑‒–—―]+\s*")
_AMPERSAND = re.compile(r"\s*&\s*")
_PUNCT_EDGES = re.compile(r"^[\s.,;:()\-+*•]+|[\s.,;:()\-+*•]+$")
_SPACES = re.compile(r"\s+")
# Abbreviations plans use for the same office; expanded so either spelling matches.
_ABBREVIATIONS = {
    "cm": "chuyen mon",
    "vp": "van phong",
    "p.": "phong",
}


def unit_key(text: str) -> str:
    """The matching key of a unit or group name (accent-, case-, dash- and spacing-blind)."""
    folded = fold(text)
    # Plans write the same office "Văn phòng - Thống kê" and "Văn phòng Thống kê": a dash
    # between words separates them like a space does.
    folded = _DASHES.sub(" ", folded)
    folded = _AMPERSAND.sub(" va ", folded)
    folded = _PUNCT_EDGES.sub("", folded)
    words = [_ABBREVIATIONS.get(word, word) for word in folded.split(" ")]
    return _SPACES.sub(" ", " ".join(words)).strip()


def clean_name(text: str) -> str:
    """The display form of a name typed by a person or read from a cell."""
    name = _SPACES.sub(" ", nfc(text)).strip()
    name = _PUNCT_EDGES.sub("", name) if name else name
    return name.strip()


def _checked_name(text: str, *, what: str = "unit") -> tuple[str, str]:
    """`what` names the field in the message: unit, alias or group."""
    label = texts.text("units", f"what_{what}")
    name = clean_name(text)
    key = unit_key(name)
    if not key:
        raise UserFacingError(texts.text("units", "name_empty", what=label))
    if len(name) > MAX_NAME_LENGTH or len(key) > MAX_NAME_LENGTH:
        raise UserFacingError(
            texts.text("units", "name_too_long", what=label, start=name[:40], limit=MAX_NAME_LENGTH)
        )
    return name, key


# ---------------------------------------------------------------------------------------------
# Lookup


def _follow_merges(session: Session, unit: Unit) -> Unit:
    seen: set[int] = set()
    while unit.merged_into_id is not None and unit.id not in seen:
        assert unit.id is not None
        seen.add(unit.id)
        survivor = session.get(Unit, unit.merged_into_id)
        if survivor is None:
            break
        unit = survivor
    return unit


def find_unit(session: Session, *, name: str) -> Unit | None:
    """The unit a name or alias stands for; a merged unit leads to the unit it was merged into."""
    key = unit_key(name)
    if not key:
        return None
    unit = session.exec(select(Unit).where(Unit.folded_name == key)).first()
    if unit is None:
        alias = session.exec(select(UnitAlias).where(UnitAlias.folded_alias == key)).first()
        if alias is None:
            return None
        unit = session.get(Unit, alias.unit_id)
        if unit is None:
            return None
    return _follow_merges(session, unit)


def find_group(session: Session, *, name: str) -> UnitGroup | None:
    key = unit_key(name)
    if not key:
        return None
    return session.exec(select(UnitGroup).where(UnitGroup.folded_name == key)).first()


def group_members(session: Session, *, group: UnitGroup) -> list[Unit]:
    """Active members of a group, merged members replaced by their survivors, in name order."""
    rows = session.exec(
        select(Unit)
        .join(UnitGroupMember, col(UnitGroupMember.unit_id) == col(Unit.id))
        .where(UnitGroupMember.group_id == group.id)
    ).all()
    members: dict[int, Unit] = {}
    for unit in rows:
        survivor = _follow_merges(session, unit)
        if survivor.active and survivor.id is not None:
            members[survivor.id] = survivor
    return sorted(members.values(), key=lambda unit: unit.folded_name)


@dataclass(frozen=True)
class Resolution:
    """What a name in a cell means: one unit, a group's members, or nothing known."""

    text: str
    units: tuple[Unit, ...] = ()
    group: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.units) or self.group is not None


def resolve(session: Session, *, name: str) -> Resolution:
    """Look a name up as a unit (name or alias) first, then as a group."""
    unit = find_unit(session, name=name)
    if unit is not None:
        return Resolution(text=name, units=(unit,))
    group = find_group(session, name=name)
    if group is not None:
        return Resolution(
            text=name, units=tuple(group_members(session, group=group)), group=group.name
        )
    return Resolution(text=name)


# ---------------------------------------------------------------------------------------------
# Changes


def _key_taken(session: Session, key: str, *, except_unit: int | None = None) -> str | None:
    unit = session.exec(select(Unit).where(Unit.folded_name == key)).first()
    if unit is not None and unit.id != except_unit:
        return unit.name
    alias = session.exec(select(UnitAlias).where(UnitAlias.folded_alias == key)).first()
    if alias is not None and alias.unit_id != except_unit:
        owner = session.get(Unit, alias.unit_id)
        return texts.text(
            "units", "taken_by_alias", alias=alias.alias, owner=owner.name if owner else "?"
        )
    group = session.exec(select(UnitGroup).where(UnitGroup.folded_name == key)).first()
    if group is not None:
        return texts.text("units", "taken_by_group", group=group.name)
    return None


def require_unit(session: Session, *, name: str) -> Unit:
    unit = find_unit(session, name=name)
    if unit is None:
        raise UserFacingError(texts.text("units", "unit_not_found", name=clean_name(name)))
    return unit


def add_unit(
    session: Session,
    *,
    name: str,
    at: datetime,
    actor: str,
    kind: str = "office",
    aliases: Sequence[str] = (),
) -> Unit:
    """Register a new unit; a name already used by a unit, alias or group is refused."""
    display, key = _checked_name(name)
    taken = _key_taken(session, key)
    if taken is not None:
        raise UserFacingError(texts.text("units", "name_taken", name=display, taken=taken))
    unit = Unit(name=display, folded_name=key, kind=kind or "office", created_at=at)
    session.add(unit)
    session.flush()
    for alias in aliases:
        add_alias(session, name=display, alias=alias, at=at, actor=actor)
    record(
        session,
        at=at,
        actor=actor,
        action="unit.add",
        entity="unit",
        entity_id=unit.id,
        details={"name": display, "kind": unit.kind},
    )
    return unit


def add_alias(
    session: Session, *, name: str, alias: str, at: datetime, actor: str
) -> UnitAlias | None:
    """Give a unit another name it may be written as; adding the same alias twice is harmless.

    None when the alias already matches the unit's own name (e.g. "VP Sở" for "Văn phòng Sở",
    equal once abbreviations are expanded), so nothing needs storing.
    """
    unit = require_unit(session, name=name)
    display, key = _checked_name(alias, what="alias")
    existing = session.exec(select(UnitAlias).where(UnitAlias.folded_alias == key)).first()
    if existing is not None and existing.unit_id == unit.id:
        return existing
    if key == unit.folded_name:
        return None
    taken = _key_taken(session, key, except_unit=unit.id)
    if taken is not None:
        raise UserFacingError(texts.text("units", "alias_taken", name=display, taken=taken))
    entry = UnitAlias(unit_id=unit.id, alias=display, folded_alias=key)  # type: ignore[arg-type]
    session.add(entry)
    session.flush()
    record(
        session,
        at=at,
        actor=actor,
        action="unit.alias",
        entity="unit",
        entity_id=unit.id,
        details={"alias": display},
    )
    return entry


def rename_unit(session: Session, *, name: str, new_name: str, at: datetime, actor: str) -> Unit:
    """Rename a unit; the old name stays as an alias so old files and messages still match."""
    unit = require_unit(session, name=name)
    display, key = _checked_name(new_name)
    old_name, old_key = unit.name, unit.folded_name
    if key == old_key:
        unit.name = display
        session.add(unit)
        return unit
    own_alias = session.exec(select(UnitAlias).where(UnitAlias.folded_alias == key)).first()
    if own_alias is not None and own_alias.unit_id == unit.id:
        session.delete(own_alias)
        session.flush()
    taken = _key_taken(session, key, except_unit=unit.id)
    if taken is not None:
        raise UserFacingError(texts.text("units", "name_taken", name=display, taken=taken))
    unit.name, unit.folded_name = display, key
    session.add(unit)
    session.flush()
    session.add(UnitAlias(unit_id=unit.id, alias=old_name, folded_alias=old_key))  # type: ignore[arg-type]
    session.flush()
    record(
        session,
        at=at,
        actor=actor,
        action="unit.rename",
        entity="unit",
        entity_id=unit.id,
        details={"from": old_name, "to": display},
    )
    return unit


def ensure_group(session: Session, *, name: str, at: datetime, actor: str) -> UnitGroup:
    display, key = _checked_name(name, what="group")
    group = session.exec(select(UnitGroup).where(UnitGroup.folded_name == key)).first()
    if group is not None:
        return group
    taken = _key_taken(session, key)
    if taken is not None:
        raise UserFacingError(texts.text("units", "group_taken", name=display, taken=taken))
    group = UnitGroup(name=display, folded_name=key)
    session.add(group)
    session.flush()
    record(
        session,
        at=at,
        actor=actor,
        action="group.add",
        entity="unit_group",
        entity_id=group.id,
        details={"name": display},
    )
    return group


def add_to_group(
    session: Session, *, group: str, members: Iterable[str], at: datetime, actor: str
) -> UnitGroup:
    """Create the group if needed and add units to it (already present members are kept)."""
    target = ensure_group(session, name=group, at=at, actor=actor)
    units = [require_unit(session, name=member) for member in members]
    added: list[str] = []
    for unit in units:
        exists = session.get(UnitGroupMember, (target.id, unit.id))
        if exists is None:
            session.add(UnitGroupMember(group_id=target.id, unit_id=unit.id))  # type: ignore[arg-type]
            added.append(unit.name)
    session.flush()
    if added:
        record(
            session,
            at=at,
            actor=actor,
            action="group.add_members",
            entity="unit_group",
            entity_id=target.id,
            details={"added": added},
        )
    return target


def remove_from_group(
    session: Session, *, group: str, members: Iterable[str], at: datetime, actor: str
) -> UnitGroup:
    target = find_group(session, name=group)
    if target is None:
        raise UserFacingError(texts.text("units", "group_not_found", name=clean_name(group)))
    removed: list[str] = []
    for member in members:
        unit = require_unit(session, name=member)
        row = session.get(UnitGroupMember, (target.id, unit.id))
        if row is not None:
            session.delete(row)
            removed.append(unit.name)
    session.flush()
    record(
        session,
        at=at,
        actor=actor,
        action="group.remove_members",
        entity="unit_group",
        entity_id=target.id,
        details={"removed": removed},
    )
    return target


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
    record(
        session,
        at=at,
        actor=actor,
        action="unit.merge",
        entity="unit",
        entity_id=survivor.id,
        details={
            "merged": gone.name,
            "merged_id": gone.id,
            "assignments_moved": result.assignments_moved,
            "assignments_joined": result.assignments_joined,
            "occurrences_joined": result.occurrences_joined,
        },
    )
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


# ---------------------------------------------------------------------------------------------
# Listing


@dataclass(frozen=True)
class UnitInfo:
    name: str
    kind: str
    active: bool
    aliases: tuple[str, ...]
    groups: tuple[str, ...]
    merged_into: str | None = None


@dataclass(frozen=True)
class GroupInfo:
    name: str
    members: tuple[str, ...]


def list_units(session: Session, *, include_inactive: bool = False) -> list[UnitInfo]:
    units = session.exec(select(Unit).order_by(col(Unit.folded_name))).all()
    aliases: dict[int, list[str]] = {}
    for alias in session.exec(select(UnitAlias).order_by(col(UnitAlias.folded_alias))).all():
        aliases.setdefault(alias.unit_id, []).append(alias.alias)
    groups: dict[int, list[str]] = {}
    for group, member in session.exec(
        select(UnitGroup, UnitGroupMember)
        .join(UnitGroupMember, col(UnitGroupMember.group_id) == col(UnitGroup.id))
        .order_by(col(UnitGroup.folded_name))
    ).all():
        groups.setdefault(member.unit_id, []).append(group.name)
    names = {unit.id: unit.name for unit in units}
    return [
        UnitInfo(
            name=unit.name,
            kind=unit.kind,
            active=unit.active,
            aliases=tuple(aliases.get(unit.id or 0, ())),
            groups=tuple(groups.get(unit.id or 0, ())),
            merged_into=names.get(unit.merged_into_id) if unit.merged_into_id else None,
        )
        for unit in units
        if include_inactive or unit.active
    ]


def list_groups(session: Session) -> list[GroupInfo]:
    return [
        GroupInfo(
            name=group.name,
            members=tuple(unit.name for unit in group_members(session, group=group)),
        )
        for group in session.exec(select(UnitGroup).order_by(col(UnitGroup.folded_name))).all()
    ]


# ---------------------------------------------------------------------------------------------
# Units file


@dataclass(frozen=True)
class UnitSpec:
    name: str
    kind: str = "office"
    aliases: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitsFile:
    units: tuple[UnitSpec, ...]
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Other spellings of a group ("Các phòng CM Sở"); each becomes a group with the same members.
    group_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class LoadResult:
    units_added: list[str] = field(default_factory=list)
    units_existing: list[str] = field(default_factory=list)
    aliases_added: int = 0
    groups: dict[str, int] = field(default_factory=dict)


def _split_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in re.split(r"[;\n]", value) if part.strip())
    if isinstance(value, list):
        return tuple(str(item).strip() for item in value if str(item).strip())
    raise UserFacingError(texts.text("units", "not_a_list", value=repr(value)))


def read_units_file(path: Path) -> UnitsFile:
    """Parse a units file: YAML (`units:` and `groups:`) or CSV (name, kind, aliases, groups)."""
    if not path.is_file():
        raise UserFacingError(texts.text("units", "file_not_found", path=str(path)))
    if path.stat().st_size > MAX_UNITS_FILE_BYTES:
        raise UserFacingError(texts.text("units", "file_too_big", file=path.name))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserFacingError(texts.text("units", "file_not_utf8", file=path.name)) from exc
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _units_from_yaml(text, path.name)
    if suffix in (".csv", ".tsv"):
        return _units_from_csv(text, "\t" if suffix == ".tsv" else ",", path.name)
    raise UserFacingError(texts.text("units", "file_kind", file=path.name))


def _units_from_yaml(text: str, file_name: str) -> UnitsFile:
    try:
        data = safe_yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        message = (
            texts.text("units", "yaml_invalid_at", file=file_name, line=mark.line + 1)
            if mark is not None
            else texts.text("units", "yaml_invalid", file=file_name)
        )
        raise UserFacingError(message) from exc
    if not isinstance(data, dict) or "units" not in data:
        raise UserFacingError(texts.text("units", "yaml_no_units", file=file_name))
    specs: list[UnitSpec] = []
    for index, item in enumerate(data.get("units") or [], start=1):
        if isinstance(item, str):
            specs.append(UnitSpec(name=item))
            continue
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise UserFacingError(
                texts.text("units", "yaml_unit_no_name", index=index, file=file_name)
            )
        specs.append(
            UnitSpec(
                name=str(item["name"]),
                kind=str(item.get("kind") or "office"),
                aliases=_split_list(item.get("aliases")),
                groups=_split_list(item.get("groups")),
            )
        )
    groups: dict[str, tuple[str, ...]] = {}
    group_aliases: dict[str, tuple[str, ...]] = {}
    raw_groups = data.get("groups") or {}
    if isinstance(raw_groups, dict):
        for name, members in raw_groups.items():
            groups[str(name)] = _split_list(members)
    elif isinstance(raw_groups, list):
        for item in raw_groups:
            if not isinstance(item, dict) or not item.get("name"):
                raise UserFacingError(texts.text("units", "yaml_group_incomplete", file=file_name))
            groups[str(item["name"])] = _split_list(item.get("members"))
            group_aliases[str(item["name"])] = _split_list(item.get("aliases"))
    return UnitsFile(units=tuple(specs), groups=groups, group_aliases=group_aliases)


def _units_from_csv(text: str, delimiter: str, file_name: str) -> UnitsFile:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = {fold(name or ""): name for name in reader.fieldnames or []}
    name_field = fields.get("name") or fields.get("ten") or fields.get("ten don vi")
    if name_field is None:
        raise UserFacingError(texts.text("units", "csv_no_name", file=file_name))
    alias_field = fields.get("aliases") or fields.get("ten khac")
    group_field = fields.get("groups") or fields.get("nhom")
    kind_field = fields.get("kind") or fields.get("loai")
    specs = []
    for row in reader:
        name = (row.get(name_field) or "").strip()
        if not name:
            continue
        specs.append(
            UnitSpec(
                name=name,
                kind=(row.get(kind_field) or "office").strip() if kind_field else "office",
                aliases=_split_list(row.get(alias_field) if alias_field else None),
                groups=_split_list(row.get(group_field) if group_field else None),
            )
        )
    return UnitsFile(units=tuple(specs))


def load_units(session: Session, *, data: UnitsFile, at: datetime, actor: str) -> LoadResult:
    """Apply a units file: add missing units and aliases, fill groups. Loading twice is harmless."""
    result = LoadResult()
    memberships: dict[str, list[str]] = {}
    for spec in data.units:
        existing = find_unit(session, name=spec.name)
        if existing is None:
            add_unit(session, name=spec.name, kind=spec.kind, at=at, actor=actor)
            result.units_added.append(clean_name(spec.name))
        else:
            result.units_existing.append(existing.name)
        for alias in spec.aliases:
            owner = find_unit(session, name=alias)
            if owner is None:
                add_alias(session, name=spec.name, alias=alias, at=at, actor=actor)
                result.aliases_added += 1
        for group in spec.groups:
            memberships.setdefault(group, []).append(spec.name)
    for group, listed in data.groups.items():
        memberships.setdefault(group, []).extend(listed)
    for group, aliases in data.group_aliases.items():
        for alias in aliases:
            memberships.setdefault(alias, []).extend(memberships.get(group, []))
    for group, members in memberships.items():
        target = add_to_group(session, group=group, members=members, at=at, actor=actor)
        result.groups[target.name] = len(group_members(session, group=target))
    return result
