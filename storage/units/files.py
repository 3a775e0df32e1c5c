"""Units files (YAML or CSV): reading them and applying them to the registry."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold
from scheduler.unit_names import clean_name
from storage import safe_yaml
from storage.units.registry import (
    add_alias,
    add_group_alias,
    add_to_group,
    add_unit,
    find_group,
    find_unit,
    group_members,
)

MAX_UNITS_FILE_BYTES = 2 * 1024 * 1024


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
    for group, members in memberships.items():
        target = add_to_group(session, group=group, members=members, at=at, actor=actor)
        result.groups[target.name] = len(group_members(session, group=target))
    for group, aliases in data.group_aliases.items():
        for alias in aliases:
            # A true alias: it means the group as it is now and as it will be, never a copy.
            if find_group(session, name=alias) is None and find_unit(session, name=alias) is None:
                add_group_alias(session, group=group, alias=alias, at=at, actor=actor)
                result.aliases_added += 1
    return result
