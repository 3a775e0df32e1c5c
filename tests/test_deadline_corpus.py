"""Real deadline phrases from public documents outside the seeds, read for their reference year.

The expected dates are what each phrase means, worked out by hand (tests/data/deadlines/README.md
gives the readings and the shorthands). The held-out sixth of the corpus is reported on its own.
"""

from __future__ import annotations

import calendar
import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from scheduler.deadlines import parse_deadline

CORPUS = Path(__file__).parent / "data" / "deadlines" / "corpus.tsv"
REQUIRED_SHARE = 0.98
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


@dataclass(frozen=True)
class Phrase:
    id: int
    split: str
    year: int
    kind: str
    expect: str
    phrase: str
    source: str
    note: str


def load() -> list[Phrase]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Phrase(
            int(row["id"]),
            row["split"],
            int(row["year"]),
            row["kind"],
            row["expect"],
            row["phrase"],
            row["source"],
            row["note"],
        )
        for row in rows
    ]


def _day(year: int, month: int, day: str) -> date:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if day == "last" else min(int(day), last))


def _shifted(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def expand(expect: str, year: int) -> set[date]:
    """The dates an `expect` cell names: ISO dates or a shorthand from the corpus README."""
    dates: set[date] = set()
    for item in expect.split():
        if ":" not in item:
            dates.add(date.fromisoformat(item))
            continue
        rule, day = item.split(":")
        if rule == "W":
            first = date(year, 1, 1)
            first += timedelta(days=(WEEKDAYS[day] - first.weekday()) % 7)
            dates.update(
                first + timedelta(weeks=n)
                for n in range(53)
                if (first + timedelta(weeks=n)).year == year
            )
            continue
        months = range(1, 13) if rule.startswith("M") else (3, 6, 9, 12)
        offset = 1 if rule.endswith("+1") else 0
        for month in months:
            dates.add(_day(*_shifted(year, month, offset), day))
    return dates


def read_right(item: Phrase) -> tuple[bool, str]:
    result = parse_deadline(item.phrase, year=item.year)
    got = {occ.due for occ in result.occurrences}
    want = expand(item.expect, item.year)
    ok = result.kind == item.kind and got == want
    if item.kind == "unknown":
        ok = ok and bool(result.note)
    detail = f"kind {result.kind}, {len(got)} dates {sorted(got)[:4]}…"
    return ok, detail


def test_corpus_shape() -> None:
    items = load()
    assert len(items) >= 300
    assert len({item.source for item in items}) >= 40
    assert len({item.phrase for item in items}) == len(items)
    assert 0.15 <= sum(item.split == "heldout" for item in items) / len(items) <= 0.20
    for item in items:
        assert item.kind in {"once", "recurring", "multiple", "unknown", "relative"}, item.id
        assert bool(item.expect) == (item.kind not in {"unknown", "relative"}), item.id
        expand(item.expect, item.year)


def test_shorthands_expand_by_hand() -> None:
    # 2020: February has 29 days; the first Thursday is 2 January.
    assert expand("M+1:30", 2020) >= {date(2020, 2, 29), date(2021, 1, 30)}
    assert sorted(expand("Q+1:last", 2020)) == [
        date(2020, 4, 30),
        date(2020, 7, 31),
        date(2020, 10, 31),
        date(2021, 1, 31),
    ]
    thursdays = expand("W:thu", 2020)
    assert len(thursdays) == 53 and min(thursdays) == date(2020, 1, 2)


def test_corpus_share(capsys: pytest.CaptureFixture[str]) -> None:
    items = load()
    results = {item.id: read_right(item) for item in items}
    failures = [(item, results[item.id][1]) for item in items if not results[item.id][0]]
    lines = [
        f"#{item.id} [{item.split}] {item.phrase!r}: want {item.kind} {item.expect!r}; {got}"
        for item, got in failures
    ]
    shares = {}
    for split in ("tune", "heldout"):
        chosen = [item for item in items if item.split == split]
        shares[split] = sum(results[item.id][0] for item in chosen) / len(chosen)
    total = sum(ok for ok, _ in results.values()) / len(items)
    with capsys.disabled():
        print(
            f"\ndeadline corpus: {total:.1%} of {len(items)} read right "
            f"(tuned part {shares['tune']:.1%}, held-out part {shares['heldout']:.1%})"
        )
        for line in lines:
            print("  " + line)
    assert total >= REQUIRED_SHARE, "\n".join(lines)
