"""The normalising pass in front of the grammar: every way of writing the same deadline becomes
one canonical folded text, so the readers behind it see one phrasing per meaning.

Two steps. `clean_text` works on the user's characters: look-alike letters pasted from web pages
and PDFs (Cyrillic а е о р с у, Latin small capitals) become the plain letters, zero-width and
non-breaking spaces go. `rewrite` works on folded text (lower case, no diacritics) and keeps each
character's origin: number words beside digits ("12 (mười hai)"), ordinals ("ngày thứ mười"),
synonyms of the period offsets ("tháng liền kề", "quý tiếp theo"), the following year ("năm
sau", "năm N+1") resolved against the plan year, restating brackets, and the frequency written
before the day ("Hằng tháng, trước ngày 25").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from scheduler.deadlines.text import FoldedText

# Letters of other alphabets that look like Latin ones in every common font.
_LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "B", "е": "e", "ё": "e", "к": "k", "м": "M", "н": "H", "о": "o",
        "р": "p", "с": "c", "т": "T", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
        "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h",
        "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p",
        "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
        "ı": "i", "ο": "o", "α": "a", "ε": "e", "ρ": "p", "τ": "t", "ν": "v",
        "Ο": "O", "Α": "A", "Ε": "E", "Ρ": "P", "Τ": "T", "Ν": "N", "Κ": "K", "Μ": "M",
        "０": "0", "１": "1", "２": "2", "３": "3", "４": "4",
        "５": "5", "６": "6", "７": "7", "８": "8", "９": "9", "／": "/",
    }
)  # fmt: skip
# Zero-width characters and soft hyphens are invisible; other spaces are plain spaces.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ODD_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\u0085\v\f]")


def clean_text(text: str) -> str:
    """The user's text with look-alike letters, invisible characters and odd spaces made plain."""
    if text.isascii():
        return text
    text = _INVISIBLE.sub("", text.translate(_LOOKALIKES))
    return _ODD_BREAKS.sub("\n", _ODD_SPACES.sub(" ", text))


_UNITS = {"mot": 1, "nhat": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5}
_UNITS |= {"sau": 6, "bay": 7, "tam": 8, "chin": 9}
_NUMBER_WORD = r"(?:mot|mốt|nhat|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|linh|le)"


def number_from_words(words: str) -> int | None:
    """1–99 from folded Vietnamese number words: "muoi", "muoi hai", "hai muoi lam"."""
    parts = words.split()
    if not parts:
        return None
    if "muoi" not in parts:
        return _UNITS.get(parts[0]) if len(parts) == 1 else None
    at = parts.index("muoi")
    tens = 1 if at == 0 else _UNITS.get(parts[0]) if at == 1 else None
    rest = [p for p in parts[at + 1 :] if p not in ("linh", "le")]
    if tens is None or len(rest) > 1:
        return None
    ones = 0 if not rest else 1 if rest[0] == "mot" else _UNITS.get(rest[0])
    return None if ones is None else tens * 10 + ones


Substitution = Callable[[re.Match[str]], str]
# What a match becomes: a fixed text, or one made from the match and the plan year.
Replacement = str | Callable[[re.Match[str], int], str]


def _substitute(text: FoldedText, pattern: re.Pattern[str], repl: Substitution) -> FoldedText:
    """`pattern.sub` over the folded text, keeping for every new character the origin of the
    first character of what it replaces."""
    folded, origin = text.folded, text.origin
    if pattern.search(folded) is None:
        return text
    out: list[str] = []
    new_origin: list[int] = []
    last = 0
    for match in pattern.finditer(folded):
        out.append(folded[last : match.start()])
        new_origin.extend(origin[last : match.start()])
        replacement = repl(match)
        anchor = origin[match.start()] if match.start() < len(origin) else len(text.original)
        out.append(replacement)
        new_origin.extend([anchor] * len(replacement))
        last = match.end()
    out.append(folded[last:])
    new_origin.extend(origin[last:])
    return FoldedText(text.original, "".join(out), tuple(new_origin))


def _fixed(value: str) -> Substitution:
    return lambda _match: value


@dataclass(frozen=True)
class _Stage:
    """Rewrites tried in order when the folded text holds one of `hints`, checked first (most
    cells need none, and looking for a word costs less than a search) and, with `also`, when
    that pattern is found too."""

    hints: tuple[str, ...]
    rewrites: tuple[tuple[re.Pattern[str], Replacement], ...]
    also: re.Pattern[str] | None = None

    def apply(self, text: FoldedText, year: int) -> FoldedText:
        if not any(hint in text.folded for hint in self.hints):
            return text
        if self.also is not None and not self.also.search(text.folded):
            return text
        for pattern, replacement in self.rewrites:
            if isinstance(replacement, str):
                text = _substitute(text, pattern, _fixed(replacement))
            else:
                text = _substitute(text, pattern, partial(_with_year, replacement, year))
        return text


