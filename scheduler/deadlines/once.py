"""One-off dates and periods inside a part: "ngày 15/3/2024", "Tháng 02/2024", "Quý I/2024",
"6 tháng đầu năm", "Năm 2024", "trước tháng 3", "17 giờ ngày 05/3/2024", "Từ tháng 01/2024".

"trước X" is strictly before X: the last allowed day is the day before X begins.
A date or month without a year takes the plan year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from scheduler import periods
from scheduler.deadlines.patterns import (
    DASH_DATE,
    NAM,
    NGAY,
    SLASH_DATE,
    THANG,
    WORD_DATE,
    YEAR_TAIL,
    make_date,
    make_year,
)
from scheduler.deadlines.text import FoldedText

# Document references ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020") carry dates that are not
# deadlines.
_CITATION = re.compile(
    r"\b\d+\s*/\s*(?:\d{4}\s*/\s*)?[a-z]{1,8}(?:\s*-\s*[a-z0-9]{1,10}){0,3}\b"
    rf"(?:\s*,?\s*{NGAY}\s+(?:\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}}"
    rf"|\d{{1,2}}\s+{THANG}\s+\d{{1,2}}\s+{NAM}\s+\d{{4}}))?"
)
TIME = re.compile(
    r"(?<![\d/])(?P<hour>\d{1,2})\s*(?:h|gio)\s*(?P<minute>\d{2})?(?:\s*phut)?(?![a-z0-9])"
)
_DATES = (
    re.compile(rf"{NGAY}\s+" + WORD_DATE),
    re.compile(WORD_DATE),
    re.compile(SLASH_DATE),
    re.compile(DASH_DATE),
)
_LIST = r"\s*(?P<sep>,|va|-|–|—|den)\s*"
_MONTHS = re.compile(
    rf"(?<!\d)(?<!\d\s){THANG}\s*(?P<first>\d{{1,2}})(?!\d)"
    rf"(?:{_LIST}(?:{THANG}\s*)?(?P<last>\d{{1,2}})(?!\d))?" + YEAR_TAIL
)
_QUARTERS = re.compile(
    r"\bquy\s*(?P<first>iv|i{1,3}|[1-4])(?![a-z0-9])"
    rf"(?:{_LIST}(?:quy\s*)?(?P<last>iv|i{{1,3}}|[1-4])(?![a-z0-9]))?" + YEAR_TAIL
)
_HALVES = re.compile(
    rf"(?<![\d/])(?:0?6|sau)\s+{THANG}"
    rf"(?:\s+(?P<which>dau|cuoi)\s+{NAM}(?:\s+(?P<hyear>\d{{4}}))?)?"
    r"(?!\s*(?:ke|tinh|sau|tu|\d))" + YEAR_TAIL
)
_YEARS = re.compile(
    rf"\b(?:{NAM}|giai\s+doan)\s+(?P<y1>\d{{4}})(?:\s*(?:-|–|—|den)\s*(?:{NAM}\s+)?(?P<y2>\d{{4}}))?(?!\d)"
)
# "Tuần đầu tháng 10": the week narrows the month; only the first four weeks are counted in
# days (1–7, 8–14, …), the last week ends with the month.
_WEEK_BEFORE = re.compile(
    r"\btuan\s+(?:(?P<last>cuoi)|(?:thu\s+)?(?P<nth>dau|nhat|hai|ba|tu|[1-4]))\s+(?:cua\s+)?$"
)
LAST_WEEK = 5
_WEEK_NUMBER_BEFORE = re.compile(r"\btuan\s+(?:thu\s+)?$")
# "Đầu năm 2024", "giữa năm 2024" name no day; reading them as the year's end would be late.
_VAGUE_IN_YEAR = re.compile(r"\b(?:dau|giua)\s+$")
_WEEK_NUMBERS = {"dau": 1, "nhat": 1, "1": 1, "hai": 2, "2": 2, "ba": 3, "3": 3, "tu": 4, "4": 4}
_THIS_YEAR = re.compile(rf"\b(?P<which>trong|cuoi)\s+{NAM}\b(?!\s*\d)")
_STRICT = re.compile(rf"\btruoc\s+(?:{NGAY}\s+)?$")
# "Trước ngày 30/6 và 31/12": the bound governs every date of the list.
_LISTED = re.compile(rf"^\s*(?:,|va|hoac)\s*(?:truoc\s+)?(?:{NGAY}\s+)?$")
# A date with its own bound ("chậm nhất là ngày 30/7/2019", "hạn … là ngày 20/2") is the
# deadline; a period named beside it without a bound ("Tờ khai quý 2/2019", "tháng 11/2020")
# is what the duty is about.
_BOUND = re.compile(
    rf"\b(?:truoc|cham\s+nhat|han(?:\s+\S+){{0,6}}?\s+la|vao|la|den|trong)\s+"
    rf"(?:(?:la|vao|ngay|den|trong|{NGAY})\s+)*$"
)
_START = re.compile(
    rf"\b(?:tu|tir|t\S|b\S{{1,2}}t\s+dau(?:\s+t\S{{0,2}})?|khoi\s+dong)\s+(?:{NGAY}\s+)?$"
)
_RANGE_LINK = re.compile(r"^\s*(?:-|–|—|den|toi)\s*(?:ngay\s+)?$")
_UNREAD_DAY = re.compile(rf"\b{NGAY}\s+\d{{1,2}}\b")


@dataclass(frozen=True)
class Token:
    code: str
    label: str
    due: date
    first_day: date
    window: tuple[date, date] | None
    start: int
    end: int
    invalid: bool = False
    # A span with both ends named ("Tháng 4, 5/2022", "Từ năm 2022 – 2025"): "từ" opens it,
    # it is not the start of an ongoing duty.
    ranged: bool = False


@dataclass(frozen=True)
class OnceReading:
    tokens: tuple[Token, ...]
    starts: tuple[Token, ...]
    time: time | None
    invalid: bool
    unread: bool


def _mask(work: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        work[index] = " "


def _invalid(start: int, end: int) -> Token:
    day = date(2000, 1, 1)
    return Token("", "", day, day, None, start, end, invalid=True)


def _period_token(code: str, year: int, start: int, end: int, label: str | None = None) -> Token:
    first, last = periods.span(code, year)
    return Token(
        f"{year}-{code}", label or periods.label(code, year), last, first, (first, last), start, end
    )


def _year_of(match: re.Match[str], default: int) -> int:
    raw = match.groupdict().get("year") or match.groupdict().get("year_word")
    return make_year(raw, default)


def _scan_dates(work: list[str], year: int) -> list[Token]:
    tokens: list[Token] = []
    for pattern in _DATES:
        for match in pattern.finditer("".join(work)):
            before = "".join(work)[max(0, match.start() - 12) : match.start()]
            week = _WEEK_NUMBER_BEFORE.search(before)
            if week is not None and pattern is _DATES[1]:
                # "Tuần 2 tháng 5" is the second week of May, not 2 May.
                _mask(work, match.start(), match.end())
                number, month = int(match.group("day")), int(match.group("month"))
                if not (1 <= number <= 4 and 1 <= month <= 12):
                    tokens.append(_invalid(match.start(), match.end()))
                    continue
                token_year = make_year(match.group("dyear"), year)
                start = match.start() - len(before) + week.start()
                tokens.append(_week_token(number, month, token_year, start, match.end()))
                continue
            day = make_date(match.group("day"), match.group("month"), match.group("dyear"), year)
            _mask(work, match.start(), match.end())
            if day is None:
                tokens.append(_invalid(match.start(), match.end()))
                continue
            label = f"Ngày {day.strftime('%d/%m/%Y')}"
            tokens.append(Token(day.isoformat(), label, day, day, None, match.start(), match.end()))
    return tokens


def _spans(prefix: str, match: re.Match[str], first: int, last: int, year: int) -> list[Token]:
    """ "Tháng 4, 5/2022" and "Tháng 01 - Tháng 12" are one span of time; "tháng 3 và tháng 9"
    are two separate deadlines."""
    start, end = match.start(), match.end()
    code_first = f"{prefix}{first:02d}" if prefix == "M" else f"{prefix}{first}"
    code_last = f"{prefix}{last:02d}" if prefix == "M" else f"{prefix}{last}"
    if first == last:
        return [_period_token(code_first, year, start, end)]
    if match.group("sep") in (",", "va") and last != first + 1:
        return [
            _period_token(code_first, year, start, end),
            _period_token(code_last, year, start, end),
        ]
    first_day = periods.span(code_first, year)[0]
    last_day = periods.span(code_last, year)[1]
    first_label = periods.label(code_first, year).rsplit("/", 1)[0]
    last_label = periods.label(code_last, year).rsplit("/", 1)[0].split(" ")[-1]
    return [
        Token(
            f"{year}-{code_first}-{code_last}",
            f"{first_label}–{last_label}/{year}",
            last_day,
            first_day,
            (first_day, last_day),
            start,
            end,
            ranged=True,
        )
    ]


def _scan_months(work: list[str], year: int) -> list[Token]:
    tokens: list[Token] = []
    for match in _MONTHS.finditer("".join(work)):
        _mask(work, match.start(), match.end())
        first = int(match.group("first"))
        last = int(match.group("last") or first)
        if not (1 <= first <= last <= 12):
            tokens.append(_invalid(match.start(), match.end()))
            continue
        token_year = _year_of(match, year)
        week = _WEEK_BEFORE.search("".join(work)[max(0, match.start() - 20) : match.start()])
        if week is not None and first == last:
            number = LAST_WEEK if week.group("last") else _WEEK_NUMBERS[week.group("nth")]
            start = week.start() + max(0, match.start() - 20)
            tokens.append(_week_token(number, first, token_year, start, match.end()))
            continue
        tokens += _spans("M", match, first, last, token_year)
    return tokens


def _week_token(number: int, month: int, year: int, start: int, end: int) -> Token:
    """Week `number` (1–4) of the month counted in days, or LAST_WEEK for its last seven."""
    month_first, month_last = periods.span(f"M{month:02d}", year)
    if number == LAST_WEEK:
        first_day, last_day = month_last - timedelta(days=6), month_last
    else:
        first_day = month_first + timedelta(days=7 * (number - 1))
        last_day = first_day + timedelta(days=6)
    which = {1: "đầu", LAST_WEEK: "cuối"}.get(number, f"thứ {number}")
    return Token(
        f"{year}-M{month:02d}-W{number}",
        f"Tuần {which} tháng {month:02d}/{year}",
        last_day,
        first_day,
        (first_day, last_day),
        start,
        end,
    )


def _scan_periods(work: list[str], year: int) -> list[Token]:
    tokens: list[Token] = []
    for match in _QUARTERS.finditer("".join(work)):
        _mask(work, match.start(), match.end())
        first = periods.quarter_number(match.group("first"))
        last = periods.quarter_number(match.group("last") or match.group("first"))
        if first is None or last is None or last < first:
            tokens.append(_invalid(match.start(), match.end()))
            continue
        tokens += _spans("Q", match, first, last, _year_of(match, year))
    for match in _HALVES.finditer("".join(work)):
        _mask(work, match.start(), match.end())
        token_year = make_year(match.group("hyear"), _year_of(match, year))
        code = "H2" if match.group("which") == "cuoi" else "H1"
        tokens.append(_period_token(code, token_year, match.start(), match.end()))
    for match in _YEARS.finditer("".join(work)):
        _mask(work, match.start(), match.end())
        if _VAGUE_IN_YEAR.search("".join(work)[max(0, match.start() - 8) : match.start()]):
            continue
        first, last = int(match.group("y1")), int(match.group("y2") or match.group("y1"))
        if not (1900 <= first <= last <= 2199):
            tokens.append(_invalid(match.start(), match.end()))
            continue
        if first == last:
            tokens.append(_period_token("Y", first, match.start(), match.end()))
            continue
        start_day, end_day = date(first, 1, 1), date(last, 12, 31)
        tokens.append(
            Token(
                f"{first}-{last}",
                f"Năm {first}–{last}",
                end_day,
                start_day,
                (start_day, end_day),
                match.start(),
                match.end(),
                ranged=True,
            )
        )
    for match in _THIS_YEAR.finditer("".join(work)):
        _mask(work, match.start(), match.end())
        which = "Trong năm" if match.group("which") == "trong" else "Cuối năm"
        tokens.append(_period_token("Y", year, match.start(), match.end(), f"{which} {year}"))
    return tokens


def _scan_time(work: list[str]) -> tuple[time | None, bool]:
    """The first time of day ("17 giờ", "16h00") and whether some time was impossible."""
    found: time | None = None
    for match in TIME.finditer("".join(work)):
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        _mask(work, match.start(), match.end())
        if hour > 23 or minute > 59:
            return None, True
        found = found or time(hour, minute)
    return found, False


def _strict(token: Token) -> Token:
    due = token.first_day - timedelta(days=1)
    return replace(
        token,
        code=f"before-{token.code}",
        label=f"Trước {token.label[0].lower()}{token.label[1:]}",
        due=due,
        window=None,
    )


def _join_ranges(folded: str, tokens: list[Token]) -> list[Token]:
    joined: list[Token] = []
    for token in tokens:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not previous.invalid
            and not token.invalid
            and _RANGE_LINK.match(folded[previous.end : token.start])
            and previous.first_day <= token.due
        ):
            window = (previous.first_day, token.due)
            label = f"{previous.label} – {token.label}".replace("Ngày ", "")
            joined[-1] = Token(
                f"{previous.code}..{token.code}",
                label,
                token.due,
                previous.first_day,
                window,
                previous.start,
                token.end,
                ranged=True,
            )
            continue
        joined.append(token)
    return joined


def _is_day(token: Token) -> bool:
    return token.window is None or ".." in token.code


def _drop_context_periods(tokens: list[Token], bounded: set[int]) -> list[Token]:
    if not any(_is_day(tokens[i]) and not tokens[i].invalid for i in bounded):
        return tokens
    return [t for i, t in enumerate(tokens) if t.invalid or _is_day(t) or i in bounded]


def _drop_wider_periods(tokens: list[Token]) -> list[Token]:
    """In "kế hoạch CCHC năm 2021 … chậm nhất trong tháng 01/2021" or "Quý I/2024 (trước ngày
    15/3/2024)" the wider period is context; the deadline is the narrower one inside it."""
    valid = [t for t in tokens if not t.invalid]

    def inside(narrow: Token, wide: Token) -> bool:
        return (
            (narrow.first_day, narrow.due) != (wide.first_day, wide.due)
            and wide.first_day <= narrow.first_day
            and narrow.due <= wide.due
        )

    return [
        token
        for token in tokens
        if token.invalid or not any(inside(other, token) for other in valid if other is not token)
    ]


