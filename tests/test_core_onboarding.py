"""Onboarding through chat: strangers, invite codes, groups, admins, leaving."""

from __future__ import annotations

from pathlib import Path

import pytest
from core_fixtures import group, incoming_file, private
from core_helpers import ADMIN_ID, Chat, make_chat
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from scheduler.clock import ManualClock
from storage.models import AuditEntry, ChatLink, Person, StatusUpdate


@pytest.fixture
def chat(engine: Engine, clock: ManualClock, tmp_path: Path) -> Chat:
    return make_chat(engine, clock, tmp_path, telegram_bot_username="nhacviec_bot")


async def test_a_stranger_gets_a_polite_explanation_and_nothing_else(chat: Chat) -> None:
    for text in ("/start", "/nhiemvu", f"xong {chat.world.late_a}", "xin chào", "/tinhhinh"):
        answer = await chat.text(private("1", text))
        assert "chỉ làm việc với các đơn vị đã đăng ký" in answer
        assert "/start MÃ" in answer
    pressed = await chat.say(private("1", action=f"done:{chat.world.late_a}"))
    assert pressed.edit is None and pressed.replies == ()
    assert pressed.toast and "mã mời" in pressed.toast
    # In a group nobody linked, chatter gets no answer at all; a slash command a short one.
    assert (await chat.say(group("-1", "1", "xong rồi nhé"))).replies == ()
    assert "/link MÃ" in await chat.text(group("-1", "1", "/nhiemvu"))
    shared = incoming_file(chat.tmp, "thiep-moi.pdf", b"%PDF")
    assert (await chat.say(group("-1", "1", file=shared))).replies == ()
    assert "/start MÃ" in await chat.text(private("1", file=shared))
    with Session(chat.engine) as session:
        assert session.exec(select(Person)).all() == []
        assert session.exec(select(StatusUpdate)).all() == []
    assert chat.occurrence(chat.world.late_a).status == "not_started"


async def test_admin_invites_and_staff_join_with_the_code(chat: Chat) -> None:
    answer = await chat.text(private(ADMIN_ID, "/moi van phong so", name="Quản trị"))
    assert "Văn phòng Sở" in answer
    assert "https://t.me/nhacviec_bot?start=" in answer
    code = answer.split("<code>")[1].split("</code>")[0]
    joined = await chat.text(private("1", f"/start {code.lower()}"))
    assert "Đã liên kết tài khoản với <b>Văn phòng Sở</b>" in joined
    assert "Văn phòng Sở" in await chat.text(private("1", "/start"))
    # The code is spent.
    assert "đã được dùng" in await chat.text(private("2", f"/start {code}"))
    assert chat.person("2") is None
    # Only admins make codes.
    assert "chỉ quản trị viên" in await chat.text(private("1", "/moi Văn phòng Sở"))
    assert "Không tìm thấy đơn vị" in await chat.text(private(ADMIN_ID, "/moi Phòng Ma"))


async def test_leader_invite_gives_reading_rights_everywhere(chat: Chat) -> None:
    await chat.join("7", role="lãnh đạo")
    status = await chat.text(private("7", "/tinhhinh"))
    assert "Phòng Tổ chức cán bộ" in status and "Văn phòng Sở" in status
    # A leader of one unit reads another unit's item but does not change it.
    item_b = chat.world.item_b
    assert f"#{item_b}" in await chat.text(private("7", f"/xem {item_b}"))
    refused = await chat.text(private("7", f"/xong {item_b}"))
    assert "lãnh đạo chỉ xem" in refused
    assert chat.occurrence(item_b).status == "not_started"


async def test_a_group_linked_to_a_unit_lets_its_members_report(chat: Chat) -> None:
    code = await chat.invite("Văn phòng Sở")
    linked = await chat.text(group("-500", "1", f"/link {code}"))
    assert "đã được liên kết với <b>Văn phòng Sở</b>" in linked
    late = chat.world.late_a
    # A member never invited personally reports in the group: enrolled as staff of the unit.
    answer = await chat.text(group("-500", "42", f"xong {late} đã nộp", name="Đỗ Thị Mai"))
    assert "Đã ghi nhận hoàn thành" in answer and "Đỗ Thị Mai" in answer
    assert chat.occurrence(late).status == "done"
    assert chat.person("42") is not None
    # Chatter and slash-less slips in the group are not answered.
    assert (await chat.say(group("-500", "42", "xong rồi, cảm ơn chị"))).replies == ()
    assert (await chat.say(group("-500", "42", "xong 999999"))).replies == ()
    assert "Không có nhiệm vụ #999999" in await chat.text(group("-500", "42", "/xong 999999"))
    # The unit's items only: another unit's number is taken for a slip, and asked about.
    other = await chat.text(group("-500", "42", f"/xong {chat.world.item_b}"))
    assert "không thuộc đơn vị của bạn" in other and "Có phải bạn muốn nói" in other
    assert chat.occurrence(chat.world.item_b).status == "not_started"
    listing = await chat.text(group("-500", "43", "/nhiemvu"))
    assert "Văn phòng Sở" in listing


