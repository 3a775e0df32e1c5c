"""Small hostile Word/Excel files must be refused in one sentence, not exhaust memory.

Each import runs in a child process under an address-space limit, so a regression fails the
test with a MemoryError instead of taking the machine down.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

# Far above what a plan import needs (about 300 MB), far below what the bombs reached (gigabytes).
MEMORY_LIMIT = 1024 * 1024 * 1024
CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from bot.cli import main
sys.argv = ["nhacviec", "import", sys.argv[1]]
main()
"""


def _docx_with_grid_span(path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for index, text in enumerate(("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn")):
        table.rows[0].cells[index].text = text
    for number in range(1, 400):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(number), "Báo cáo"
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    body = parts["word/document.xml"].decode()
    # Every body cell claims to span ten million grid columns.
    body = body.replace("<w:tc><w:tcPr>", '<w:tc><w:tcPr><w:gridSpan w:val="10000000"/>')
    parts["word/document.xml"] = body.encode()
    _write_zip(path, parts)


def _xlsx(path: Path, extra: str) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"])
    for number in range(1, 400):
        sheet.append([number, "Báo cáo", "Văn phòng Sở", "Quý I/2024"])
    if extra == "xfd":
        for row in range(2, 400):
            sheet.cell(row=row, column=16384, value="x")
    workbook.save(str(path))
    if extra == "merge":
        with zipfile.ZipFile(path) as package:
            parts = {name: package.read(name) for name in package.namelist()}
        sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
        merge = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
        sheet_xml = re.sub(r"(</sheetData>)", r"\1" + merge, sheet_xml)
        parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
        _write_zip(path, parts)


def _write_zip(path: Path, parts: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    path.write_bytes(buffer.getvalue())


BUILDERS = {
    "docx_grid_span": ("ke-hoach-2024.docx", _docx_with_grid_span, "cột"),
    "xlsx_cell_in_xfd": ("ke-hoach-2024.xlsx", lambda p: _xlsx(p, "xfd"), "cột"),
    "xlsx_merge_whole_sheet": ("ke-hoach-2024.xlsx", lambda p: _xlsx(p, "merge"), "gộp"),
}


@pytest.mark.parametrize("case", sorted(BUILDERS))
def test_hostile_office_file_is_refused_in_one_sentence(tmp_path: Path, case: str) -> None:
    name, build, word = BUILDERS[case]
    path = tmp_path / name
    build(path)
    assert path.stat().st_size < 200 * 1024
    database = tmp_path / "plans.db"
    env = {**os.environ, "NHACVIEC_DATABASE_URL": f"sqlite:///{database}"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(limit=MEMORY_LIMIT), str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode != 0
    assert "Traceback" not in output and "MemoryError" not in output, output[-2000:]
    assert len(output.splitlines()) == 1, output
    assert name in output and word in output, output
    if database.exists():
        with sqlite3.connect(database) as connection:
            tables = {row[0] for row in connection.execute("select name from sqlite_master")}
            if "plan" in tables:
                assert connection.execute("select count(*) from plan").fetchone() == (0,)
