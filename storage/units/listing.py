"""Listing the registry: units with their aliases and groups, groups with their members."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from storage.models import Unit, UnitAlias, UnitGroup, UnitGroupAlias, UnitGroupMember
from storage.units.registry import group_members


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
    aliases: tuple[str, ...] = ()


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
    aliases: dict[int, list[str]] = {}
    for alias in session.exec(
        select(UnitGroupAlias).order_by(col(UnitGroupAlias.folded_alias))
    ).all():
        aliases.setdefault(alias.group_id, []).append(alias.alias)
    return [
        GroupInfo(
            name=group.name,
            members=tuple(unit.name for unit in group_members(session, group=group)),
            aliases=tuple(aliases.get(group.id or 0, ())),
        )
        for group in session.exec(select(UnitGroup).order_by(col(UnitGroup.folded_name))).all()
    ]