def read_once(text: FoldedText, *, year: int) -> OnceReading:
    folded = text.folded
    work = list(folded)
    for match in _CITATION.finditer(folded):
        _mask(work, match.start(), match.end())
    moment, bad_time = _scan_time(work)
    found = _scan_dates(work, year) + _scan_months(work, year) + _scan_periods(work, year)
    found.sort(key=lambda token: token.start)
    tokens: list[Token] = []
    starts: list[Token] = []
    bounded: set[int] = set()
    strict_end = -1
    for token in _join_ranges(folded, found):
        # Only the words just before a token qualify it; a bounded look keeps long cells linear.
        before = folded[max(0, token.start - 40) : token.start]
        if token.invalid:
            tokens.append(token)
        elif _STRICT.search(before) or (
            strict_end >= 0 and _LISTED.match(folded[strict_end : token.start])
        ):
            tokens.append(_strict(token))
            bounded.add(len(tokens) - 1)
            strict_end = token.end
        elif _START.search(before) and not token.ranged:
            starts.append(token)
        else:
            if _BOUND.search(before):
                bounded.add(len(tokens))
            tokens.append(token)
    tokens = _drop_context_periods(tokens, bounded)
    tokens = _drop_wider_periods(tokens)
    unread = bool(_UNREAD_DAY.search("".join(work)))
    return OnceReading(
        tokens=tuple(t for t in tokens if not t.invalid),
        starts=tuple(starts),
        time=moment,
        invalid=bad_time or any(t.invalid for t in tokens),
        unread=unread,
    )
