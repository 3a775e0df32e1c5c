"""A plan's number, date and issuer, as its appendix names them.

"(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2025 của UBND huyện Tân Hòa)" under "PHỤ LỤC",
or "Số: 12/KH-UBND" and "…, ngày 15 tháng 01 năm 2025" at the top of the plan itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scheduler.folding import fold_in_place

_NUMBER = r"(\d{1,5}\s*/\s*[a-z0-9][a-z0-9\-/._&]*)"
_DATE = r"(\d{1,2})\s*(?:/|-|\.|\s+thang\s+)\s*(\d{1,2})\s*(?:/|-|\.|\s+nam\s+)\s*(\d{4})"
# Only a plan the table is attached to: "Căn cứ Kế hoạch số 18/KH-UBND …" names another plan.
_ATTACHED = re.compile(
    r"kem\s+theo\s+ke\s*hoach\s+so\s*:?\s*" + _NUMBER + r"[\s,;]*(?:ngay\s+" + _DATE + r")?"
    r"[\s,;]*(?:cua\s+([^()\n]{3,160}))?"
)
_OWN_NUMBER = re.compile(r"(?:^|\n)\s*so\s*:\s*" + _NUMBER)
_OWN_DATE = re.compile(r",\s*ngay\s+" + _DATE)


@dataclass(frozen=True)
class Identity:
    number: str | None = None
    issued_on: date | None = None
    issuer: str | None = None


def _date(day: str | None, month: str | None, year: str | None) -> date | None:
    if not (day and month and year):
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _clean_number(text: str) -> str:
    return re.sub(r"\s+", "", text).rstrip(".,;/-")


def read_identity(text: str) -> Identity:
    folded = fold_in_place(text, keep_newlines=True)
    found = _ATTACHED.search(folded)
    if found is not None:
        number = _clean_number(text[found.start(1) : found.end(1)])
        issuer = None
        if found.group(5):
            issuer = " ".join(text[found.start(5) : found.end(5)].split()).rstrip(" .,;)")
        return Identity(number, _date(found.group(2), found.group(3), found.group(4)), issuer)
    own = _OWN_NUMBER.search(folded)
    if own is not None and "/kh" in own.group(1):
        day = _OWN_DATE.search(folded)
        issued = _date(*day.groups()) if day else None
        return Identity(_clean_number(text[own.start(1) : own.end(1)]), issued)
    return Identity()
