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

from scheduler.folding import fold, fold_in_place
from scheduler.segments import best_cut
from storage.importing.name_lists import (
    is_actor_class,
    names_more,
    split_at_and,
    split_names,
    spread_kind,
)
from storage.models import Unit, UnitGroup
from storage.units import (
    Resolution,
    UnitSuggester,
    clean_name,
    known_keys,
    resolve,
    unit_key,
)

_HARD_SEPARATORS = re.compile(r"[\n;]+")
_BULLETS = re.compile(r"(?:^|(?<=[,.:]))\s*(?:[-–•+*]|\d{1,2}[.)])\s+")
# Tried in this order; each comes with the text that joins its parts back together.
_SOFT_SEPARATORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\s+[-–—]\s+"), " - "),
    (re.compile(r"\s*,\s*"), ", "),
    (re.compile(r"\s+(?:và|va)\s+", re.IGNORECASE), " và "),
    (re.compile(r"\s+(?:hoặc|hoac)\s+", re.IGNORECASE), " hoặc "),
)
# Words after which a cell describes what the unit does, not who it is.
_QUALIFIERS = re.compile(
    r"\s*(?:\(|\bco lien quan\b|\blien quan\b|\bhuong dan\b|\btong hop\b|\bthuc hien\b|"
    r"\bduoc giao\b|\btheo linh vuc\b|\btheo yeu cau\b|\btheo chuc nang\b|\bnhac nho\b|"
    r"\bphoi hop\b|\bchu tri\b|\btuyen truyen\b|\bthuong xuyen\b|\btham muu\b)"
)
# A verb in front of the name: "Phối hợp Phòng Nội vụ", "Giao Phòng Tư pháp".
_LEADING_VERB = re.compile(r"^(?:phoi hop(?: voi)?|giao|chu tri|do|cung|voi)\s+")
# Words that alone name nobody in particular ("Sở, ngành liên quan", "các đơn vị có liên quan",
# and in a national plan "Các bộ, ngành, địa phương").
_GENERIC_WORDS = frozenset(
    re.findall(
        r"\w+",
        "cac co quan don vi so bo nganh phong ban to chuc cap khac va lien nhung dia phuong tinh "
        "huyen xa thi tran",
    )
)
# "Các đơn vị đã đăng ký …", "Các đơn vị là chủ đầu tư": a generic noun and a clause.
# "Các tổ chức, cá nhân hoạt động khoáng sản", "các doanh nghiệp hoạt động trên địa bàn": a class
# of actors, not a unit.
_GENERIC_HEAD = re.compile(
    r"^(?:cac\s+|nhung\s+)?(?:co quan|don vi|co quan, don vi|phong|nganh|to chuc, ca nhan|"
    r"to chuc|ca nhan|doanh nghiep)\s+"
    r"(?:da|co|duoc|la|lien|thuoc dien|thuoc cac|tham gia|can|hoat dong)\b"
    # "Các cơ quan quản lý các lĩnh vực trọng điểm": plural bodies described by their work.
    r"|^(?:cac|nhung)\s+(?:co quan|don vi)\s+(?:quan ly|phu trach)\b"
)
_AND = re.compile(r"\s+va\s+")
# The classes of central bodies the law names: "Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính
# phủ", "Các cơ quan Trung ương và địa phương".
_CLASSES_OF_BODIES = re.compile(r"\b(?:ngang bo|thuoc chinh phu|trung uong)\b")


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
    """Cut a cell at line breaks, semicolons and list bullets ("Các Cục: A; B" gives each)."""
    pieces: list[str] = []
    for part in _HARD_SEPARATORS.split(spread_kind(text)):
        for piece in _BULLETS.split(part):
            name = clean_name(piece)
            if name and unit_key(name):
                pieces.append(name)
    return pieces


def strip_qualifier(text: str) -> str:
    """The name without a leading verb and without what follows it ("… tổng hợp báo cáo")."""
    folded = fold_in_place(text)
    lead = _LEADING_VERB.match(folded)
    # Folding makes the surname "Đỗ" look like the word "do" (by): only the plain word is a verb.
    if lead is not None and not (lead.group(0).startswith("do") and text[:2].lower() != "do"):
        text, folded = text[lead.end() :], folded[lead.end() :]
    match = _QUALIFIERS.search(folded)
    if match is None or match.start() == 0:
        return clean_name(text)
    return clean_name(text[: match.start()])


