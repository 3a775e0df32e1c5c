"""The console channel: typed lines reach the core as console messages; answers print plainly."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from bot.channels.console import ConsoleChat, console_text
from bot.core.protocol import IncomingMessage, Response
from messages.outgoing import Attachment, Button, OutgoingMessage
from scheduler.clock import VIETNAM_TZ
from storage.console_people import console_account, find_people
from storage.database import session_scope
from storage.models import Person


class Recording:
    def __init__(self, response: Response) -> None:
        self.response = response
        self.seen: list[IncomingMessage] = []

    async def handle(self, message: IncomingMessage) -> Response:
        self.seen.append(message)
        return self.response


async def test_typed_line_reaches_core_as_console_message() -> None:
    core = Recording(
        Response(
            replies=(
                OutgoingMessage(
                    text="<b>Đã ghi nhận</b> hoàn thành &lt;12&gt;",
                    html=True,
                    buttons=((Button("📎 Gửi minh chứng", "evidence:12"),),),
                ),
            ),
            edit=OutgoingMessage(text="Nhiệm vụ 12: ✅ Đã xong"),
        )
    )
    shown: list[str] = []
    chat = ConsoleChat(core, user_id="person-3", user_name="Lê Văn C", write=shown.append)
    await chat.say("  xong 12  ")
    [message] = core.seen
    assert (message.channel, message.chat_id, message.user_id) == (
        "console",
        "person-3",
        "person-3",
    )
    assert message.text == "xong 12" and message.is_private and message.file is None
    assert shown == [
        "Đã ghi nhận hoàn thành <12>\n\nTrả lời: minhchung 12 rồi gửi ảnh",
        "Nhiệm vụ 12: ✅ Đã xong",
    ]


async def test_blank_line_sends_nothing_and_toast_is_shown() -> None:
    core = Recording(Response(toast="Đã cập nhật"))
    shown: list[str] = []
    chat = ConsoleChat(core, user_id="p", user_name="P", write=shown.append)
    assert await chat.say("   ") is None
    assert core.seen == []
    await chat.say("tiendo 12 80")
    assert shown == ["Đã cập nhật"]


async def test_file_line_sends_evidence_and_missing_file_is_explained(tmp_path: Path) -> None:
    core = Recording(Response())
    shown: list[str] = []
    chat = ConsoleChat(core, user_id="p", user_name="P", write=shown.append)
    report = tmp_path / "bien ban.pdf"
    report.write_bytes(b"%PDF-1.4 minh chung")
    await chat.say(f':file "{report}" minh chứng 12')
    [message] = core.seen
    assert message.file is not None
    assert message.file.file_name == "bien ban.pdf"
    assert message.file.mime_type == "application/pdf"
    assert message.file.size == len(b"%PDF-1.4 minh chung")
    assert message.text == "minh chứng 12"

    await chat.say(":file khong-co.pdf")
    assert len(core.seen) == 1
    assert shown[-1].startswith('Không tìm thấy tệp "khong-co.pdf"')


def test_console_shows_local_file_path(tmp_path: Path) -> None:
    chart = tmp_path / "tien-do.png"
    text = console_text(
        OutgoingMessage(
            text="Biểu đồ", attachment=Attachment(chart, "tien-do.png", "image/png", True)
        )
    )
    # A terminal shows no picture: it says one is attached and where to open it.
    assert text == (
        f'Biểu đồ\n\n🖼️ Kèm ảnh "tien-do.png" (dòng lệnh không hiện được ảnh, mở tệp để xem): '
        f"{chart}"
    )
    report = tmp_path / "bao-cao.docx"
    text = console_text(
        OutgoingMessage(text="Báo cáo", attachment=Attachment(report, "bao-cao.docx"))
    )
    assert text == f'Báo cáo\n\n📎 Tệp đính kèm "bao-cao.docx": {report}'


def _person(session: object, name: str, *, active: bool = True) -> Person:
    from sqlmodel import Session

    assert isinstance(session, Session)
    person = Person(
        full_name=name, active=active, created_at=datetime(2024, 3, 1, tzinfo=VIETNAM_TZ)
    )
    session.add(person)
    session.flush()
    return person


def test_find_people_by_id_exact_name_or_part(engine: Engine) -> None:
    with session_scope(engine) as session:
        lan = _person(session, "Nguyễn Thị Lan")
        lan_anh = _person(session, "Trần Lan Anh")
        gone = _person(session, "Lan Cũ", active=False)
    with session_scope(engine) as session:
        assert [p.id for p in find_people(session, who=str(lan.id))] == [lan.id]
        assert [p.id for p in find_people(session, who=f"#{lan_anh.id}")] == [lan_anh.id]
        assert find_people(session, who=str(gone.id)) == []
        assert [p.id for p in find_people(session, who="nguyen thi lan")] == [lan.id]
        assert [p.id for p in find_people(session, who="LAN")] == [lan.id, lan_anh.id]
        assert find_people(session, who="   ") == []
        assert find_people(session, who="Hoa") == []


def test_console_account_is_created_once(engine: Engine) -> None:
    with session_scope(engine) as session:
        person = _person(session, "Phạm Văn D")
        first = console_account(session, person=person)
    with session_scope(engine) as session:
        again = console_account(session, person=person)
    assert again.id == first.id
    assert (again.channel, again.external_id) == ("console", f"person-{person.id}")
