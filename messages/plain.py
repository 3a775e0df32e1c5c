"""Turning Telegram-HTML text into plain text for channels without formatting (Zalo, console).

Templates are written once, in the small HTML subset Telegram accepts, with user text escaped;
channels that cannot format get the same words without the tags.
"""

from __future__ import annotations

import html
import re

_BREAK_TAGS = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAGS = re.compile(
    r"</?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|a|span|tg-spoiler|blockquote)"
    r"(?:\s[^>]*)?>",
    re.IGNORECASE,
)


def html_to_plain(text: str) -> str:
    """Drop Telegram's formatting tags and unescape entities; keep every word and line."""
    text = _BREAK_TAGS.sub("\n", text)
    text = _TAGS.sub("", text)
    return html.unescape(text)
