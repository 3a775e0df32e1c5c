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
    assert "(số 01/KH-SLĐTBXH)" in intro
    assert "từ ngày 01/01/2024 đến ngày 31/03/2024" in intro

    # Sections in plan order, each with what was done, by whom, with which evidence.
    # (Section VI has only late items this quarter: they are in part C, not here.)
    section_titles = [p for p in paragraphs if p.startswith(("I.", "II.", "VI."))]
    assert section_titles == ["I. CẢI CÁCH THỂ CHẾ", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"]
    results = _table_with(tables, "Minh chứng")
    rows = [row for table in results for row in table[1:]]
    done = next(r for r in rows if r[2] == "Văn phòng Sở" and r[0] == "1")
    assert done[1].startswith("Xây dựng Kế hoạch kiểm tra, rà soát văn bản quy phạm pháp luật")
    assert "Sản phẩm: Kế hoạch được ban hành" in done[1]
    assert "Hoàn thành đúng hạn (Quý I/2024)" in done[3]
    assert "Hoàn thành ngày 14/03/2024." in done[3]
    assert "Đã ban hành Kế hoạch số 15/KH-SLĐTBXH ngày 14/3/2024 (Nguyễn Thị Hằng)" in done[3]
    assert done[4] == "KH-15 kiểm tra văn bản.pdf"
    coordinating = next(r for r in rows if r[2].startswith("Phòng Lao động") and r[0] == "1")
    assert coordinating[2] == "Phòng Lao động - Việc làm (phối hợp)"
    assert coordinating[3].startswith("Hoàn thành trễ hạn")
    # The continuous duty appears because work was reported on it in the quarter; the
    # untouched one and the Q2 item do not; overdue items are listed in part C instead.
    numbers = sorted(r[0] for r in rows)
    assert numbers == ["1", "1", "5"]
    assert next(r for r in rows if r[0] == "5")[3].startswith("Thường xuyên / theo yêu cầu")

    late_tables = _table_with(tables, "Nguyên nhân (đơn vị giải trình)")
    assert len(late_tables) == 1
    late = {row[0]: row for row in late_tables[0][1:]}
    assert sorted(late) == ["2", "3", "4", "8"]
    assert late["3"][5] == "Chưa được bố trí kinh phí nâng cấp phần mềm"
    assert late["3"][4] == "Quá hạn 21 ngày, tiến độ 30%"
    assert late["2"][5] == "Đang tổng hợp số liệu từ các huyện"
    assert late["4"][5] == "Đơn vị chưa giải trình."
    assert late["8"][3] == "15/12/2023"

    summary = _table_with(tables, "Tỷ lệ hoàn thành")[0]
    assert summary[-1][1] == "Tổng cộng"
    assert summary[-1][2] == str(len(rows) + len(late))
    assert result.late_count == 4
    assert tables[-1] == [
        ["Nơi nhận:", "THỦ TRƯỞNG ĐƠN VỊ"],
        ["- Như trên;\n- Lưu: VT.", "(Ký, ghi rõ họ tên và đóng dấu)"],
    ]


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
    late = next(t for t in data_tables if t.rows[0].cells[-1].text.startswith("Nguyên nhân"))
    assert [round(c.width.cm, 1) for c in late.rows[0].cells] == [1.0, 3.9, 2.8, 2.3, 2.4, 3.6]
    assert [round(c.width.cm, 1) for c in late.rows[-1].cells] == [1.0, 3.9, 2.8, 2.3, 2.4, 3.6]
    # A cell keeps its line breaks: the task and, below it, its product.
    results = next(t for t in data_tables if t.rows[0].cells[-1].text == "Minh chứng")
    assert "\nSản phẩm: " in results.rows[1].cells[1].text
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
    assert "Trong kỳ chưa có nhiệm vụ nào hoàn thành hoặc đang thực hiện trong hạn." in paragraphs
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
    _, tables = _texts(out)
    reasons = [row[5] for t in tables if t[0][-1].startswith("Nguyên nhân") for row in t[1:]]
    assert "Chờkinh phí bổ sung" in reasons


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
