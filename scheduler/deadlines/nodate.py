"""Duties with no date of their own: ongoing, on request, or timed by another document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scheduler.deadlines.model import Note
from scheduler.deadlines.text import FoldedText
from scheduler.vocabulary import DeadlineKind

_CONTINUOUS = re.compile(
    r"\b(?:thuong\s+xuyen|lien\s+tuc|hang\s+ngay|suot\s+(?:ca\s+)?nam|ca\s+nam)\b"
)
_ON_REQUEST = re.compile(
    r"\b(?:theo\s+yeu\s+cau|khi\s+(?:co\s+)?yeu\s+cau|khi\s+(?:co\s+)?phat\s+sinh|dot\s+xuat"
    r"|(?:khi\s+co|theo)\s+(?:su\s+)?chi\s+dao)\b"
)
_ELSEWHERE = re.compile(
    r"\btheo\s+(?:quy\s+dinh|ke\s+hoach|de\s+an|tien\s+do|quyet\s+dinh|van\s+ban|lo\s+trinh"
    r"|huong\s+dan|thong\s+bao|chuong\s+trinh|chi\s+thi|nghi\s+quyet|cong\s+van)\b"
    r"|\bthoi\s+(?:gian|han)\s+(?:theo\s+)?quy\s+dinh\b"
)
_AFTER_EVENT = re.compile(r"\b(?:ngay\s+)?sau\s+khi\b|\bkhi\s+co\s+(?:van\s+ban|quyet\s+dinh)\b")


@dataclass(frozen=True)
class NoDate:
    kind: str
    note: Note


def find_no_date(text: FoldedText) -> NoDate | None:
    folded = text.folded
    if _CONTINUOUS.search(folded):
        return NoDate(DeadlineKind.CONTINUOUS, Note("continuous"))
    if _ON_REQUEST.search(folded):
        return NoDate(DeadlineKind.ON_REQUEST, Note("on_request"))
    # "Theo kế hoạch", "Theo quy định": the date lives in another document; nothing to
    # remind about until someone enters it, so it is read like a request.
    if _ELSEWHERE.search(folded):
        return NoDate(DeadlineKind.ON_REQUEST, Note("elsewhere", {"text": text.original.strip()}))
    # "Sau khi có văn bản triển khai…" names an event but no count of days.
    if _AFTER_EVENT.search(folded):
        return NoDate(DeadlineKind.ON_REQUEST, Note("after_event", {"text": text.original.strip()}))
    return None
