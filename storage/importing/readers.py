"""Readers: turn an .xlsx, .docx, .csv/.tsv or YAML plan into rows of cell texts.

Every reader refuses what it cannot read safely with one Vietnamese sentence saying what to
do; nothing downstream ever sees a half-read file.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import nfc
from storage import safe_yaml
from storage.importing.limits import (
    MAX_CELL_CHARS,
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_RATIO_CHECKED_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
)

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_SIGNATURE = b"PK\x03\x04"
SUPPORTED = (".xlsx", ".docx", ".csv", ".tsv", ".yaml", ".yml")
# The columns a YAML plan is turned into, spelt as a printed appendix would spell them.
YAML_HEADER = [
    "TT",
    "Nhiệm vụ",
    "Sản phẩm",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời hạn",
    "Mục tiêu/Giải pháp",
]
_TAGS = re.compile(r"<[^>]{1,400}>")


@dataclass(frozen=True)
class SourceRow:
    """One table row; `row` is the number the user finds in the file (see README)."""

    row: int
    cells: list[str]
    # Set by readers that know a row is a section heading (YAML), so no guess is needed.
    section: bool = False
    # The sheet or table the row belongs to, when the file has several.
    block: int = 0


@dataclass
class SourceDocument:
    file_name: str
    format: str
    rows: list[SourceRow]
    # Text around the table (titles, paragraphs): where the year and reporting dates are read.
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


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


def read_source(path: Path) -> SourceDocument:
    """Read a plan file of any supported kind, after the checks every kind shares."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UserFacingError(texts.text("import", "file_kind", file=path.name))
    if path.is_dir():
        raise UserFacingError(texts.text("import", "is_folder", path=str(path)))
    if not path.is_file():
        raise UserFacingError(texts.text("import", "file_not_found", path=str(path)))
    size = path.stat().st_size
    if size == 0:
        raise UserFacingError(texts.text("import", "file_empty", file=path.name))
    if size > MAX_FILE_BYTES:
        raise UserFacingError(
            texts.text(
                "import",
                "file_too_big",
                file=path.name,
                size_mb=f"{size / 1024 / 1024:.1f}",
                limit_mb=MAX_FILE_BYTES // 1024 // 1024,
            )
        )
    if suffix in (".xlsx", ".docx"):
        _check_package(path)
        document = _read_xlsx(path) if suffix == ".xlsx" else _read_docx(path)
    elif suffix in (".csv", ".tsv"):
        document = _read_delimited(path, tab=suffix == ".tsv")
    else:
        document = _read_yaml(path)
    if len(document.rows) > MAX_ROWS:
        raise UserFacingError(
            texts.text(
                "import", "too_many_rows", file=path.name, count=len(document.rows), limit=MAX_ROWS
            )
        )
    if not any(any(cell for cell in row.cells) for row in document.rows):
        raise UserFacingError(texts.text("import", "no_content", file=path.name))
    return document


