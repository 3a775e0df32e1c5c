"""The leaders' Excel workbook: a summary per unit and one sheet per reporting period."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from messages.progress_words import label_vi
from messages.render import render
from scheduler.folding import nfc
from scheduler.items import Item
from scheduler.tally import Tally, combine, tally

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
RATE_FORMAT = "0.0%"
# The row of column titles on every sheet; rows above it carry the sheet's title.
HEADER_ROW = 4
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX = 31
# Beyond openpyxl's own list: code points XML 1.0 refuses (a pasted note may carry them).
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
# A cell starting with one of these is read as a formula by spreadsheet programs; plan and
# user text starting so is stored as a text cell, never as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Named styles: a cell refers to one by name, far cheaper than giving each cell its own
# font, border and alignment objects (which openpyxl hashes on every assignment).
BODY = "nv_body"
DATE = "nv_date"
DATETIME = "nv_datetime"
RATE = "nv_rate"
TOTAL = "nv_total"
TOTAL_RATE = "nv_total_rate"
HEADER = "nv_header"


def _register_styles(workbook: Workbook) -> None:
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    styles = [
        NamedStyle(name=BODY, border=border, alignment=wrap_top),
        NamedStyle(name=DATE, border=border, alignment=wrap_top, number_format=DATE_FORMAT),
        NamedStyle(name=DATETIME, border=border, alignment=wrap_top, number_format=DATETIME_FORMAT),
        NamedStyle(name=RATE, border=border, alignment=wrap_top, number_format=RATE_FORMAT),
        NamedStyle(name=TOTAL, border=border, alignment=wrap_top, font=bold),
        NamedStyle(
            name=TOTAL_RATE,
            border=border,
            alignment=wrap_top,
            font=bold,
            number_format=RATE_FORMAT,
        ),
        NamedStyle(
            name=HEADER,
            border=border,
            font=bold,
            fill=PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7"),
            alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
        ),
    ]
    for style in styles:
        workbook.add_named_style(style)


def labels(**context: Any) -> dict[str, str]:
    """The workbook's words, from messages/templates/report/xlsx_labels.txt."""
    text = render("report/xlsx_labels.txt", **context)
    words: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(" = ")
        if sep:
            words[key.strip()] = value.strip()
    return words


def write_workbook(
    path: Path,
    *,
    items: Sequence[Item],
    scope: str,
    today: date,
    generated_at: datetime,
) -> Path:
    """Write the workbook for `items` to `path` (parent folders created) and return the path.

    `scope` names what was exported ("Kế hoạch 01/KH-SLĐTBXH, Quý I/2024") for the titles.
    """
    words = labels(scope=nfc(scope), today=today, generated_at=generated_at, period="")
    workbook = Workbook()
    _register_styles(workbook)
    summary = workbook.active
    assert summary is not None
    summary.title = words["summary_sheet"]
    _write_summary(summary, words, tally(items))
    used_names = {summary.title}
    for period_label, period_items in _by_period(items):
        sheet = workbook.create_sheet(
            _sheet_name(period_label or words["period_unnamed"], used_names)
        )
        used_names.add(sheet.title)
        period_words = labels(
            scope=nfc(scope), today=today, generated_at=generated_at, period=period_label
        )
        _write_period(sheet, period_words, period_items)
    workbook.properties.title = words["summary_title"]
    workbook.properties.creator = "nhacviec"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def progress_label(item: Item) -> str:
    """The status words of one item, the same words the report draft and chat use."""
    return label_vi(item.progress)


def _write_summary(sheet: Worksheet, words: dict[str, str], totals: list[Tally]) -> None:
    _title(sheet, words["summary_title"], words["as_of"])
    headers = [
        ("col_no", 6),
        ("col_unit", 40),
        ("col_items", 12),
        ("col_due_so_far", 12),
        ("col_done_on_time", 13),
        ("col_done_late", 13),
        ("col_overdue", 12),
        ("col_in_progress", 13),
        ("col_not_started", 13),
        ("col_no_deadline", 15),
        ("col_rate", 13),
    ]
    _header(sheet, [(words[key], width) for key, width in headers])
    row = HEADER_ROW + 1
    for number, unit in enumerate(totals, start=1):
        _summary_row(sheet, row, number, unit.unit_name, unit)
        row += 1
    if totals:
        _summary_row(sheet, row, None, words["total"], combine(totals), bold=True)
    else:
        sheet.cell(row=row, column=2, value=words["no_items"])
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)


