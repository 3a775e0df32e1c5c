"""From rows of cells to tasks: find the header by meaning, follow sections, mend page splits.

Printed appendices repeat their header on every page and cut long rows in two at a page
break; both are undone here so the tasks come out as the author wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from messages import texts
from scheduler.folding import fold
from storage.importing.cell_text import one_line, split_roles
from storage.importing.headers import (
    Header,
    classify_header,
    find_header,
    fold_cell,
    is_column_index_row,
)
from storage.importing.parsed import (
    ParsedTable,
    ParsedTask,
    TableProblem,
    qualify_restarted_numbers,
    separate_repeated_numbers,
)
from storage.importing.source import SourceDocument, SourceRow

__all__ = ["ParsedTable", "ParsedTask", "classify_header", "parse_table"]

FIELDS = ("number", "title", "output", "lead", "coordinating", "deadline", "goal")
_ROMAN = re.compile(r"^(?=[ivxlc]+\b)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\.?$")
_ROMAN_PREFIX = re.compile(r"^((?:[IVXLC]+)|[A-Z])[.:)]?\s+(\S.*)$", re.DOTALL)
# "a)", "b." or a bare lower-case "c": sub-items of a numbered heading (upper case is Roman).
_LETTER = re.compile(r"^([a-zđ])\s*[).]?$|^([A-ZĐa-zđ])\s*\)$")
_NUMBER_CLEAN = re.compile(r"^[\s(]*(.*?)[\s.:)]*$")
_HEADING_NUMBER = re.compile(r"^([IVXLC]+|\d+(?:\.\d+)*)[.:)]?\s+\S")
_SUB_NUMBER = re.compile(r"^\d+\.\d+")
_NEXT_HEADING = re.compile(r"^(\d{1,2})[.)]\s+\S")
_BULLET = re.compile(r"^[-–•+*]$")
_BULLET_TITLE = re.compile(r"^[-–•+*]\s+")
# Fields whose line breaks are wrapping, not separators (unit cells are cut at line breaks).
_ONE_LINE = ("title", "output", "deadline", "goal")


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _is_roman(text: str) -> bool:
    """Upper-case Roman numerals only: "c)" and "d)" are sub-items, "IV" is a part."""
    return bool(text) and text.isupper() and bool(_ROMAN.match(fold(text)))


def _is_repeated_header(cells: list[str], wanted: set[str]) -> bool:
    filled = [fold_cell(cell) for cell in cells if cell.strip()]
    return bool(filled) and sum(1 for cell in filled if cell in wanted) >= max(2, len(filled) - 1)


def _join(first: str, second: str) -> str:
    if not second or second == first:
        return first
    if not first:
        return second
    return f"{first} {second}" if not first.endswith("\n") else first + second


def _task_rows(document: SourceDocument, header: Header) -> list[SourceRow]:
    """Rows of the task table: its own sheet or table, and later ones that continue it.

    A later table continues the task table when it repeats the header or, in Word, has the same
    number of columns (one table per section, or a table cut in two by a conversion); anything
    else (a signature block, a summary sheet) is not part of it. Paragraphs between two kept
    tables are kept too: they are where such plans write the section titles.
    """
    header_row = document.rows[header.first]
    width = len(header_row.cells)
    blocks: dict[int, list[SourceRow]] = {}
    order: list[tuple[int, SourceRow]] = []
    for row in document.rows[header.last + 1 :]:
        if row.text:
            order.append((-1, row))
            continue
        blocks.setdefault(row.block, []).append(row)
        order.append((row.block, row))
    kept_blocks: set[int] = set()
    for block, rows in blocks.items():
        own = block == header_row.block
        same_width = document.format != "xlsx" and max(len(r.cells) for r in rows) == width
        if own or same_width or any(classify_header(row.cells) for row in rows):
            kept_blocks.add(block)
    kept: list[SourceRow] = []
    waiting: list[SourceRow] = []
    for block, row in order:
        if block == -1:
            waiting.append(row)
        elif block in kept_blocks:
            kept.extend(waiting)
            waiting = []
            kept.append(row)
        else:
            waiting = []
    return kept


@dataclass
class _State:
    """Where the parser is: the current section and the last task, for continuations."""

    section: str | None = None
    section_number: str | None = None
    # The Roman or lettered part the section belongs to ("VIII" for its item "2"), and its
    # heading, for tasks that come back to the part's own level after the item's.
    part_number: str | None = None
    part_section: str | None = None
    # Units a section heading row names, for tasks under it whose cell is blank.
    section_lead: str = ""
    section_coordinating: str = ""
    last: ParsedTask | None = None
    # The number bullets ("-", "+") and letters are counted under.
    base: str | None = None
    bullets: int = 0
    # No row of the table has a number: Word numbered it with an automatic list, whose
    # numbers are not text. Each row with a task and its units is then a task of its own.
    unnumbered: bool = False
    counted: int = 0

    def open_section(
        self, title: str, number: str | None, lead: str = "", partners: str = ""
    ) -> None:
        self.section, self.section_number = title, number
        if not (number and number[0].isdigit()):
            self.part_number, self.part_section = number, title or None
        self.section_lead, self.section_coordinating = lead, partners
        self.last, self.base, self.bullets = None, number, 0


def _values(source: SourceRow, header: Header) -> dict[str, str]:
    if source.text:
        values = dict.fromkeys(FIELDS, "")
        values["title"] = one_line(source.cells[-1])
        return values
    values = {name: _cell(source.cells, header.columns, name) for name in FIELDS}
    for name in _ONE_LINE:
        values[name] = one_line(values[name])
    lead = values["lead"]
    if lead and (header.shared_units or "phoi hop" in fold_cell(lead)):
        lead, partners = split_roles(lead)
        values["lead"] = lead
        values["coordinating"] = _join_list(values["coordinating"], partners)
    return values


def _join_list(first: str, second: str) -> str:
    if not second:
        return first
    return f"{first}\n{second}" if first else second


def _place(source: SourceRow, document: SourceDocument, header_block: int) -> str:
    if source.block == header_block or not 0 <= source.block < len(document.blocks):
        return str(source.row)
    return f"{source.row} ({document.blocks[source.block]})"


def _initial_section(document: SourceDocument, header: Header, state: _State) -> None:
    """A numbered heading written just above the first table ("I. CẢI CÁCH THỂ CHẾ"): a Word
    paragraph, or a title line of its own above the header in Excel and CSV."""
    for row in reversed(document.rows[: header.first]):
        filled = [cell for cell in row.cells if cell.strip()]
        if len(filled) != 1:
            return
        title = filled[0]
        heading = _HEADING_NUMBER.match(title) or _ROMAN_PREFIX.match(title)
        if heading and (_is_roman(heading.group(1)) or heading.group(1)[0].isdigit()):
            state.open_section(title, heading.group(1))
            return
        if len(title) > 40:
            return


def parse_table(document: SourceDocument) -> ParsedTable:
    header = find_header(document)
    header_block = document.rows[header.first].block
    wanted = {
        fold_cell(cell)
        for row in document.rows[header.first : header.last + 1]
        for cell in row.cells
        if cell.strip()
    }
    preamble = "\n".join(
        " ".join(cell for cell in row.cells if cell) for row in document.rows[: header.first]
    )
    tasks: list[ParsedTask] = []
    problems: list[TableProblem] = []
    state = _State()
    _initial_section(document, header, state)
    state.unnumbered = not _any_number(document, header, wanted)
    # True right after a header repeated at the top of a page.
    after_break = False
    for source in _task_rows(document, header):
        cells = source.cells
        if not any(cell.strip() for cell in cells):
            continue
        numbered = _cell(cells, header.columns, "number")[:1].isdigit()
        # A numbered row is a task, never a header: most rows skip the header tests.
        if (
            not source.text
            and not numbered
            and (_is_repeated_header(cells, wanted) or classify_header(cells))
        ):
            after_break = True
            continue
        if is_column_index_row(cells):
            continue
        at_break, after_break = after_break, False
        values = _values(source, header)
        if source.text:
            if _looks_like_heading(values) or source.bold:
                number = _HEADING_NUMBER.match(values["title"])
                state.open_section(values["title"], number.group(1) if number else None)
            continue
        _row(
            source, values, state, at_break, tasks, problems, _place(source, document, header_block)
        )
    qualify_restarted_numbers(tasks)
    problems.extend(separate_repeated_numbers(tasks))
    return ParsedTable(
        tasks=tasks,
        problems=problems,
        header_row=document.rows[header.first].row,
        columns=header.columns,
        preamble=preamble,
        header=header,
        block=document.blocks[header_block] if 0 <= header_block < len(document.blocks) else "",
    )


def _any_number(document: SourceDocument, header: Header, wanted: set[str]) -> bool:
    for source in _task_rows(document, header):
        number = _cell(source.cells, header.columns, "number").strip()
        if (
            number
            and not source.text
            and fold_cell(number) not in wanted
            and not is_column_index_row(source.cells)
        ):
            return True
    return False


def _row(
    source: SourceRow,
    values: dict[str, str],
    state: _State,
    at_break: bool,
    tasks: list[ParsedTask],
    problems: list[TableProblem],
    place: str,
) -> None:
    raw_number = values["number"]
    number = _NUMBER_CLEAN.sub(r"\1", raw_number).strip()
    units = bool(values["lead"] or values["coordinating"])
    details = units or any(values[name] for name in ("output", "deadline"))
    timed = any(values[name] for name in ("output", "deadline"))

    # "VI XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ" written whole in the number column.
    prefixed = _ROMAN_PREFIX.match(raw_number) if not values["title"] else None
    if prefixed and (_is_roman(prefixed.group(1)) or len(prefixed.group(1)) == 1):
        number, values["title"] = prefixed.group(1), prefixed.group(2).strip()
    if not number and _BULLET_TITLE.match(values["title"]) and details:
        # "- Rà soát …" with its own units or deadline: an item, not the rest of the last task.
        number, values["title"] = "-", _BULLET_TITLE.sub("", values["title"], count=1)

    heading_like = (
        not number
        and not details
        and (source.bold or _looks_like_heading(values) or _next_numbered_heading(values, state))
    )
    if source.section or heading_like:
        heading = _HEADING_NUMBER.match(values["title"])
        found = (
            heading.group(1)
            if heading and (_is_roman(heading.group(1)) or heading.group(1)[0].isdigit())
            else None
        )
        state.open_section(values["title"], found)
        return
    last = state.last
    if not number and state.unnumbered and details and values["title"]:
        state.counted += 1
        number = str(state.counted)
    if not number and last is not None and (details or values["title"]):
        _continue_task(last, values, source)
        return
    letter = _LETTER.match(raw_number.strip())
    bullet = bool(_BULLET.match(number))
    sub_number = bool(_SUB_NUMBER.match(number)) or bool((letter or bullet) and state.base)
    if not details and values["title"] and not values["goal"] and not sub_number:
        title = f"{number}. {values['title']}" if number else values["title"]
        state.open_section(title, number or None)
        return
    if not timed and units and values["title"] and (_is_roman(number) or _is_letter(number)):
        # "II | CẢI CÁCH THỂ CHẾ | Phòng Tư pháp": a heading naming who leads its tasks.
        title = f"{number}. {values['title']}"
        state.open_section(title, number, values["lead"], values["coordinating"])
        return
    if not number and not details:
        return
    above = state.section_number
    if number.isdigit() and above and above.isdigit() and above == state.base and state.bullets:
        # Heading "2" held items a), b): a plain "3" with its units sits at the heading's
        # level, outside it: back in the part the heading belongs to, if there is one.
        state.open_section(state.part_section or "", state.part_number)
        state.section = state.part_section
    if (letter or bullet) and state.base:
        state.bullets += 1
        mark = (letter.group(1) or letter.group(2)).lower() if letter else str(state.bullets)
        number = f"{state.base}.{mark}"
    if at_break and last is not None and number == last.number:
        # A row split across pages whose number cell was repeated or merged; the review says
        # so, since a typo repeating the number there would join two tasks.
        problems.append(
            TableProblem(
                source.row,
                "joined_at_page_break",
                texts.text(
                    "import",
                    "joined_at_page_break",
                    row=place,
                    number=number,
                    first_row=last.place or str(last.row),
                ),
            )
        )
        _continue_task(last, values, source)
        return
    if not number or _BULLET.match(number):
        problems.append(
            TableProblem(
                source.row,
                "missing_number",
                texts.text("import", "missing_number", row=place),
            )
        )
        number = f"d{source.row}"
    inherited = not values["lead"] and bool(state.section_lead)
    task = ParsedTask(
        row=source.row,
        number=number[:20],
        section=state.section,
        title=values["title"],
        output=values["output"],
        lead=values["lead"] or state.section_lead,
        coordinating=values["coordinating"] or (state.section_coordinating if inherited else ""),
        deadline=values["deadline"],
        goal=values["goal"],
        rows=[source.row],
        section_number=state.section_number,
        part_number=state.part_number,
        place=place,
        inherited_lead=inherited,
    )
    if _is_roman(number):
        # A numbered part with its own lead and deadline ("VIII Thực hiện các nội dung
        # khác…") is a task and also opens its own section.
        state.section = task.section = f"{number}. {task.title}"
        state.section_number = task.section_number = number
        state.part_number = task.part_number = number
    tasks.append(task)
    state.last = task
    if not (letter or bullet):
        state.base, state.bullets = task.number, 0


def _is_letter(number: str) -> bool:
    return len(number) == 1 and number.isalpha() and number.isupper()


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


def _next_numbered_heading(values: dict[str, str], state: _State) -> bool:
    """ "2. Các nhiệm vụ …" in the title column under heading "1. …": the next heading, even
    where nothing marks it bold (a CSV), since a task's own text rarely goes on with the number
    that follows its heading's."""
    heading = _NEXT_HEADING.match(values["title"])
    current = state.section_number or ""
    return bool(heading and current.isdigit() and int(heading.group(1)) == int(current) + 1)


def _continue_task(task: ParsedTask, values: dict[str, str], source: SourceRow) -> None:
    task.title = _join(task.title, values["title"])
    task.output = _join(task.output, values["output"])
    task.lead = _join(task.lead, values["lead"])
    task.coordinating = _join(task.coordinating, values["coordinating"])
    task.deadline = _join(task.deadline, values["deadline"])
    task.goal = _join(task.goal, values["goal"])
    task.rows.append(source.row)
