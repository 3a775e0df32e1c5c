"""Duties with no date of their own: ongoing, on request, or timed by another document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scheduler.deadlines.model import Deadline, Note
from scheduler.deadlines.text import FoldedText
from scheduler.vocabulary import DeadlineKind


@dataclass(frozen=True)
class _Rule:
    """Words that make a part dateless, the kind they make it and the note that says why;
    `quoting` notes repeat the part's own words."""

    kind: str
    note: str
    quoting: bool
    pattern: re.Pattern[str]


# The first rule that matches wins.
_RULES = (
    _Rule(
        DeadlineKind.CONTINUOUS,
        "continuous",
        False,
        re.compile(r"\b(?:thuong\s+xuyen|lien\s+tuc|hang\s+ngay|suot\s+(?:ca\s+)?nam|ca\s+nam)\b"),
    ),
    _Rule(
        DeadlineKind.ON_REQUEST,
        "on_request",
        False,
        re.compile(
            r"\b(?:theo\s+yeu\s+cau|khi\s+(?:co\s+)?yeu\s+cau|khi\s+(?:co\s+)?phat\s+sinh"
            r"|dot\s+xuat|(?:khi\s+co|theo)\s+(?:su\s+)?chi\s+dao)\b"
        ),
    ),
    # "Theo kế hoạch", "Theo quy định": the date lives in another document; nothing to
    # remind about until someone enters it, so it is read like a request.
    _Rule(
        DeadlineKind.ON_REQUEST,
        "elsewhere",
        True,
        re.compile(
            r"\btheo\s+(?:quy\s+dinh|ke\s+hoach|de\s+an|tien\s+do|quyet\s+dinh|van\s+ban"
            r"|lo\s+trinh|huong\s+dan|thong\s+bao|chuong\s+trinh|chi\s+thi|nghi\s+quyet"
            r"|cong\s+van)\b|\bthoi\s+(?:gian|han)\s+(?:theo\s+)?quy\s+dinh\b"
        ),
    ),
    # "Sau khi có văn bản triển khai…" names an event but no count of days.
    _Rule(
        DeadlineKind.ON_REQUEST,
        "after_event",
        True,
        re.compile(r"\b(?:ngay\s+)?sau\s+khi\b|\bkhi\s+co\s+(?:van\s+ban|quyet\s+dinh)\b"),
    ),
)


def find_no_date(text: FoldedText) -> Deadline | None:
    """The part read as a duty without a date, or None when it names none of these."""
    for rule in _RULES:
        if rule.pattern.search(text.folded):
            values = {"text": text.original.strip()} if rule.quoting else {}
            return Deadline(text=text.original, kind=rule.kind, note=Note(rule.note, values))
    return None
