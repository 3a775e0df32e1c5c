"""Finding the unit a leader means: full, accent-free, partial or abbreviated names.

"/tinhhinh anh son" finds "UBND huyện Anh Sơn", "/status ke hoach" finds "Phòng Kế hoạch -
Tài chính", "nv" stands for "Nội vụ". Exact names and aliases go through `storage.units`
first; when several units match, the caller shows a numbered list to pick from.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from storage import units
from storage.models import Unit, UnitAlias

# A numbered pick-list longer than this is not a choice; the leader types more of the name.
MAX_CHOICES = 9
_SKIPPED_IN_INITIALS = frozenset({"va"})


@dataclass(frozen=True)
class Lookup:
    """What a typed name found: one unit, several to pick from, or none."""

    text: str
    found: tuple[Unit, ...]
    # Set when the text ended with the number of a choice ("ke hoach 2").
    picked: Unit | None = None

    @property
    def unit(self) -> Unit | None:
        if self.picked is not None:
            return self.picked
        return self.found[0] if len(self.found) == 1 else None


def lookup_unit(session: Session, *, text: str) -> Lookup:
    """The units `text` names; a trailing number picks from a list shown before."""
    exact = units.find_unit(session, name=text)
    if exact is not None and exact.active:
        return Lookup(text=text, found=(exact,))
    found = matching_units(session, text=text)
    if found:
        return Lookup(text=text, found=tuple(found))
    words = text.split()
    if len(words) > 1 and words[-1].isdigit():
        rest = " ".join(words[:-1])
        choices = lookup_unit(session, text=rest)
        number = int(words[-1])
        if choices.unit is None and 1 <= number <= len(choices.found):
            return Lookup(text=rest, found=choices.found, picked=choices.found[number - 1])
        return choices
    return Lookup(text=text, found=())


def matching_units(session: Session, *, text: str) -> list[Unit]:
    """Active units whose name or alias contains every typed word, as a word start or as
    the initials of consecutive words; names containing the whole phrase first."""
    key = units.unit_key(text)
    tokens = key.split()
    if not tokens:
        return []
    names = _names(session)
    scored: list[tuple[int, str, int, Unit]] = []
    for unit, keys in names.values():
        best = min((_score(tokens, key, candidate) for candidate in keys), default=None)
        if best is not None and best < 3:
            assert unit.id is not None
            scored.append((best, unit.folded_name, unit.id, unit))
    scored.sort(key=lambda entry: entry[:3])
    return [unit for *_, unit in scored]


def _names(session: Session) -> dict[int, tuple[Unit, list[str]]]:
    active = session.exec(
        select(Unit).where(col(Unit.active).is_(True), col(Unit.merged_into_id).is_(None))
    ).all()
    names: dict[int, tuple[Unit, list[str]]] = {}
    for unit in active:
        assert unit.id is not None
        names[unit.id] = (unit, [unit.folded_name])
    for alias in session.exec(select(UnitAlias)).all():
        if alias.unit_id in names:
            names[alias.unit_id][1].append(alias.folded_alias)
    return names


def _score(tokens: list[str], phrase: str, candidate: str) -> int:
    """0: the phrase appears whole; 1: every word starts a word; 2: with initials; 3: no."""
    if f" {phrase} " in f" {candidate} ":
        return 0
    words = candidate.split()
    if all(any(word.startswith(token) for word in words) for token in tokens):
        return 1
    initials = "".join(word[0] for word in words if word not in _SKIPPED_IN_INITIALS)
    if all(
        any(word.startswith(token) for word in words) or (len(token) > 1 and token in initials)
        for token in tokens
    ):
        return 2
    return 3
