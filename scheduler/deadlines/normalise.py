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
from datetime import date, timedelta

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


Replacement = Callable[[re.Match[str]], str]


def _substitute(text: FoldedText, pattern: re.Pattern[str], repl: Replacement) -> FoldedText:
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


def _fixed(value: str) -> Replacement:
    return lambda _match: value


# Number words written beside the digits, as legal texts do: "12 (mười hai)", "ngày 03 (ba)".
_SPELLED_OUT = re.compile(rf"(?<=\d)\s*\(\s*{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{0,3}}\s*\)")
# "ngày thứ mười của tháng sau", "ngày thứ 20 của tháng tiếp theo", "ngày mùng 3".
_ORDINAL_WORDS = re.compile(
    rf"\bngay\s+(?:thu|mung|mong)\s+(?P<words>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{0,3}})"
    r"(?=\s+(?:cua|trong|thuoc|hang|hàng)\b)"
)
_ORDINAL_DIGITS = re.compile(r"\bngay\s+(?:thu|mung|mong)\s+(?=\d)")
_GLUED_DAY = re.compile(r"\bngay(?=\d)")
# "31-5", "16.10" after a day word: a day and a month (with a year they were already dates).
_DAY_MONTH = re.compile(
    r"(?:(?<=ngay )|(?<=truoc )|(?<=nhat )|(?<=han )|(?<=vao )|(?<=la )|^)"
    r"(?P<d>\d{1,2})\s*[-.]\s*(?P<m>\d{1,2})(?![\d./-])"
)
# Brackets that restate the rule, give examples or quote the old rule add no deadline.
_RESTATING = re.compile(
    r"\(\s*(?:quy\s+dinh\s+cu|vi\s+du|tuc\s+la|nghia\s+la|cham\s+nhat|ngay\s+(?:thu\s+)?\d{1,3}"
    r"\s+(?:cua|thuoc))[^()]*\)?|\(\s*\d{1,2}\s*/\s*\d{1,2}[\d/\s,.…]*(?:\.\.\.)?\)"
)
# Each rewrite with a word it cannot match without, checked first: most cells need none.
_SYNONYMS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (hint, re.compile(pattern), value)
    for hint, pattern, value in (
        ("muon", r"\bmuon\s+nhat\b", "cham nhat"),
        ("khong qua", r"\bkhong\s+qua\s+(?=ngay\b)", ""),
        ("den ngay den", r"\bden\s+ngay\s+den\b", "den ngay"),
        ("thuoc", r"\bthuoc\s+(?=thang\b)", "cua "),
        # ", tức là ngày thứ 30 của quý I": a restatement of the date before it.
        ("tuc la", r",?\s*\btuc\s+la\b.*$", ""),
        # The month after: every way documents say it.
        (
            "thang ",
            r"\bthang\s+(?:sau\s+lien\s+ke|lien\s+sau|lien\s+ke|ke\s+tiep|tiep\s+theo|tiep)"
            r"(?:\s+thang\s+(?:phat\s+sinh|co\s+phat\s+sinh)\b)?",
            "thang sau",
        ),
        # "tháng sau tháng phát sinh": folded, "sau thang" would also read as "sáu tháng".
        ("thang sau thang", r"\bthang\s+sau\s+thang\s+(?:co\s+)?phat\s+sinh\b", "thang sau"),
        ("thang bao", r"\bthang\s+bao\s+cao\b", "thang nay"),
        # "tháng cuối cùng của mỗi quý", "tháng cuối của từng quý", "tháng cuối các quý".
        (
            "thang cuoi",
            r"\bthang\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?(?:moi\s+|tung\s+|cac\s+)?quy\b",
            "thang cuoi quy",
        ),
        (
            "thang dau",
            r"\bthang\s+dau(?:\s+tien)?\s+(?:cua\s+|thuoc\s+)?quy\s+"
            r"(?:sau|tiep\s+theo|ke\s+tiep)(?:\s+lien\s+ke)?",
            "thang dau quy sau",
        ),
        # "ngày thứ 30 của quý tiếp theo": day 30 of the next quarter, in its first month.
        (
            "quy ",
            r"(?<=\d\s)(?:cua\s+|thuoc\s+)?quy\s+(?:sau|tiep\s+theo|ke\s+tiep)(?:\s+lien\s+ke)?\b",
            "cua thang dau quy sau",
        ),
    )
)
# A monthly duty due on the month's last day.
_MONTHLY_WORD = re.compile(r"\b(?:hang|moi|tung)\s+thang\b")
_LAST_OF_MONTH = re.compile(r"\bngay\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?thang(?=\s*(?:[,.;)]|$))")
_LAST_OF_QUARTER_MONTH = re.compile(
    r"\bngay\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?(?=thang\s+(?:cuoi|dau)\s+quy\b)"
)
_LAST_OF_NAMED_MONTH = re.compile(r"\bngay\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?(?=thang\s+\d)")
_LAST_OF_YEAR = re.compile(
    r"\bngay\s+cuoi(?:\s+cung)?\s+(?:cua\s+)?nam(?:\s+(?:bao\s+cao|duong\s+lich|tai\s+chinh|nay))?"
    r"(?=\s*(?:[,.;)]|$))"
)
# "Hằng tháng, trước ngày 25": the frequency first, then the day; read as "trước ngày 25 hằng
# tháng". Not when the day is followed by its month or its own period.
_FREQUENCY_FIRST = re.compile(
    r"\b(?P<every>(?:hang|moi)\s+thang)\s*[,:]?\s*(?P<bound>(?:(?:cham\s+nhat|truoc|han|vao|la)\s+)*)"
    r"(?P<day>ngay\s+\d{1,2})(?!\s*(?:/|-|\.\d|thang|cua|hang|\d))"
)
_NEXT_YEAR = r"(?:nam\s+(?:sau|lien\s+sau|ke\s+tiep|tiep\s+theo|n\s*\+\s*1)\b(?!\s+nam\b))"
_SLASH_NEXT_YEAR = re.compile(
    rf"(?P<dm>\b\d{{1,2}}\s*/\s*\d{{1,2}})\s*/?\s*,?\s*(?:cua\s+)?{_NEXT_YEAR}"
)
_WORD_NEXT_YEAR = re.compile(
    rf"(?P<dm>\b\d{{1,2}}\s+thang\s+\d{{1,2}})\s*,?\s*(?:cua\s+)?{_NEXT_YEAR}"
)
_FIRST_MONTH_NEXT_YEAR = re.compile(
    rf"\bngay\s+(?P<day>\d{{1,2}})\s+(?:cua\s+)?thang\s+dau(?:\s+tien)?\s+(?:cua\s+)?"
    rf"(?:nam\s+)?(?:{_NEXT_YEAR}|nam\s+(?P<this>duong\s+lich))"
)
_DAY_OF_NEXT_YEAR = re.compile(
    rf"\bngay\s+(?P<n>\d{{1,3}})\s+(?:cua\s+)?(?:{_NEXT_YEAR}|nam\s+(?:ke\s+tiep|tiep\s+theo))"
)
# "31/12 của năm tính thuế": the plan year itself.
_THIS_YEAR_WORDS = re.compile(
    r"(?<=\d)\s+(?:cua\s+)?nam\s+(?:bao\s+cao|(?:duoc\s+)?tinh\s+thue|tai\s+chinh|nay|do)\b"
)


