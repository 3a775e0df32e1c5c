"""Cutting a written list of bodies into names, when the registry cannot tell where one ends.

Plans list their partners with commas, but a comma also sits inside names ("UBND xã, thị
trấn", "Sở VH,TT&DL"), inside a note ("Sở Công Thương (đề xuất đầu bài, lựa chọn …)") and
between a unit and a class of actors nobody in particular ("…, doanh nghiệp"). These rules
read such a list the way its writer meant it, for names not registered yet.
"""

from __future__ import annotations

import re

from scheduler.folding import fold, fold_in_place
from scheduler.unit_names import clean_name

_COMMA = re.compile(r"(\s*,\s*)")
# A lower-case "các"/"những" after a comma opens a new name ("…, các bộ, ngành").
_CLASS_START = re.compile(r"^(?:cac|nhung)\s")
# Written in lower case, these name a kind of actor, not a unit: "…, doanh nghiệp chủ chuỗi",
# "viện nghiên cứu, trường đại học", "cơ sở đào tạo".
_ACTOR_CLASS = re.compile(
    r"^(?:cac |nhung )?(?:doanh nghiep|co so (?:dao tao|giao duc|san xuat)|vien nghien cuu|"
    r"vien|truong dai hoc|truong|to chuc|ca nhan|nha dau tu|chu dau tu|hiep hoi|nguoi dan)\b"
)
_ACTOR_KIND = re.compile(r"(?:cac )?(?:truong dai hoc|truong|vien nghien cuu|vien|doanh nghiep)")
# Businesses and investors, however written, are never a unit of the administration: "Các
# doanh nghiệp viễn thông", "Doanh nghiệp, nhà cung cấp dịch vụ IoT".
_BUSINESSES = re.compile(r"^(?:cac |nhung )?(?:doanh nghiep|nha dau tu|nha cung cap)\b")
# "Sở VH,TT&DL", "Trung tâm XTĐT, TM&DL tỉnh": the last parts of a run of abbreviations.
_ABBREVIATION_END = re.compile(r"\b[A-ZĐ]{2,}$")
_ABBREVIATION_PART = re.compile(r"^[A-ZĐ]+&[A-ZĐ]+\b")
# "UBND các xã Bát Xát, Trịnh Tường, Văn Bàn": one body in each place named after it.
# Matched on the text folded in place (accents and case aside: "Uỷ ban", "UBND cac xa"), the
# words then cut from the original.
_LOCALITIES = re.compile(
    r"^(?P<body>ubnd|uy ban nhan dan|cong an) cac "
    r"(?P<level>xa|phuong|thi tran|thi xa|huyen|quan)\s+(?P<place>.+)$"
)
# Words that open a unit's name, not a place's ("Sở KH&CN", "Phòng GD&ĐT").
_UNIT_OPENERS = frozenset({"so", "phong", "ban", "bql", "ubnd", "bo", "cuc"})
# Bodies named by their fields, whose names hold commas: "Sở Văn hóa, Thể thao và Du lịch",
# "Viện Chiến lược, Chính sách TN&MT".
_NAMED_BY_FIELDS = re.compile(r"^(?:so|bo|vien|hoc vien|trung tam|cuc|vu) ")
# How the name of the next body opens, after such a name: its kind.
_KIND_OF_BODY = re.compile(
    r"^(?:so|bo|phong|ban|bql|ubnd|uy ban|cuc|chi cuc|tong cuc|vu|vien|hoc vien|trung tam|"
    r"van phong|thanh tra|cong an|cong ty|tong cong ty|tap doan|thue|thong ke|hai quan|"
    r"kho bac|ngan hang|bao hiem|bao|dai|tap chi|hoi|doan|lien doan|mat tran|truong|"
    r"dai hoc|benh vien|quy|dien luc|hop tac xa|bo chi huy|canh sat)\b"
)
# "Sở NN&MT và UBND các xã": "và" before the opening words of another unit joins two units.
# A "Văn phòng … và UBND" is the one office of both.
# On the folded text; the body's name after "và" must start with a capital ("và bộ phận một
# cửa" goes on), a class ("và các …") need not.
_AND_ANOTHER_UNIT = re.compile(
    r"\s+va\s+(?=(?P<kind>so|ubnd|uy ban|phong|cong an|chi cuc|bql|ban quan ly|thanh tra|bo"
    r"|cac|nhung)\s)"
)


_RELEVANT = re.compile(r"\s+(?:co )?lien quan$")


def is_actor_class(text: str) -> bool:
    """A kind of actor, not a unit: "doanh nghiệp", "Trường Đại học có liên quan".

    In lower case the kind alone says it; capitalised, only alone ("Viện", "Trường") or with
    "(có) liên quan" after it, and businesses always.
    """
    folded = fold(text)
    if text[:1].islower():
        return bool(_ACTOR_CLASS.match(folded))
    return bool(_BUSINESSES.match(folded) or _ACTOR_KIND.fullmatch(_RELEVANT.sub("", folded)))


def _opens_name(token: str, before: str) -> bool:
    if token[0].isupper():
        if _ABBREVIATION_END.search(before) and _ABBREVIATION_PART.match(token):
            return False
        first = token.split()[0]
        return not (
            _NAMED_BY_FIELDS.match(fold(before))
            and not _KIND_OF_BODY.match(fold(token))
            and not (first.isupper() and len(first) > 1)
        )
    return bool(_CLASS_START.match(fold(token))) or is_actor_class(token)


def _is_place(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 3
        and fold(words[0]) not in _UNIT_OPENERS
        and all(word[:1].isupper() and word.isalpha() for word in words)
    )


