"""Finding a task table's header: one, two or three rows, a parent over its children.

"Đơn vị thực hiện" merged over "Chủ trì | Phối hợp", or "Thời gian" over "Bắt đầu | Hoàn thành",
is read as one label per column ("Đơn vị thực hiện Chủ trì"), whatever the file format: a merge
across columns leaves its text in the first column in Excel, Word and CSV alike, so the parent
is carried right over the blank cells its children sit under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold
from storage.importing.source import SourceDocument, SourceRow

# Checked in this order: "phối hợp thực hiện" must not be read as a lead column, "thời gian
# bắt đầu" not as the deadline, and "tiến độ, thời gian thực hiện" not as an output column.
COLUMN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(s\.?\s*)?t\.?\s*t\.?$|^so (thu tu|tt)$|^stt$|^tt$")),
    ("note", re.compile(r"^ghi chu")),
    ("coordinating", re.compile(r"phoi hop")),
    ("start", re.compile(r"bat dau|khoi cong|\btu ngay\b|\btu thang\b")),
    ("deadline", re.compile(r"thoi gian|thoi han|tien do|han hoan thanh|\bhan\b|hoan thanh")),
    # "Nhiệm vụ thực hiện", "Nội dung thực hiện" name the task, not who does it; "Phân công
    # nhiệm vụ" is who is given it.
    (
        "lead",
        re.compile(
            r"^(?!nhiem vu|noi dung|cong viec)"
            r".*(?:chu tri|tham muu|don vi thuc hien|co quan thuc hien|thuc hien$)|^phan cong\b"
        ),
    ),
    # "Đơn vị phụ trách", "Người phụ trách" (school and commune plans): the lead, unless
    # another column says "chủ trì" and this one names the leader who oversees it.
    ("in_charge", re.compile(r"phu trach")),
    ("output", re.compile(r"san pham|ket qua")),
    # "Nhiệm vụ, giải pháp", "Nhiệm vụ và giải pháp" name the task column, as "Nhiệm vụ" does.
    ("goal", re.compile(r"^(?!nhiem vu|noi dung|cong viec).*(?:muc tieu|giai phap)")),
    ("title", re.compile(r"nhiem vu|noi dung|cong viec|ten")),
)
# Header texts read without any guessing; every other match is named in the review.
PLAIN_NAMES = {
    "number": {"tt", "stt", "so tt"},
    "title": {"nhiem vu", "noi dung", "noi dung nhiem vu", "ten nhiem vu", "noi dung cong viec"},
    "lead": {"don vi chu tri", "co quan chu tri", "chu tri", "co quan, don vi chu tri"},
    "coordinating": {
        "don vi phoi hop",
        "co quan phoi hop",
        "phoi hop",
        "co quan, don vi phoi hop",
    },
    "deadline": {"thoi gian hoan thanh", "thoi han", "thoi han hoan thanh"},
    "output": {"san pham", "ket qua", "ket qua/san pham", "san pham du kien"},
    "goal": {"muc tieu", "giai phap"},
}
# A lead column named only "who does it" (or "who is given it"): its cells may also name the
# coordinating units.
_SHARED_UNITS = re.compile(
    r"^(don vi|co quan|co quan, don vi|phong, don vi) thuc hien$|^thuc hien$|^phan cong\b"
)
_SUB_LABEL_MAX = 60
_COLUMN_INDEX = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass
class Header:
    """Where the header is (indexes into document.rows) and what each column holds."""

    first: int
    last: int
    columns: dict[str, int]
    labels: list[str]
    # Fields whose column was read from a header worded unlike the usual names.
    guessed: dict[str, str] = field(default_factory=dict)
    # One "Đơn vị thực hiện" column for both roles ("Chủ trì: …; phối hợp: …").
    shared_units: bool = False


@lru_cache(maxsize=4096)
def fold_cell(text: str) -> str:
    """fold() for cells: unit names and deadlines repeat down a table, so they are folded once."""
    return fold(text)


def _label(cell: str) -> str:
    # Cells are already cleaned (single spaces), so only line breaks need joining.
    return fold_cell(cell).replace("\n", " ").strip(" .:*")


def classify_header(cells: list[str]) -> dict[str, int]:
    """Which column holds which field, if this row is a header; empty dict otherwise."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        if not cell or len(cell) > 200:
            continue
        folded = _label(cell)
        if not folded or len(folded) > 120:
            continue
        for name, pattern in COLUMN_PATTERNS:
            if name in ("note", "start") and pattern.search(folded):
                break  # read, so that no other field takes the column
            if name not in columns and pattern.search(folded):
                columns[name] = index
                break
    columns.pop("note", None)
    columns.pop("start", None)
    in_charge = columns.pop("in_charge", None)
    if in_charge is not None and "lead" not in columns:
        columns["lead"] = in_charge
    if "title" not in columns or not ({"lead", "number"} & columns.keys()):
        return {}
    if len(columns) < 3:
        return {}
    return columns


