"""Reading Excel and Word tables into rows, after checking their extent.

A 40 KB package can declare a cell in column XFD, a merge over a whole sheet or a cell spanning
ten million grid columns; libraries then build every one of those cells. The extent is read
from the XML first (a regular-expression scan, no tree) and anything wider than a plan table
can be is refused in one sentence before any row is built.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import nfc
from storage.importing.limits import MAX_COLUMNS, MAX_MERGED_CELLS, MAX_ROWS
from storage.importing.source import SourceDocument, SourceRow, clean_cell

_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')
_MERGE_REF = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"'
)
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + (char - 64)
    return number


def _refuse(key: str, path: Path, **values: object) -> UserFacingError:
    return UserFacingError(texts.text("import", key, file=path.name, **values))


def check_xlsx_extent(path: Path) -> None:
    """Refuse cells and merges beyond what any plan table uses, before openpyxl builds them."""
    with zipfile.ZipFile(path) as package:
        for info in package.infolist():
            if not _SHEET_PART.match(info.filename):
                continue
            data = package.read(info)
            merged = 0
            for match in _MERGE_REF.finditer(data):
                first, last = _column_number(match.group(1)), _column_number(match.group(3))
                rows = int(match.group(4)) - int(match.group(2)) + 1
                merged += max(1, last - first + 1) * max(1, rows)
                if last - first + 1 > MAX_COLUMNS or rows > MAX_ROWS or merged > MAX_MERGED_CELLS:
                    ref = "{}{}:{}{}".format(*(part.decode() for part in match.groups()))
                    raise _refuse("merge_too_big", path, ref=ref)
            # Only cells written with a value count: a styled empty cell far right is harmless.
            widest = 0
            for match in _CELL_REF.finditer(data):
                column = _column_number(match.group(1))
                if column > widest:
                    end = data.find(b">", match.end())
                    closing = data[end - 1 : end] == b"/"
                    if not closing:
                        widest = column
            if widest > MAX_COLUMNS:
                raise _refuse("too_many_columns", path, count=widest, limit=MAX_COLUMNS)


def read_xlsx(path: Path) -> SourceDocument:
    import openpyxl

    check_xlsx_extent(path)
    try:
        # Not read_only: merged cells are only visible in a full load; the extent is checked.
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged package
        raise corrupt(path, exc) from exc
    rows: list[SourceRow] = []
    blocks: list[str] = []
    hidden = 0
    for sheet_index, sheet in enumerate(workbook.worksheets):
        if sheet.max_row > MAX_ROWS + 100:
            raise _refuse(
                "sheet_too_many_rows", path, sheet=sheet.title, count=sheet.max_row, limit=MAX_ROWS
            )
        blocks.append(sheet.title)
        hidden_rows = {index for index, dim in sheet.row_dimensions.items() if dim.hidden and index}
        hidden_columns = _hidden_columns(sheet)
        grid: dict[tuple[int, int], str] = {}
        bold: dict[int, bool] = {}
        for row in sheet.iter_rows(max_col=MAX_COLUMNS):
            for cell in row:
                if cell.value is None:
                    continue
                grid[(cell.row, cell.column)] = clean_cell(_cell_value(cell.value))
                if grid[(cell.row, cell.column)]:
                    is_bold = bool(cell.font is not None and cell.font.b)
                    bold[cell.row] = bold.get(cell.row, True) and is_bold
        for merged in sheet.merged_cells.ranges:
            # A cell merged down a column (one lead for several tasks) belongs to every row;
            # a cell merged across columns is a heading and stays in its first column only.
            value = grid.get((merged.min_row, merged.min_col), "")
            for row_index in range(merged.min_row + 1, merged.max_row + 1):
                grid[(row_index, merged.min_col)] = value
        width = max((column for _, column in grid), default=0)
        height = max((row for row, _ in grid), default=0)
        columns = [c for c in range(1, width + 1) if c not in hidden_columns]
        hidden += len(hidden_rows & set(range(1, height + 1)))
        hidden += sum(1 for c in hidden_columns if c <= width)
        for row_index in range(1, height + 1):
            if row_index in hidden_rows:
                continue
            cells = [grid.get((row_index, column), "") for column in columns]
            rows.append(
                SourceRow(
                    row=row_index, cells=cells, block=sheet_index, bold=bold.get(row_index, False)
                )
            )
    workbook.close()
    return SourceDocument(
        file_name=path.name,
        format="xlsx",
        rows=rows,
        text="\n".join(blocks),
        blocks=[texts.text("import", "block_sheet", name=name) for name in blocks],
        hidden=hidden,
    )


def _hidden_columns(sheet: Any) -> set[int]:
    from openpyxl.utils import column_index_from_string

    hidden: set[int] = set()
    for letter, dim in sheet.column_dimensions.items():
        if not dim.hidden:
            continue
        first = column_index_from_string(letter)
        low, high = dim.min or first, dim.max or first
        hidden.update(range(low, min(high, MAX_COLUMNS) + 1))
    return hidden


def _cell_value(value: object) -> object:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def corrupt(path: Path, exc: Exception) -> UserFacingError:
    kind = "Excel" if path.suffix.lower() == ".xlsx" else "Word"
    error = UserFacingError(texts.text("import", "content_broken", file=path.name, app=kind))
    error.__cause__ = exc
    return error


def read_docx(path: Path) -> SourceDocument:
    """Tables in document order; paragraphs before and between tables are kept as rows of
    their own, because plans that put each section in its own table write the section title
    there, the first one just above the first table."""
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise corrupt(path, exc) from exc
    rows: list[SourceRow] = []
    blocks: list[str] = []
    tables_seen = 0
    between: list[SourceRow] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = clean_cell(_paragraph_text(child))
            if text:
                bold = _is_bold(child)
                between.append(SourceRow(row=0, cells=["", text], block=-1, bold=bold, text=True))
            continue
        if child.tag != qn("w:tbl"):
            continue
        rows.extend(between)
        between = []
        block = tables_seen
        tables_seen += 1
        blocks.append(texts.text("import", "block_table", number=tables_seen))
        _read_table(path, child, block, rows)
        if len(rows) > MAX_ROWS:
            break
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    return SourceDocument(
        file_name=path.name, format="docx", rows=rows, text=nfc(text), blocks=blocks
    )


def _read_table(path: Path, table: Any, block: int, rows: list[SourceRow]) -> None:
    from docx.oxml.ns import qn

    above: dict[int, str] = {}
    for number, tr in enumerate(table.iter(qn("w:tr")), start=1):
        if tr.getparent() is not table:
            continue  # a row of a table nested in a cell
        cells: list[str] = []
        bold = True
        for tc in tr.iterchildren(qn("w:tc")):
            span = _grid_span(tc)
            if span > MAX_COLUMNS or len(cells) + span > MAX_COLUMNS:
                raise _refuse("too_many_columns", path, count=len(cells) + span, limit=MAX_COLUMNS)
            text = clean_cell("\n".join(_paragraph_text(p) for p in tc.iter(qn("w:p"))))
            column = len(cells)
            tc_pr = tc.find(qn("w:tcPr"))
            v_merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            if v_merge is not None and v_merge.get(qn("w:val")) in (None, "continue"):
                # A vertically merged cell stores its text only in the first row.
                text = above.get(column, "")
            elif text:
                bold = bold and _is_bold(tc)
            above[column] = text
            cells.append(text)
            cells.extend("" for _ in range(span - 1))
        rows.append(SourceRow(row=number, cells=cells, block=block, bold=bold and any(cells)))
        if len(rows) > MAX_ROWS:
            return


def _grid_span(tc: Any) -> int:
    from docx.oxml.ns import qn

    tc_pr = tc.find(qn("w:tcPr"))
    span = tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None
    if span is None:
        return 1
    try:
        return max(1, int(span.get(qn("w:val")) or 1))
    except ValueError:
        return 1


def _is_bold(element: Any) -> bool:
    """Every run with text is bold (directly or by the paragraph's run properties)."""
    from docx.oxml.ns import qn

    runs = [r for r in element.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    if not runs:
        return False
    for run in runs:
        props = run.find(qn("w:rPr"))
        flag = props.find(qn("w:b")) if props is not None else None
        if flag is None or flag.get(qn("w:val")) in ("0", "false"):
            return False
    return True


def _paragraph_text(paragraph: Any) -> str:
    """Text of a paragraph with its manual line breaks (Shift+Enter) kept as new lines."""
    from docx.oxml.ns import qn

    text_tag, tab_tag = qn("w:t"), qn("w:tab")
    breaks = {qn("w:br"), qn("w:cr")}
    parts: list[str] = []
    for node in paragraph.iter(text_tag, tab_tag, *breaks):
        if node.tag == text_tag:
            parts.append(node.text or "")
        elif node.tag == tab_tag:
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)