def _with_year(
    replacement: Callable[[re.Match[str], int], str], year: int, match: re.Match[str]
) -> str:
    return replacement(match, year)


def _stage(
    hints: str | tuple[str, ...], *rewrites: tuple[str, Replacement], also: str | None = None
) -> _Stage:
    return _Stage(
        (hints,) if isinstance(hints, str) else hints,
        tuple((re.compile(pattern), replacement) for pattern, replacement in rewrites),
        re.compile(also) if also else None,
    )


def _ordinal(match: re.Match[str], _year: int) -> str:
    number = number_from_words(match.group("words"))
    return match.group() if number is None else f"ngay {number}"


def _day_month(match: re.Match[str], _year: int) -> str:
    return f"{match.group('d')}/{match.group('m')}"


def _frequency_first(match: re.Match[str], _year: int) -> str:
    bound = match.group("bound").strip()
    return f"{bound + ' ' if bound else ''}{match.group('day')} {match.group('every')}"


def _next_year(match: re.Match[str], year: int) -> str:
    return f"{match.group('dm')}/{year + 1}"


def _word_next_year(match: re.Match[str], year: int) -> str:
    return f"{match.group('dm')} nam {year + 1}"


def _first_month(match: re.Match[str], year: int) -> str:
    target = year if match.group("this") else year + 1
    return f"ngay {match.group('day')}/01/{target}"


def _day_of_next_year(match: re.Match[str], year: int) -> str:
    number = int(match.group("n"))
    if not 1 <= number <= 365:
        return match.group()
    day = date(year + 1, 1, 1) + timedelta(days=number - 1)
    return f"ngay {day.day:02d}/{day.month:02d}/{day.year}"


def _last_of_year(_match: re.Match[str], year: int) -> str:
    return f"ngay 31/12/{year}"