def _check_package(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(8)
    kind = "Excel" if path.suffix.lower() == ".xlsx" else "Word"
    if head.startswith(OLE_SIGNATURE):
        data = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise UserFacingError(texts.text("import", "password", file=path.name, app=kind))
        raise UserFacingError(
            texts.text("import", "old_format", file=path.name, app=kind, suffix=path.suffix)
        )
    if not head.startswith(ZIP_SIGNATURE):
        raise UserFacingError(
            texts.text("import", "not_a_package", file=path.name, app=kind, suffix=path.suffix)
        )
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserFacingError(
            texts.text("import", "package_broken", file=path.name, app=kind)
        ) from exc
    unpacked = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    # Spreadsheet XML compresses well, so a high ratio alone is normal for a small file.
    suspicious = unpacked > MAX_RATIO_CHECKED_BYTES and unpacked / packed > MAX_COMPRESSION_RATIO
    if unpacked > MAX_UNPACKED_BYTES or suspicious:
        raise UserFacingError(
            texts.text(
                "import", "unpacked_too_big", file=path.name, size_mb=unpacked // 1024 // 1024
            )
        )


def _corrupt(path: Path, exc: Exception) -> UserFacingError:
    kind = "Excel" if path.suffix.lower() == ".xlsx" else "Word"
    error = UserFacingError(texts.text("import", "content_broken", file=path.name, app=kind))
    error.__cause__ = exc
    return error


def _read_xlsx(path: Path) -> SourceDocument:
    import openpyxl

    try:
        # Not read_only: merged cells are only visible in a full load; _check_package has
        # already bounded the unpacked size.
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged package
        raise _corrupt(path, exc) from exc
    rows: list[SourceRow] = []
    text_parts: list[str] = []
    offset = 0
    for sheet_index, sheet in enumerate(workbook.worksheets):
        if sheet.max_row > MAX_ROWS + 100:
            raise UserFacingError(
                texts.text(
                    "import",
                    "sheet_too_many_rows",
                    sheet=sheet.title,
                    file=path.name,
                    count=sheet.max_row,
                    limit=MAX_ROWS,
                )
            )
        grid: dict[tuple[int, int], str] = {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    grid[(cell.row, cell.column)] = clean_cell(_cell_value(cell.value))
        for merged in sheet.merged_cells.ranges:
            # A cell merged down a column (one lead for several tasks) belongs to every row;
            # a cell merged across columns is a heading and stays in its first column only.
            if merged.min_col != merged.max_col:
                continue
            value = grid.get((merged.min_row, merged.min_col), "")
            for row_index in range(merged.min_row + 1, merged.max_row + 1):
                grid[(row_index, merged.min_col)] = value
        width = max((column for _, column in grid), default=0)
        height = max((row for row, _ in grid), default=0)
        text_parts.append(sheet.title)
        for row_index in range(1, height + 1):
            cells = [grid.get((row_index, column), "") for column in range(1, width + 1)]
            rows.append(SourceRow(row=offset + row_index, cells=cells, block=sheet_index))
        # Rows of later sheets continue the numbering, so every row number is unique.
        offset += height
    workbook.close()
    return SourceDocument(file_name=path.name, format="xlsx", rows=rows, text="\n".join(text_parts))


def _cell_value(value: object) -> object:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def _read_docx(path: Path) -> SourceDocument:
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise _corrupt(path, exc) from exc
    rows: list[SourceRow] = []
    number = 0
    for table_index, table in enumerate(document.tables):
        above: dict[int, str] = {}
        for tr in table._tbl.tr_lst:
            number += 1
            cells: list[str] = []
            for tc in tr.tc_lst:
                text = clean_cell("\n".join(_paragraph_text(p) for p in tc.iter(qn("w:p"))))
                column = len(cells)
                v_merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
                if v_merge is not None and v_merge.get(qn("w:val")) in (None, "continue"):
                    # A vertically merged cell stores its text only in the first row.
                    text = above.get(column, "")
                above[column] = text
                cells.append(text)
                cells.extend("" for _ in range(tc.grid_span - 1))
            rows.append(SourceRow(row=number, cells=cells, block=table_index))
            if number > MAX_ROWS:
                break
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    return SourceDocument(file_name=path.name, format="docx", rows=rows, text=nfc(text))


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


def _decode(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserFacingError(texts.text("import", "not_utf8", file=path.name)) from exc


def _read_delimited(path: Path, *, tab: bool) -> SourceDocument:
    text = _decode(path)
    if "\x00" in text:
        raise UserFacingError(texts.text("import", "not_delimited", file=path.name))
    delimiter = "\t"
    if not tab:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[SourceRow] = []
    start = 1
    try:
        for cells in reader:
            rows.append(SourceRow(row=start, cells=[clean_cell(cell) for cell in cells]))
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                break
    except csv.Error as exc:
        raise UserFacingError(
            texts.text(
                "import", "csv_broken", file=path.name, line=reader.line_num, problem=str(exc)
            )
        ) from exc
    return SourceDocument(file_name=path.name, format="tsv" if tab else "csv", rows=rows)


def _read_yaml(path: Path) -> SourceDocument:
    text = _decode(path)
    try:
        data = safe_yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        message = (
            texts.text("import", "yaml_invalid_at", file=path.name, line=mark.line + 1)
            if mark is not None
            else texts.text("import", "yaml_invalid", file=path.name)
        )
        raise UserFacingError(message) from exc
    if not isinstance(data, dict) or not isinstance(data.get("sections", data.get("tasks")), list):
        raise UserFacingError(texts.text("import", "yaml_no_tasks", file=path.name))
    rows = [SourceRow(row=0, cells=list(YAML_HEADER))]
    sections = data.get("sections")
    if sections is None:
        sections = [{"title": None, "tasks": data.get("tasks")}]
    position = 0
    for index, section in enumerate(sections, start=1):
        if not isinstance(section, dict) or not isinstance(section.get("tasks") or [], list):
            raise UserFacingError(
                texts.text("import", "yaml_section_shape", index=index, file=path.name)
            )
        title = section.get("title")
        if title:
            rows.append(SourceRow(row=position, cells=["", clean_cell(title)], section=True))
        for task in section.get("tasks") or []:
            position += 1
            if not isinstance(task, dict):
                raise UserFacingError(
                    texts.text("import", "yaml_task_shape", index=position, file=path.name)
                )
            rows.append(
                SourceRow(
                    row=position,
                    cells=[
                        clean_cell(task.get("number")),
                        clean_cell(task.get("title")),
                        _yaml_text(task.get("output")),
                        _yaml_text(task.get("lead")),
                        _yaml_text(task.get("coordinating")),
                        _yaml_text(task.get("deadline")),
                        _yaml_text(task.get("goal")),
                    ],
                )
            )
    meta = {
        key: data[key]
        for key in ("code", "title", "issuer", "year", "issued_on", "reporting")
        if data.get(key) is not None
    }
    return SourceDocument(
        file_name=path.name,
        format="yaml",
        rows=rows,
        text=nfc(str(data.get("title") or "")),
        meta=meta,
    )


def _yaml_text(value: object) -> str:
    """A list in YAML is one cell of "- item" lines, the way plans write lists in a cell."""
    if isinstance(value, list):
        return "\n".join(f"- {clean_cell(item)}" for item in value if clean_cell(item))
    return clean_cell(value)