def _next_year(year: int) -> Replacement:
    return lambda match: f"{match.group('dm')}/{year + 1}"


def _word_next_year(year: int) -> Replacement:
    return lambda match: f"{match.group('dm')} nam {year + 1}"


def _first_month(year: int) -> Replacement:
    def repl(match: re.Match[str]) -> str:
        target = year if match.group("this") else year + 1
        return f"ngay {match.group('day')}/01/{target}"

    return repl


def _day_of_next_year(year: int) -> Replacement:
    def repl(match: re.Match[str]) -> str:
        number = int(match.group("n"))
        if not 1 <= number <= 365:
            return match.group()
        day = date(year + 1, 1, 1) + timedelta(days=number - 1)
        return f"ngay {day.day:02d}/{day.month:02d}/{day.year}"

    return repl


def _ordinal(match: re.Match[str]) -> str:
    number = number_from_words(match.group("words"))
    return match.group() if number is None else f"ngay {number}"


def _frequency_first(match: re.Match[str]) -> str:
    bound = match.group("bound").strip()
    return f"{bound + ' ' if bound else ''}{match.group('day')} {match.group('every')}"


def rewrite(text: FoldedText, *, year: int) -> FoldedText:
    """The canonical folded form of one part of a cell, for plan `year`."""
    if "(" in text.folded:
        text = _substitute(text, _SPELLED_OUT, _fixed(""))
        text = _substitute(text, _RESTATING, _fixed(" "))
    if "ngay" in text.folded:
        text = _substitute(text, _ORDINAL_WORDS, _ordinal)
        text = _substitute(text, _ORDINAL_DIGITS, _fixed("ngay "))
        text = _substitute(text, _GLUED_DAY, _fixed("ngay "))
    if "-" in text.folded or "." in text.folded:
        text = _substitute(text, _DAY_MONTH, lambda m: f"{m.group('d')}/{m.group('m')}")
    for hint, pattern, value in _SYNONYMS:
        if hint in text.folded:
            text = _substitute(text, pattern, _fixed(value))
    if "nam " in text.folded:
        text = _rewrite_years(text, year)
    if "cuoi" in text.folded:
        text = _substitute(text, _LAST_OF_QUARTER_MONTH, _fixed("ngay 31 cua "))
        text = _substitute(text, _LAST_OF_NAMED_MONTH, _fixed(""))
        if _MONTHLY_WORD.search(text.folded):
            text = _substitute(text, _LAST_OF_MONTH, _fixed("ngay 31 cua thang nay"))
    if "hang thang" in text.folded or "moi thang" in text.folded:
        text = _substitute(text, _FREQUENCY_FIRST, _frequency_first)
    return _squeeze(text)


def _rewrite_years(text: FoldedText, year: int) -> FoldedText:
    text = _substitute(text, _FIRST_MONTH_NEXT_YEAR, _first_month(year))
    text = _substitute(text, _DAY_OF_NEXT_YEAR, _day_of_next_year(year))
    text = _substitute(text, _SLASH_NEXT_YEAR, _next_year(year))
    text = _substitute(text, _WORD_NEXT_YEAR, _word_next_year(year))
    text = _substitute(text, _THIS_YEAR_WORDS, _fixed(""))
    return _substitute(text, _LAST_OF_YEAR, _fixed(f"ngay 31/12/{year}"))


_SPACES = re.compile(r"\s{2,}")


def _squeeze(text: FoldedText) -> FoldedText:
    squeezed = _substitute(text, _SPACES, _fixed(" ")) if "  " in text.folded else text
    folded = squeezed.folded
    start, end = len(folded) - len(folded.lstrip()), len(folded.rstrip())
    if start == 0 and end == len(folded):
        return squeezed
    return FoldedText(squeezed.original, folded[start:end], squeezed.origin[start:end])
