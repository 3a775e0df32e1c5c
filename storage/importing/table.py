"""From rows of cells to tasks: find the header by meaning, follow sections, mend page splits.

Printed appendices repeat their header on every page and cut long rows in two at a page
break; both are undone here so the tasks come out as the author wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold
from storage.importing.readers import SourceDocument, SourceRow

# Checked in this order: "phối hợp thực hiện" must not be read as a lead column, and
# "tiến độ, thời gian thực hiện" must not be read as an output column.
COLUMN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(s\.?\s*)?t\.?\s*t\.?$|^so (thu tu|tt)$|^stt$|^tt$")),
    ("coordinating", re.compile(r"phoi hop")),
    ("deadline", re.compile(r"thoi gian|thoi han|tien do|han hoan thanh|\bhan\b")),
    ("lead", re.compile(r"chu tri|tham muu|don vi thuc hien|co quan thuc hien|thuc hien$")),
    ("output", re.compile(r"san pham|ket qua")),
    ("goal", re.compile(r"muc tieu|giai phap")),
    ("title", re.compile(r"nhiem vu|noi dung|cong viec|ten")),
)
FIELDS = ("number", "title", "output", "lead", "coordinating", "deadline", "goal")
_ROMAN = re.compile(r"^(?=[ivxlc]+\b)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\.?$")
_ROMAN_PREFIX = re.compile(r"^((?:[IVXLC]+)|[A-Z])[.:)]?\s+(\S.*)$", re.DOTALL)
# "a)", "b." or a bare lower-case "c": sub-items of a numbered heading (upper case is Roman).
_LETTER = re.compile(r"^([a-zđ])\s*[).]?$|^([A-ZĐa-zđ])\s*\)$")
_NUMBER_CLEAN = re.compile(r"^[\s(]*(.*?)[\s.:)]*$")
_HEADING_NUMBER = re.compile(r"^([IVXLC]+|\d+(?:\.\d+)*)[.:)]?\s+\S")
_SUB_NUMBER = re.compile(r"^\d+\.\d+")
_COLUMN_INDEX = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass
class ParsedTask:
    row: int
    number: str
    section: str | None
    title: str
    output: str = ""
    lead: str = ""
    coordinating: str = ""
    deadline: str = ""
    goal: str = ""
    rows: list[int] = field(default_factory=list)
    # The number of the heading the task sits under ("II"), when the heading has one.
    section_number: str | None = None


@dataclass(frozen=True)
class TableProblem:
    row: int
    kind: str
    message: str


@dataclass
class ParsedTable:
    tasks: list[ParsedTask]
    problems: list[TableProblem]
    header_row: int
    columns: dict[str, int]
    # Rows above the header (titles) and other text: where the plan year is written.
    preamble: str


@lru_cache(maxsize=4096)
def _fold_cell(text: str) -> str:
    """fold() for cells: unit names and deadlines repeat down a table, so they are folded once."""
    return fold(text)


def classify_header(cells: list[str]) -> dict[str, int]:
    """Which column holds which field, if this row is a header; empty dict otherwise."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        if not cell or len(cell) > 200:
            continue
        folded = _fold_cell(cell).replace("\n", " ")
        if not folded or len(folded) > 120:
            continue
        for name, pattern in COLUMN_PATTERNS:
            if name not in columns and pattern.search(folded):
                columns[name] = index
                break
    if "title" not in columns or not ({"lead", "number"} & columns.keys()):
        return {}
    if len(columns) < 3:
        return {}
    return columns


def find_header(document: SourceDocument) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(document.rows):
        columns = classify_header(row.cells)
        if columns:
            return index, columns
    raise UserFacingError(texts.text("import", "no_header", file=document.file_name))


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _is_roman(text: str) -> bool:
    """Upper-case Roman numerals only: "c)" and "d)" are sub-items, "IV" is a part."""
    return bool(text) and text.isupper() and bool(_ROMAN.match(fold(text)))


def _is_repeated_header(cells: list[str], wanted: set[str]) -> bool:
    filled = [_fold_cell(cell) for cell in cells if cell.strip()]
    return bool(filled) and sum(1 for cell in filled if cell in wanted) >= max(2, len(filled) - 1)


