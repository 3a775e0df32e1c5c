"""What reminders, digests and the unit lookup of the engine say and find."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.channels.plain_rendering import plain_text
from messages.leader_digest import leaders_digest
from messages.notices import EscalatedItem, escalation_batch_message
from messages.outgoing import Button, OutgoingMessage, with_button_note
from messages.plain import html_to_plain
from scheduler.clock import VIETNAM_TZ
from scheduler.items import Item as ItemView
from scheduler.progress import Progress
from scheduler.tally import Tally as UnitSummary
from storage import units
from storage.units import add_unit, merge_units

AT = datetime(2024, 3, 1, 9, 0, tzinfo=VIETNAM_TZ)


def _reminder() -> OutgoingMessage:
    return OutgoingMessage(
        text="🔔 <b>Nhắc việc</b>\n<b>#1453</b> · Nhiệm vụ 32: Báo cáo",
        buttons=((Button("✅ Đã xong", "done:1453"), Button("⏳ Đang làm", "progress:1453")),),
        html=True,
        occurrence_id=1453,
        button_note="Bấm nút bên dưới hoặc gõ: <code>xong 1453</code>",
    )


def test_typed_replies_appear_once_per_channel() -> None:
    message = _reminder()
    # Telegram: the buttons and one short typed alternative under the text.
    shown = with_button_note(message)
    assert shown.text.endswith("\n\nBấm nút bên dưới hoặc gõ: <code>xong 1453</code>")
    assert shown.buttons == message.buttons
    # Zalo and the console: no buttons, so one line of typed replies instead, not both.
    plain = plain_text(message, channel_name="Zalo", photos_by_url=True)
    assert plain.count("xong 1453") == 1
    assert "Bấm nút" not in plain
    assert plain.endswith("Trả lời: xong 1453 · tiendo 1453 <phần trăm>")
    # A message without buttons has nothing to add.
    bare = OutgoingMessage(text="Tổng hợp", button_note="gõ xong 1")
    assert with_button_note(bare).text == "Tổng hợp"


def _summary(unit_id: int, name: str, **counts: int) -> UnitSummary:
    return UnitSummary(
        unit_id=unit_id,
        unit_name=name,
        counts={Progress[key.upper()]: value for key, value in counts.items()},
    )


def test_digest_before_anything_falls_due_is_two_lines() -> None:
    summaries = [_summary(i, f"Phòng số {i}", no_deadline=2) for i in range(1, 30)]
    text = html_to_plain(
        leaders_digest(
            week_label="Tuần 08/01–14/01/2024",
            today=date(2024, 1, 8),
            summaries=summaries,
            overdue=[],
            due_this_week=[],
        ).text
    )
    assert text.splitlines() == [
        "📊 Tổng hợp tiến độ CCHC — Tuần 08/01–14/01/2024",
        "Tính đến 08/01/2024: chưa có lượt việc nào đến hạn · quá hạn 0 · đang thực hiện 0"
        " · chưa đến hạn 0 · thường xuyên 58 · cả năm: 58 lượt việc",
        "",
        "Tuần này không có việc nào đến hạn.",
    ]
    assert "0/0" not in text


def test_digest_lists_only_units_with_something_due_worst_first_within_one_screen() -> None:
    summaries = [_summary(1, "Phòng Chưa Đến Hạn", no_deadline=4)]
    summaries += [
        _summary(10 + i, f"Phòng LĐTBXH huyện số {i:02d} tên khá dài", done_on_time=2, overdue=i)
        for i in range(60)
    ]
    message = leaders_digest(
        week_label="Tuần 18/03–24/03/2024",
        today=date(2024, 3, 18),
        summaries=summaries,
        overdue=[],
        due_this_week=[],
    )
    text = message.text
    assert "Phòng Chưa Đến Hạn" not in text
    lines = [line for line in text.splitlines() if line.startswith("🔴 <b>Phòng LĐTBXH")]
    assert lines[0].startswith("🔴 <b>Phòng LĐTBXH huyện số 59 tên khá dài</b>: xong 2/61")
    assert lines[1].startswith("🔴 <b>Phòng LĐTBXH huyện số 58")
    assert "… và 50 đơn vị khác (/tinhhinh)." in text
    # Zalo carries 2,000 characters: the digest is one message there too.
    assert len(text) <= 2000


def test_engine_finds_units_as_the_unit_register_does(engine: Engine) -> None:
    with Session(engine) as session:
        office = add_unit(session, name="Văn phòng Sở", at=AT, actor="test")
        add_unit(session, name="Phòng Kế hoạch – Tài chính", at=AT, actor="test")
        add_unit(session, name="Phòng Tổng hợp", at=AT, actor="test")
        merge_units(session, source="Phòng Tổng hợp", into="Văn phòng Sở", at=AT, actor="test")
        session.commit()
        found = units.find_unit(session, name="VP Sở")
        assert found is not None and found.id == office.id
        dashed = units.find_unit(session, name="phong ke hoach - tai chinh")
        assert dashed is not None and dashed.name == "Phòng Kế hoạch – Tài chính"
        merged = units.find_unit(session, name="Phòng Tổng hợp")
        assert merged is not None and merged.id == office.id
        assert units.find_unit(session, name="Phòng Không Có") is None


def _late_item(occurrence_id: int, unit_name: str) -> EscalatedItem:
    item = ItemView(
        occurrence_id=occurrence_id,
        plan_id=1,
        plan_code="kh-2024",
        task_id=occurrence_id,
        task_number=str(occurrence_id),
        task_position=occurrence_id,
        task_title="Báo cáo kết quả cải cách hành chính",
        section=None,
        expected_output=None,
        deadline_text="Quý I/2024",
        unit_id=occurrence_id,
        unit_name=unit_name,
        role="lead",
        period_key="2024-Q1",
        period_label="Quý I/2024",
        kind="once",
        nominal_due=date(2024, 3, 20),
        effective_due=date(2024, 3, 20),
        window_start=None,
        window_end=None,
        status="not_started",
        percent=0,
        completed_at=None,
        progress=Progress.OVERDUE,
    )
    return EscalatedItem(item=item, own_due=date(2024, 3, 20), days_overdue=3)


def test_escalation_starts_each_unit_on_its_own_line() -> None:
    entries = [_late_item(1, "Văn phòng Sở"), _late_item(2, "Phòng Nội vụ")]
    message = escalation_batch_message(
        entries, today=date(2024, 3, 25), to_lead_unit=False, unreachable={"Văn phòng Sở"}
    )
    text = html_to_plain(message.text)
    assert "Văn phòng Sở (1 lượt việc) · chưa kết nối bot\n• #1" in text
    assert "Phòng Nội vụ (1 lượt việc)\n• #2" in text
