"""Deadline cells parsed per second over the seed plans' cells (and their accent-free forms).

python benchmarks/bench_deadlines.py [--repeat 200] [--seeds /work/shared/seeds]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from scheduler.deadlines import parse_deadline
from scheduler.folding import fold
from scheduler.reporting import ReportingCalendar, extract_reporting_calendar
from scheduler.workdays import WorkCalendar

# Cells of the OCR seeds, which have no clean table to read them from.
OCR_CELLS = [
    "Thang 4, 5/2022",
    "Bat dau tir thang 5/2022",
    "Bit dau tr thang 6/2022",
    "Tir nam 2022 — 2025",
    "Théang 12/2022",
    "Thang 12/2023",
    "Thang 12/2024",
    "Thang 12/2025",
    "Thuong xuyén",
    "Hang quy béo céo két qua thuc hién cling véi Bao céo cai cach hanh chinh vé So",
    "Béo céao dung thoi gian quy dinh",
    "+ B&0 c4o thang: cham nhat vao ngay 02 hang thang (s6 liéu tinh tir ngay 01 dén ngay "
    "cudi cung cia thang trude lién keé).",
    "+ B40o cao Quy 1 vao ngay 15/3/2024 (sb liéu tinh tir ngay 15/12/2023 dén 14/3/2024).",
    "Béo cdo quy I giri chdm nhét ngay 27/02, bao cdo 6 thang cham nhat ngay 28/5, bao cao "
    "quy III cham nhét ngay 27/8, bao cao nam cham nhat ngay 17/11.",
    "trong thoi gian cham nhit 1a 03 thang ké tir khi van ban QPPL c6 hiéu lyc thi hanh",
]


def seed_cells(seeds: Path) -> list[str]:
    clean = seeds / "001_7bad05563b58a425.txt"
    cells: list[str] = []
    if clean.exists():
        for line in clean.read_text(encoding="utf-8").splitlines():
            if line.count("\t") >= 5 and line.split("\t")[-1].strip():
                cells.append(line.split("\t")[-1].strip())
    cells += OCR_CELLS
    # Staff type without accents too.
    return cells + [fold(cell) for cell in cells]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seeds", type=Path, default=Path("/work/shared/seeds"))
    args = parser.parse_args()
    cells = seed_cells(args.seeds)
    calendar = WorkCalendar()
    reporting = ReportingCalendar()
    # Warm the holiday tables so that the figure is about parsing.
    for cell in cells:
        parse_deadline(cell, year=2024, reporting=reporting, calendar=calendar)

    started, cpu_started = time.perf_counter(), time.process_time()
    occurrences = 0
    for _ in range(args.repeat):
        for cell in cells:
            occurrences += len(
                parse_deadline(cell, year=2024, reporting=reporting, calendar=calendar).occurrences
            )
    elapsed = time.perf_counter() - started
    # CPU time too: on a shared machine the wall clock also measures the neighbours.
    cpu = time.process_time() - cpu_started
    total = len(cells) * args.repeat
    print(f"{len(cells)} distinct cells × {args.repeat} = {total} cells in {elapsed:.2f} s")
    print(f"{total / elapsed:,.0f} cells/s, {occurrences / elapsed:,.0f} occurrences/s (wall)")
    print(f"{total / cpu:,.0f} cells per CPU second")

    plans = sorted(args.seeds.glob("0*.txt"))
    started = time.perf_counter()
    for plan in plans:
        extract_reporting_calendar(plan.read_text(encoding="utf-8"), year=2024)
    elapsed = time.perf_counter() - started
    print(f"reporting calendar from {len(plans)} whole plans: {elapsed * 1000:.1f} ms")


if __name__ == "__main__":
    main()
