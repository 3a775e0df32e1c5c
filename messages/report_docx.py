"""The draft of a period's CCHC results report as a Word document the office edits and signs.

The words and the order of the report live in messages/templates/report/period_report.txt;
this module only lays its blocks out the way Vietnamese administrative documents look
(Times New Roman 13, A4, national motto at the top, signature block at the bottom).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from jinja2 import Environment

from messages import texts
from messages.render import template_environment
from messages.report_outline import ReportHeading, report_context
from scheduler.folding import nfc
from scheduler.items import Item
from scheduler.report_period import ReportPeriod

FONT_NAME = "Times New Roman"
FONT_SIZE = Pt(13)
TABLE_FONT_SIZE = Pt(11)
TEMPLATE = "report/period_report.txt"
# The heading block: the issuing office on the left, the national motto on the right (cm).
PAIR_WIDTHS_CM = (6.5, 9.5)
# Inside a table cell a line break is kept as this character until the layout step.
_CELL_BREAK = "\u2028"
# A note quoted in the draft is material to edit, not the whole history: long ones are cut.
_QUOTE_CHARS = 400
# Characters XML 1.0 cannot hold; a note pasted from elsewhere may carry them.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_report(
    path: Path,
    *,
    items: Sequence[Item],
    heading: ReportHeading,
    period: ReportPeriod,
    today: date,
    year_total: int | None = None,
) -> Path:
    """Render the draft for `items` (already chosen for `period`) to `path` and return it."""
    text = render_report_text(
        items=items, heading=heading, period=period, today=today, year_total=year_total
    )
    document = Document()
    _page_setup(document)
    _lay_out(document, text)
    document.core_properties.title = texts.text("documents", "report_title", period=period.label)
    document.core_properties.author = nfc(heading.issuer or "")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def render_report_text(
    *,
    items: Sequence[Item],
    heading: ReportHeading,
    period: ReportPeriod,
    today: date,
    year_total: int | None = None,
) -> str:
    """The report's block lines (see the template's header for their grammar)."""
    template = _environment().get_template(TEMPLATE)
    context = report_context(
        items,
        heading=heading,
        period=period,
        today=today,
        year_total=year_total,
        cell_break=_CELL_BREAK,
    )
    return nfc(template.render(**context))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """The shared settings plus filters that keep user text inside its block line."""
    env = template_environment(autoescape=False)
    env.filters["line"] = _one_line
    env.filters["cell"] = _cell
    env.filters["quote"] = _quote
    return env


def _one_line(value: object) -> str:
    return _XML_UNSAFE.sub("", " ".join(nfc(str(value)).split()))


def _quote(value: object) -> str:
    text = _one_line(value)
    if len(text) > _QUOTE_CHARS:
        text = text[: _QUOTE_CHARS - 1].rstrip() + "…"
    return f"“{text}”"


def _cell(value: object) -> str:
    text = nfc(str(value)).replace("\r\n", "\n").replace("\t", " ")
    return _XML_UNSAFE.sub("", text).replace("\n", _CELL_BREAK)


# Layout ------------------------------------------------------------------------------------


def _page_setup(document: DocumentObject) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = document.styles["Normal"]
    font = style.font
    font.name = FONT_NAME
    font.size = FONT_SIZE
    # East-Asian/complex-script slots too, or Word falls back to another face for some letters.
    fonts = style.element.rPr.rFonts
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT_NAME)


def _lay_out(document: DocumentObject, text: str) -> None:
    _add_table_style(document)
    table: _DataTable | None = None
    pairs: Table | None = None  # consecutive PAIR lines share one borderless table
    # Not splitlines(): it would also cut at the line separators kept inside table cells.
    for raw in text.split("\n"):
        if not raw.strip():
            continue
        kind, _, rest = raw.partition(" ")
        if kind != "ROW":
            table = None
        if kind in ("PAIR", "PAIR_BOLD", "PAIR_ITALIC"):
            pairs = _pair(
                document, pairs, rest, bold=kind == "PAIR_BOLD", italic=kind == "PAIR_ITALIC"
            )
            continue
        pairs = None
        if kind == "HEAD":
            table = _DataTable(document, rest.split("\t"))
        elif kind == "ROW" and table is not None:
            table.add(rest.split("\t"))
        elif kind != "END":
            _block(document, kind, rest)


def _block(document: DocumentObject, kind: str, rest: str) -> None:
    if kind == "RIGHT_ITALIC":
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(rest).italic = True
    elif kind in ("TITLE", "SUBTITLE"):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(rest)
        run.bold = True
        if kind == "TITLE":
            run.font.size = Pt(14)
            paragraph.paragraph_format.space_before = Pt(12)
    elif kind in ("H1", "H2"):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(6 if kind == "H2" else 12)
        paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run(rest)
        run.bold = True
        run.italic = kind == "H2"
    elif kind == "B":
        paragraph = document.add_paragraph(style="List Bullet")
        _add_text(paragraph, rest)
    elif kind == "Q":
        # A unit's own words, set apart so the office sees what it must rewrite.
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(1)
        for run in _add_text(paragraph, rest):
            run.italic = True
    else:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
        _add_text(paragraph, rest)


def _pair(
    document: DocumentObject, table: Table | None, rest: str, *, bold: bool, italic: bool
) -> Table:
    left, _, right = rest.partition("\t")
    if table is None:
        table = document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        cells = table.rows[0].cells
    else:
        cells = table.add_row().cells
    for cell, width in zip(cells, PAIR_WIDTHS_CM, strict=True):
        cell.width = Cm(width)
    for cell, value in zip(cells, (left, right), strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in _add_text(paragraph, value):
            run.bold = bold
            run.italic = italic
    return table


class _DataTable:
    """A bordered table whose header repeats on each page; rows are copied from a prototype.

    Copying one prepared row element is about ten times faster than python-docx's add_row()
    with per-run formatting, which matters for plans with hundreds of items.
    """

    def __init__(self, document: DocumentObject, header_cells: Sequence[str]) -> None:
        headers, widths = _split_widths(header_cells)
        self.table = document.add_table(rows=1, cols=len(headers))
        self.table.style = "Table Grid"
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _set_widths(self.table, widths)
        for cell, title in zip(self.table.rows[0].cells, headers, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = texts.text("documents", "table_text_style")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in _add_text(paragraph, title):
                run.bold = True
        _repeat_as_header(self.table)
        prototype_row = self.table.add_row()
        for cell in prototype_row.cells:
            cell.paragraphs[0].style = texts.text("documents", "table_text_style")
        self._prototype = prototype_row._tr
        self.table._tbl.remove(self._prototype)
        self._width = len(headers)

    def add(self, values: Sequence[str]) -> None:
        row = deepcopy(self._prototype)
        cells = row.findall(qn("w:tc"))
        for cell, value in zip(cells, list(values)[: self._width], strict=False):
            paragraph = cell.find(qn("w:p"))
            for index, piece in enumerate(value.split(_CELL_BREAK)):
                run = OxmlElement("w:r")
                if index:
                    run.append(OxmlElement("w:br"))
                text = OxmlElement("w:t")
                text.text = piece
                text.set(qn("xml:space"), "preserve")
                run.append(text)
                paragraph.append(run)
        self.table._tbl.append(row)


def _split_widths(header_cells: Sequence[str]) -> tuple[list[str], list[float | None]]:
    """ "Nhiệm vụ@5" → ("Nhiệm vụ", 5.0): the template gives each column its width in cm."""
    titles: list[str] = []
    widths: list[float | None] = []
    for cell in header_cells:
        title, sep, width = cell.rpartition("@")
        try:
            widths.append(float(width) if sep else None)
            titles.append(title if sep else cell)
        except ValueError:
            widths.append(None)
            titles.append(cell)
    return titles, widths


def _set_widths(table: Table, widths: Sequence[float | None]) -> None:
    if any(width is None for width in widths):
        return
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        assert width is not None
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _add_table_style(document: DocumentObject) -> None:
    style = document.styles.add_style(
        texts.text("documents", "table_text_style"), WD_STYLE_TYPE.PARAGRAPH
    )
    style.base_style = document.styles["Normal"]
    style.font.size = TABLE_FONT_SIZE
    style.paragraph_format.space_after = Pt(0)


def _add_text(paragraph: Paragraph, text: str) -> list[Any]:
    """Add text, turning kept cell line breaks into real line breaks."""
    runs = []
    for index, piece in enumerate(text.split(_CELL_BREAK)):
        run = paragraph.add_run()
        if index:
            run.add_break()
        run.add_text(piece)
        runs.append(run)
    return runs


def _repeat_as_header(table: Table) -> None:
    """Repeat the first row on every page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)
