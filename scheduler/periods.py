"""Calendar periods of a plan year (months, quarters, halves, the year): spans, labels, keys.

Codes are short and stable because they end up in `Occurrence.period_key`:
"M01".."M12", "Q1".."Q4", "H1", "H2", "Y".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

from scheduler import names

ROMAN = names.ROMAN
ROMAN_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """(year, month) moved by `offset` months."""
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def clamped_date(year: int, month: int, day: int) -> date:
    """A day of a month, pulled back to the month's last day (29/02 in a common year → 28/02)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def day_before(day: date) -> date:
    return day - timedelta(days=1)


def span(code: str, year: int) -> tuple[date, date]:
    """First and last day of a period of `year`."""
    if code.startswith("M"):
        month = int(code[1:])
        return date(year, month, 1), month_end(year, month)
    if code.startswith("Q"):
        quarter = int(code[1:])
        return date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter)
    if code == "H1":
        return date(year, 1, 1), date(year, 6, 30)
    if code == "H2":
        return date(year, 7, 1), date(year, 12, 31)
    if code == "Y":
        return date(year, 1, 1), date(year, 12, 31)
    raise ValueError(f"unknown period code {code!r}")


# Called for every occurrence a plan yields; the answer depends on the two arguments only.
@lru_cache(maxsize=1024)
def label(code: str, year: int) -> str:
    """How Vietnamese documents name the period: "Tháng 02/2024", "Quý I/2024", …"""
    return names.period_name(code, year)


def key(code: str, year: int) -> str:
    return f"{year}-{code}"


def quarter_number(token: str) -> int | None:
    """1–4 from "i".."iv" or "1".."4" (already folded)."""
    token = token.strip().lower()
    if token in ROMAN_VALUE:
        return ROMAN_VALUE[token]
    if token.isdigit() and 1 <= int(token) <= 4:
        return int(token)
    return None