def is_column_index_row(cells: list[str]) -> bool:
    """The "(1) (2) (3) …" row some appendices print under the header."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    return len(filled) >= 3 and all(_COLUMN_INDEX.match(cell) for cell in filled)


def _is_sub_header(cells: list[str], above: list[str]) -> bool:
    """Labels under a parent ("Chủ trì", "Phối hợp"), other cells blank or repeating the header."""
    new = under_blank = 0
    for index, cell in enumerate(cells):
        if not cell.strip():
            continue
        parent = above[index] if index < len(above) else ""
        if cell == parent:
            continue
        label = _label(cell)
        if len(label) > _SUB_LABEL_MAX or not any(p.search(label) for _, p in COLUMN_PATTERNS):
            return False
        new += 1
        under_blank += not parent.strip()
    # One label under a filled header cell is more likely a section heading than a child.
    return new >= 2 or under_blank > 0


def combine(rows: list[list[str]]) -> list[str]:
    """One label per column from header rows stacked top to bottom."""
    width = max(len(cells) for cells in rows)
    labels = [""] * width
    for depth, cells in enumerate(rows):
        padded = cells + [""] * (width - len(cells))
        below = rows[depth + 1] if depth + 1 < len(rows) else []
        below = below + [""] * (width - len(below))
        carried = ""
        for index, cell in enumerate(padded):
            if cell.strip():
                carried = cell
            elif not below[index].strip() and depth + 1 < len(rows):
                # A blank with nothing under it ends the parent's span.
                carried = ""
            text = cell.strip() or (carried if below[index].strip() else "")
            if text and text not in labels[index]:
                labels[index] = f"{labels[index]} {text}".strip()
    return labels


def find_header(document: SourceDocument) -> Header:
    rows = document.rows
    for index, row in enumerate(rows):
        if row.text or sum(1 for cell in row.cells if cell.strip()) < 2:
            continue
        alone = classify_header(row.cells)
        if not alone and index + 1 < len(rows) and classify_header(rows[index + 1].cells):
            continue  # a title line above a header that stands on its own
        stack = [row.cells]
        following = index + 1
        while following < len(rows) and len(stack) < 3:
            candidate = rows[following]
            if candidate.text or candidate.block != row.block:
                break
            if not _is_sub_header(candidate.cells, stack[-1]):
                break
            stack.append(candidate.cells)
            following += 1
        labels = combine(stack) if len(stack) > 1 else list(row.cells)
        columns = classify_header(labels)
        if not columns:
            continue
        return _describe(Header(index, index + len(stack) - 1, columns, labels))
    raise UserFacingError(texts.text("import", "no_header", file=document.file_name))


def _describe(header: Header) -> Header:
    for name, index in header.columns.items():
        label = _label(header.labels[index])
        if label not in PLAIN_NAMES.get(name, set()):
            header.guessed[name] = " ".join(header.labels[index].split())
    lead = header.columns.get("lead")
    if lead is not None and "coordinating" not in header.columns:
        header.shared_units = bool(_SHARED_UNITS.search(_label(header.labels[lead])))
    return header


def header_rows(document: SourceDocument, header: Header) -> list[SourceRow]:
    return document.rows[header.first : header.last + 1]
