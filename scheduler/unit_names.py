"""How offices write the names of public bodies, as pure rules.

`unit_key` is the stored matching key of every unit, alias and group name (accent-, case-,
dash- and spacing-blind, "VP"/"CM" read in full). `body_forms` goes further for suggestions
only: it expands the abbreviations of `data/unit_abbreviations.yaml` ("Phòng NV", "VP
HĐND-UBND", "Phòng LĐ-TB&XH"), drops the words that change nothing ("và", "các", commas)
and knows which phrases name the same kind of body ("Các phòng, ban chuyên môn" and "Các cơ
quan chuyên môn thuộc UBND huyện"). A key never changes with the table, so extending the
table never re-keys the registry.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from scheduler.folding import fold, nfc

_DASHES = re.compile(r"\s*[-‐‑‒–—―]+\s*")
_AMPERSAND = re.compile(r"\s*&\s*")
_PUNCT_EDGES = re.compile(r"^[\s.,;:()\-+*•]+|[\s.,;:()\-+*•]+$")
_SPACES = re.compile(r"\s+")
# Abbreviations plans use for the same office; expanded in the key so either spelling matches.
_KEY_ABBREVIATIONS = {
    "cm": "chuyen mon",
    "vp": "van phong",
    "p.": "phong",
}
# Words that separate or join names without naming anything.
_FILLER = frozenset({"va", "cac", "&", "voi"})
_WORD = re.compile(r"[a-z0-9]+")
# "… thuộc UBND huyện", "… cấp huyện", "… huyện": the level a registry often adds to a name.
_LEVEL_SUFFIX = re.compile(
    r"(?: thuoc uy ban nhan dan)?(?: cap)? (?:huyen|tinh|thanh pho|thi xa|quan)$"
)
# A name with more abbreviations than this is not expanded every way (it is not a unit name).
_MAX_FORMS = 256


def unit_key(text: str) -> str:
    """The matching key of a unit or group name (accent-, case-, dash- and spacing-blind)."""
    folded = fold(text)
    # Plans write the same office "Văn phòng - Thống kê" and "Văn phòng Thống kê": a dash
    # between words separates them like a space does.
    folded = _DASHES.sub(" ", folded)
    folded = _AMPERSAND.sub(" va ", folded)
    folded = _PUNCT_EDGES.sub("", folded)
    words = [_KEY_ABBREVIATIONS.get(word, word) for word in folded.split(" ")]
    return _SPACES.sub(" ", " ".join(words)).strip()


def clean_name(text: str) -> str:
    """The display form of a name typed by a person or read from a cell."""
    name = _SPACES.sub(" ", nfc(text)).strip()
    name = _PUNCT_EDGES.sub("", name) if name else name
    return name.strip()


@dataclass(frozen=True, eq=False)
class AbbreviationTable:
    """Word expansions and families of phrases that name the same body."""

    words: dict[str, tuple[str, ...]]
    bodies: tuple[tuple[str, ...], ...]


def parse_table(data: object) -> AbbreviationTable:
    """The table from its YAML form (see data/unit_abbreviations.yaml)."""
    if not isinstance(data, dict):
        raise ValueError("abbreviation table: a mapping with 'words' and 'bodies' expected")
    words: dict[str, tuple[str, ...]] = {}
    for word, expansions in (data.get("words") or {}).items():
        values = [expansions] if isinstance(expansions, str) else list(expansions or ())
        words[fold(str(word))] = tuple(fold(str(value)) for value in values)
    bodies = []
    for body in data.get("bodies") or ():
        names = body.get("names") if isinstance(body, dict) else body
        bodies.append(tuple(str(name) for name in names or ()))
    return AbbreviationTable(words=words, bodies=tuple(bodies))


@cache
def builtin_table() -> AbbreviationTable:
    text = resources.files("scheduler").joinpath("data/unit_abbreviations.yaml").read_text("utf-8")
    return parse_table(yaml.safe_load(text))


def _cores(name: str, table: AbbreviationTable) -> set[str]:
    """Every reading of a name with its abbreviations spelt out, filler words dropped."""
    words = [word for word in _WORD.findall(unit_key(name)) if word not in _FILLER]
    choices = [(*table.words.get(word, ()), word) for word in words]
    forms: set[str] = set()
    for combination in itertools.islice(itertools.product(*choices), _MAX_FORMS):
        spelt = " ".join(combination).split()
        forms.add(" ".join(word for word in spelt if word not in _FILLER))
    return forms


@dataclass(frozen=True)
class BodyForms:
    """The readings of one name: as written (`full`) and without a level suffix (`bare`)."""

    full: frozenset[str]
    bare: frozenset[str]

    def matches(self, other: BodyForms) -> int:
        """2 when the two names read the same, 1 when only one adds a level, 0 otherwise.

        "Thanh tra" matches "Thanh tra huyện", but "UBND huyện" never matches "UBND tỉnh":
        a level is ignored only when one side does not write any.
        """
        if self.full & other.full:
            return 2
        if (self.bare & other.full) or (self.full & other.bare):
            return 1
        return 0


@cache
def _body_families(table: AbbreviationTable) -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset(itertools.chain.from_iterable(_cores(name, table) for name in names))
        for names in table.bodies
    )


def body_forms(name: str, table: AbbreviationTable | None = None) -> BodyForms:
    """How `name` may be written by another office, for matching against the registry."""
    table = table or builtin_table()
    written = _cores(name, table)
    full = set(written)
    for family in _body_families(table):
        # Compared with the name as written only: families sharing a phrase ("UBND cấp xã")
        # do not chain into one another.
        if written & family:
            full |= family
    bare = {_LEVEL_SUFFIX.sub("", form) for form in full}
    return BodyForms(full=frozenset(full), bare=frozenset(bare - full))
