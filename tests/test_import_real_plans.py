"""Published plan appendices (tests/data/plans/real/) import with no task lost or invented.

Each appendix is rebuilt from its text into .xlsx, .docx and .csv by the layout builder and
imported as a dry run with --create-units; every task's number, section, lead, coordinating
units and deadline text is compared with what was read by hand from the original.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from scheduler.clock import ManualClock
from storage.importing import ImportOptions, ImportReview, import_file

DATA = Path(__file__).parent / "data" / "plans"
sys.path.insert(0, str(DATA / "layouts"))
sys.path.insert(0, str(DATA / "real"))

from build import build  # noqa: E402
from real_plans import REAL_PLANS, RealPlan  # noqa: E402
from record import ORIGINAL, REBUILT  # noqa: E402

BY_NAME = {plan.fixture.name: plan for plan in REAL_PLANS}
Read = tuple[str, str | None, tuple[str, ...], tuple[str, ...], str]


def _read(engine: Engine, path: Path, clock: ManualClock, year: int) -> list[Read]:
    options = ImportOptions(dry_run=True, create_units=True, year=year)
    review: ImportReview = import_file(
        engine, path=path, options=options, at=clock.now(), actor="test"
    )
    return [
        (
            task.number,
            task.section,
            tuple(task.lead_labels),
            tuple(task.coordinating_labels),
            task.deadline_text,
        )
        for task in review.tasks
    ]


def test_every_real_plan_says_where_it_comes_from() -> None:
    for plan in REAL_PLANS:
        assert plan.source and plan.origin in {REBUILT, ORIGINAL}, plan.fixture.name
        assert plan.level in {"province", "district", "commune", "sector", "school"}
        assert plan.fixture.expected, plan.fixture.name


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_real_plan_imports_every_task_right(
    engine: Engine, clock: ManualClock, tmp_path: Path, name: str
) -> None:
    plan: RealPlan = BY_NAME[name]
    fixture = plan.fixture
    paths = build(fixture, tmp_path)
    want = [(e.number, e.section, e.lead, e.coordinating, e.deadline) for e in fixture.expected]
    kinds = ("xlsx", "docx", "csv") if fixture.csv else ("xlsx", "docx")
    for kind in kinds:
        got = _read(engine, paths[kind], clock, fixture.year)
        assert [row[0] for row in got] == [row[0] for row in want], (
            f"{kind}: tasks lost or invented"
        )
        right = sum(g == w for g, w in zip(got, want, strict=True))
        print(f"\n{name} ({kind}): {right} of {len(want)} tasks read fully right")
        assert got == want, kind
