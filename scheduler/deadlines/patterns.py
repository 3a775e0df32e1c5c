"""Regular expressions over folded text (lower case, no diacritics).

OCR of scanned plans garbles a letter or two ("thdng", "nim", "chdm nhét", "b&0 c4o"),
so the key words accept the garbles seen in real plans while staying distinct from other
words ("thuong" never reads as "thang", "quy dinh" never as a quarter).
"""

from __future__ import annotations

from datetime import date

NGAY = r"ng[a-z]y"
THANG = r"th(?:a|d|e|ea|i)ng"
NAM = r"n[aid]m"
BAO_CAO = r"b\S{1,3} ?c\S{1,2}o"
# "chậm nhất", OCR "chdm nhét", "cham nhit", "cham nh4t".
LATEST = r"ch\S{1,2}m\s+nh\S{1,2}t"
YEAR_TAIL = rf"(?:\s*/\s*(?P<year>\d{{4}})(?![\d/])|\s*,?\s*{NAM}\s+(?P<year_word>\d{{4}})(?!\d))?"
ROMAN_OR_DIGIT = r"(?P<quarter>iv|i{1,3}|[1-4])(?![a-z0-9])"
SLASH_DATE = (
    r"(?<![\d/])(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})"
    r"(?:\s*/\s*(?P<dyear>\d{4}|\d{2}))?(?![\d/])"
)
# 15-3-2024, 15.3.2024: only with a year, so "Tháng 01 - Tháng 12" stays a range of months.
DASH_DATE = (
    r"(?<![\d/.-])(?P<day>\d{1,2})\s*(?P<sep>[-.])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*"
    r"(?P<dyear>\d{4})(?![\d/.-])"
)


def word_date(prefix: str = "") -> str:
    """ "15 tháng 3 năm 2024"; groups day, month and dyear, named with `prefix` where a
    pattern also holds a slash date's groups."""
    return (
        rf"(?<!\d)(?P<{prefix}day>\d{{1,2}})\s+{THANG}\s+(?P<{prefix}month>\d{{1,2}})"
        rf"(?:\s*,?\s*{NAM}\s+(?P<{prefix}dyear>\d{{4}}))?(?!\d)"
    )


WORD_DATE = word_date()


# Years a plan can name; "Tháng 12/9999" is a typo to point out, not a date to remind about.
MIN_YEAR, MAX_YEAR = 1900, 2199


class ImpossibleDate(ValueError):
    """A date or period that no calendar has; the part is reported as not understood."""


def make_year(raw: str | None, default: int) -> int:
    if not raw:
        return default
    value = int(raw)
    value = 2000 + value if value < 100 else value
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ImpossibleDate(raw)
    return value


def make_date(day: str, month: str, year: str | None, default_year: int) -> date | None:
    """A real date or None (31/02 is not a date; a reader would ask, not guess)."""
    try:
        return date(make_year(year, default_year), int(month), int(day))
    except ValueError:  # ImpossibleDate included
        return None
