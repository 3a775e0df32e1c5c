"""The registry of units: looking names up, adding units, aliases and groups, renaming.

Names are matched by `unit_key` (scheduler.unit_names): folded (no diacritics, no case) and
with dashes, spacing and the usual abbreviations normalised, because plans write "Phòng Kế
hoạch – Tài chính", "Phong Ke hoach - Tai chinh" and "Các phòng CM Sở" for what an admin
registered once. This is the one `find_unit` of the project.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session, col, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.unit_names import clean_name, unit_key
from storage.audit import record
from storage.models import Unit, UnitAlias, UnitGroup, UnitGroupAlias, UnitGroupMember

MAX_NAME_LENGTH = 255
AliasT = TypeVar("AliasT", UnitAlias, UnitGroupAlias)


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
    """The group a name or one of the group's aliases stands for."""
    key = unit_key(name)
    if not key:
        return None
    group = session.exec(select(UnitGroup).where(UnitGroup.folded_name == key)).first()
    if group is not None:
        return group
    alias = session.exec(select(UnitGroupAlias).where(UnitGroupAlias.folded_alias == key)).first()
    return session.get(UnitGroup, alias.group_id) if alias is not None else None


def known_keys(session: Session) -> set[str]:
    """Every key the registry answers to: unit names and aliases, group names and aliases."""
    return {
        *session.exec(select(Unit.folded_name)).all(),
        *session.exec(select(UnitAlias.folded_alias)).all(),
        *session.exec(select(UnitGroup.folded_name)).all(),
        *session.exec(select(UnitGroupAlias.folded_alias)).all(),
    }


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
    group = find_group(session, name=key)
    if group is not None:
        return texts.text("units", "taken_by_group", group=group.name)
    return None


def _audit(
    session: Session,
    action: str,
    subject: Unit | UnitGroup,
    details: dict[str, object],
    *,
    at: datetime,
    actor: str,
) -> None:
    """Audit a registry change; the entity named follows from what changed, a unit or a group."""
    entity = "unit" if isinstance(subject, Unit) else "unit_group"
    record(session, action, entity, subject.id, details, at=at, actor=actor)


def _refuse_if_taken(
    session: Session, key: str, display: str, message: str, *, except_unit: int | None = None
) -> None:
    """Refuse a name, alias or group name that already stands for something else."""
    taken = _key_taken(session, key, except_unit=except_unit)
    if taken is not None:
        raise UserFacingError(texts.text("units", message, name=display, taken=taken))


def _store_alias(
    session: Session, entry: AliasT, owner: Unit | UnitGroup, *, at: datetime, actor: str
) -> AliasT:
    action = "unit.alias" if isinstance(owner, Unit) else "group.alias"
    session.add(entry)
    session.flush()
    _audit(session, action, owner, {"alias": entry.alias}, at=at, actor=actor)
    return entry


def require_group(session: Session, *, name: str) -> UnitGroup:
    group = find_group(session, name=name)
    if group is None:
        raise UserFacingError(texts.text("units", "group_not_found", name=clean_name(name)))
    return group


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
    _refuse_if_taken(session, key, display, "name_taken")
    unit = Unit(name=display, folded_name=key, kind=kind or "office", created_at=at)
    session.add(unit)
    session.flush()
    for alias in aliases:
        add_alias(session, name=display, alias=alias, at=at, actor=actor)
    _audit(session, "unit.add", unit, {"name": display, "kind": unit.kind}, at=at, actor=actor)
    return unit


def add_alias(
    session: Session, *, name: str, alias: str, at: datetime, actor: str
) -> UnitAlias | UnitGroupAlias | None:
    """Give a unit another name it may be written as; adding the same alias twice is harmless.

    None when the alias already matches the unit's own name (e.g. "VP Sở" for "Văn phòng Sở",
    equal once abbreviations are expanded), so nothing needs storing. When `name` is a group
    and no unit, the alias is the group's (see `add_group_alias`).
    """
    if find_unit(session, name=name) is None and find_group(session, name=name) is not None:
        return add_group_alias(session, group=name, alias=alias, at=at, actor=actor)
    unit = require_unit(session, name=name)
    display, key = _checked_name(alias, what="alias")
    existing = session.exec(select(UnitAlias).where(UnitAlias.folded_alias == key)).first()
    if existing is not None and existing.unit_id == unit.id:
        return existing
    if key == unit.folded_name:
        return None
    _refuse_if_taken(session, key, display, "alias_taken", except_unit=unit.id)
    entry = UnitAlias(unit_id=unit.id, alias=display, folded_alias=key)  # type: ignore[arg-type]
    return _store_alias(session, entry, unit, at=at, actor=actor)


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
    _refuse_if_taken(session, key, display, "name_taken", except_unit=unit.id)
    unit.name, unit.folded_name = display, key
    session.add(unit)
    session.flush()
    session.add(UnitAlias(unit_id=unit.id, alias=old_name, folded_alias=old_key))  # type: ignore[arg-type]
    session.flush()
    _audit(session, "unit.rename", unit, {"from": old_name, "to": display}, at=at, actor=actor)
    return unit


def add_group_alias(
    session: Session, *, group: str, alias: str, at: datetime, actor: str
) -> UnitGroupAlias | None:
    """Another spelling of a group; it follows the group's members as they change."""
    target = require_group(session, name=group)
    display, key = _checked_name(alias, what="alias")
    existing = session.exec(
        select(UnitGroupAlias).where(UnitGroupAlias.folded_alias == key)
    ).first()
    if existing is not None and existing.group_id == target.id:
        return existing
    if key == target.folded_name:
        return None
    _refuse_if_taken(session, key, display, "alias_taken")
    entry = UnitGroupAlias(group_id=target.id, alias=display, folded_alias=key)  # type: ignore[arg-type]
    return _store_alias(session, entry, target, at=at, actor=actor)


def ensure_group(session: Session, *, name: str, at: datetime, actor: str) -> UnitGroup:
    display, key = _checked_name(name, what="group")
    group = find_group(session, name=key)
    if group is not None:
        return group
    _refuse_if_taken(session, key, display, "group_taken")
    group = UnitGroup(name=display, folded_name=key)
    session.add(group)
    session.flush()
    _audit(session, "group.add", group, {"name": display}, at=at, actor=actor)
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
        _audit(session, "group.add_members", target, {"added": added}, at=at, actor=actor)
    return target


def remove_from_group(
    session: Session, *, group: str, members: Iterable[str], at: datetime, actor: str
) -> UnitGroup:
    target = require_group(session, name=group)
    removed: list[str] = []
    for member in members:
        unit = require_unit(session, name=member)
        row = session.get(UnitGroupMember, (target.id, unit.id))
        if row is not None:
            session.delete(row)
            removed.append(unit.name)
    session.flush()
    _audit(session, "group.remove_members", target, {"removed": removed}, at=at, actor=actor)
    return target
