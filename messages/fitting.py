"""Keeping a chat message within what Zalo carries in one piece."""

from __future__ import annotations

from collections.abc import Callable

# Zalo carries 2,000 characters in one message; every message the bot sends stays within that.
MESSAGE_LIMIT = 2000


def fit_count(render_lines: Callable[[int], str], most: int, *, limit: int = MESSAGE_LIMIT) -> int:
    """How many list lines (at most `most`) keep the rendered text within `limit` characters."""
    shown = most
    length = len(render_lines(shown))
    while length > limit and shown > 0:
        # Jump near the answer by proportion, then step: a few renders, not one per line.
        shown = max(0, min(shown - 1, shown * limit // length))
        length = len(render_lines(shown))
    return shown


def fit(render_lines: Callable[[int], str], most: int, *, limit: int = MESSAGE_LIMIT) -> str:
    """The text with as many list lines as fit in `limit` characters (at most `most`)."""
    return render_lines(fit_count(render_lines, most, limit=limit))
