"""Build the .xlsx, .docx and .csv versions of every example plan from its readable plan.yaml.

    python examples/build.py            # rebuild all examples
    python examples/build.py --check    # fail if a built file is out of date

The files look like what offices send: the .xlsx has the appendix title above the table and
section rows merged across the columns; the .docx prints the plan's reporting sentences, then
the table cut into pages that repeat the header, with one long row split across a page break
the way the printed Nghệ An appendix is; the .csv is the bare table (UTF-8 with BOM, as Excel
saves it). Each file is named after the plan code, so `nhacviec import` derives the same code
from any of them and re-importing another format updates the same plan.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROWS_PER_PAGE = 12
COLUMNS = (
    ("number", "TT"),
    ("title", "Nhiệm vụ"),
    ("output", "Sản phẩm, kết quả đầu ra"),
    ("lead", "Đơn vị chủ trì"),
    ("coordinating", "Đơn vị phối hợp"),
    ("deadline", "Thời gian hoàn thành"),
    ("goal", "Mục tiêu/Giải pháp"),
)
# Fixed timestamps inside the packages keep rebuilt files byte-identical.
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        items = [" ".join(str(item).split()) for item in value]
        return "\n".join(f"- {item}" for item in items)
    return " ".join(str(value).split())


def load_plan(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "sections" not in data:
        data["sections"] = [{"title": None, "tasks": data["tasks"]}]
    return data


def columns_of(plan: dict[str, Any]) -> list[tuple[str, str]]:
    used = {key for section in plan["sections"] for task in section["tasks"] for key in task}
    return [(key, label) for key, label in COLUMNS if key in used or key in ("number", "title")]


def table_rows(plan: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """("section"|"task", cells) in order."""
    columns = columns_of(plan)
    rows: list[tuple[str, list[str]]] = []
    for section in plan["sections"]:
        tasks = section["tasks"]
        number_only = str(section.get("title") or "").split(".")[0]
        # A part that is itself the one task under it ("VIII Thực hiện các nội dung khác…")
        # is printed as that task's row alone.
        if section.get("title") and not (len(tasks) == 1 and tasks[0]["number"] == number_only):
            number, _, rest = str(section["title"]).partition(" ")
            number = number.rstrip(".")
            cells = [number, rest] + [""] * (len(columns) - 2)
            rows.append(("section", cells))
        for task in section["tasks"]:
            rows.append(("task", [cell_text(task.get(key)) for key, _ in columns]))
    return rows


def preamble(plan: dict[str, Any]) -> list[str]:
    lines = ["PHỤ LỤC", " ".join(str(plan["title"]).split()).upper()]
    if plan.get("issuer"):
        issued = plan.get("issued_on")
        when = f" ngày {issued:%d/%m/%Y}" if isinstance(issued, date) else ""
        lines.append(f"(Kèm theo Kế hoạch năm {plan['year']} của {plan['issuer']}{when})")
    return lines


def build_csv(plan: dict[str, Any], target: Path) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([label for _, label in columns_of(plan)])
    for _, cells in table_rows(plan):
        writer.writerow(cells)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def build_xlsx(plan: dict[str, Any], target: Path) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Phụ lục"
    columns = columns_of(plan)
    width = len(columns)
    row = 1
    for line in preamble(plan):
        sheet.cell(row=row, column=1, value=line).font = Font(bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    for line in str(plan.get("reporting") or "").splitlines():
        if line.strip():
            sheet.cell(row=row, column=1, value=line.strip())
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            row += 1
    row += 1
    for column, (_, label) in enumerate(columns, start=1):
        cell = sheet.cell(row=row, column=column, value=label)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for kind, cells in table_rows(plan):
        row += 1
        if kind == "section":
            sheet.cell(row=row, column=1, value=cells[0]).font = Font(bold=True)
            sheet.cell(row=row, column=2, value=cells[1]).font = Font(bold=True)
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)
            continue
        for column, text in enumerate(cells, start=1):
            cell = sheet.cell(row=row, column=column, value=text or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, size in zip("ABCDEFG", (6, 48, 32, 26, 30, 24, 36), strict=False):
        sheet.column_dimensions[letter].width = size
    workbook.properties.created = workbook.properties.modified = _fixed_datetime()
    workbook.properties.creator = str(plan.get("issuer") or "")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _normalise_zip(buffer.getvalue())


def build_docx(plan: dict[str, Any], target: Path) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for line in preamble(plan):
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = True
    for line in str(plan.get("reporting") or "").splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    columns = columns_of(plan)
    rows = table_rows(plan)
    pages = [rows[start : start + ROWS_PER_PAGE] for start in range(0, len(rows), ROWS_PER_PAGE)]
    split_done = False
    for page_index, page in enumerate(pages):
        if page_index:
            document.add_page_break()
        table = document.add_table(rows=0, cols=len(columns))
        table.style = "Table Grid"
        header = table.add_row().cells
        for index, (_, label) in enumerate(columns):
            header[index].text = label
        carried: list[str] | None = None
        for position, (kind, cells) in enumerate(page):
            if kind == "section":
                row = table.add_row().cells
                row[0].text = cells[0]
                merged = row[1].merge(row[len(columns) - 1])
                merged.text = cells[1]
                continue
            is_last = position == len(page) - 1
            if is_last and page_index < len(pages) - 1 and not split_done:
                # Cut this row at the page break: the rest goes on top of the next page, with an
                # empty number cell, exactly as the printed appendix does.
                first, carried = _split_row(cells)
                split_done = True
                cells = first
            row = table.add_row().cells
            for index, text in enumerate(cells):
                row[index].text = text
        if carried is not None and page_index + 1 < len(pages):
            pages[page_index + 1].insert(0, ("task", carried))
        for row_cells in table.rows:
            for cell in row_cells.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(10)
    document.core_properties.created = document.core_properties.modified = _fixed_datetime()
    document.core_properties.revision = 1
    document.core_properties.author = str(plan.get("issuer") or "")
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _split_row(cells: list[str]) -> tuple[list[str], list[str]]:
    first: list[str] = []
    rest: list[str] = []
    for index, text in enumerate(cells):
        if index == 0:
            first.append(text)
            rest.append("")
            continue
        words = text.split(" ")
        cut = max(1, len(words) // 2) if len(words) > 3 else len(words)
        first.append(" ".join(words[:cut]))
        rest.append(" ".join(words[cut:]))
    return first, rest


def _fixed_datetime() -> Any:
    from datetime import UTC, datetime

    return datetime(*FIXED_TIME, tzinfo=UTC)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a package with fixed timestamps so an unchanged source gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            clone = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            clone.compress_type = zipfile.ZIP_DEFLATED
            clone.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # Libraries stamp the save time here whatever the properties say.
                content = _MODIFIED.sub(rb"\g<1>2024-01-01T00:00:00Z\g<2>", content)
            target.writestr(clone, content)
    return output.getvalue()


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
BUILDERS = {".csv": build_csv, ".xlsx": build_xlsx, ".docx": build_docx}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a built file is stale")
    args = parser.parse_args()
    stale: list[str] = []
    for source in sorted(HERE.glob("*/plan.yaml")):
        plan = load_plan(source)
        for suffix, builder in BUILDERS.items():
            target = source.parent / f"{plan['code']}{suffix}"
            data = builder(plan, target)
            current = target.read_bytes() if target.exists() else b""
            if hashlib.sha256(current).digest() == hashlib.sha256(data).digest():
                continue
            if args.check:
                stale.append(str(target.relative_to(HERE)))
            else:
                target.write_bytes(data)
                print(f"wrote {target.relative_to(HERE)}")
    if stale:
        print("out of date (run python examples/build.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
