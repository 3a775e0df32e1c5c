"""Accent- and case-insensitive matching: staff type without diacritics and OCR loses them."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own in Unicode, not d + a combining mark, so NFD leaves them alone.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})


def nfc(text: str) -> str:
    """NFC-normalise text; every string we store or send goes through this."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics and collapse white space."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower().translate(_EXTRA)).strip()


def fold_in_place(text: str, *, keep_newlines: bool = False) -> str:
    """`fold` character by character, so that a match in the result stands at the same
    positions in `text` (which must be NFC): the original words can be cut out of it."""
    return "".join(ch if keep_newlines and ch == "\n" else (fold(ch) or " ")[:1] for ch in text)