def _summary_row(
    sheet: Worksheet,
    row: int,
    number: int | None,
    name: str,
    unit: Tally,
    *,
    bold: bool = False,
) -> None:
    values: list[object] = [
        number,
        _text(name),
        unit.total,
        unit.due_so_far,
        unit.done_on_time,
        unit.done_late,
        unit.overdue,
        unit.in_progress,
        unit.not_yet_due,
        unit.no_deadline,
        # A unit with nothing due yet has no rate; a dash, not a misleading 0 %.
        "—" if unit.completion_rate is None else unit.completion_rate,
    ]
    for column, value in enumerate(values, start=1):
        cell = _put(sheet, row, column, value)
        if column == len(values):
            cell.style = TOTAL_RATE if bold else RATE
        else:
            cell.style = TOTAL if bold else BODY


def _write_period(sheet: Worksheet, words: dict[str, str], items: Sequence[Item]) -> None:
    _title(sheet, words["period_title"], words["as_of"])
    columns: list[tuple[str, int]] = [
        ("col_ref", 8),
        ("col_plan", 16),
        ("col_task_no", 6),
        ("col_section", 24),
        ("col_task", 50),
        ("col_output", 30),
        ("col_unit", 28),
        ("col_role", 10),
        ("col_deadline_text", 24),
        ("col_nominal_due", 12),
        ("col_effective_due", 12),
        ("col_window_start", 12),
        ("col_window_end", 12),
        ("col_status", 20),
        ("col_days_overdue", 10),
        ("col_percent", 9),
        ("col_completed", 17),
        ("col_note", 40),
        ("col_note_at", 17),
        ("col_evidence", 32),
        # Last and narrow: a check value for whoever verifies a file, not for reading.
        ("col_sha256", 12),
    ]
    _header(sheet, [(words[key], width) for key, width in columns])
    date_columns = {10, 11, 12, 13}
    datetime_columns = {17, 19}
    for row, item in enumerate(items, start=HEADER_ROW + 1):
        role = words["role_lead"] if item.role == "lead" else words["role_coordinating"]
        values: list[object] = [
            # The reference chat shows ("#123") and accepts ("xong 123").
            f"#{item.occurrence_id}",
            _text(item.plan_code),
            _text(item.task_number),
            _text(item.section),
            _text(item.task_title),
            _text(item.expected_output),
            _text(item.unit_name),
            role,
            _text(item.deadline_text),
            item.nominal_due,
            item.effective_due,
            item.window_start,
            item.window_end,
            progress_label(item),
            item.days_overdue or None,
            item.percent,
            _local_naive(item.completed_at),
            _text(item.last_note),
            _local_naive(item.last_note_at),
            _text("\n".join(f.file_name for f in item.evidence)),
            "\n".join(f.sha256 for f in item.evidence) or None,
        ]
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, row, column, value)
            if column in date_columns:
                cell.style = DATE
            elif column in datetime_columns:
                cell.style = DATETIME
            else:
                cell.style = BODY
    # Keep the titles and the reference, plan and task number columns in view while scrolling.
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=4)
    last = HEADER_ROW + max(len(items), 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{last}"


def _put(sheet: Worksheet, row: int, column: int, value: object) -> Any:
    """Write one cell; text that a spreadsheet would run as a formula stays text."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
    return cell


def _title(sheet: Worksheet, title: str, subtitle: str) -> None:
    _put(sheet, 1, 1, _text(title)).font = Font(bold=True, size=14)
    _put(sheet, 2, 1, _text(subtitle)).font = Font(italic=True)


def _header(sheet: Worksheet, columns: Sequence[tuple[str, int]]) -> None:
    for column, (title, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=title)
        cell.style = HEADER
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 45
    # Printed on A4 landscape, one page wide, the column titles repeated on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _by_period(items: Sequence[Item]) -> list[tuple[str, list[Item]]]:
    """Items grouped by period key, periods in order of their earliest due date."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.period_key, []).append(item)

    def first_due(key: str) -> tuple[date, str]:
        dues = [i.effective_due for i in groups[key] if i.effective_due is not None]
        return (min(dues) if dues else date.max, key)

    return [
        (nfc(groups[key][0].period_label), groups[key]) for key in sorted(groups, key=first_due)
    ]


def _sheet_name(label: str, used: set[str]) -> str:
    """A valid, unique sheet name: Excel forbids []:*?/\\ and more than 31 characters."""
    base = _SHEET_NAME_FORBIDDEN.sub("-", label).strip("'").strip() or "-"
    base = base[:_SHEET_NAME_MAX]
    name = base
    counter = 2
    while name.casefold() in {u.casefold() for u in used}:
        suffix = f" ({counter})"
        name = base[: _SHEET_NAME_MAX - len(suffix)] + suffix
        counter += 1
    return name


def _text(value: str | None) -> str | None:
    """NFC text without the control characters a workbook cannot hold."""
    if value is None:
        return None
    return _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", nfc(value)))


def _local_naive(moment: datetime | None) -> datetime | None:
    # Excel has no time zones: write the local wall-clock time the office reads.
    return moment.replace(tzinfo=None) if moment is not None else None
