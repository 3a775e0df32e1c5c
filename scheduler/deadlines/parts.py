"""Splitting a cell into its parts: "- Xây dựng KH trước tháng 3; - Báo cáo theo định kỳ"."""

from __future__ import annotations

import re

from scheduler.deadlines.text import strip_markup
from scheduler.folding import nfc

_SEPARATORS = re.compile(r"[;\n\r]+")
# A line break inside a sentence is layout, not a new part: it splits only after ";" or ".",
# or before a bullet or an enumerator ("- ", "+ ", "a) ", "2. ").
_SOFT_BREAK = re.compile(
    r"(?<![;.:\n\r])[ \t]*[\r\n]+[ \t]*(?![-–—•●▪·+*]|[a-zđ0-9]{1,2}[.)]\s|[\r\n])"
)
_EDGES = " \t-–—•●▪·+*.,:"
_MEANINGFUL = re.compile(r"\w")


def split_parts(text: str) -> list[str]:
    """Parts separated by ";" or line breaks, without their bullets.

    A dash inside a part is kept: "Tháng 01 - Tháng 12" is one range, not two parts.
    """
    pieces = _SEPARATORS.split(_SOFT_BREAK.sub(" ", strip_markup(nfc(text))))
    parts = [piece.strip(_EDGES) for piece in pieces]
    return [part for part in parts if _MEANINGFUL.search(part)]
