"""Cell texts as a reader sees them: wrapped lines joined, one cell split into lead and partners."""

from __future__ import annotations

import re

from scheduler.folding import fold_in_place

# A line that starts a new item of a list written in one cell.
_ITEM_START = re.compile(r"^\s*(?:[-–•+*]|\d{1,2}[.)]\s|[a-zđ]\)\s)")
# "Chủ trì: A; phối hợp: B", "A chủ trì, phối hợp với B", "A; phối hợp: B", "A (phối hợp B)".
_LEAD_LABEL = re.compile(r"^\s*(?:don vi |co quan )?chu tri\s*(?:thuc hien)?\s*[:\-–]\s*")
_PARTNER_MARK = re.compile(
    r"(?:[;,.\n(]\s*|\s+|^)(?:(?:don vi |co quan |cac don vi |don vi, co quan )?phoi hop"
    r"(?:\s+thuc hien)?(?:\s+voi)?)\s*[:\-–]?\s*"
)
_TRAILING_LEAD = re.compile(r"\s*[(,]?\s*(?:la\s+)?(?:don vi\s+)?chu tri\s*\)?\s*[,;.]?\s*$")


def one_line(text: str) -> str:
    """Join lines a cell wrapped by hand; keep the breaks that start list items."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if _ITEM_START.match(line) or out[-1].rstrip().endswith((";", ":")):
            out.append(line)
        else:
            out[-1] = f"{out[-1]} {line}"
    return "\n".join(out)


def split_roles(text: str) -> tuple[str, str]:
    """A "who does it" cell that names both roles, cut into (lead, coordinating)."""
    folded = fold_in_place(text)
    match = _PARTNER_MARK.search(folded)
    if match is None:
        label = _LEAD_LABEL.match(folded)
        return (text[label.end() :] if label else text).strip(), ""
    lead, partners = text[: match.start()], text[match.end() :]
    lead_folded = folded[: match.start()]
    label = _LEAD_LABEL.match(lead_folded)
    if label:
        lead = lead[label.end() :]
    trailing = _TRAILING_LEAD.search(fold_in_place(lead))
    if trailing:
        lead = lead[: trailing.start()]
    partners = partners.strip().rstrip(")").strip()
    return lead.strip(" ;,.\n"), partners.strip(" ;,.\n")
