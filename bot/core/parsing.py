"""Reading what a user typed: commands with or without the slash, accents or bot name.

Staff type on phones, often without diacritics, so "/xong@nhacviec_bot 12", "xong 12",
"Xong #12 đã nộp" and "Tiến độ 12 80 đang tổng hợp" all read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scheduler.folding import fold, nfc

# "12", "#12", and "#12:" / "12," as people write before a note ("vướng mắc #12: chờ số liệu").
_ITEM_REF = re.compile(r"^#?(\d{1,9})[:.,]?$")
# "/xong12": the number typed against the command word.
_GLUED_NUMBER = re.compile(r"^([a-z]+)(\d{1,9})$")
# Words people put before the number: "xong số 12", "xong # 12".
_NUMBER_WORDS = ("so", "#", "nv", "nhiem vu")
_PERCENT = re.compile(r"^(\d{1,3})\s?%?$")
# Phrases that mean "it is done" when a user just writes a note on an item.
DONE_PHRASES = (
    "da xong",
    "xong",
    "hoan thanh",
    "da hoan thanh",
    "da gui",
    "da nop",
    "da bao cao",
    "da trinh",
    "done",
)

# Words (folded) of a reply that report on the work rather than acknowledge a message.
PROGRESS_WORDS = (
    "dang lam",
    "dang thuc hien",
    "dang trien khai",
    "dang tong hop",
    "dang xu ly",
    "chua xong",
    "chua lam",
    "tien do",
    "vuong",
    "kho khan",
)
_PERCENT_ANYWHERE = re.compile(r"\b\d{1,3}\s?%")


@dataclass(frozen=True)
class ParsedCommand:
    name: str
    args: str
    slashed: bool


def split_words(text: str) -> list[str]:
    return nfc(text).split()


def parse_command(text: str, aliases: dict[tuple[str, ...], str]) -> ParsedCommand | None:
    """Match the longest alias at the start of `text`; `aliases` maps folded words to a name."""
    words = split_words(text)
    if not words:
        return None
    slashed = words[0].startswith("/")
    first = words[0].lstrip("/").split("@", 1)[0]
    folded = [fold(first), *(fold(word) for word in words[1:4])]
    for length in range(min(len(folded), 3), 0, -1):
        key = tuple(folded[:length])
        if key in aliases:
            return ParsedCommand(aliases[key], " ".join(words[length:]), slashed)
    # Aliases written as one word in commands ("tiendo") may be typed as two ("tien do").
    if len(folded) >= 2 and (folded[0] + folded[1],) in aliases:
        return ParsedCommand(aliases[(folded[0] + folded[1],)], " ".join(words[2:]), slashed)
    glued = _GLUED_NUMBER.match(folded[0])
    if glued is not None and (glued.group(1),) in aliases:
        rest = " ".join([glued.group(2), *words[1:]])
        return ParsedCommand(aliases[(glued.group(1),)], rest, slashed)
    if slashed:
        return ParsedCommand("", " ".join(words[1:]), slashed)
    return None


def item_ref(word: str) -> int | None:
    """ "12" or "#12" → 12."""
    match = _ITEM_REF.match(word.strip())
    return int(match.group(1)) if match else None


def split_item(args: str) -> tuple[int | None, str]:
    """The leading item number, if any, and the rest."""
    words = args.split(maxsplit=1)
    if not words:
        return None, ""
    for lead in _NUMBER_WORDS:
        size = len(lead.split())
        parts = args.split(maxsplit=size)
        if len(parts) > size and fold(" ".join(parts[:size])) == lead:
            ahead = parts[size].split(maxsplit=1)
            if item_ref(ahead[0]) is not None:
                words = ahead
                break
    number = item_ref(words[0])
    if number is None:
        return None, args.strip()
    return number, words[1].strip() if len(words) > 1 else ""


def split_percent(args: str) -> tuple[int | None, str]:
    """ "80", "80%" or "80 %" at the start → 80, and the rest."""
    words = args.split()
    if not words:
        return None, ""
    if len(words) >= 2 and words[1] == "%":
        words = [words[0] + "%", *words[2:]]
    match = _PERCENT.match(words[0])
    if match is None:
        return None, args.strip()
    return int(match.group(1)), " ".join(words[1:])


def means_done(note: str) -> bool:
    folded = fold(note)
    return any(folded == phrase or folded.startswith(phrase + " ") for phrase in DONE_PHRASES)


def looks_like_update(text: str) -> bool:
    """Done words, a percent, or progress/blocked words anywhere in `text` ("em đã gửi rồi ạ",
    "được 50% rồi"); "đã nhận", "cảm ơn anh" are not."""
    if _PERCENT_ANYWHERE.search(text):
        return True
    folded = f" {' '.join(fold(text).split())} "
    return any(f" {phrase} " in folded for phrase in (*DONE_PHRASES, *PROGRESS_WORDS))
