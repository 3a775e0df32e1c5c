"""What every reader produces: rows of cleaned cell texts, and where each row is in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from scheduler.folding import nfc
from storage.importing.limits import MAX_CELL_CHARS

_TAGS = re.compile(r"<[^>]{1,400}>")


@dataclass(frozen=True)
class SourceRow:
    """One table row; `row` is the number the reader sees in its own sheet or table."""

    row: int
    cells: list[str]
    # Set by readers that know a row is a section heading (YAML), so no guess is needed.
    section: bool = False
    # The sheet or table the row belongs to, when the file has several (-1: a paragraph).
    block: int = 0
    # Every filled cell is bold: how unnumbered section headings are marked in Word and Excel.
    bold: bool = False
    # A paragraph of text between tables, not a table row (Word).
    text: bool = False


@dataclass
class SourceDocument:
    file_name: str
    format: str
    rows: list[SourceRow]
    # Text around the table (titles, paragraphs): where the year and reporting dates are read.
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    # How the reader names each block, for the review ("trang tính PL1", "bảng 2").
    blocks: list[str] = field(default_factory=list)
    # Hidden rows and columns left out (Excel).
    hidden: int = 0


def clean_cell(value: object) -> str:
    """Cell text as stored: NFC, no HTML left over from conversions, no stray blanks."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = nfc(str(value))
    if "<" in text:
        text = _TAGS.sub(" ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)[:MAX_CELL_CHARS]
