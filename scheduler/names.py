"""How plans and offices name periods and days: vocabulary of the domain, not sentences.

A period's name is stored with each occurrence (`Occurrence.period_label`), typed back by
leaders ("Quý I/2024") and read by the deadline grammar, so its spelling is data that every
floor must agree on. Change a wording here only with a migration of the stored labels.
"""

from __future__ import annotations

from datetime import date

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

MONTH = "Tháng {month:02d}/{year}"
QUARTER = "Quý {roman}/{year}"
FIRST_HALF = "6 tháng {year}"
SECOND_HALF = "6 tháng cuối năm {year}"
WHOLE_YEAR = "Năm {year}"
WEEK = "Tuần {monday:%d/%m}–{sunday:%d/%m/%Y}"
# A day off the administrator added (the official holidays keep the names of `holidays`).
EXTRA_DAY_OFF = "Ngày nghỉ bổ sung"


def period_name(code: str, year: int) -> str:
    """ "Tháng 02/2024", "Quý I/2024", "6 tháng 2024", "6 tháng cuối năm 2024", "Năm 2024"."""
    if code.startswith("M"):
        return MONTH.format(month=int(code[1:]), year=year)
    if code.startswith("Q"):
        return QUARTER.format(roman=ROMAN[int(code[1:])], year=year)
    if code == "H1":
        return FIRST_HALF.format(year=year)
    if code == "H2":
        return SECOND_HALF.format(year=year)
    if code == "Y":
        return WHOLE_YEAR.format(year=year)
    raise ValueError(f"unknown period code {code!r}")


def week_name(monday: date, sunday: date) -> str:
    """ "Tuần 18/03–24/03/2024"."""
    return WEEK.format(monday=monday, sunday=sunday)
