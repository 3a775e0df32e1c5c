"""Limits counted from an event: "05 ngày kể từ ngày công bố TTHC", "05 ngày làm việc sau khi…"."""

from __future__ import annotations

import re

from scheduler.deadlines.model import RelativeSpec
from scheduler.deadlines.patterns import NGAY, THANG
from scheduler.deadlines.text import FoldedText

_RELATIVE = re.compile(
    rf"(?<![\d/])(?P<count>\d{{1,3}})\s+(?P<unit>{NGAY}|{THANG}|tuan)(?P<working>\s+lam\s+viec)?"
    r"[\s,]+(?P<link>ke\s+t\S{0,2}|tinh\s+t\S{0,2}|sau\s+khi|sau|t\S{0,2}\s+khi|tu)\s+(?P<event>\S.*)$"
)
# Words before the count ("Trong vòng", "Xây dựng KH trong") are fine; a date or period before
# it means the count is not the limit of this part. "1a" is OCR for "là".
_LEAD_DIGIT = re.compile(r"\d")
_OCR_LA = re.compile(r"\b1a\b")
_UNITS = {"tuan": "week"}


def find_relative(text: FoldedText) -> RelativeSpec | None:
    match = _RELATIVE.search(text.folded)
    if match is None or _LEAD_DIGIT.search(_OCR_LA.sub("", text.folded[: match.start()])):
        return None
    count = int(match.group("count"))
    unit_word = match.group("unit")
    unit = _UNITS.get(unit_word, "day" if unit_word.startswith("ng") else "month")
    event = text.source(match.start("event"), match.end("event")).strip(" .;,)(")
    if count <= 0 or not event:
        return None
    return RelativeSpec(
        count=count, working_days=bool(match.group("working")), event=event, unit=unit
    )
