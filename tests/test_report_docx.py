"""The period report draft: the national heading, per-section results, late items with reasons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli_helpers import nhacviec
from docx import Document
from docx.table import Table
from hypothesis import given
from hypothesis import strategies as st
from report_factories import NOW, ReportApp, report_app, seed_quarter, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.leader_reports import report_draft
from messages.errors import UserFacingError
from scheduler.folding import fold
from scheduler.report_period import parse_report_period
from storage.models import Occurrence


def _report_draft(app: ReportApp, **kwargs: Any) -> Any:
    with Session(app.engine) as session:
        return report_draft(session, clock=app.clock, **kwargs)


def _texts(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    document = Document(str(path))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables


def _table_with(tables: list[list[list[str]]], header: str) -> list[list[list[str]]]:
    return [t for t in tables if t and header in t[0]]


def test_quarter__report_draft(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as session:
        seed_quarter(session)
    out = tmp_path / "bao-cao-quy-1.docx"
    result = _report_draft(
        report_app(engine), out_path=out, period_text="quy 1/2024", plan_code="01/KH-SLĐTBXH"
    )
    assert result.period.label == "Quý I/2024"
    paragraphs, tables = _texts(out)

    assert tables[0] == [
        ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH NGHỆ AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["", "Độc lập - Tự do - Hạnh phúc"],
        ["Số:        /BC-……", ""],
    ]
    assert "BÁO CÁO" in paragraphs
    assert "Kết quả thực hiện công tác cải cách hành chính Quý I/2024" in paragraphs
    intro = next(p for p in paragraphs if p.startswith("Thực hiện "))
    assert "Kế hoạch cải cách hành chính năm 2024 của Sở Lao động - Thương binh và Xã hội" in intro
    assert "(01/KH-SLĐTBXH)" in intro
    assert "từ ngày 01/01/2024 đến ngày 31/03/2024" in intro

    # Sections in plan order, one row per task: the lead unit's result with its own words
    # quoted, the coordinating units in one line, how many evidence files.
    parts = [p for p in paragraphs if p.split(".")[0] in ("I", "II", "III", "IV", "V", "VI")]
    assert parts == [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH VÀ TÌNH HÌNH CHUNG",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "III. NHIỆM VỤ CHẬM TIẾN ĐỘ VÀ NGUYÊN NHÂN",
        "IV. ĐÁNH GIÁ CHUNG",
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "VI. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    # The plan's sections, numbered inside part II.
    assert [p for p in paragraphs if p[:2] in ("1.", "2.", "3.")][:3] == [
        "1. Cải cách thể chế",
        "2. Cải cách thủ tục hành chính",
        "3. Xây dựng chính quyền điện tử, chính quyền số",
    ]
    results = _table_with(tables, "Minh chứng")
    rows = [row for table in results for row in table[1:]]
    # The continuous duty appears because work was reported on it in the quarter; the
    # untouched one and the Q2 item do not; the 2023 report is carried over, still open.
    assert [r[0] for r in rows] == ["1", "8", "2", "5", "3", "4"]
    done = rows[0]
    assert done[1] == "Xây dựng Kế hoạch kiểm tra, rà soát văn bản quy phạm pháp luật"
    assert done[2] == (
        "Văn phòng Sở: Hoàn thành đúng hạn ngày 14/03/2024.\n"
        "“Đã ban hành Kế hoạch số 15/KH-SLĐTBXH ngày 14/3/2024”"
    )
    assert done[3] == "Phòng Lao động - Việc làm"
    assert done[4] == "1"
    by_number = {row[0]: row for row in rows}
    assert by_number["5"][2].startswith("Văn phòng Sở: Thường xuyên / theo yêu cầu.")
    assert by_number["3"][2].startswith("Chi cục Phòng, chống tệ nạn xã hội: Quá hạn.")
    assert by_number["3"][3] == "—" and by_number["3"][4] == "—"

    # Late items by unit, the unit's own reasons quoted; units that gave none only counted.
    part_three = paragraphs[paragraphs.index("III. NHIỆM VỤ CHẬM TIẾN ĐỘ VÀ NGUYÊN NHÂN") :]
    part_three = part_three[: part_three.index("IV. ĐÁNH GIÁ CHUNG")]
    assert part_three[1].startswith("Đến ngày 10/04/2024 còn 4 việc quá hạn chưa hoàn thành.")
    assert part_three[2] == "Chi cục Phòng, chống tệ nạn xã hội (2 việc quá hạn)"
    assert part_three[3] == (
        "TT 3 — Nâng cấp phần mềm một cửa điện tử (Quý I/2024, hạn 20/03/2024, "
        "quá 15 ngày làm việc):"
    )
    assert part_three[4] == "“Chưa được bố trí kinh phí nâng cấp phần mềm”"
    assert part_three[5] == "Còn 1 việc quá hạn đơn vị chưa giải trình."
    assert part_three[6] == "Phòng Lao động - Việc làm (1 việc quá hạn)"
    assert part_three[8] == "“Đang tổng hợp số liệu từ các huyện”"
    assert part_three[9] == "Đơn vị chưa giải trình"
    assert part_three[10] == "1 đơn vị chưa giải trình (1 việc quá hạn): Văn phòng Sở (1)."
    assert len(part_three) == 11

    summary = _table_with(tables, "Tỷ lệ hoàn thành")[0]
    assert summary[0][2] == "Đã đến hạn"
    assert summary[-1][1] == "Tổng cộng"
    # Done 2 of the 6 due so far (4 overdue): the rate every other view shows.
    assert summary[-1][2:] == ["6", "1", "1", "4", "0", "0", "33,3%"]
    # Worst unit first.
    assert [row[1] for row in summary[1:-1]] == [
        "Chi cục Phòng, chống tệ nạn xã hội",
        "Phòng Lao động - Việc làm",
        "Văn phòng Sở",
    ]
    overview = next(p for p in paragraphs if p.startswith("Trong kỳ theo dõi"))
    assert "7 lượt việc thuộc 6 nhiệm vụ của 3 đơn vị (cả năm: 10 lượt việc)" in overview
    assert result.late_count == 4
    assert tables[-1] == [
        ["Nơi nhận:", "THỦ TRƯỞNG ĐƠN VỊ"],
        ["- Như trên;\n- Lưu: VT.", "(Ký, ghi rõ họ tên và đóng dấu)"],
    ]


def test_opening_cites_the_plan_number_date_and_issuer() -> None:
    from datetime import date

    from messages.report_docx import ReportHeading, render_report_text

    period = parse_report_period("Quý I/2024")
    assert period is not None
    heading = ReportHeading(
        plan_code="KH-CCHC-2024",
        plan_title="Kế hoạch cải cách hành chính năm 2024",
        issuer="Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An",
        year=2024,
        plan_number="25/KH-SLĐTBXH",
        issued_on=date(2024, 1, 15),
    )
    text = render_report_text(items=[], heading=heading, period=period, today=date(2024, 4, 10))
    opening = next(line for line in text.splitlines() if line.startswith("P Thực hiện "))
    assert opening.startswith(
        "P Thực hiện Kế hoạch số 25/KH-SLĐTBXH ngày 15/01/2024 của Sở Lao động - Thương binh"
        " và Xã hội tỉnh Nghệ An về cải cách hành chính năm 2024, "
    )
    assert "KH-CCHC-2024" not in text


def test_same_report_for_every_spelling_of_the_period(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as session:
        seed_quarter(session)
    app = report_app(engine)
    texts = []
    for n, spelling in enumerate(["Quý I/2024", "quy 1/2024", "2024-Q1", "Quý 1 năm 2024"]):
        out = tmp_path / f"{n}.docx"
        _report_draft(app, out_path=out, period_text=spelling, plan_code="01/KH-SLĐTBXH")
        texts.append(_texts(out))
    assert all(t == texts[0] for t in texts)


def test_report_document_layout(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as session:
        seed_quarter(session)
    out = tmp_path / "r.docx"
    _report_draft(
        report_app(engine), out_path=out, period_text="2024-Q1", plan_code="01/KH-SLĐTBXH"
    )
    document = Document(str(out))
    normal = document.styles["Normal"].font  # type: ignore[attr-defined]
    assert normal.name == "Times New Roman"
    assert normal.size.pt == 13
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.left_margin.cm, 1) == 3.0
    data_tables: list[Table] = [t for t in document.tables if t.style.name == "Table Grid"]
    assert data_tables
    # Long tables repeat their header row on every page.
    for table in data_tables:
        assert 'w:tblHeader w:val="true"' in table.rows[0]._tr.xml
        body = table.rows[-1].cells[1].paragraphs[0]
        assert body.style is not None and body.style.name == "Nội dung bảng"
        assert body.style.font.size.pt == 11
    # Column widths come from the template (cm): the task column is the widest.
    results = next(t for t in data_tables if t.rows[0].cells[-1].text == "Minh chứng")
    assert [round(c.width.cm, 1) for c in results.rows[0].cells] == [1.0, 5.0, 5.0, 3.0, 1.5]
    summary = next(t for t in data_tables if t.rows[0].cells[1].text == "Đơn vị")
    assert round(summary.rows[0].cells[0].width.cm, 1) == 1.2
    assert [round(c.width.cm, 1) for c in results.rows[-1].cells] == [1.0, 5.0, 5.0, 3.0, 1.5]
    # A cell keeps its line breaks: the result and, below it, the unit's quoted note.
    assert ".\n“Đã ban hành" in results.rows[1].cells[2].text
    quoted = next(p for p in document.paragraphs if p.text.startswith("“Chưa được bố trí"))
    assert quoted.runs[0].italic
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold
    assert document.core_properties.title == "Báo cáo kết quả CCHC Quý I/2024"


def test_plan_and_period_errors(engine: Engine, tmp_path: Path) -> None:
    app = report_app(engine)
    out = tmp_path / "x.docx"
    with pytest.raises(UserFacingError, match="Chưa có kế hoạch nào"):
        _report_draft(app, out_path=out, period_text="Quý I/2024")
    with Session(engine) as session:
        seed_quarter(session)
    with pytest.raises(UserFacingError, match=r"nhiều kế hoạch \(01/KH-SLĐTBXH, KH-KHAC\)"):
        _report_draft(app, out_path=out, period_text="Quý I/2024")
    with pytest.raises(UserFacingError, match=r'Không hiểu kỳ báo cáo "quý 5/2024"'):
        _report_draft(app, out_path=out, period_text="quý 5/2024", plan_code="KH-KHAC")
    with pytest.raises(UserFacingError, match="Hãy ghi kỳ báo cáo"):
        _report_draft(app, out_path=out, period_text="  ", plan_code="KH-KHAC")
    with pytest.raises(UserFacingError, match=r"đuôi \.docx"):
        _report_draft(app, out_path=tmp_path / "x.pdf", period_text="Quý I/2024")
    assert not out.exists()


def test_quarter_with_nothing_still_gives_a_draft(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as session:
        seed_quarter(session)
    app = report_app(engine)
    out = tmp_path / "2022.docx"
    result = _report_draft(app, out_path=out, period_text="Năm 2022", plan_code="KH-KHAC")
    paragraphs, _ = _texts(out)
    assert result.items == []
    assert "Trong kỳ không có nhiệm vụ nào được theo dõi." in paragraphs
    assert "Không có nhiệm vụ quá hạn." in paragraphs
    # A later period carries over what is still open from before it.
    later = _report_draft(
        app, out_path=tmp_path / "q3.docx", period_text="Quý III/2024", plan_code="KH-KHAC"
    )
    assert [(i.task_number, i.period_key) for i in later.items] == [("1", "2024-Q1")]


@pytest.mark.parametrize(
    ("text", "key", "label", "start", "end"),
    [
        ("Quý I/2024", "2024-Q1", "Quý I/2024", "2024-01-01", "2024-03-31"),
        ("quy 1/2024", "2024-Q1", "Quý I/2024", "2024-01-01", "2024-03-31"),
        ("2024-q1", "2024-Q1", "Quý I/2024", "2024-01-01", "2024-03-31"),
        ("QUÝ IV/2024", "2024-Q4", "Quý IV/2024", "2024-10-01", "2024-12-31"),
        ("Quý 2 năm 2024", "2024-Q2", "Quý II/2024", "2024-04-01", "2024-06-30"),
        ("6 tháng 2024", "2024-H1", "6 tháng 2024", "2024-01-01", "2024-06-30"),
        ("06 thang dau nam 2024", "2024-H1", "6 tháng 2024", "2024-01-01", "2024-06-30"),
        ("Năm 2024", "2024-Y", "Năm 2024", "2024-01-01", "2024-12-31"),
        ("Tháng 02/2024", "2024-M02", "Tháng 02/2024", "2024-02-01", "2024-02-29"),
        ("2023-M2", "2023-M02", "Tháng 02/2023", "2023-02-01", "2023-02-28"),
        ("6 tháng cuối năm 2024", "2024-H2", "6 tháng cuối năm 2024", "2024-07-01", "2024-12-31"),
        ("2024-h2", "2024-H2", "6 tháng cuối năm 2024", "2024-07-01", "2024-12-31"),
        ("tháng 2 năm 2024", "2024-M02", "Tháng 02/2024", "2024-02-01", "2024-02-29"),
        ("Báo cáo quý III năm 2024", "2024-Q3", "Quý III/2024", "2024-07-01", "2024-09-30"),
    ],
)
def test_period_spellings(text: str, key: str, label: str, start: str, end: str) -> None:
    period = parse_report_period(text)
    assert period is not None
    assert (period.key, period.label, period.start.isoformat(), period.end.isoformat()) == (
        key,
        label,
        start,
        end,
    )


@pytest.mark.parametrize(
    "text", ["", "quý 5/2024", "tháng 13/2024", "Q1", "hôm qua", "2024", "quý 1/0000", "0000-M01"]
)
def test_not_a_period(text: str) -> None:
    assert parse_report_period(text) is None


@given(st.text(max_size=40))
def test_any_text_is_a_period_or_none(text: str) -> None:
    period = parse_report_period(text)
    # Staff type without diacritics: stripping them never changes the answer.
    assert parse_report_period(fold(text)) == period
    if period is not None:
        assert period.start <= period.end


def test_control_characters_in_notes_do_not_break_the_files(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as session:
        seed_quarter(session)
        item = session.exec(select(Occurrence).where(Occurrence.status == "blocked")).one()
        update(
            session,
            item,
            status="blocked",
            when=NOW,
            note="Chờ\x0bkinh phí\ufffe bổ sung\x07",
        )
        session.commit()
    app = report_app(engine)
    out = tmp_path / "r.docx"
    _report_draft(app, out_path=out, period_text="Quý I/2024", plan_code="01/KH-SLĐTBXH")
    paragraphs, _ = _texts(out)
    assert "“Chờ kinh phí bổ sung”" in paragraphs


def test_command_line_refuses_an_unknown_period(
    engine: Engine, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    with Session(engine) as session:
        seed_quarter(session)
    done = nhacviec(
        "report",
        "--plan",
        "KH-KHAC",
        "--period",
        "quý 9/2024",
        "--out",
        str(tmp_path / "x.docx"),
        env=cli_env,
    )
    assert done.returncode == 2
    assert done.stderr.startswith('Lỗi: Không hiểu kỳ báo cáo "quý 9/2024"')
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.docx").exists()


def test_unknown_period_suggests_only_periods_a_report_accepts(
    engine: Engine, tmp_path: Path
) -> None:
    app = report_app(engine)
    with Session(engine) as session:
        seed_quarter(session)
        one_off = session.exec(select(Occurrence).order_by(Occurrence.id)).first()  # type: ignore[arg-type]
        assert one_off is not None
        one_off.period_key, one_off.period_label = "by-before-2024-03-15", "Trước ngày 15/03/2024"
        session.add(one_off)
        session.commit()
    with pytest.raises(UserFacingError) as caught:
        _report_draft(
            app, out_path=tmp_path / "x.docx", period_text="quý 5/2024", plan_code="01/KH-SLĐTBXH"
        )
    message = caught.value.message
    suggested = message.split("Các kỳ đang có: ")[1]
    assert "Quý I/2024" in suggested and "Quý II/2024" in suggested
    assert "Trước ngày" not in suggested and "Thường xuyên" not in suggested
