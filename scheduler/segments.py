"""Cutting a list of parts into consecutive runs, each run read as something known.

A cell naming several units ("Phòng NV, UBND xã, thị trấn") is cut at separators, yet a run
may span a separator ("UBND xã, thị trấn" is one group). Both the import and the suggestions
for unknown names search the cut the same way; only what a run is read as differs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def best_cut(
    count: int, read: Callable[[int, int], list[T] | None], *, fewest_runs: bool = False
) -> list[T] | None:
    """The results of the best cut of parts 0..count into runs [start, end), or None.

    `read(start, end)` gives what a run stands for, or None when it is not known. The whole as
    one run is never tried (the caller read it already). The cut with the fewest results wins,
    or with `fewest_runs` the fewest runs; the first found wins a tie.
    """
    best: list[list[T] | None] = [None] * (count + 1)
    cost = [0] * (count + 1)
    best[0] = []
    for end in range(1, count + 1):
        for start in range(end):
            before = best[start]
            if before is None or (start == 0 and end == count):
                continue
            found = read(start, end)
            if found is None:
                continue
            weight = cost[start] + (1 if fewest_runs else len(found))
            if best[end] is None or weight < cost[end]:
                best[end] = [*before, *found]
                cost[end] = weight
    return best[count]