def _localities(names: list[str]) -> list[str]:
    """ "UBND các xã A", "B", "C" → "UBND xã A", "UBND xã B", "UBND xã C"."""
    read: list[str] = []
    index = 0
    while index < len(names):
        name = names[index]
        match = _LOCALITIES.match(fold_in_place(name))
        following = index + 1
        while match and following < len(names) and _is_place(names[following]):
            following += 1
        if not match or following == index + 1 or not _is_place(name[match.start("place") :]):
            read.append(name)
            index += 1
            continue
        body, level = (name[match.start(g) : match.end(g)] for g in ("body", "level"))
        places = [name[match.start("place") :], *names[index + 1 : following]]
        read.extend(f"{body} {level} {place}" for place in places)
        index = following
    return read


def split_names(text: str) -> list[str]:
    """Cut at commas where a new name starts: a capital letter, "các …" or a class of actors.

    "Phòng NV, Phòng KT&HT, UBND xã, thị trấn" is three names: "thị trấn" continues the group
    "UBND xã, thị trấn", as "đơn vị" continues "Các cơ quan, đơn vị liên quan". "Thanh tra
    Chính phủ, các bộ, ngành" is two: "các …" begins a class of bodies of its own. A comma
    inside brackets never cuts.
    """
    names: list[str] = []
    parts = _COMMA.split(text)
    depth = 0
    for index in range(0, len(parts), 2):
        raw, separator = parts[index], parts[index - 1] if index else ""
        token = clean_name(raw)
        inside = depth > 0
        depth = max(0, depth + raw.count("(") - raw.count(")"))
        if not token:
            continue
        if names and (inside or not _opens_name(token, names[-1])):
            joiner = "," + (" " if separator.endswith(" ") else "")
            names[-1] = f"{names[-1]}{joiner}{token}"
        else:
            names.append(token)
    # Cleaning a part drops the bracket that closes a note; it is put back.
    names = [name + ")" * (name.count("(") - name.count(")")) for name in names]
    return _localities(names)


def split_at_and(name: str) -> list[str]:
    """ "Sở NN&MT và UBND các xã, phường" is two units; "Sở Nông nghiệp và Môi trường" one."""
    if fold(name).startswith("van phong"):
        return [name]
    parts, start = [], 0
    for match in _AND_ANOTHER_UNIT.finditer(fold_in_place(name)):
        opens = name[match.end()]
        if match["kind"] in ("cac", "nhung") or opens.isupper():
            parts.append(name[start : match.start()])
            start = match.end()
    parts.append(name[start:])
    return [part for part in parts if part]


_BRACKETED = re.compile(r"\([^()]*\)")


def names_more(tail: str) -> bool:
    """Whether the text cut off after a name ("(bàn giao), Sở KH&CN") goes on to name others."""
    outside = _BRACKETED.sub("", tail)
    return any(part.strip()[:1].isupper() for part in outside.split(",")[1:])


# "Các Cục: A; B", "UBND các huyện: A, B": a kind of body named once, then the list of names.
# On the folded text, like the rules above.
_KIND_LIST = re.compile(
    r"(?P<body>\b(?:ubnd|uy ban nhan dan|cong an)\s+)?\bcac\s+(?P<kind>\w+(?:\s\w+){0,2})\s*:\s*"
)
_LISTED_KINDS = re.compile(
    r"cuc|vu|so|phong|ban|vien|trung tam|chi cuc|tong cuc|truong|xa|phuong|thi tran|huyen|"
    r"quan|thi xa|tinh|thanh pho"
)
# An item already named with its own kind ("…; Vụ Kế hoạch, Tài chính") is not given the list's.
# On the folded item, which must start with a capital: "Vụ Tổ chức" names its own kind.
_OWN_KIND = re.compile(
    r"^(?:cuc|vu|so|phong|vien|trung tam|van phong|thanh tra|ubnd|uy ban|chi cuc|tong cuc|"
    r"truong)\s"
)
_SENTENCE_END = re.compile(r"\.\s+(?=\w)")


def _list_end(text: str, start: int) -> tuple[int, int]:
    """Where a list ends (a line break or a sentence), and where the text after it resumes.

    "… Du lịch Quốc gia Việt Nam. Vụ Kế hoạch, Tài chính": the full stop after a word ends the
    list, one after an abbreviation ("TP. Huế") does not.
    """
    line = text.find("\n", start)
    stop = len(text) if line < 0 else line
    for match in _SENTENCE_END.finditer(text, start, stop):
        if text[match.start() - 1].islower() and text[match.end()].isupper():
            return match.start(), match.end()
    return stop, stop


def spread_kind(text: str) -> str:
    """ "Các Cục: A; B" → "Cục A", "Cục B", one a line; "UBND các huyện: A, B" → "UBND huyện A"….

    The list is cut at semicolons when it has any, so names holding commas stay whole ("Các
    Cục: Báo chí; Xuất bản, In và Phát hành"); otherwise at commas.
    """
    read: list[str] = []
    position = 0
    for match in _KIND_LIST.finditer(fold_in_place(text)):
        kind = text[match.start("kind") : match.end("kind")]
        if match.start() < position or not _LISTED_KINDS.fullmatch(match["kind"]):
            continue
        end, resume = _list_end(text, match.end())
        items = text[match.end() : end]
        body = text[match.start("body") : match.end("body")] if match["body"] else ""
        name = f"{body}{kind}" if body else kind[:1].upper() + kind[1:]
        named = [
            item if item[:1].isupper() and _OWN_KIND.match(fold(item)) else f"{name} {item}"
            for item in (part.strip(" .") for part in items.split(";" if ";" in items else ","))
            if item
        ]
        if not named:
            continue
        read.extend((text[position : match.start()], "\n".join(named), "\n"))
        position = resume
    read.append(text[position:])
    return "".join(read)