async def test_the_leaders_chat_reads_but_changes_nothing(chat: Chat) -> None:
    code = await chat.invite("lanhdao")
    assert "nhóm lãnh đạo" in await chat.text(group("-900", "1", f"/link {code}"))
    overdue = await chat.text(group("-900", "55", "/trehan"))
    assert f"#{chat.world.item_b}" in overdue
    refused = await chat.text(group("-900", "55", f"/xong {chat.world.item_b}"))
    assert "lãnh đạo chỉ xem" in refused


async def test_staff_cannot_use_leader_commands(chat: Chat) -> None:
    await chat.join("1")
    for command in ("/tinhhinh", "/tonghop"):
        assert "dành cho lãnh đạo" in await chat.text(private("1", command))
    # "/trehan" answers staff with their own unit's late items.
    assert "dành cho lãnh đạo" not in await chat.text(private("1", "/trehan"))


async def test_removal_and_leaving_are_recorded(chat: Chat) -> None:
    code = await chat.invite("Văn phòng Sở")
    await chat.say(group("-500", "1", f"/link {code}"))
    await chat.join("8")
    chat.conv.on_member_left("telegram", "-500", "8")
    assert chat.person("8") is None
    assert "chỉ làm việc với các đơn vị đã đăng ký" in await chat.text(private("8", "/nhiemvu"))
    chat.conv.on_bot_removed("telegram", "-500")
    with Session(chat.engine) as session:
        link = session.exec(select(ChatLink).where(ChatLink.chat_id == "-500")).one()
        assert not link.active
        actions = {entry.action for entry in session.exec(select(AuditEntry))}
        assert {"chat.removed", "person.left", "invite.redeem"} <= actions
    # The group is no longer linked: members are strangers there again.
    assert (await chat.say(group("-500", "9", f"xong {chat.world.late_a}"))).replies == ()


async def test_one_person_on_telegram_and_zalo(chat: Chat) -> None:
    await chat.join("1")
    answer = await chat.text(private("1", "/ketnoi"))
    code = answer.split("<code>")[1].split("</code>")[0]
    assert "Zalo" in answer
    linked = await chat.text(private("z1", f"/start {code}", channel="zalo"))
    assert "Đã nối tài khoản" in linked
    assert chat.person("z1", channel="zalo") == chat.person("1")
    help_text = await chat.text(private("z1", "tro giup", channel="zalo"))
    assert "PDF" in help_text and "Telegram" in help_text


async def test_unexpected_failures_are_answered_politely(
    engine: Engine, clock: ManualClock, tmp_path: Path
) -> None:
    # The files folder is a plain file: storing any evidence fails deep in the disk code.
    blocker = tmp_path / "files"
    chat = make_chat(engine, clock, tmp_path)
    blocker.write_text("not a folder")
    await chat.join("1")
    upload = tmp_path / "scan.pdf"
    upload.write_bytes(b"%PDF-1.4")
    from bot.core.protocol import IncomingFile

    response = await chat.say(
        private(
            "1",
            f"#{chat.world.late_a}",
            file=IncomingFile(upload, "scan.pdf", "application/pdf", upload.stat().st_size),
        )
    )
    text = response.replies[0].text
    assert "gặp lỗi" in text and "Traceback" not in text
    with Session(engine) as session:
        assert (
            session.exec(select(AuditEntry).where(AuditEntry.action == "evidence.add")).all() == []
        )


async def test_a_startgroup_link_redeems_in_the_group_and_numbers_in_chatter_are_ignored(
    chat: Chat,
) -> None:
    code = await chat.invite("Văn phòng Sở")
    # Telegram's ?startgroup=CODE link makes the group send "/start CODE".
    answer = await chat.text(group("-700", "1", f"/start@nhacviec_bot {code}"))
    assert "Nhóm này đã được liên kết với <b>Văn phòng Sở</b>" in answer
    late = chat.world.late_a
    assert (await chat.say(group("-700", "2", f"{late} người đã đến họp"))).replies == ()
    assert chat.occurrence(late).status == "not_started"
    assert "Đã ghi nhận hoàn thành" in await chat.text(group("-700", "2", f"/xong {late}"))


async def test_a_linked_group_keeps_working_after_it_becomes_a_supergroup(chat: Chat) -> None:
    code = await chat.invite("Văn phòng Sở")
    await chat.say(group("-500", "1", f"/link {code}"))
    chat.conv.on_chat_migrated("telegram", "-500", "-100500")
    listing = await chat.text(group("-100500", "2", "/nhiemvu"))
    assert "Văn phòng Sở" in listing