_NEXT_YEAR = r"(?:nam\s+(?:sau|lien\s+sau|ke\s+tiep|tiep\s+theo|n\s*\+\s*1)\b(?!\s+nam\b))"
# Every rewrite, in the order they run.
_STAGES = (
    _stage(
        "(",
        # Number words written beside the digits, as legal texts do: "12 (mười hai)".
        (rf"(?<=\d)\s*\(\s*{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{0,3}}\s*\)", ""),
        # Brackets that restate the rule, give examples or quote the old rule add no deadline.
        (
            r"\(\s*(?:quy\s+dinh\s+cu|vi\s+du|tuc\s+la|nghia\s+la|cham\s+nhat|ngay\s+(?:thu\s+)?\d{1,3}"
            r"\s+(?:cua|thuoc))[^()]*\)?|\(\s*\d{1,2}\s*/\s*\d{1,2}[\d/\s,.…]*(?:\.\.\.)?\)",
            " ",
        ),
    ),
    _stage(
        "ngay",
        # "ngày thứ mười của tháng sau", "ngày thứ 20 của tháng tiếp theo", "ngày mùng 3".
        (
            rf"\bngay\s+(?:thu|mung|mong)\s+(?P<words>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{0,3}})"
            r"(?=\s+(?:cua|trong|thuoc|hang)\b)",
            _ordinal,
        ),
        (r"\bngay\s+(?:thu|mung|mong)\s+(?=\d)", "ngay "),
        (r"\bngay(?=\d)", "ngay "),
    ),
    # "31-5", "16.10" after a day word: a day and a month (with a year they were already dates).
    _stage(
        ("-", "."),
        (
            r"(?:(?<=ngay )|(?<=truoc )|(?<=nhat )|(?<=han )|(?<=vao )|(?<=la )|^)"
            r"(?P<d>\d{1,2})\s*[-.]\s*(?P<m>\d{1,2})(?![\d./-])",
            _day_month,
        ),
    ),
    _stage("muon", (r"\bmuon\s+nhat\b", "cham nhat")),
    _stage("khong qua", (r"\bkhong\s+qua\s+(?=ngay\b)", "")),
    _stage("den ngay den", (r"\bden\s+ngay\s+den\b", "den ngay")),
    _stage("thuoc", (r"\bthuoc\s+(?=thang\b)", "cua ")),
    # ", tức là ngày thứ 30 của quý I": a restatement of the date before it.
    _stage("tuc la", (r",?\s*\btuc\s+la\b.*$", "")),
    # The month after: every way documents say it.
    _stage(
        "thang ",
        (
            r"\bthang\s+(?:sau\s+lien\s+ke|lien\s+sau|lien\s+ke|ke\s+tiep|tiep\s+theo|tiep)"
            r"(?:\s+thang\s+(?:phat\s+sinh|co\s+phat\s+sinh)\b)?",
            "thang sau",
        ),
    ),
    # "tháng sau tháng phát sinh": folded, "sau thang" would also read as "sáu tháng".
    _stage(
        "thang sau thang",
        (r"\bthang\s+sau\s+thang\s+(?:co\s+)?phat\s+sinh\b", "thang sau"),
    ),
    _stage("thang bao", (r"\bthang\s+bao\s+cao\b", "thang nay")),
    # "tháng cuối cùng của mỗi quý", "tháng cuối của từng quý", "tháng cuối các quý".
    _stage(
        "thang cuoi",
        (
            r"\bthang\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?(?:moi\s+|tung\s+|cac\s+)?quy\b",
            "thang cuoi quy",
        ),
    ),
    _stage(
        "thang dau",
        (
            r"\bthang\s+dau(?:\s+tien)?\s+(?:cua\s+|thuoc\s+)?quy\s+"
            r"(?:sau|tiep\s+theo|ke\s+tiep)(?:\s+lien\s+ke)?",
            "thang dau quy sau",
        ),
    ),
    # "ngày thứ 30 của quý tiếp theo": day 30 of the next quarter, in its first month.
    _stage(
        "quy ",
        (
            r"(?<=\d\s)(?:cua\s+|thuoc\s+)?quy\s+(?:sau|tiep\s+theo|ke\s+tiep)(?:\s+lien\s+ke)?\b",
            "cua thang dau quy sau",
        ),
    ),
    # The following year ("năm sau", "năm N+1") resolved against the plan year.
    _stage(
        "nam ",
        (
            rf"\bngay\s+(?P<day>\d{{1,2}})\s+(?:cua\s+)?thang\s+dau(?:\s+tien)?\s+(?:cua\s+)?"
            rf"(?:nam\s+)?(?:{_NEXT_YEAR}|nam\s+(?P<this>duong\s+lich))",
            _first_month,
        ),
        (
            rf"\bngay\s+(?P<n>\d{{1,3}})\s+(?:cua\s+)?(?:{_NEXT_YEAR}|nam\s+(?:ke\s+tiep|tiep\s+theo))",
            _day_of_next_year,
        ),
        (rf"(?P<dm>\b\d{{1,2}}\s*/\s*\d{{1,2}})\s*/?\s*,?\s*(?:cua\s+)?{_NEXT_YEAR}", _next_year),
        (
            rf"(?P<dm>\b\d{{1,2}}\s+thang\s+\d{{1,2}})\s*,?\s*(?:cua\s+)?{_NEXT_YEAR}",
            _word_next_year,
        ),
        # "31/12 của năm tính thuế": the plan year itself.
        (
            r"(?<=\d)\s+(?:cua\s+)?nam\s+(?:bao\s+cao|(?:duoc\s+)?tinh\s+thue|tai\s+chinh|nay|do)\b",
            "",
        ),
        (
            r"\bngay\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?nam(?:\s+(?:bao\s+cao|duong\s+lich|tai\s+chinh|nay))?"
            r"(?=\s*(?:[,.;)]|$))",
            _last_of_year,
        ),
    ),
    # The last day of a quarter's month, or of a named month.
    _stage(
        "cuoi",
        (
            r"\bngay\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?(?=thang\s+(?:cuoi|dau)\s+quy\b)",
            "ngay 31 cua ",
        ),
        (r"\bngay\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?(?=thang\s+\d)", ""),
    ),
    # A monthly duty due on the month's last day.
    _stage(
        "cuoi",
        (
            r"\bngay\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?thang(?=\s*(?:[,.;)]|$))",
            "ngay 31 cua thang nay",
        ),
        also=r"\b(?:hang|moi|tung)\s+thang\b",
    ),
    # "Hằng tháng, trước ngày 25": the frequency first, then the day; read as "trước ngày 25 hằng
    # tháng". Not when the day is followed by its month or its own period.
    _stage(
        ("hang thang", "moi thang"),
        (
            r"\b(?P<every>(?:hang|moi)\s+thang)\s*[,:]?\s*(?P<bound>(?:(?:cham\s+nhat|truoc|han|vao|la)\s+)*)"
            r"(?P<day>ngay\s+\d{1,2})(?!\s*(?:/|-|\.\d|thang|cua|hang|\d))",
            _frequency_first,
        ),
    ),
)


def rewrite(text: FoldedText, *, year: int) -> FoldedText:
    """The canonical folded form of one part of a cell, for plan `year`."""
    for stage in _STAGES:
        text = stage.apply(text, year)
    return _squeeze(text)


_SPACES = re.compile(r"\s{2,}")


def _squeeze(text: FoldedText) -> FoldedText:
    squeezed = _substitute(text, _SPACES, _fixed(" ")) if "  " in text.folded else text
    folded = squeezed.folded
    start, end = len(folded) - len(folded.lstrip()), len(folded.rstrip())
    if start == 0 and end == len(folded):
        return squeezed
    return FoldedText(squeezed.original, folded[start:end], squeezed.origin[start:end])
