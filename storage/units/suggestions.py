"""Which registered unit or group an unknown name likely stands for.

Plans write "Phòng NV", "VP HĐND-UBND", "Phòng LĐ-TB&XH" for units an office registered by
their full names. The rules of `scheduler.unit_names` spell such names out; this module
compares them with the registry and proposes, never decides: a suggestion becomes an alias
only when the office accepts it (`nhacviec units alias --accept`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session, select

from messages import texts
from scheduler.segments import best_cut
from scheduler.unit_names import BodyForms, body_forms, clean_name, unit_key
from storage.models import Unit, UnitAlias, UnitGroup, UnitGroupAlias
from storage.units.registry import known_keys

# Where a cell naming several units is cut to suggest a unit for each part.
_PARTS = re.compile(r"\s*[,;]\s*|\s+(?:và|va)\s+|\s+[-–—]\s+", re.IGNORECASE)
_MAX_PARTS = 12


@dataclass(frozen=True)
class Suggestion:
    """`text` as written probably means `target` (a unit, or a group when `group`)."""

    text: str
    target: str | None
    group: bool = False
    # When several registered names fit equally well, none is chosen and all are listed.
    candidates: tuple[str, ...] = ()

    @property
    def certain(self) -> bool:
        return self.target is not None


@dataclass(frozen=True)
class _Entry:
    target: str
    group: bool
    forms: BodyForms


class UnitSuggester:
    """Suggestions against one snapshot of the registry (built once per import or command)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._snapshot: tuple[set[str], list[_Entry]] | None = None

    def _load(self) -> tuple[set[str], list[_Entry]]:
        # Built on the first unknown name only: most imports need no suggestion at all.
        if self._snapshot is not None:
            return self._snapshot
        session = self._session
        entries: list[_Entry] = []
        units = {unit.id: unit for unit in session.exec(select(Unit)).all()}
        for unit in units.values():
            if unit.active and unit.merged_into_id is None:
                entries.append(_Entry(unit.name, False, body_forms(unit.name)))
        for alias in session.exec(select(UnitAlias)).all():
            owner = units.get(alias.unit_id)
            if owner is not None and owner.active and owner.merged_into_id is None:
                entries.append(_Entry(owner.name, False, body_forms(alias.alias)))
        groups = {group.id: group for group in session.exec(select(UnitGroup)).all()}
        for group in groups.values():
            entries.append(_Entry(group.name, True, body_forms(group.name)))
        for group_alias in session.exec(select(UnitGroupAlias)).all():
            target = groups.get(group_alias.group_id)
            if target is not None:
                entries.append(_Entry(target.name, True, body_forms(group_alias.alias)))
        self._snapshot = (known_keys(session), entries)
        return self._snapshot

    def suggest(self, name: str) -> Suggestion | None:
        """The one registered unit or group `name` reads as, or the tie; None when nothing fits."""
        forms = body_forms(name)
        best = 0
        found: dict[tuple[str, bool], None] = {}
        for entry in self._load()[1]:
            score = forms.matches(entry.forms)
            if score > best:
                best, found = score, {}
            if score and score == best:
                found[(entry.target, entry.group)] = None
        if not found:
            return None
        text = clean_name(name)
        if len(found) == 1:
            ((target, group),) = found
            return Suggestion(text=text, target=target, group=group)
        return Suggestion(text=text, target=None, candidates=tuple(target for target, _ in found))

    def suggest_cell(self, text: str) -> list[Suggestion]:
        """Suggestions for a name, or for each part of a cell naming several units.

        "Phòng NV, Phòng KT&HT, UBND xã, thị trấn" gives one suggestion per unit it names,
        cut where every part is then a known name or has a suggestion (fewest parts wins).
        """
        whole = self.suggest(text)
        if whole is not None:
            return [whole]
        tokens = [clean_name(part) for part in _PARTS.split(text)]
        tokens = [token for token in tokens if unit_key(token)]
        if len(tokens) < 2 or len(tokens) > _MAX_PARTS:
            return []

        def read(start: int, end: int) -> list[Suggestion] | None:
            piece = ", ".join(tokens[start:end])
            if unit_key(piece) in self._load()[0]:
                return []  # a known name needs no suggestion
            suggestion = self.suggest(piece)
            return None if suggestion is None else [suggestion]

        return best_cut(len(tokens), read, fewest_runs=True) or []


def unknown_unit_message(
    suggester: UnitSuggester, *, row: int | str, role: str, name: str, number: str, file: str
) -> str:
    """The review's line for an unknown name, with the likely unit when there is one."""
    suggestions = suggester.suggest_cell(name)
    certain = [s for s in suggestions if s.certain]
    if certain and len(certain) == len(suggestions):
        return texts.text(
            "units",
            "unknown_unit_suggested",
            row=row,
            role=role,
            name=name,
            number=number,
            # "Phòng NV" → Phòng Nội vụ? — quoted as written, then the registered name.
            possible=[f'"{s.text}" → {s.target}?' for s in certain],
            file=file,
        )
    ties = [s for s in suggestions if not s.certain]
    if ties:
        return texts.text(
            "units",
            "unknown_unit_ambiguous",
            row=row,
            role=role,
            name=ties[0].text,
            number=number,
            choices=list(ties[0].candidates),
        )
    return texts.text("import", "unknown_unit", row=row, role=role, name=name, number=number)
