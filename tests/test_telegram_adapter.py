"""The Telegram adapter offline: python-telegram-bot talks to a fake Bot API via `BaseRequest`."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fake_telegram import FakeBotApi, OfflineRequest
from fake_telegram.offline import OFFLINE_BASE_URL
from telegram import Update

from bot.channels.telegram import TelegramRunner, TelegramSender, build_application, build_bot
from bot.channels.telegram.config import download_limit, file_base_url, webhook_config
from bot.channels.telegram.incoming import command_text
from bot.core.protocol import IncomingMessage, Response
from bot.engine.sender import ChatAddress, DeliveryError
from bot.settings import Settings, load_settings
from messages.errors import ConfigurationError, UserFacingError
from messages.outgoing import Attachment, Button, OutgoingMessage

TOKEN = "123:ABC"
ALICE = 5001
GROUP = -100200
BUTTONS = (
    (Button("Đã xong", "done:7"), Button("Đang làm", "progress:7")),
    (Button("Vướng mắc", "blocked:7"), Button("Gửi minh chứng", "evidence:7")),
)


@dataclass
class Seen:
    """What the conversation received; file contents are read while the file still exists."""

    message: IncomingMessage
    file_bytes: bytes | None = None
    file_path: Path | None = None


@dataclass
class ScriptedConversation:
    """Stands in for the conversation core: records what arrives, answers from a script."""

    seen: list[Seen] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    left: list[tuple[str, str, str]] = field(default_factory=list)
    answers: dict[str, Response] = field(default_factory=dict)
    migrated: list[tuple[str, str, str]] = field(default_factory=list)
    remembered: list[tuple[str, str, str, int]] = field(default_factory=list)
    # A message whose text is a key here is held until the event is set.
    gates: dict[str, asyncio.Event] = field(default_factory=dict)
    arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def wait_seen(self, text: str, timeout: float = 20) -> None:
        async with self.arrived:
            await asyncio.wait_for(
                self.arrived.wait_for(lambda: any(s.message.text == text for s in self.seen)),
                timeout,
            )

    async def handle(self, message: IncomingMessage) -> Response:
        if message.file is not None:
            # As the core does: the download blocks, so it runs off the event loop, into a
            # directory of the core's that goes with the answer.
            with tempfile.TemporaryDirectory() as scratch:
                try:
                    path = await asyncio.to_thread(message.file.download, Path(scratch))
                except UserFacingError as exc:
                    self.seen.append(Seen(message))
                    return Response(replies=(OutgoingMessage(text=exc.message),))
                self.seen.append(Seen(message, path.read_bytes(), path))
        else:
            self.seen.append(Seen(message))
        async with self.arrived:
            self.arrived.notify_all()
        if message.text in self.gates:
            await self.gates[message.text].wait()
        if message.text == "/fail":
            raise UserFacingError("Mã mời không đúng: hãy kiểm tra lại mã.")
        if message.text == "/crash":
            raise RuntimeError("boom")
        key = message.action or message.text
        return self.answers.get(key, Response(replies=(OutgoingMessage(text=f"Đã nhận: {key}"),)))

    async def on_bot_removed(self, channel: str, chat_id: str) -> None:
        self.removed.append((channel, chat_id))

    def on_member_left(self, channel: str, chat_id: str, user_id: str) -> None:
        self.left.append((channel, chat_id, user_id))

    def on_chat_migrated(self, channel: str, old_chat_id: str, new_chat_id: str) -> None:
        self.migrated.append((channel, old_chat_id, new_chat_id))

    def remember_sent(
        self, channel: str, chat_id: str, message_id: str, occurrence_id: int
    ) -> None:
        self.remembered.append((channel, chat_id, message_id, occurrence_id))


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": f"sqlite:///{tmp_path}/t.db",
        "telegram_bot_token": TOKEN,
        "telegram_api_base_url": OFFLINE_BASE_URL,
        "files_dir": tmp_path / "files",
        "max_upload_mb": 1,
    }
    values.update(overrides)
    return load_settings(**values)


@pytest.fixture
def api() -> FakeBotApi:
    api = FakeBotApi(TOKEN)
    api.add_private_chat(ALICE, "Lan", "Nguyễn")
    api.add_group(GROUP, "Văn phòng Sở")
    return api


@pytest.fixture
def conversation() -> ScriptedConversation:
    return ScriptedConversation()


@pytest.fixture
async def app(
    api: FakeBotApi, conversation: ScriptedConversation, tmp_path: Path
) -> AsyncIterator[Any]:
    application = build_application(
        make_settings(tmp_path),
        conversation,
        request=OfflineRequest(api),
        get_updates_request=OfflineRequest(api),
    )
    async with application:
        yield application


async def deliver_pending(application: Any) -> None:
    """Fetch the queued updates with getUpdates, as polling would, and process them."""
    updates = await application.bot.get_updates(timeout=0)
    for update in updates:
        await application.process_update(update)
    if updates:
        await application.bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)


async def test_private_text_reaches_the_core_and_the_reply_comes_back(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/start ABC123", first_name="Lan")
    await deliver_pending(app)

    [seen] = conversation.seen
    assert seen.message == IncomingMessage(
        channel="telegram",
        chat_id=str(ALICE),
        user_id=str(ALICE),
        user_name="Lan",
        text="/start ABC123",
        is_private=True,
    )
    [sent] = api.calls_to("sendMessage")
    assert sent.params["chat_id"] == str(ALICE)
    assert sent.params["text"] == "Đã nhận: /start ABC123"
    assert api.pending_updates() == 0


async def test_group_command_addressed_to_this_bot_loses_the_suffix_others_are_ignored(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    api.user_message(user_id=ALICE, chat_id=GROUP, text="/status@nhacviec_test_bot Q1")
    api.user_message(user_id=ALICE, chat_id=GROUP, text="/status@some_other_bot")
    await deliver_pending(app)

    assert [s.message.text for s in conversation.seen] == ["/status Q1"]
    assert conversation.seen[0].message.is_private is False
    assert conversation.seen[0].message.chat_id == str(GROUP)


def test_command_text_keeps_arguments_and_plain_text() -> None:
    assert command_text("/link ab12 \n x", "Bot") == "/link ab12 \n x"
    assert command_text("/link@bot ab12", "BOT") == "/link ab12"
    assert command_text("/link@other ab12", "bot") is None
    assert command_text("xong 12", "bot") == "xong 12"


async def test_reply_to_a_bot_message_carries_its_id_reply_to_a_person_does_not(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    reminder = await app.bot.send_message(chat_id=GROUP, text="Nhắc việc 7")
    human = api.user_message(user_id=ALICE, chat_id=GROUP, text="chào cả nhà")
    api.user_message(user_id=ALICE, chat_id=GROUP, text="xong", reply_to=reminder.message_id)
    api.user_message(user_id=ALICE, chat_id=GROUP, text="ok", reply_to=human["message_id"])
    await deliver_pending(app)

    assert [s.message.reply_to_message_id for s in conversation.seen] == [
        None,
        str(reminder.message_id),
        None,
    ]


async def test_button_press_answers_the_query_and_edits_the_message_in_place(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    sender = TelegramSender(app.bot)
    receipt = await sender.send(
        ChatAddress("telegram", str(GROUP)), OutgoingMessage(text="Nhiệm vụ 7", buttons=BUTTONS)
    )
    conversation.answers["done:7"] = Response(
        edit=OutgoingMessage(text="Nhiệm vụ 7 — <b>Đã xong</b>", html=True, buttons=BUTTONS[1:]),
        toast="Đã ghi nhận: xong",
    )
    query_id = api.user_presses(
        user_id=ALICE, chat_id=GROUP, message_id=int(receipt.message_id), data="done:7"
    )
    await deliver_pending(app)

    [seen] = conversation.seen
    assert seen.message.action == "done:7"
    assert seen.message.reply_to_message_id == receipt.message_id
    assert seen.message.user_id == str(ALICE)
    [answer] = api.calls_to("answerCallbackQuery")
    assert answer.params["callback_query_id"] == query_id
    assert answer.params["text"] == "Đã ghi nhận: xong"
    [edit] = api.calls_to("editMessageText")
    assert edit.params["parse_mode"] == "HTML"
    shown = api.message(GROUP, int(receipt.message_id))
    assert shown["text"] == "Nhiệm vụ 7 — <b>Đã xong</b>"
    assert [b["callback_data"] for b in shown["reply_markup"]["inline_keyboard"][0]] == [
        "blocked:7",
        "evidence:7",
    ]


async def test_pressing_the_same_button_twice_is_not_an_error(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    sent = await app.bot.send_message(chat_id=GROUP, text="Nhiệm vụ 7")
    conversation.answers["done:7"] = Response(edit=OutgoingMessage(text="Đã xong"))
    for _ in range(2):
        api.user_presses(user_id=ALICE, chat_id=GROUP, message_id=sent.message_id, data="done:7")
    await deliver_pending(app)

    assert len(api.calls_to("answerCallbackQuery")) == 2
    assert [c.error_code for c in api.calls_to("editMessageText")] == [None, 400]
    assert len(api.calls_to("sendMessage")) == 1  # the reminder itself; no error message


async def test_a_failed_download_asks_to_send_the_file_again(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    document = api.add_file(b"%PDF-1.4", file_name="bc.pdf", mime_type="application/pdf")
    api.fail_next("getFile", status=400, description="Bad Request: file is temporarily unavailable")
    api.user_message(user_id=ALICE, chat_id=ALICE, document=document)
    await deliver_pending(app)

    [seen] = conversation.seen
    assert seen.file_bytes is None
    [sent] = api.calls_to("sendMessage")
    assert "không tải được tệp" in sent.params["text"]


async def test_document_is_downloaded_through_getfile_and_removed_after_handling(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    pdf = b"%PDF-1.4 bien ban\n%%EOF"
    document = api.add_file(pdf, file_name="Báo cáo Q1.pdf", mime_type="application/pdf")
    api.user_message(user_id=ALICE, chat_id=ALICE, document=document, caption="minh chứng 7")
    await deliver_pending(app)

    [seen] = conversation.seen
    assert seen.message.text == "minh chứng 7"
    assert seen.file_bytes == pdf
    assert seen.message.file is not None
    assert seen.message.file.file_name == "Báo cáo Q1.pdf"
    assert seen.message.file.mime_type == "application/pdf"
    assert seen.message.file.size == len(pdf)
    assert seen.file_path is not None and not seen.file_path.exists()
    assert seen.file_path.name != "Báo cáo Q1.pdf"  # a name of our own, never the sender's
    assert len(api.calls_to("getFile")) == 1


async def test_largest_photo_size_is_the_one_downloaded(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    small = api.add_file(b"small", file_name="s.jpg", mime_type="image/jpeg")
    big = api.add_file(b"big-photo-bytes", file_name="b.jpg", mime_type="image/jpeg")
    sizes = [
        {**{k: f[k] for k in ("file_id", "file_unique_id", "file_size")}, "width": w, "height": w}
        for f, w in ((small, 90), (big, 1280))
    ]
    api.user_message(user_id=ALICE, chat_id=ALICE, photo=sizes)
    await deliver_pending(app)

    [seen] = conversation.seen
    assert seen.file_bytes == b"big-photo-bytes"
    assert seen.message.file is not None
    assert seen.message.file.mime_type == "image/jpeg"


async def test_oversize_file_is_refused_before_any_download(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    document = api.add_file(
        b"x" * (1024 * 1024 + 1), file_name="big.pdf", mime_type="application/pdf"
    )
    api.user_message(user_id=ALICE, chat_id=ALICE, document=document)
    await deliver_pending(app)

    [seen] = conversation.seen
    assert seen.file_bytes is None
    assert api.calls_to("getFile") == []
    [sent] = api.calls_to("sendMessage")
    assert "Tệp quá lớn (1,0 MB)" in sent.params["text"]
    assert "đến 1,0 MB" in sent.params["text"]


def test_official_server_caps_downloads_at_20_mb_self_hosted_does_not(tmp_path: Path) -> None:
    official = make_settings(
        tmp_path, telegram_api_base_url="https://api.telegram.org/bot", max_upload_mb=50
    )
    hosted = make_settings(
        tmp_path, telegram_api_base_url="http://10.0.0.5:8081/bot", max_upload_mb=50
    )
    assert download_limit(official) == 20 * 1024 * 1024
    assert download_limit(hosted) == 50 * 1024 * 1024


async def test_user_facing_error_is_said_in_chat_and_a_crash_gets_a_polite_notice(
    api: FakeBotApi, app: Any
) -> None:
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/fail")
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/crash")
    await deliver_pending(app)

    texts = [c.params["text"] for c in api.calls_to("sendMessage")]
    assert texts[0] == "Mã mời không đúng: hãy kiểm tra lại mã."
    assert texts[1].startswith("Bot chưa xử lý được tin nhắn này")
    assert all("Traceback" not in t and "boom" not in t for t in texts)


async def test_long_reply_is_split_at_line_breaks_with_buttons_on_the_last_piece(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    lines = [f"{n}. Nhiệm vụ số {n}: báo cáo kết quả cải cách hành chính" for n in range(200)]
    conversation.answers["/status"] = Response(
        replies=(OutgoingMessage(text="\n".join(lines), buttons=BUTTONS),)
    )
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/status")
    await deliver_pending(app)

    sent = api.calls_to("sendMessage")
    assert len(sent) >= 3
    assert all(len(c.params["text"]) <= 4096 for c in sent)
    assert "\n".join(c.params["text"] for c in sent) == "\n".join(lines)
    assert [("reply_markup" in c.params) for c in sent] == [False] * (len(sent) - 1) + [True]


async def test_bot_removed_and_member_left_reach_the_core(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    api.user_message(
        user_id=ALICE,
        chat_id=GROUP,
        extra={"left_chat_member": {"id": 6001, "is_bot": False, "first_name": "Bình"}},
    )
    api.bot_status_changed(chat_id=GROUP, by_user=ALICE, new_status="kicked")
    api.bot_status_changed(chat_id=ALICE, by_user=ALICE, new_status="kicked")
    await deliver_pending(app)

    assert conversation.left == [("telegram", str(GROUP), "6001")]
    assert conversation.removed == [("telegram", str(GROUP)), ("telegram", str(ALICE))]
    assert conversation.seen == []


async def test_a_group_becoming_a_supergroup_moves_its_links(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    api.add_group(-1009876, "Văn phòng Sở")
    api.user_message(user_id=ALICE, chat_id=GROUP, extra={"migrate_to_chat_id": -1009876})
    api.user_message(user_id=ALICE, chat_id=-1009876, extra={"migrate_from_chat_id": GROUP})
    await deliver_pending(app)

    assert conversation.migrated == [("telegram", str(GROUP), "-1009876")] * 2
    assert conversation.seen == []


async def test_replies_about_an_item_are_remembered_so_replies_to_them_find_it(
    api: FakeBotApi, app: Any, conversation: ScriptedConversation
) -> None:
    conversation.answers["/xem 7"] = Response(
        replies=(
            OutgoingMessage(text="Nhiệm vụ 7: rà soát TTHC", occurrence_id=7, buttons=BUTTONS),
            OutgoingMessage(text="Gõ /trogiup để xem các lệnh"),
        )
    )
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/xem 7")
    await deliver_pending(app)

    first, _ = api.calls_to("sendMessage")
    assert conversation.remembered == [("telegram", str(ALICE), str(first.result["message_id"]), 7)]


async def test_a_flood_wait_in_a_reply_is_waited_out_by_the_rate_limiter(
    api: FakeBotApi, app: Any
) -> None:
    api.fail_next("sendMessage", retry_after=1)
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/help")
    await deliver_pending(app)

    attempts = api.calls_to("sendMessage")
    assert [c.error_code for c in attempts] == [429, None]


# ----- the sender the reminder engine uses -----


@pytest.fixture
async def sender(api: FakeBotApi, tmp_path: Path) -> AsyncIterator[TelegramSender]:
    sender = TelegramSender(build_bot(make_settings(tmp_path), request=OfflineRequest(api)))
    yield sender
    await sender.aclose()


async def test_sender_returns_the_message_id_of_the_message_with_buttons(
    api: FakeBotApi, sender: TelegramSender
) -> None:
    receipt = await sender.send(
        ChatAddress("telegram", str(GROUP)),
        OutgoingMessage(text="<b>Nhắc việc</b> & hạn 15/03", html=True, buttons=BUTTONS),
    )
    [call] = api.calls_to("sendMessage")
    assert call.result["message_id"] == int(receipt.message_id)
    assert call.params["parse_mode"] == "HTML"
    rows = call.params["reply_markup"]["inline_keyboard"]
    assert [[b["text"] for b in row] for row in rows] == [
        ["Đã xong", "Đang làm"],
        ["Vướng mắc", "Gửi minh chứng"],
    ]


async def test_a_reminder_shows_its_buttons_and_one_short_typed_alternative(
    api: FakeBotApi, sender: TelegramSender
) -> None:
    await sender.send(
        ChatAddress("telegram", str(GROUP)),
        OutgoingMessage(
            text="🔔 <b>Nhắc việc</b>\n<b>#1453</b> · Nhiệm vụ 32",
            html=True,
            buttons=BUTTONS,
            button_note="Bấm nút bên dưới hoặc gõ: <code>xong 1453</code>",
        ),
    )
    [call] = api.calls_to("sendMessage")
    assert call.params["text"] == (
        "🔔 <b>Nhắc việc</b>\n<b>#1453</b> · Nhiệm vụ 32\n\n"
        "Bấm nút bên dưới hoặc gõ: <code>xong 1453</code>"
    )
    assert call.params["reply_markup"]["inline_keyboard"]


async def test_sender_uploads_attachments_as_documents_with_caption(
    api: FakeBotApi, sender: TelegramSender, tmp_path: Path
) -> None:
    path = tmp_path / "tong-hop.xlsx"
    path.write_bytes(b"PK\x03\x04 workbook")
    receipt = await sender.send(
        ChatAddress("telegram", str(GROUP)),
        OutgoingMessage(
            text="Tổng hợp tuần",
            attachment=Attachment(path=path, file_name="Tổng hợp.xlsx"),
        ),
    )
    [call] = api.calls_to("sendDocument")
    assert call.params["caption"] == "Tổng hợp tuần"
    name, content, _ = call.files["document"]
    assert (name, content) == ("Tổng hợp.xlsx", b"PK\x03\x04 workbook")
    assert call.result["message_id"] == int(receipt.message_id)


CHAT_GONE = "Bad Request: chat not found"


@pytest.mark.parametrize(
    ("setup", "permanent", "retry_after"),
    [
        (lambda api: api.block_chat(GROUP), True, None),
        (lambda api: api.fail_next("sendMessage", retry_after=17), False, 17.0),
        (
            lambda api: api.fail_next("sendMessage", status=502, description="Bad Gateway"),
            False,
            None,
        ),
        (
            lambda api: api.fail_next(
                "sendMessage", status=400, description="Bad Request: chat not found"
            ),
            True,
            None,
        ),
    ],
    ids=["blocked", "flood", "server-error", "chat-not-found"],
)
async def test_sender_classifies_failures(
    api: FakeBotApi, sender: TelegramSender, setup: Any, permanent: bool, retry_after: float | None
) -> None:
    setup(api)
    with pytest.raises(DeliveryError) as caught:
        await sender.send(ChatAddress("telegram", str(GROUP)), OutgoingMessage(text="Nhắc việc"))
    assert caught.value.permanent is permanent
    assert caught.value.retry_after == retry_after


async def test_sender_refuses_an_unknown_chat_permanently(sender: TelegramSender) -> None:
    with pytest.raises(DeliveryError) as caught:
        await sender.send(ChatAddress("telegram", "-999"), OutgoingMessage(text="Nhắc việc"))
    assert caught.value.permanent
    assert "chat not found" in caught.value.reason.lower()


# ----- running: commands menu, polling, stop -----


async def test_runner_registers_commands_polls_and_stops_cleanly(
    api: FakeBotApi, conversation: ScriptedConversation, tmp_path: Path
) -> None:
    application = build_application(
        make_settings(tmp_path),
        conversation,
        request=OfflineRequest(api),
        get_updates_request=OfflineRequest(api),
    )
    runner = TelegramRunner(
        application, commands=[("status", "Xem tiến độ"), ("help", "Hướng dẫn")]
    )
    stop = asyncio.Event()
    task = asyncio.create_task(runner.run(stop))
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/help")
    await asyncio.to_thread(api.wait_for_call, "sendMessage", timeout=20)
    stop.set()
    await asyncio.wait_for(task, timeout=20)

    assert api.commands == [
        {"command": "status", "description": "Xem tiến độ"},
        {"command": "help", "description": "Hướng dẫn"},
    ]
    assert api.calls_to("deleteWebhook")
    assert [s.message.text for s in conversation.seen] == ["/help"]
    assert api.pending_updates() == 0  # the processed update was confirmed on the way out


async def test_one_chat_is_served_in_order_while_other_chats_go_ahead(
    api: FakeBotApi, conversation: ScriptedConversation, tmp_path: Path
) -> None:
    application = build_application(
        make_settings(tmp_path),
        conversation,
        request=OfflineRequest(api),
        get_updates_request=OfflineRequest(api),
    )
    release = asyncio.Event()
    conversation.gates["/minhchung 12"] = release
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/minhchung 12")
    api.user_message(user_id=ALICE, chat_id=ALICE, text="/xong 12")
    api.user_message(user_id=6001, chat_id=GROUP, text="/nhiemvu")
    stop = asyncio.Event()
    task = asyncio.create_task(TelegramRunner(application, commands=[]).run(stop))
    try:
        # The group is answered while Alice's first message is still being handled...
        await conversation.wait_seen("/nhiemvu")
        await asyncio.to_thread(api.wait_for_call, "sendMessage", said_to_chat(GROUP))
        assert [s.message.text for s in conversation.seen] == ["/minhchung 12", "/nhiemvu"]
        # ...and Alice's second message waits for her first.
        release.set()
        await conversation.wait_seen("/xong 12")
        assert [s.message.text for s in conversation.seen][-1] == "/xong 12"
    finally:
        release.set()
        stop.set()
        await asyncio.wait_for(task, timeout=20)


def said_to_chat(chat_id: int) -> Any:
    return lambda call: str(call.params.get("chat_id")) == str(chat_id)


# ----- configuration -----


def test_file_url_is_derived_from_the_api_url() -> None:
    assert file_base_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_base_url("http://127.0.0.1:8081/bot/") == "http://127.0.0.1:8081/file/bot"
    assert file_base_url("http://x/bot", "http://files/f/") == "http://files/f"
    with pytest.raises(ConfigurationError, match="TELEGRAM_FILE_BASE_URL"):
        file_base_url("http://x/api")


def test_webhook_needs_https_and_a_listen_address(tmp_path: Path) -> None:
    assert webhook_config(make_settings(tmp_path)) is None
    hook = webhook_config(
        make_settings(
            tmp_path,
            telegram_webhook_url="https://bot.example.gov.vn/tg/hook",
            telegram_webhook_secret="s3cret_token-1",
            telegram_webhook_listen="127.0.0.1:8443",
        )
    )
    assert hook is not None
    assert (hook.listen, hook.port, hook.url_path, hook.secret_token) == (
        "127.0.0.1",
        8443,
        "tg/hook",
        "s3cret_token-1",
    )
    generated = webhook_config(
        make_settings(tmp_path, telegram_webhook_url="https://bot.example.gov.vn/hook")
    )
    assert generated is not None and len(generated.secret_token) >= 32
    with pytest.raises(ConfigurationError, match="TELEGRAM_WEBHOOK_URL"):
        webhook_config(make_settings(tmp_path, telegram_webhook_url="http://plain/hook"))
    with pytest.raises(ConfigurationError, match="TELEGRAM_WEBHOOK_LISTEN"):
        webhook_config(
            make_settings(
                tmp_path,
                telegram_webhook_url="https://a.vn/h",
                telegram_webhook_listen="8443",
            )
        )
    with pytest.raises(ConfigurationError, match="TELEGRAM_WEBHOOK_SECRET"):
        webhook_config(
            make_settings(
                tmp_path,
                telegram_webhook_url="https://a.vn/h",
                telegram_webhook_secret="có dấu",
            )
        )


def test_update_json_round_trip_is_what_the_bridge_sees(api: FakeBotApi) -> None:
    """The fake's updates parse as real python-telegram-bot objects."""
    message = api.user_message(user_id=ALICE, chat_id=GROUP, text="/link ABC")
    update = Update.de_json({"update_id": 1, "message": message}, None)
    assert update is not None and update.message is not None
    assert update.message.chat.type == "group"
    assert update.message.entities[0].type == "bot_command"


