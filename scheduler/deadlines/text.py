"""Folded text that remembers where each character came from.

Matching runs on accent-free lower-case text, but what we hand back (an event's words, a
part of a cell) must be the user's own text with its diacritics, so every folded character
keeps the index of the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from scheduler.folding import nfc

_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})
_TAGS = re.compile(r"<[^<>]{0,300}>")
_WORDS = re.compile(r"\S+")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower().translate(_EXTRA)


def strip_markup(text: str) -> str:
    """Cells copied from HTML tables carry tags such as <ul style=…>; they are not words."""
    return _TAGS.sub(" ", text)


@dataclass(frozen=True)
class FoldedText:
    original: str
    folded: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> FoldedText:
        original = nfc(text)
        pieces = [_fold_char(char) for char in original]
        raw = "".join(pieces)
        # No empty piece and the same length: one folded character per original character.
        if len(raw) == len(original) and "" not in pieces:
            # Usual case (Vietnamese, ASCII): only the white space needs collapsing.
            words: list[str] = []
            origin: list[int] = []
            for word in _WORDS.finditer(raw):
                if words:
                    origin.append(word.start() - 1)
                words.append(word.group())
                origin.extend(range(word.start(), word.end()))
            return cls(original, " ".join(words), tuple(origin))
        return cls._slow(original)

    @classmethod
    def _slow(cls, original: str) -> FoldedText:
        out: list[str] = []
        origin: list[int] = []
        pending_space = False
        for index, char in enumerate(original):
            if char.isspace():
                pending_space = True
                continue
            folded = _fold_char(char)
            if not folded:
                continue
            if pending_space and out:
                out.append(" ")
                origin.append(index - 1)
            pending_space = False
            for piece in folded:
                if piece.isspace():
                    continue
                out.append(piece)
                origin.append(index)
        return cls(original, "".join(out), tuple(origin))

    def source(self, start: int, end: int) -> str:
        """The original text behind folded[start:end], trimmed."""
        if start >= end or start >= len(self.origin):
            return ""
        first = self.origin[start]
        last = self.origin[min(end, len(self.origin)) - 1]
        return self.original[first : last + 1].strip()
