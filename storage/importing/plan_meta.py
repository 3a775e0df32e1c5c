"""The plan a file describes: code, year, title, and the plan's own reporting calendar."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold, nfc
from scheduler.reporting import ReportingCalendar, extract_reporting_calendar
from storage.importing.identity import read_identity
from storage.importing.options import ImportOptions
from storage.importing.source import SourceDocument
from storage.importing.task_cells import short

_YEAR = re.compile(r"\bnam\s+(20\d{2})\b")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_CODE_CHARS = re.compile(r"[^a-z0-9]+")
_NATIONAL = re.compile(r"cong hoa xa hoi chu nghia|doc lap\s*-\s*tu do|^so\s*:")


def derive_code(file_name: str) -> str:
    """ "KH 104 Lấp Vò 2024.xlsx" → "kh-104-lap-vo-2024"."""
    stem = Path(file_name).stem
    return _CODE_CHARS.sub("-", fold(stem)).strip("-")[:100]


def detect_year(*texts: str) -> int | None:
    """The plan year: the most frequent "năm 20xx" in the title area, then in the whole text."""
    for text in texts:
        years = Counter(int(match) for match in _YEAR.findall(fold(text)))
        if years:
            return years.most_common(1)[0][0]
    return None


@dataclass(frozen=True)
class PlanMeta:
    """What the file and the command line say about the plan."""

    # The code asked for (--code, or the YAML "code"); None when the plan is found by identity.
    code: str | None
    year: int
    title: str
    # The title came from the file or the command line, not made up from the code.
    title_known: bool
    number: str | None = None
    issued_on: date | None = None
    issuer: str | None = None
    fallback_code: str = ""


def resolve_meta(document: SourceDocument, preamble: str, options: ImportOptions) -> PlanMeta:
    meta = document.meta
    code = (options.code or str(meta.get("code") or "")).strip() or None
    if code is not None and len(code) > 100:
        raise UserFacingError(texts.text("import", "code_invalid"))
    year: int | None = options.year
    if year is None and meta.get("year") is not None:
        try:
            year = int(meta["year"])
        except (TypeError, ValueError):
            raise UserFacingError(
                texts.text("import", "year_not_number", year=repr(meta["year"]))
            ) from None
    if year is None:
        year = detect_year(preamble, str(meta.get("title") or ""), document.text)
    identity = read_identity("\n".join((preamble, document.text)))
    if year is None and identity.issued_on is not None:
        year = identity.issued_on.year
    if year is None:
        found = _ANY_YEAR.findall(document.file_name)
        year = int(found[-1]) if found else None
    if year is None:
        raise UserFacingError(texts.text("import", "year_missing", file=document.file_name))
    if not 2000 <= year <= 2100:
        raise UserFacingError(texts.text("import", "year_invalid", year=year))
    number = identity.number
    fallback = (number or derive_code(document.file_name)).strip()[:100]
    if not code and not fallback:
        raise UserFacingError(texts.text("import", "code_invalid"))
    title = options.title or str(meta.get("title") or "")
    title = title or _title_from(preamble) or _title_from(document.text) or ""
    known = bool(title)
    title = nfc(" ".join((title or code or fallback).split()))[:500]
    issued = meta.get("issued_on")
    return PlanMeta(
        code=code,
        year=year,
        title=title,
        title_known=known,
        number=number,
        issued_on=issued if isinstance(issued, date) else identity.issued_on,
        issuer=options.issuer or str(meta.get("issuer") or "") or identity.issuer,
        fallback_code=fallback,
    )


def _title_from(preamble: str) -> str | None:
    """The first title-like line above the table, skipping a bare "PHỤ LỤC"."""
    lines = [line.strip() for line in preamble.splitlines() if line.strip()]
    # The national heading ("UBND HUYỆN … CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") names no plan.
    lines = [line for line in lines if not _NATIONAL.search(fold(line))]
    for index, line in enumerate(lines):
        folded = fold(line)
        if folded.strip(" .:") == "ke hoach" and index + 1 < len(lines):
            # "KẾ HOẠCH" on its own line, its subject on the next: both make the title.
            return f"{line} {lines[index + 1]}"
        if folded.startswith("phu luc") and len(folded.split()) <= 3:
            continue
        if folded.startswith(("(", "kem theo")):
            # "(Kèm theo Kế hoạch số 15/KH-SNV …)" names the parent document, not this list.
            continue
        if "ke hoach" in folded or folded.startswith(("phu luc", "nhiem vu", "danh muc")):
            return line
    return lines[0] if lines else None


def plan_reporting(
    document: SourceDocument, preamble: str, year: int, existing: dict[str, Any] | None
) -> ReportingCalendar | None:
    given = document.meta.get("reporting")
    if given is not None:
        return _given_reporting(given, year, document.file_name)
    text = "\n".join((document.text, preamble))
    found = extract_reporting_calendar(text, year=year) if text.strip() else None
    if found is not None:
        return found
    if existing:
        return ReportingCalendar.from_json(existing)
    return None


def _given_reporting(given: object, year: int, file_name: str) -> ReportingCalendar:
    """A plan file's own "reporting": a calendar as a mapping, or the plan's sentences."""
    if isinstance(given, Mapping):
        return ReportingCalendar.from_json(given)
    if isinstance(given, list) and all(isinstance(item, str) for item in given):
        given = "\n".join(given)
    if not isinstance(given, str) or not given.strip():
        raise UserFacingError(texts.text("import", "reporting_shape", file=file_name))
    found = extract_reporting_calendar(nfc(given), year=year)
    if found is None:
        raise UserFacingError(
            texts.text("import", "reporting_unread", file=file_name, given=short(given))
        )
    return found
