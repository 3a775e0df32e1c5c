"""Telegram's HTML parse mode is strict: unknown or unbalanced tags reject the whole message."""

from __future__ import annotations

from html.parser import HTMLParser

ALLOWED_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
        "span", "tg-spoiler", "tg-emoji", "blockquote",
    }
)  # fmt: skip


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problem: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS and self.problem is None:
            self.problem = f'Unsupported start tag "{tag}"'
        self.open.append(tag)

    def handle_data(self, data: str) -> None:
        if "<" in data and self.problem is None:
            self.problem = 'Unescaped "<" in text'

    def handle_endtag(self, tag: str) -> None:
        if self.problem is None and (not self.open or self.open[-1] != tag):
            self.problem = f'Unexpected end tag "{tag}"'
        if self.open:
            self.open.pop()


def html_problem(text: str) -> str | None:
    """None when Telegram would accept `text` with parse_mode=HTML, else its complaint."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    if checker.problem is None and checker.open:
        return f'Can\'t find end tag corresponding to start tag "{checker.open[-1]}"'
    return checker.problem