def is_vague(text: str) -> bool:
    folded = fold(text)
    if _GENERIC_HEAD.match(folded):
        return True
    words = re.findall(r"[a-z]+", _CLASSES_OF_BODIES.sub(" ", folded))
    if bool(words) and all(word in _GENERIC_WORDS for word in words):
        return True
    # "Các Sở, ban, ngành, địa phương và các tổ chức hoạt động …": every part names nobody.
    parts = _AND.split(folded)
    return len(parts) > 1 and all(is_vague(part) for part in parts)


class CellResolver:
    """Resolves names against the registry, remembering answers within one import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[str, CellUnit | None] = {}
        self._group_keys: list[str] | None = None
        self._known_keys: set[str] | None = None
        self.suggester = UnitSuggester(session)

    def read(self, text: str) -> CellReading:
        reading = CellReading()
        for piece in split_cell(text):
            reading.names.extend(self._piece(piece, depth=0))
        return reading

    def forget(self, text: str) -> None:
        """Drop remembered answers after the registry changed (a unit was just created).

        Every "not registered" goes, not only the new name's: "Tổ X, phòng … liên quan" was
        remembered unknown as a whole, and now reads as the unit "Tổ X, phòng …".
        """
        self._cache.pop(unit_key(text), None)
        self._cache = {key: found for key, found in self._cache.items() if found is not None}
        self._group_keys = None
        self._known_keys = None

    def _piece(self, piece: str, *, depth: int) -> list[CellUnit]:
        found = self._lookup(piece)
        if found is not None:
            return [found]
        if depth < 4:
            # Every way of cutting is tried and the one naming the fewest units wins:
            # "Thanh tra Sở và các cơ quan, đơn vị liên quan" is two names, not three.
            best: list[CellUnit] | None = None
            for separator, joiner in _SOFT_SEPARATORS:
                tokens = [clean_name(part) for part in separator.split(piece)]
                tokens = [token for token in tokens if unit_key(token)]
                if len(tokens) < 2:
                    continue
                segments = self._segment(tokens, joiner, depth=depth + 1)
                if segments is not None and (best is None or len(segments) < len(best)):
                    best = segments
            if best is not None:
                return best
            names = split_names(piece)
            if len(names) > 1:
                # Not every part is known: still one name per unit, each reported on its own.
                return [found for name in names for found in self._piece(name, depth=4)]
        name = strip_qualifier(piece) or piece
        parts = split_at_and(name)
        if len(parts) > 1:
            return [found for part in parts for found in self._piece(part, depth=4)]
        return [CellUnit(text=name)]

    def _segment(self, tokens: list[str], joiner: str, *, depth: int) -> list[CellUnit] | None:
        """Cut `tokens` into the fewest runs that are each a known name.

        Runs may span separators, so "UBND xã, thị trấn" stays one group inside
        "Các cơ quan chuyên môn thuộc UBND Huyện, UBND xã, thị trấn".
        """

        def read(start: int, end: int) -> list[CellUnit] | None:
            names = self._piece(joiner.join(tokens[start:end]), depth=depth)
            return names if all(name.known for name in names) else None

        return best_cut(len(tokens), read)

    def _lookup(self, text: str) -> CellUnit | None:
        key = unit_key(text)
        if key in self._cache:
            return self._cache[key]
        found = self._lookup_uncached(text)
        self._cache[key] = found
        return found

    def _lookup_uncached(self, text: str) -> CellUnit | None:
        stripped = strip_qualifier(text)
        if names_more(text[len(stripped) :]):
            # "Sở NN&MT (bàn giao), Sở KH&CN, …": the note ends one name of a list, not the cell.
            stripped = text
        candidates = [text, stripped]
        for candidate in (text, stripped):
            if fold(candidate).startswith("cac "):
                candidates.append(candidate[4:])
            else:
                candidates.append(f"Các {candidate}")
        for candidate in candidates:
            if not unit_key(candidate):
                continue
            resolution = self._resolve(candidate)
            if resolution.known:
                return _from_resolution(text, resolution)
        if is_vague(stripped) or is_vague(text):
            return CellUnit(text=clean_name(text), vague=True)
        group = self._group_by_prefix(stripped)
        if group is not None:
            return _from_resolution(text, resolve(self.session, name=group))
        if is_actor_class(text):
            return CellUnit(text=clean_name(text), vague=True)
        return None

    def _resolve(self, name: str) -> Resolution:
        """resolve(), without asking the database about names nobody registered.

        Cutting a cell tries many spans that name nothing ("Sở, ngành"); one set of every
        registered name, alias and group answers those without three queries each.
        """
        if self._known_keys is None:
            self._known_keys = known_keys(self.session)
        if unit_key(name) not in self._known_keys:
            return Resolution(text=name)
        return resolve(self.session, name=name)

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
