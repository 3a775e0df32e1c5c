"""Build each layout fixture of `fixtures.py` as .xlsx, .docx and .csv.

    python tests/data/plans/layouts/build.py OUTPUT_FOLDER

The same rows become an Excel sheet (merged cells, bold headings, hidden rows and columns,
several sheets), a Word document (gridSpan/vMerge merges, a table per section, a header repeated
after a page break) and a CSV export (a merged cell's text in its first cell, as Excel writes it).
The tests build them into a temporary folder and compare the three reviews.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fixtures import FIXTURES, Cell, Fixture, Row  # noqa: E402


def _cells(row: Row) -> list[Cell]:
    return [cell if isinstance(cell, Cell) else Cell(str(cell)) for cell in row.cells]


def _grid(rows: list[Row], width: int) -> list[list[str]]:
    """Texts as a CSV export holds them: a merged cell's text in its first cell only."""
    grid: list[list[str]] = []
    below: dict[tuple[int, int], bool] = {}
    for number, row in enumerate(rows):
        line: list[str] = []
        for cell in _cells(row):
            while below.get((number, len(line))):
                line.append("")
            for extra in range(1, cell.down):
                for spanned in range(len(line), len(line) + cell.across):
                    below[(number + extra, spanned)] = True
            line.append(cell.text)
            line.extend("" for _ in range(cell.across - 1))
        grid.append(line + [""] * (width - len(line)))
    return grid


def write_csv(fixture: Fixture, path: Path) -> None:
    width = fixture.width
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for line in fixture.preamble:
            writer.writerow([line] + [""] * (width - 1))
        visible = [row for row in fixture.all_rows() if not row.hidden]
        for line in _grid(visible, width):
            writer.writerow(
                [text for index, text in enumerate(line) if index not in fixture.hidden_columns]
            )


def write_xlsx(fixture: Fixture, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    if fixture.cover_sheet:
        first.title = fixture.cover_sheet
        first.append(["Hướng dẫn: bảng nhiệm vụ ở trang tính bên cạnh."])
        sheet = workbook.create_sheet(fixture.sheet_name)
    else:
        first.title = fixture.sheet_name
        sheet = first
    number = 0
    for line in fixture.preamble:
        number += 1
        sheet.cell(row=number, column=1, value=line)
    below: dict[tuple[int, int], bool] = {}
    for row in fixture.all_rows():
        number += 1
        column = 1
        for cell in _cells(row):
            while below.get((number, column)):
                column += 1
            target = sheet.cell(row=number, column=column, value=cell.text or None)
            if "\n" in cell.text:
                target.alignment = Alignment(wrap_text=True)
            if row.bold:
                target.font = Font(bold=True)
            if cell.across > 1 or cell.down > 1:
                sheet.merge_cells(
                    start_row=number,
                    start_column=column,
                    end_row=number + cell.down - 1,
                    end_column=column + cell.across - 1,
                )
                for extra in range(1, cell.down):
                    for spanned in range(column, column + cell.across):
                        below[(number + extra, spanned)] = True
            column += cell.across
        if row.hidden:
            sheet.row_dimensions[number].hidden = True
    for index in fixture.hidden_columns:
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.column_dimensions[letter].hidden = True
    if fixture.summary_sheet:
        summary = workbook.create_sheet("Tổng hợp")
        summary.append(["Tổng số nhiệm vụ", len(fixture.expected)])
    workbook.save(str(path))


def write_docx(fixture: Fixture, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in fixture.preamble:
        document.add_paragraph(line)
    table: Any = None
    pending: list[tuple[int, int, int, int]] = []
    below: dict[tuple[int, int], bool] = {}
    number = 0

    def start_table() -> Any:
        nonlocal number, below
        number, below = 0, {}
        return document.add_table(rows=0, cols=fixture.width - len(fixture.hidden_columns))

    def finish(current: Any) -> None:
        for top, left, bottom, right in pending:
            current.cell(top, left).merge(current.cell(bottom, right))
        pending.clear()

    for row in fixture.all_rows(for_word=True):
        if row.hidden:
            continue
        if row.paragraph is not None:
            if table is not None:
                finish(table)
                table = None
            paragraph = document.add_paragraph()
            paragraph.add_run(row.paragraph).bold = True
            continue
        if row.new_table or table is None:
            if table is not None:
                finish(table)
            table = start_table()
        cells = table.add_row().cells
        column = 0
        visible = [c for i, c in enumerate(_cells(row)) if i not in fixture.hidden_columns]
        for cell in visible:
            while below.get((number, column)):
                column += 1
            text = cell.word_text if cell.word_text is not None else cell.text
            if text:
                paragraphs = text.split("\n")
                cells[column].paragraphs[0].add_run(paragraphs[0]).bold = row.bold
                for more in paragraphs[1:]:
                    cells[column].add_paragraph().add_run(more).bold = row.bold
            if cell.across > 1 or cell.down > 1:
                pending.append((number, column, number + cell.down - 1, column + cell.across - 1))
                for extra in range(1, cell.down):
                    for spanned in range(column, column + cell.across):
                        below[(number + extra, spanned)] = True
            column += cell.across
        number += 1
    if table is not None:
        finish(table)
    document.add_paragraph("Nơi nhận: như trên.")
    document.save(str(path))


def build(fixture: Fixture, folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {kind: folder / f"{fixture.name}.{kind}" for kind in ("xlsx", "docx", "csv")}
    write_xlsx(fixture, paths["xlsx"])
    write_docx(fixture, paths["docx"])
    write_csv(fixture, paths["csv"])
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "built"
    for item in FIXTURES:
        for kind, built in build(item, target).items():
            print(kind, built)
