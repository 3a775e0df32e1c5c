"""Every deadline cell and reporting sentence of the five seed plans, with dates checked by hand
against a 2024/2021/2022 wall calendar and Vietnam's public holidays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from messages.deadline_notes import note_text
from scheduler.deadlines import Deadline, parse_deadline
from scheduler.reporting import ReportingCalendar, extract_reporting_calendar

SEEDS = Path("/work/shared/seeds")
D = date.fromisoformat


def occ(deadline: Deadline) -> list[tuple[str, str, str]]:
    """(period_key, due, effective_due) of every occurrence."""
    return [
        (o.period_key, o.due.isoformat(), o.effective_due.isoformat()) for o in deadline.occurrences
    ]


# Bộ Nội vụ regime for a 2024 plan: day 20 of March, June, September, December.
# 20/03 Wed, 20/06 Thu, 20/09 Fri, 20/12 Fri: all working days.
REGIME_2024 = [
    ("2024-Q1", "2024-03-20", "2024-03-20"),
    ("2024-H1", "2024-06-20", "2024-06-20"),
    ("2024-Q3", "2024-09-20", "2024-09-20"),
    ("2024-Y", "2024-12-20", "2024-12-20"),
]
# Default monthly reports: day 20 of each month; 20/01 Sat → 22/01, 20/04 Sat → 22/04,
# 20/07 Sat → 22/07, 20/10 Sun → 21/10.
MONTHLY_2024 = [
    ("2024-M01", "2024-01-20", "2024-01-22"),
    ("2024-M02", "2024-02-20", "2024-02-20"),
    ("2024-M03", "2024-03-20", "2024-03-20"),
    ("2024-M04", "2024-04-20", "2024-04-22"),
    ("2024-M05", "2024-05-20", "2024-05-20"),
    ("2024-M06", "2024-06-20", "2024-06-20"),
    ("2024-M07", "2024-07-20", "2024-07-22"),
    ("2024-M08", "2024-08-20", "2024-08-20"),
    ("2024-M09", "2024-09-20", "2024-09-20"),
    ("2024-M10", "2024-10-20", "2024-10-21"),
    ("2024-M11", "2024-11-20", "2024-11-20"),
    ("2024-M12", "2024-12-20", "2024-12-20"),
]
Q1_2024_ONCE = ("by-2024-Q1", "2024-03-31", "2024-04-01")  # 31/03/2024 is a Sunday
JAN_2024_ONCE = ("by-2024-M01", "2024-01-31", "2024-01-31")


def by_due(items: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return sorted(items, key=lambda item: (item[1], item[0]))


SEED_001_CELLS: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    ("Tháng 02/2024", "once", [("by-2024-M02", "2024-02-29", "2024-02-29")]),
    ("- Tháng 01 - Tháng 12", "once", [("by-2024-M01-M12", "2024-12-31", "2024-12-31")]),
    (
        "- Xây dựng Kế hoạch tháng 1; - Báo cáo theo định kỳ;",
        "multiple",
        by_due([JAN_2024_ONCE, *REGIME_2024]),
    ),
    (
        "Cập nhật, công bố, bổ sung sau khi có Quyết định công bố của Bộ, Ngành Trung ương.",
        "on_request",
        [],
    ),
    ("Thường xuyên", "continuous", []),
    ("Theo quy định", "on_request", []),
    ("Theo định kỳ quý, 6 tháng, năm", "recurring", REGIME_2024),
    ("Theo Quyết định của UBND tỉnh và các văn bản liên quan.", "on_request", []),
    ("Theo quy định của cơ quan có thẩm quyền", "on_request", []),
    ("Khi có yêu cầu", "on_request", []),
    ("Quý II/2024", "once", [("by-2024-Q2", "2024-06-30", "2024-07-01")]),
    (
        "- Xây dựng KH trước tháng 3; - Báo cáo theo định kỳ;",
        "multiple",
        by_due([("by-before-2024-M03", "2024-02-29", "2024-02-29"), *REGIME_2024]),
    ),
    ("Sau khi có văn bản triển khai của UBND tỉnh hoặc Sở Nội vụ", "on_request", []),
    (
        "- Triển khai trong tháng 01; - Báo cáo theo định kỳ và hoạt động cụ thể",
        "multiple",
        by_due([JAN_2024_ONCE, *REGIME_2024]),
    ),
    ("06 tháng, cuối năm", "recurring", [REGIME_2024[1], REGIME_2024[3]]),
    ("Theo tiến độ kế hoạch", "on_request", []),
    ("Theo Đề án", "on_request", []),
    ("Từ tháng 01/2024", "continuous", []),
    ("- Thường xuyên; - Tháng, quý, 6 tháng, năm", "multiple", by_due(MONTHLY_2024 + REGIME_2024)),
    ("- Quý I; - Báo cáo hàng tháng", "multiple", by_due([Q1_2024_ONCE, *MONTHLY_2024])),
    ("Trong năm", "once", [("by-2024-Y", "2024-12-31", "2024-12-31")]),
    (
        "- Tháng 01/2024; - Hàng Quý, 6 tháng và năm",
        "multiple",
        by_due([JAN_2024_ONCE, *REGIME_2024]),
    ),
    ("Theo kế hoạch của UBND tỉnh", "on_request", []),
    ("Báo cáo tiến độ theo kế hoạch đề ra", "on_request", []),
    ("Quý I/2024", "once", [Q1_2024_ONCE]),
    ("- Quý I/2024; - Theo quý, 6 tháng, năm", "multiple", by_due([Q1_2024_ONCE, *REGIME_2024])),
    (
        "- Quý I/2024; - Trong năm",
        "multiple",
        [Q1_2024_ONCE, ("by-2024-Y", "2024-12-31", "2024-12-31")],
    ),
    ("Theo yêu cầu của Trung ương, của tỉnh", "on_request", []),
    (
        "Kế hoạch xây dựng tháng 01; báo cáo theo tiến độ kế hoạch và định kỳ",
        "multiple",
        by_due([JAN_2024_ONCE, *REGIME_2024]),
    ),
    ("- Theo yêu cầu; - Định kỳ quý;", "multiple", REGIME_2024),
    # "trước ngày 05 của tháng sau": last allowed day is the 4th of the next month.
    # 04/02 Sun → 05/02; 04/08 Sun → 05/08; 04/01/2025 Sat → 06/01/2025.
    (
        "Báo cáo theo định kỳ hàng tháng (báo cáo trước ngày 05 của tháng sau)",
        "recurring",
        [
            ("2024-M01", "2024-02-04", "2024-02-05"),
            ("2024-M02", "2024-03-04", "2024-03-04"),
            ("2024-M03", "2024-04-04", "2024-04-04"),
            # Sat 04/05/2024 is the official make-up working day for Mon 29/04.
            ("2024-M04", "2024-05-04", "2024-05-04"),
            ("2024-M05", "2024-06-04", "2024-06-04"),
            ("2024-M06", "2024-07-04", "2024-07-04"),
            ("2024-M07", "2024-08-04", "2024-08-05"),
            ("2024-M08", "2024-09-04", "2024-09-04"),
            ("2024-M09", "2024-10-04", "2024-10-04"),
            ("2024-M10", "2024-11-04", "2024-11-04"),
            ("2024-M11", "2024-12-04", "2024-12-04"),
            ("2024-M12", "2025-01-04", "2025-01-06"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "kind", "expected"), SEED_001_CELLS, ids=lambda v: str(v)[:40])
def test_seed_001_cells(text: str, kind: str, expected: list[tuple[str, str, str]]) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == kind
    assert occ(deadline) == expected


def test_seed_001_every_deadline_column_cell_is_understood() -> None:
    """Read the real file: every cell of the last column parses to something other than unknown
    (except the header and a page-break fragment, which are not deadlines)."""
    lines = (SEEDS / "001_7bad05563b58a425.txt").read_text(encoding="utf-8").splitlines()
    cells = {line.split("\t")[-1].strip() for line in lines if line.count("\t") >= 5}
    cells -= {"", "Thời gian hoàn thành", "vụ"}
    assert len(cells) >= 30
    for cell in cells:
        deadline = parse_deadline(cell, year=2024)
        assert deadline.kind != "unknown", cell
        for part in deadline.parts:
            assert part.kind != "unknown", (cell, part.text)


def test_seed_001_relative_cell_keeps_count_and_event() -> None:
    deadline = parse_deadline("05 ngày kể từ ngày công bố TTHC, Danh mục TTHC.", year=2024)
    assert deadline.kind == "relative"
    assert deadline.relative is not None
    assert (deadline.relative.count, deadline.relative.working_days) == (5, False)
    assert deadline.relative.event == "ngày công bố TTHC, Danh mục TTHC"
    assert deadline.occurrences == ()


SEED_003_CELLS: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    # 31/05/2022 is a Tuesday.
    ("Thang 4, 5/2022", "once", [("by-2022-M04-M05", "2022-05-31", "2022-05-31")]),
    ("Bat dau tir thang 5/2022", "continuous", []),
    ("Bit dau tr thang 6/2022", "continuous", []),
    ("Tir thang 5/2022", "continuous", []),
    # 31/12/2025 is a Wednesday.
    ("Tir nam 2022 — 2025", "once", [("by-2022-2025", "2025-12-31", "2025-12-31")]),
    # 31/12/2022 Sat; 01/01/2023 Sun and its substitute day off Mon 02/01 → Tue 03/01/2023.
    ("Théang 12/2022", "once", [("by-2022-M12", "2022-12-31", "2023-01-03")]),
    # 31/12/2023 Sun, 01/01/2024 holiday → 02/01/2024.
    ("Thang 12/2023", "once", [("by-2023-M12", "2023-12-31", "2024-01-02")]),
    ("Thang 12/2024", "once", [("by-2024-M12", "2024-12-31", "2024-12-31")]),
    ("Thang 12/2025", "once", [("by-2025-M12", "2025-12-31", "2025-12-31")]),
    ("Thuong xuyén", "continuous", []),
    (
        "Trong Quy I, ndm 2022, cap nhat dit liéu",
        "once",
        [
            ("by-2022-Q1", "2022-03-31", "2022-03-31"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "kind", "expected"), SEED_003_CELLS, ids=lambda v: str(v)[:40])
def test_seed_003_ocr_cells(text: str, kind: str, expected: list[tuple[str, str, str]]) -> None:
    deadline = parse_deadline(text, year=2022)
    assert deadline.kind == kind
    assert occ(deadline) == expected


def test_seed_003_start_is_kept() -> None:
    deadline = parse_deadline("Bat dau tir thang 5/2022", year=2022)
    assert deadline.extra["start"] == "2022-05-01"
    assert deadline.note is not None
    assert note_text(deadline.note) == "Bắt đầu từ tháng 05/2022"


def test_seed_000_quarterly_report_sentence() -> None:
    text = (
        "Hang quy béo céo két qua thuc hién cling véi Bao céo cai cach hanh chinh vé So "
        "(qua Vin phong dé tong hop)."
    )
    deadline = parse_deadline(text, year=2021)
    assert deadline.kind == "recurring"
    # 20/03/2021 Sat → 22/03; 20/06/2021 Sun → 21/06; 20/09/2021 Mon; 20/12/2021 Mon.
    assert occ(deadline) == [
        ("2021-Q1", "2021-03-20", "2021-03-22"),
        ("2021-H1", "2021-06-20", "2021-06-21"),
        ("2021-Q3", "2021-09-20", "2021-09-20"),
        ("2021-Y", "2021-12-20", "2021-12-20"),
    ]


def test_seed_000_no_date_sentences() -> None:
    assert parse_deadline("Béo céao dung thoi gian quy dinh", year=2021).kind == "on_request"
    assert parse_deadline("Thuong xuyén gui tin, bai", year=2021).kind == "continuous"


def test_seed_002_reporting_sentences() -> None:
    text = (SEEDS / "002_8f07b89d533fc7ed.txt").read_text(encoding="utf-8")
    calendar = extract_reporting_calendar(text, year=2021)
    assert calendar is not None
    # Divisions' dates win over the later dates for subordinate units (29/5, 18/11).
    assert calendar.to_json()["periods"] == {
        "Q1": {"due": "27/02", "window": None},
        "H1": {"due": "28/05", "window": None},
        "Q3": {"due": "27/08", "window": None},
        "Y": {"due": "17/11", "window": None},
    }
    deadline = parse_deadline("Báo cáo theo định kỳ", year=2021, reporting=calendar)
    # 27/02/2021 Sat → 01/03; 28/05 Fri; 27/08 Fri; 17/11 Wed.
    assert occ(deadline) == [
        ("2021-Q1", "2021-02-27", "2021-03-01"),
        ("2021-H1", "2021-05-28", "2021-05-28"),
        ("2021-Q3", "2021-08-27", "2021-08-27"),
        ("2021-Y", "2021-11-17", "2021-11-17"),
    ]


def test_seed_002_sentence_as_a_cell() -> None:
    text = (
        "Béo cdo quy I giri chdm nhét ngay 27/02, bao cdo 6 thang cham nhat ngay 28/5, "
        "bao cao quy III cham nhét ngay 27/8, bao cao nam cham nhat ngay 17/11."
    )
    deadline = parse_deadline(text, year=2021)
    assert deadline.kind == "recurring"
    assert [o.due for o in deadline.occurrences] == [
        D("2021-02-27"),
        D("2021-05-28"),
        D("2021-08-27"),
        D("2021-11-17"),
    ]


def test_seed_002_relative_in_months() -> None:
    text = "trong thoi gian cham nhit 1a 03 thang ké tir khi van ban QPPL c6 hiéu lyc thi hanh"
    deadline = parse_deadline(text, year=2021)
    assert deadline.kind == "relative"
    assert deadline.relative is not None
    assert (deadline.relative.count, deadline.relative.unit) == (3, "month")
    assert deadline.relative.event == "khi van ban QPPL c6 hiéu lyc thi hanh"


def test_seed_002_plan_of_units_due_in_january() -> None:
    text = (
        "xay dung va trién khai ké hoach thuc hién CCHC nam 2021 & don vi "
        "cham nhat trong thang 01/2021"
    )
    # 31/01/2021 is a Sunday.
    assert occ(parse_deadline(text, year=2021)) == [("by-2021-M01", "2021-01-31", "2021-02-01")]


def test_seed_004_reporting_sentences() -> None:
    text = (SEEDS / "004_9c9c83f02fed803f.txt").read_text(encoding="utf-8")
    calendar = extract_reporting_calendar(text, year=2024)
    assert calendar is not None
    data = calendar.to_json()
    assert data["monthly"] == {"day": 2, "next_month": True, "window_start_day": 1}
    assert data["periods"] == {
        "Q1": {"due": "15/03", "window": ["15/12/-1", "14/03"]},
        "Q2": {"due": "15/06", "window": ["15/03", "14/06"]},
        "Q3": {"due": "15/09", "window": ["15/06", "14/09"]},
        "Q4": {"due": "15/12", "window": ["15/09", "14/12"]},
    }
    assert data["regular"] == ["M", "Q"]
    quarterly = parse_deadline("Báo cáo hàng quý", year=2024, reporting=calendar)
    # 15/03 Fri; 15/06 Sat → 17/06; 15/09 Sun → 16/09; 15/12 Sun → 16/12.
    assert occ(quarterly) == [
        ("2024-Q1", "2024-03-15", "2024-03-15"),
        ("2024-Q2", "2024-06-15", "2024-06-17"),
        ("2024-Q3", "2024-09-15", "2024-09-16"),
        ("2024-Q4", "2024-12-15", "2024-12-16"),
    ]
    assert quarterly.occurrences[0].window == (D("2023-12-15"), D("2024-03-14"))
    monthly = parse_deadline("Báo cáo hàng tháng", year=2024, reporting=calendar)
    assert [o.due for o in monthly.occurrences][:3] == [
        D("2024-02-02"),
        D("2024-03-02"),
        D("2024-04-02"),
    ]
    # December's report is due 02/01/2025 and still belongs to the 2024 plan.
    last = monthly.occurrences[-1]
    assert (last.period_key, last.period, last.due) == (
        "2024-M12",
        "Tháng 12/2024",
        D("2025-01-02"),
    )
    assert last.window == (D("2024-12-01"), D("2024-12-31"))


def test_seed_004_monthly_sentence_as_a_cell() -> None:
    text = (
        "+ B&0 c4o thang: cham nhat vao ngay 02 hang thang (s6 liéu tinh tir ngay 01 "
        "dén ngay cudi cung cia thang trude lién keé)."
    )
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "recurring"
    # 02/03/2024 Sat → 04/03; 02/06 Sun → 03/06; 02/09 and 03/09 Quốc khánh → 04/09;
    # 02/11 Sat → 04/11.
    effective = {o.period_key: o.effective_due for o in deadline.occurrences}
    assert effective["2024-M02"] == D("2024-03-04")
    assert effective["2024-M05"] == D("2024-06-03")
    assert effective["2024-M08"] == D("2024-09-04")
    assert effective["2024-M10"] == D("2024-11-04")
    assert len(deadline.occurrences) == 12


@pytest.mark.parametrize(
    ("text", "quarter", "due", "window"),
    [
        (
            "+ B40o cao Quy 1 vao ngay 15/3/2024 (sb liéu tinh tir ngay 15/12/2023 dén 14/3/2024).",
            "2024-Q1",
            "2024-03-15",
            ("2023-12-15", "2024-03-14"),
        ),
        (
            "+ Bé4o c4o Quy 2 vao ngay 15/6/2024 (s6 liéu tinh tir ngay 15/3/2024 dén 14/6/2024).",
            "2024-Q2",
            "2024-06-15",
            ("2024-03-15", "2024-06-14"),
        ),
        (
            "+ Bé&o c4o Quy 3 vao ngay 15/9/2024 (s6 liéu tinh tir ngay 15/6/2024 dén 14/9/2024).",
            "2024-Q3",
            "2024-09-15",
            ("2024-06-15", "2024-09-14"),
        ),
        (
            "+ Bao cao Quy 4 vao ngay 15/12/2024 (s6 liéu tinh tir ngay 15/9/2024 dén 14/12/2024).",
            "2024-Q4",
            "2024-12-15",
            ("2024-09-15", "2024-12-14"),
        ),
    ],
)
def test_seed_004_quarter_sentences(
    text: str, quarter: str, due: str, window: tuple[str, str]
) -> None:
    deadline = parse_deadline(text, year=2024)
    assert deadline.kind == "recurring"
    (only,) = deadline.occurrences
    assert (only.period_key, only.due) == (quarter, D(due))
    assert only.window == (D(window[0]), D(window[1]))


def test_plans_without_reporting_sentences() -> None:
    for name, year in (("000_dfacc229dc85edef.txt", 2021), ("003_6c2ea3508b88dd67.txt", 2022)):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert extract_reporting_calendar(text, year=year) is None


def test_seed_001_table_cell_is_not_the_plan_calendar() -> None:
    text = (SEEDS / "001_7bad05563b58a425.txt").read_text(encoding="utf-8")
    assert extract_reporting_calendar(text, year=2024) is None


def test_default_calendar_round_trips() -> None:
    assert ReportingCalendar.from_json(ReportingCalendar().to_json()) == ReportingCalendar()


@pytest.mark.parametrize(
    ("text", "year", "kind", "keys"),
    [
        # Seed 002, appendix row 5: at least one article a month.
        (
            "MGdi thang c6 it nhat 01 tin, bai vé CCHC ding website S¢",
            2021,
            "recurring",
            [f"2021-M{month:02d}" for month in range(1, 13)],
        ),
        # Seed 000, section IV: quarterly review.
        (
            "dinh ky hang quy c6 trach nhiém ra soét ting chi tiéu",
            2021,
            "recurring",
            ["2021-Q1", "2021-H1", "2021-Q3", "2021-Y"],
        ),
        # Seed 002, section I; seed 000, appendix 3.3.
        ("td chtrc thuc hién ding thoi gian quy dinh.", 2021, "on_request", []),
        ("Bao cao dung thoi gian quy dinh", 2021, "on_request", []),
        # Seed 004, appendix 2c.
        (
            "Thuong xuyén ra soat danh gia, kién nghi don gian hoa TTHC theo Ké hoach cua Huyén",
            2024,
            "continuous",
            [],
        ),
    ],
)
def test_ocr_sentences_of_seeds_000_002_004(
    text: str, year: int, kind: str, keys: list[str]
) -> None:
    deadline = parse_deadline(text, year=year)
    assert deadline.kind == kind
    assert [o.period_key for o in deadline.occurrences] == keys


def test_seed_004_periodic_reports_follow_the_plan_calendar() -> None:
    """Section IV asks for "các báo cáo định kỳ": monthly by day 02 and the four quarters."""
    text = (SEEDS / "004_9c9c83f02fed803f.txt").read_text(encoding="utf-8")
    calendar = extract_reporting_calendar(text, year=2024)
    deadline = parse_deadline("céac bao cdo dinh ky", year=2024, reporting=calendar)
    keys = [o.period_key for o in deadline.occurrences]
    assert len(keys) == 16
    assert keys[:4] == ["2024-M01", "2024-M02", "2024-Q1", "2024-M03"]
