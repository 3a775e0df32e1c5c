"""Readers: turn an .xlsx, .docx, .csv/.tsv or YAML plan into rows of cell texts.

Every reader refuses what it cannot read safely with one Vietnamese sentence saying what to
do; nothing downstream ever sees a half-read file.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import yaml

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import nfc
from storage import safe_yaml
from storage.importing.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_RATIO_CHECKED_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
)
from storage.importing.office import read_docx, read_xlsx
from storage.importing.source import SourceDocument, SourceRow, clean_cell

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

__all__ = ["SourceDocument", "SourceRow", "clean_cell", "read_source"]


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
        document = read_xlsx(path) if suffix == ".xlsx" else read_docx(path)
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