def _is_column_index_row(cells: list[str]) -> bool:
    """The "(1) (2) (3) …" row some appendices print under the header."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    return len(filled) >= 3 and all(_COLUMN_INDEX.match(cell) for cell in filled)


def _join(first: str, second: str) -> str:
    if not second or second == first:
        return first
    if not first:
        return second
    return f"{first} {second}" if not first.endswith("\n") else first + second


def _task_rows(document: SourceDocument, header_index: int) -> list[SourceRow]:
    """Rows of the task table: its own sheet or table, and later ones that continue it.

    A later sheet or table continues the task table when it repeats the header or has the same
    number of columns (a table cut in two by a conversion); anything else (a signature block, a
    summary sheet) is not part of it.
    """
    header_row = document.rows[header_index]
    width = len(header_row.cells)
    blocks: dict[int, list[SourceRow]] = {}
    for row in document.rows[header_index + 1 :]:
        blocks.setdefault(row.block, []).append(row)
    kept: list[SourceRow] = []
    for block, rows in blocks.items():
        own = block == header_row.block
        same_width = max(len(row.cells) for row in rows) == width
        if own or same_width or any(classify_header(row.cells) for row in rows):
            kept.extend(rows)
    return kept


_START = re.compile(r"^(bat dau|khoi cong|tu|tu ngay|tu thang)$")
_END = re.compile(r"^(hoan thanh|ket thuc|den|den ngay|den thang|thoi han)$")


def _deadline_column(document: SourceDocument, header_index: int, columns: dict[str, int]) -> None:
    """A "Thời gian thực hiện" header split below into "Bắt đầu | Hoàn thành": the deadline
    is the end column, never the start."""
    index = columns.get("deadline")
    if index is None or header_index + 1 >= len(document.rows):
        return
    below = [fold(cell).strip(" .:") for cell in document.rows[header_index + 1].cells]
    if index >= len(below) or not _START.match(below[index]):
        return
    for column in range(index + 1, min(index + 3, len(below))):
        if _END.match(below[column]):
            columns["deadline"] = column
            return


def parse_table(document: SourceDocument) -> ParsedTable:
    header_index, columns = find_header(document)
    _deadline_column(document, header_index, columns)
    wanted = {_fold_cell(cell) for cell in document.rows[header_index].cells if cell.strip()}
    preamble = "\n".join(
        " ".join(cell for cell in row.cells if cell) for row in document.rows[:header_index]
    )
    tasks: list[ParsedTask] = []
    problems: list[TableProblem] = []
    section: str | None = None
    section_number: str | None = None
    # After a repeated header a row without a number continues the task cut by the page break.
    last: ParsedTask | None = None
    # True right after a header repeated at the top of a page.
    after_break = False
    for source in _task_rows(document, header_index):
        cells = source.cells
        if not any(cell.strip() for cell in cells):
            continue
        if _is_repeated_header(cells, wanted) or classify_header(cells):
            after_break = True
            continue
        if _is_column_index_row(cells):
            continue
        at_break, after_break = after_break, False
        values = {name: _cell(cells, columns, name) for name in FIELDS}
        raw_number = values["number"]
        number = _NUMBER_CLEAN.sub(r"\1", raw_number).strip()
        details = any(values[name] for name in ("output", "lead", "coordinating", "deadline"))

        # "VI XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ" written whole in the number column.
        prefixed = _ROMAN_PREFIX.match(raw_number) if not values["title"] else None
        if prefixed and (_is_roman(prefixed.group(1)) or len(prefixed.group(1)) == 1):
            number, values["title"] = prefixed.group(1), prefixed.group(2).strip()

        if source.section or (not number and not details and _looks_like_heading(values)):
            section, section_number = values["title"], None
            heading = _HEADING_NUMBER.match(values["title"])
            if heading and (_is_roman(heading.group(1)) or heading.group(1)[0].isdigit()):
                section_number = heading.group(1)
            last = None
            continue
        if not number and last is not None and (details or values["title"]):
            _continue_task(last, values, source)
            continue
        letter = _LETTER.match(raw_number.strip())
        sub_number = bool(_SUB_NUMBER.match(number)) or bool(letter and section_number)
        if not details and values["title"] and not values["goal"] and not sub_number:
            section = f"{number}. {values['title']}" if number else values["title"]
            section_number = number or None
            last = None
            continue
        if not number and not details:
            continue

        if letter and section_number:
            number = f"{section_number}.{(letter.group(1) or letter.group(2)).lower()}"
        if at_break and last is not None and number == last.number:
            # A row split across pages whose number cell was repeated or merged.
            _continue_task(last, values, source)
            continue
        if not number:
            problems.append(
                TableProblem(
                    source.row,
                    "missing_number",
                    texts.text("import", "missing_number", row=source.row),
                )
            )
            number = f"d{source.row}"
        task = ParsedTask(
            row=source.row,
            number=number[:20],
            section=section,
            title=values["title"],
            output=values["output"],
            lead=values["lead"],
            coordinating=values["coordinating"],
            deadline=values["deadline"],
            goal=values["goal"],
            rows=[source.row],
            section_number=section_number,
        )
        if _is_roman(number):
            # A numbered part with its own lead and deadline ("VIII Thực hiện các nội dung
            # khác…") is a task and also opens its own section.
            section = task.section = f"{number}. {task.title}"
            section_number = task.section_number = number
        tasks.append(task)
        last = task
    _qualify_restarted_numbers(tasks)
    return ParsedTable(
        tasks=tasks,
        problems=problems,
        header_row=document.rows[header_index].row,
        columns=columns,
        preamble=preamble,
    )


def _looks_like_heading(values: dict[str, str]) -> bool:
    """A title-only row without a number: "I. CẢI CÁCH THỂ CHẾ" or all capitals is a heading,
    anything else is the rest of a task cut by a page break."""
    title = values["title"]
    if not title or values["goal"]:
        return False
    heading = _ROMAN_PREFIX.match(title)
    if heading and _is_roman(heading.group(1)):
        return True
    letters = [ch for ch in title if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def _continue_task(task: ParsedTask, values: dict[str, str], source: SourceRow) -> None:
    task.title = _join(task.title, values["title"])
    task.output = _join(task.output, values["output"])
    task.lead = _join(task.lead, values["lead"])
    task.coordinating = _join(task.coordinating, values["coordinating"])
    task.deadline = _join(task.deadline, values["deadline"])
    task.goal = _join(task.goal, values["goal"])
    task.rows.append(source.row)


def _qualify_restarted_numbers(tasks: list[ParsedTask]) -> None:
    """Plans that number tasks 1, 2, … again under every part get "II.1", "II.2", ….

    Only when a number really repeats under different numbered headings, and then for every
    task under a numbered heading, so the numbers stay the same from one import to the next.
    """
    sections: dict[str, set[str | None]] = {}
    for task in tasks:
        sections.setdefault(task.number, set()).add(task.section_number)
    repeated = [number for number, found in sections.items() if len(found) > 1]
    if not repeated or any(None in sections[number] for number in repeated):
        return
    for task in tasks:
        prefix = task.section_number
        if prefix and task.number != prefix and not task.number.startswith(f"{prefix}."):
            task.number = f"{prefix}.{task.number}"[:20]
