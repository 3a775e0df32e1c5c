"""Reading a lead or coordinating cell into units.

Cells are written by people: "- Các phòng CM Sở; - Chi cục PC TNXH", "Văn phòng Sở tổng hợp
báo cáo chung", "Thanh tra Sở và các cơ quan, đơn vị liên quan". A cell is cut at the obvious
separators first; a piece that is still not a known name is tried without its trailing
qualifier ("… liên quan", "… thực hiện") and then cut at dashes, commas, "và", "hoặc" — but only
when every part is then known, so "Văn phòng HĐND - UBND Huyện" stays one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlmodel import Session, select

from scheduler.folding import fold
from storage.models import Unit, UnitGroup
from storage.units import Resolution, clean_name, resolve, unit_key

_HARD_SEPARATORS = re.compile(r"[\n;]+")
_BULLETS = re.compile(r"(?:^|(?<=[,.:]))\s*(?:[-–•+*]|\d{1,2}[.)])\s+")
_SOFT_SEPARATORS = (
    re.compile(r"\s+[-–—]\s+"),
    re.compile(r"\s*,\s*"),
    re.compile(r"\s+(?:và|va)\s+", re.IGNORECASE),
    re.compile(r"\s+(?:hoặc|hoac)\s+", re.IGNORECASE),
)
# Words after which a cell describes what the unit does, not who it is.
_QUALIFIERS = re.compile(
    r"\s*(?:\(|\bco lien quan\b|\blien quan\b|\bhuong dan\b|\btong hop\b|\bthuc hien\b|"
    r"\bduoc giao\b|\btheo linh vuc\b|\btheo yeu cau\b|\btheo chuc nang\b|\bnhac nho\b|"
    r"\bphoi hop\b|\bchu tri\b)"
)
# Words that alone name nobody in particular ("Sở, ngành liên quan", "các đơn vị có liên quan").
_GENERIC_WORDS = frozenset(
    [
        "cac",
        "co",
        "quan",
        "don",
        "vi",
        "so",
        "nganh",
        "phong",
        "ban",
        "to",
        "chuc",
        "cap",
        "khac",
        "va",
        "lien",
        "nhung",
        "dia",
        "phuong",
        "tinh",
        "huyen",
        "xa",
        "thi",
        "tran",
    ]
)


@dataclass(frozen=True)
class CellUnit:
    """One name read from a cell and what it resolved to."""

    text: str
    units: tuple[Unit, ...] = ()
    group: str | None = None
    vague: bool = False

    @property
    def known(self) -> bool:
        return bool(self.units) or self.group is not None or self.vague


@dataclass
class CellReading:
    names: list[CellUnit] = field(default_factory=list)

    @property
    def units(self) -> list[Unit]:
        seen: dict[int, Unit] = {}
        for name in self.names:
            for unit in name.units:
                if unit.id is not None:
                    seen.setdefault(unit.id, unit)
        return list(seen.values())


def split_cell(text: str) -> list[str]:
    """Cut a cell at line breaks, semicolons and list bullets."""
    pieces: list[str] = []
    for part in _HARD_SEPARATORS.split(text):
        for piece in _BULLETS.split(part):
            name = clean_name(piece)
            if name and unit_key(name):
                pieces.append(name)
    return pieces


def _folded_chars(text: str) -> str:
    """Fold character by character so positions in the result match positions in `text`."""
    return "".join((fold(ch) or " ")[:1] for ch in text)


def strip_qualifier(text: str) -> str:
    folded = _folded_chars(text)
    match = _QUALIFIERS.search(folded)
    if match is None or match.start() == 0:
        return text
    return clean_name(text[: match.start()])


def is_vague(text: str) -> bool:
    words = re.findall(r"[a-z]+", fold(text))
    return bool(words) and all(word in _GENERIC_WORDS for word in words)


class CellResolver:
    """Resolves names against the registry, remembering answers within one import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[str, CellUnit | None] = {}
        self._group_keys: list[str] | None = None

    def read(self, text: str) -> CellReading:
        reading = CellReading()
        for piece in split_cell(text):
            reading.names.extend(self._piece(piece, depth=0))
        return reading

    def forget(self, text: str) -> None:
        """Drop a remembered answer after the registry changed (a unit was just created)."""
        self._cache.pop(unit_key(text), None)
        self._group_keys = None

    def _piece(self, piece: str, *, depth: int) -> list[CellUnit]:
        found = self._lookup(piece)
        if found is not None:
            return [found]
        if depth < 3:
            for separator in _SOFT_SEPARATORS:
                parts = [clean_name(part) for part in separator.split(piece)]
                parts = [part for part in parts if unit_key(part)]
                if len(parts) < 2:
                    continue
                resolved = [self._piece(part, depth=depth + 1) for part in parts]
                if all(name.known for names in resolved for name in names):
                    return [name for names in resolved for name in names]
        return [CellUnit(text=strip_qualifier(piece) or piece)]

    def _lookup(self, text: str) -> CellUnit | None:
        key = unit_key(text)
        if key in self._cache:
            return self._cache[key]
        found = self._lookup_uncached(text)
        self._cache[key] = found
        return found

    def _lookup_uncached(self, text: str) -> CellUnit | None:
        stripped = strip_qualifier(text)
        candidates = [text, stripped]
        for candidate in (text, stripped):
            if fold(candidate).startswith("cac "):
                candidates.append(candidate[4:])
            else:
                candidates.append(f"Các {candidate}")
        for candidate in candidates:
            if not unit_key(candidate):
                continue
            resolution = resolve(self.session, name=candidate)
            if resolution.known:
                return _from_resolution(text, resolution)
        if is_vague(stripped) or is_vague(text):
            return CellUnit(text=clean_name(text), vague=True)
        group = self._group_by_prefix(stripped)
        if group is not None:
            return _from_resolution(text, resolve(self.session, name=group))
        return None

    def _group_by_prefix(self, text: str) -> str | None:
        """ "Các phòng CM liên quan" → the one group whose name starts "các phòng chuyên môn"."""
        key = unit_key(text)
        if not fold(text).startswith("cac "):
            key = f"cac {key}"
        if self._group_keys is None:
            self._group_keys = list(self.session.exec(select(UnitGroup.folded_name)).all())
        matches = [name for name in self._group_keys if name.startswith(key + " ")]
        if len(matches) != 1 or len(key.split()) < 3:
            return None
        return matches[0]


def _from_resolution(text: str, resolution: Resolution) -> CellUnit:
    return CellUnit(text=clean_name(text), units=resolution.units, group=resolution.group)
