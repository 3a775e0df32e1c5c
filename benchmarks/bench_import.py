"""How long `nhacviec import` takes on the largest accepted table (5,000 rows).

    python benchmarks/bench_import.py [DATABASE_URL]

Builds a CSV of 4,980 tasks (10 sections) whose lead cell is a group of 5 units and whose
deadline is "Hàng quý", imports it twice (new, then unchanged) and prints the timings.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, func, select

from scheduler.clock import VIETNAM_TZ
from storage.database import make_engine
from storage.importing import ImportOptions, import_file
from storage.migrate import upgrade
from storage.models import Occurrence
from storage.units import add_to_group, add_unit

TASKS = 4980
ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
AT = datetime(2024, 1, 15, 8, 0, tzinfo=VIETNAM_TZ)


def build_csv(path: Path, tasks: int = TASKS) -> None:
    lines = ["TT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành"]
    per_section = tasks // 10
    number = 0
    for section, roman in enumerate(ROMANS):
        lines.append(f"{roman},PHẦN {section + 1},,,")
        for _ in range(per_section):
            number += 1
            lines.append(
                f"{number},Nhiệm vụ số {number} của kế hoạch năm 2024,"
                f"Các phòng CM Sở,Văn phòng Sở,Hàng quý"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{folder}/bench.db"
        engine = make_engine(url)
        upgrade(engine)
        with Session(engine) as session:
            names = [f"Phòng {n}" for n in range(1, 6)]
            for name in [*names, "Văn phòng Sở"]:
                add_unit(session, name=name, at=AT, actor="bench")
            add_to_group(session, group="Các phòng CM Sở", members=names, at=AT, actor="bench")
            session.commit()
        source = Path(folder) / "ke-hoach-2024.csv"
        build_csv(source)
        for label in ("first import", "re-import (unchanged)"):
            started = time.perf_counter()
            review = import_file(engine, path=source, options=ImportOptions(), at=AT, actor="bench")
            elapsed = time.perf_counter() - started
            print(f"{label}: {len(review.tasks)} tasks, {review.occurrences} in {elapsed:.1f} s")
        with Session(engine) as session:
            total = session.exec(select(func.count()).select_from(Occurrence)).one()
        print(f"occurrences stored: {total}")
        engine.dispose()


if __name__ == "__main__":
    main()
