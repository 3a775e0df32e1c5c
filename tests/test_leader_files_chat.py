"""/xuatbaocao, /baocao and the chart of /tinhhinh through the conversation core."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from core_fixtures import make_app, private
from docx import Document
from openpyxl import load_workbook
from report_factories import NOW, TODAY, seed_quarter
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.channels.plain_rendering import plain_text
from bot.core.conversation import Conversation
from bot.core.protocol import Response
from messages.export_xlsx import HEADER_ROW
from scheduler.clock import ManualClock
from scheduler.tally import combine
from storage.items import unit_tallies as unit_summaries

ADMIN = "900"


@pytest.fixture
def conv(engine: Engine, tmp_path: Path) -> Conversation:
    with Session(engine) as session:
        seed_quarter(session)
    app = make_app(engine, ManualClock(NOW), tmp_path / "files", admin_ids=ADMIN)
    return Conversation(app)


async def _ask(conv: Conversation, text: str, user: str = ADMIN) -> Response:
    return await conv.handle(private(user, text, name="Lãnh đạo Sở"))


def _text(response: Response) -> str:
    return html.unescape("\n".join(reply.text for reply in response.replies))


async def test_export_sends_the_workbook(conv: Conversation, engine: Engine) -> None:
    response = await _ask(conv, "/xuatbaocao")
    attachment = response.replies[-1].attachment
    assert attachment is not None
    assert attachment.file_name == "Tong hop CCHC 10-04-2024.xlsx"
    assert attachment.mime_type and attachment.mime_type.endswith("spreadsheetml.sheet")
    assert not attachment.is_photo
    with Session(engine) as session:
        total = combine(unit_summaries(session, today=TODAY))
    text = _text(response)
    assert f"{total.total} lượt việc của 3 đơn vị" in text
    assert f"<b>quá hạn {total.overdue}</b>" in text
    summary = load_workbook(attachment.path)["Tổng hợp"]
    rows = [r for r in summary.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[1]]
    assert rows[-1][1] == "Tổng cộng" and rows[-1][2] == total.total


async def test_export_with_period_and_plan_in_any_order(conv: Conversation) -> None:
    first = await _ask(conv, "/xuatbaocao quy 1/2024 01/KH-SLĐTBXH")
    second = await _ask(conv, "xuat bao cao 01/kh-sldtbxh Quý I/2024")
    for response in (first, second):
        assert "kế hoạch 01/KH-SLĐTBXH" in _text(response)
        assert "7 lượt việc của 3 đơn vị, 4 kỳ" in _text(response)
    assert first.replies[-1].attachment is not None and second.replies[-1].attachment is not None
    assert first.replies[-1].attachment.path != second.replies[-1].attachment.path


async def test_report_sends_the_draft(conv: Conversation) -> None:
    response = await _ask(conv, "/baocao Quý I/2024 01/KH-SLĐTBXH")
    attachment = response.replies[-1].attachment
    assert attachment is not None
    assert attachment.file_name == "Du thao bao cao CCHC 2024-Q1.docx"
    assert "Dự thảo báo cáo kết quả CCHC Quý I/2024" in _text(response)
    assert "4 nhiệm vụ quá hạn" in _text(response)
    paragraphs = [p.text for p in Document(str(attachment.path)).paragraphs]
    assert "Kết quả thực hiện công tác cải cách hành chính Quý I/2024" in paragraphs


async def test_report_errors_are_explained(conv: Conversation) -> None:
    assert "nhiều kế hoạch" in _text(await _ask(conv, "/baocao Quý I/2024"))
    assert 'Không hiểu kỳ báo cáo "quý 7/2024"' in _text(
        await _ask(conv, "/baocao quý 7/2024 KH-KHAC")
    )
    assert "Hãy ghi kỳ báo cáo" in _text(await _ask(conv, "/baocao KH-KHAC"))


async def test_staff_cannot_take_the_leaders_files(conv: Conversation) -> None:
    answer = _text(await _ask(conv, "/moi Văn phòng Sở"))
    code = re.search(r"<code>([A-Z0-9]{8})</code>", answer)
    assert code, answer
    assert "Đã liên kết" in _text(await _ask(conv, f"/start {code.group(1)}", user="1"))
    for command in ("/xuatbaocao", "/baocao Quý I/2024 KH-KHAC"):
        response = await _ask(conv, command, user="1")
        assert "dành cho lãnh đạo" in _text(response)
        assert all(reply.attachment is None for reply in response.replies)


async def test_status_carries_the_completion_chart(conv: Conversation) -> None:
    response = await _ask(conv, "/tinhhinh")
    photo = response.replies[-1].attachment
    assert photo is not None and photo.is_photo
    assert photo.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Tình hình thực hiện" in _text(response)
    # One unit in detail is a list, not a chart.
    detail = await _ask(conv, "/tinhhinh Văn phòng Sở")
    assert all(reply.attachment is None for reply in detail.replies)


async def test_channels_without_images_get_the_status_text_alone(conv: Conversation) -> None:
    response = await _ask(conv, "/tinhhinh")
    last = response.replies[-1]
    assert last.attachment is not None and last.attachment.optional
    plain = plain_text(last, channel_name="Zalo", photos_by_url=True)
    assert "Tình hình thực hiện" in plain
    assert "bieu-do" not in plain and "không gửi được" not in plain
    # A real document still says where to get it.
    export = (await _ask(conv, "/xuatbaocao")).replies[-1]
    assert "không gửi được qua Zalo" in plain_text(export, channel_name="Zalo", photos_by_url=True)


async def test_files_made_for_chat_older_than_a_week_are_removed(
    conv: Conversation, tmp_path: Path
) -> None:
    folder = tmp_path / "files" / "reports"
    folder.mkdir(parents=True)
    stale = folder / "tong-hop-cchc-old.xlsx"
    stale.write_bytes(b"old")
    week_and_a_day = NOW.timestamp() - 8 * 24 * 3600
    os.utime(stale, (week_and_a_day, week_and_a_day))
    recent = folder / "bao-cao-cchc-recent.docx"
    recent.write_bytes(b"recent")
    day_ago = NOW.timestamp() - 24 * 3600
    os.utime(recent, (day_ago, day_ago))
    response = await _ask(conv, "/xuatbaocao")
    assert response.replies[-1].attachment is not None
    assert not stale.exists()
    assert recent.exists()
    assert response.replies[-1].attachment.path.parent == folder
