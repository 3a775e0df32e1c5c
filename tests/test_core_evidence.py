"""Evidence through chat: which item a file is for, checks, storage and sending it back."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from core_fixtures import group, incoming_file, private
from core_helpers import Chat, make_chat
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from scheduler.clock import ManualClock
from storage import listed_items
from storage.models import EvidenceFile

PDF = b"%PDF-1.7 " + bytes(range(256)) * 40


@pytest.fixture
async def chat(engine: Engine, clock: ManualClock, tmp_path: Path) -> Chat:
    chat = make_chat(engine, clock, tmp_path)
    await chat.join("1")
    return chat


def _files(chat: Chat) -> list[tuple[int, str, str]]:
    with Session(chat.engine) as session:
        rows = session.exec(select(EvidenceFile).order_by(EvidenceFile.id)).all()  # type: ignore[arg-type]
        return [(row.occurrence_id, row.file_name, row.sha256) for row in rows]


async def test_a_file_after_done_is_its_evidence_and_a_repeat_is_recognised(chat: Chat) -> None:
    item = chat.world.late_a
    await chat.say(private("1", f"xong {item}"))
    upload = incoming_file(chat.tmp, "Báo cáo quý I.pdf", PDF)
    answer = await chat.text(private("1", file=upload))
    digest = hashlib.sha256(PDF).hexdigest()
    assert f"Đã lưu minh chứng cho #{item}" in answer
    assert "Báo cáo quý I.pdf" in answer and digest[:12] in answer and "10 KB" in answer
    stored = chat.tmp / "files" / digest[:2] / digest[2:4] / digest
    assert stored.read_bytes() == PDF
    again = await chat.text(private("1", file=incoming_file(chat.tmp, "ban sao.pdf", PDF)))
    assert "đã có trong minh chứng" in again
    assert _files(chat) == [(item, "Báo cáo quý I.pdf", digest)]
    other = await chat.text(
        private("1", f"#{chat.world.week_a}", file=incoming_file(chat.tmp, "chung.pdf", PDF))
    )
    assert f"Đã lưu minh chứng cho #{chat.world.week_a}" in other
    assert f"đã là minh chứng của #{item}" in other


async def test_the_item_comes_from_a_caption_a_reply_or_the_evidence_button(chat: Chat) -> None:
    world = chat.world
    photo = incoming_file(chat.tmp, "anh1.jpg", b"\xff\xd8\xffjpeg-one", "image/jpeg")
    await chat.say(private("1", f"#{world.week_a}", file=photo))
    captioned = incoming_file(chat.tmp, "bien-ban.docx", b"PK\x03\x04 docx", None)
    await chat.say(private("1", f"minh chung {world.later_a}", file=captioned))
    with Session(chat.engine) as session:
        listed_items.remember_message(
            session,
            channel="telegram",
            chat_id="1",
            message_id="r-1",
            occurrence_id=world.open_a,
            now=chat.clock.now(),
        )
        session.commit()
    replied = incoming_file(chat.tmp, "so-lieu.xlsx", b"PK\x03\x04 xlsx", None)
    await chat.say(private("1", file=replied, reply_to_message_id="r-1"))
    pressed = await chat.say(private("1", action=f"evidence:{world.late_a}"))
    assert pressed.toast and "Hãy gửi tệp minh chứng" in pressed.toast
    await chat.say(
        private(
            "1", file=incoming_file(chat.tmp, "scan.png", b"\x89PNG\r\n\x1a\n png", "image/png")
        )
    )
    assert [(occ, name) for occ, name, _ in _files(chat)] == [
        (world.week_a, "anh1.jpg"),
        (world.later_a, "bien-ban.docx"),
        (world.open_a, "so-lieu.xlsx"),
        (world.late_a, "scan.png"),
    ]


async def test_files_are_checked_for_size_and_type(chat: Chat) -> None:
    item = chat.world.week_a
    big = incoming_file(chat.tmp, "lon.pdf", b"x" * (1024 * 1024 + 1))
    assert "quá giới hạn 1 MB" in await chat.text(private("1", f"#{item}", file=big))
    exe = incoming_file(chat.tmp, "virus.exe", b"MZ", "application/octet-stream")
    assert "Không nhận loại tệp" in await chat.text(private("1", f"#{item}", file=exe))
    empty = incoming_file(chat.tmp, "rong.pdf", b"")
    assert "rỗng" in await chat.text(private("1", f"#{item}", file=empty))
    other_unit = incoming_file(chat.tmp, "ok.pdf", PDF)
    refused = await chat.text(private("1", f"#{chat.world.item_b}", file=other_unit))
    assert "không thuộc đơn vị của bạn" in refused
    assert _files(chat) == []
    assert not (chat.tmp / "files").exists()


async def test_a_file_without_context_asks_in_private_and_is_ignored_in_groups(chat: Chat) -> None:
    loose = incoming_file(chat.tmp, "tai-lieu.pdf", PDF)
    assert "minh chứng cho nhiệm vụ nào" in await chat.text(private("1", file=loose))
    code = await chat.invite("Văn phòng Sở")
    await chat.say(group("-500", "1", f"/link {code}"))
    assert (await chat.say(group("-500", "2", file=loose))).replies == ()
    assert _files(chat) == []


async def test_task_lists_files_and_sends_one_back(chat: Chat) -> None:
    item = chat.world.late_a
    await chat.say(private("1", f"#{item}", file=incoming_file(chat.tmp, "QĐ 12.pdf", PDF)))
    await chat.say(private("1", f"xong {item} đã nộp"))
    response = await chat.say(private("1", f"/xem {item}"))
    text = response.replies[-1].text
    assert "Minh chứng (1)" in text and "QĐ 12.pdf" in text
    assert "Lịch sử" in text and "đã nộp" in text
    file_actions = [b.action for row in response.replies[-1].buttons for b in row]
    evidence_id = next(int(a.split(":")[1]) for a in file_actions if a.startswith("file:"))
    sent = await chat.say(private("1", action=f"file:{evidence_id}"))
    attachment = sent.replies[0].attachment
    assert attachment is not None and attachment.file_name == "QĐ 12.pdf"
    assert attachment.path.read_bytes() == PDF
    # Someone of another unit cannot fetch it.
    await chat.join("5", unit="Phòng Tổ chức cán bộ")
    refused = await chat.say(private("5", action=f"file:{evidence_id}"))
    assert refused.replies == () and refused.toast and "không thuộc đơn vị" in refused.toast


async def test_the_remembered_item_expires_after_fifteen_minutes(chat: Chat) -> None:
    from datetime import timedelta

    item = chat.world.week_a
    await chat.say(private("1", f"/minhchung {item}"))
    chat.clock.advance(timedelta(minutes=14))
    first = await chat.text(
        private("1", file=incoming_file(chat.tmp, "a.jpg", b"\xff\xd8\xffa", "image/jpeg"))
    )
    assert f"#{item}" in first
    # Each file keeps the window open for the next photo of the same document.
    chat.clock.advance(timedelta(minutes=14))
    second = await chat.text(
        private("1", file=incoming_file(chat.tmp, "b.jpg", b"\xff\xd8\xffb", "image/jpeg"))
    )
    assert f"#{item}" in second
    chat.clock.advance(timedelta(minutes=16))
    late = await chat.text(
        private("1", file=incoming_file(chat.tmp, "c.jpg", b"\xff\xd8\xffc", "image/jpeg"))
    )
    assert "minh chứng cho nhiệm vụ nào" in late
    assert [name for _, name, _ in _files(chat)] == ["a.jpg", "b.jpg"]


async def test_a_done_caption_keeps_the_file_and_finishes_the_item(chat: Chat) -> None:
    item = chat.world.week_a
    upload = incoming_file(chat.tmp, "bao-cao.pdf", PDF)
    response = await chat.say(private("1", f"xong {item} đã gửi Sở", file=upload))
    texts = [reply.text for reply in response.replies]
    assert f"Đã lưu minh chứng cho #{item}" in texts[0]
    assert "Đã ghi nhận hoàn thành" in texts[-1]
    occurrence = chat.occurrence(item)
    assert occurrence.status == "done"
    assert [(occ, name) for occ, name, _ in _files(chat)] == [(item, "bao-cao.pdf")]


async def test_withdrawn_items_are_read_only(chat: Chat) -> None:
    from storage.models import Occurrence as Row

    item = chat.world.week_a
    with Session(chat.engine) as session:
        row = session.get(Row, item)
        assert row is not None
        row.withdrawn = True
        session.add(row)
        session.commit()
    assert "đã được rút khỏi kế hoạch" in await chat.text(private("1", f"xong {item}"))
    upload = incoming_file(chat.tmp, "x.pdf", PDF)
    assert "rút khỏi" in await chat.text(private("1", f"#{item}", file=upload))
    assert f"#{item}" in await chat.text(private("1", f"/xem {item}"))
    assert _files(chat) == []