async def test_a_refused_token_stops_start_up_with_a_sentence_naming_the_variable(
    api: FakeBotApi, conversation: ScriptedConversation, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path, telegram_bot_token="999:WRONG")
    application = build_application(
        settings,
        conversation,
        request=OfflineRequest(api),
        get_updates_request=OfflineRequest(api),
    )
    runner = TelegramRunner(application, commands=[])
    with pytest.raises(ConfigurationError, match="TELEGRAM_BOT_TOKEN") as caught:
        await asyncio.wait_for(runner.run(asyncio.Event()), timeout=20)
    assert "999:WRONG" not in caught.value.message
    assert api.calls == []


def test_log_lines_and_tracebacks_never_show_the_token(tmp_path: Path) -> None:
    import io
    import logging

    from bot.cli.log_setup import RedactSecrets, secrets_of

    settings = make_settings(tmp_path)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets(secrets_of(settings)))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    try:
        logger.warning("POST %s/getUpdates 50%%", f"https://api.telegram.org/bot{TOKEN}")
        try:
            raise RuntimeError(f"connect failed for /bot{TOKEN}/getMe")
        except RuntimeError:
            logger.exception("start-up failed")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert TOKEN not in output
    assert "https://api.telegram.org/bot***/getUpdates 50%" in output
    assert "RuntimeError: connect failed for /bot***/getMe" in output
