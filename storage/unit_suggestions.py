"""Suggestions for every unknown unit name of a plan file, and accepting them all at once.

`nhacviec import --dry-run` shows "Phòng NV → Phòng Nội vụ?" line by line; `nhacviec units
alias --accept PLAN` reads the same file the same way and stores each certain suggestion as
an alias (a group's alias for a group), so the next import resolves every such name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from scheduler.unit_names import unit_key
from storage.importing.readers import read_source
from storage.importing.table import parse_table
from storage.importing.unit_cells import CellResolver
from storage.units import Suggestion, add_alias, add_group_alias, find_group, find_unit


@dataclass
class AcceptResult:
    accepted: list[Suggestion] = field(default_factory=list)
    # Names that fit several registered units equally: the office chooses by hand.
    ambiguous: list[Suggestion] = field(default_factory=list)
    # Names with no likely unit at all.
    unknown: list[str] = field(default_factory=list)


def plan_suggestions(session: Session, *, path: Path) -> AcceptResult:
    """What every unknown lead or coordinating name of the plan file likely stands for."""
    table = parse_table(read_source(path))
    resolver = CellResolver(session)
    result = AcceptResult()
    seen: set[str] = set()
    for task in table.tasks:
        for cell in (task.lead, task.coordinating):
            for name in resolver.read(cell).names:
                if name.known or unit_key(name.text) in seen:
                    continue
                seen.add(unit_key(name.text))
                suggestions = resolver.suggester.suggest_cell(name.text)
                if not suggestions:
                    result.unknown.append(name.text)
                for suggestion in suggestions:
                    if unit_key(suggestion.text) in seen and suggestion.text != name.text:
                        continue
                    seen.add(unit_key(suggestion.text))
                    bucket = result.accepted if suggestion.certain else result.ambiguous
                    bucket.append(suggestion)
    return result


def accept_suggestions(
    session: Session, *, result: AcceptResult, at: datetime, actor: str
) -> AcceptResult:
    """Store each certain suggestion as an alias of its unit or group."""
    for suggestion in result.accepted:
        assert suggestion.target is not None
        if suggestion.group:
            if find_group(session, name=suggestion.text) is None:
                add_group_alias(
                    session, group=suggestion.target, alias=suggestion.text, at=at, actor=actor
                )
        elif find_unit(session, name=suggestion.text) is None:
            add_alias(session, name=suggestion.target, alias=suggestion.text, at=at, actor=actor)
    return result
