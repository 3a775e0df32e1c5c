"""Splitting long texts for chat limits (Telegram 4,096 characters, Zalo 2,000)."""

from __future__ import annotations

TELEGRAM_LIMIT = 4096
ZALO_LIMIT = 2000


def split_text(text: str, limit: int) -> list[str]:
    """Cut at line breaks so each piece fits `limit`; a single over-long line is cut hard.

    HTML tags are not balanced across pieces, so templates keep each tag within one line.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()] or [""]
