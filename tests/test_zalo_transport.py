"""The Zalo channel against the fake Zalo Bot API over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_zalo import FakeZalo, running_fake_zalo

from bot.channels.plain_rendering import PHOTO_URL_KEY
from bot.channels.zalo.api import ZaloApi, ZaloApiError
from bot.channels.zalo.dispatch import ZaloDispatcher
from bot.channels.zalo.polling import ZaloPoller
from bot.channels.zalo.sender import ZaloSender
from bot.core.protocol import IncomingMessage, Response
from bot.engine.sender import ChatAddress, DeliveryError
from messages.errors import ConfigurationError, UserFacingError
from messages.outgoing import Attachment, Button, OutgoingMessage


@pytest.fixture
def fake() -> Iterator[FakeZalo]:
    with running_fake_zalo(poll_cap=0.3) as server:
        yield server


@pytest.fixture
async def api(fake: FakeZalo) -> AsyncIterator[ZaloApi]:
    client = ZaloApi(fake.token, base_url=fake.base_url)
    yield client
    await client.aclose()


class RecordingConversation:
    """Stands in for the core: answers every message and keeps what it saw."""

    def __init__(self) -> None:
        self.seen: list[IncomingMessage] = []
        self.file_bytes: list[bytes] = []
        self.file_paths: list[Path] = []

    async def handle(self, message: IncomingMessage) -> Response:
        self.seen.append(message)
        if message.file is not None:
            # As the core does: the photo is fetched when asked for, off the event loop, into
            # a directory of the core's that goes with the answer.
            with tempfile.TemporaryDirectory() as scratch:
                try:
                    path = await asyncio.to_thread(message.file.download, Path(scratch))
                except UserFacingError as exc:
                    return Response(replies=(OutgoingMessage(text=exc.message),))
                self.file_paths.append(path)
                self.file_bytes.append(path.read_bytes())
        if message.text == "boom":
            raise RuntimeError("core failure")
        return Response(
            replies=(
                OutgoingMessage(
                    text=f"<b>Đã nhận</b>: {message.text or 'ảnh'} &amp; ghi lại",
                    html=True,
                    buttons=((Button("✅ Đã xong", "done:12"),),),
                ),
            )
        )


async def test_get_me_and_webhook_round_trip(api: ZaloApi, fake: FakeZalo) -> None:
    me = await api.get_me()
    assert me["account_name"] == "bot.NhacViec"
    await api.set_webhook(url="https://bot.example.vn/zalo", secret_token="s3cret-token")
    assert fake.webhook == {"url": "https://bot.example.vn/zalo", "secret_token": "s3cret-token"}
    assert (await api.get_webhook_info())["url"] == "https://bot.example.vn/zalo"
    await api.delete_webhook()
    assert fake.webhook == {}


async def test_short_webhook_secret_is_refused(api: ZaloApi) -> None:
    with pytest.raises(ZaloApiError) as caught:
        await api.set_webhook(url="https://bot.example.vn/zalo", secret_token="short")
    assert caught.value.permanent


async def test_long_text_is_split_under_limit_and_html_dropped(
    api: ZaloApi, fake: FakeZalo
) -> None:
    lines = [f"<b>Nhiệm vụ {i}</b>: rà soát thủ tục hành chính &amp; báo cáo" for i in range(120)]
    message = OutgoingMessage(
        text="\n".join(lines),
        html=True,
        buttons=(
            (Button("✅ Đã xong", "done:12"), Button("⏳ Đang làm", "progress:12")),
            (Button("⚠️ Vướng mắc", "blocked:12"),),
        ),
    )
    receipt = await ZaloSender(api).send(ChatAddress("zalo", "chat-1"), message)
    texts = fake.texts_to("chat-1")
    assert len(texts) >= 3
    assert all(1 <= len(text) <= 2000 for text in texts)
    joined = "\n".join(texts)
    assert "<b>" not in joined and "&amp;" not in joined
    assert "Nhiệm vụ 0: rà soát thủ tục hành chính & báo cáo" in texts[0]
    assert "Nhiệm vụ 119:" in joined
    # The typed replies stand in for the buttons, at the end of the last piece.
    assert texts[-1].endswith("Trả lời: xong 12 · tiendo 12 <phần trăm> · vuongmac 12 <lý do>")
    last = fake.sent("sendMessage")[-1]
    assert receipt.message_id and receipt.message_id.startswith("m")
    assert last.payload["text"] == texts[-1]


async def test_photo_goes_by_url_and_document_becomes_a_sentence(
    api: ZaloApi, fake: FakeZalo, tmp_path: Path
) -> None:
    chart = tmp_path / "tien-do.png"
    chart.write_bytes(b"png")
    sender = ZaloSender(api)
    await sender.send(
        ChatAddress("zalo", "c2"),
        OutgoingMessage(
            text="Biểu đồ tiến độ",
            attachment=Attachment(chart, "tien-do.png", "image/png", is_photo=True),
            extra={PHOTO_URL_KEY: "https://files.example.vn/tien-do.png"},
        ),
    )
    photos = fake.sent("sendPhoto")
    assert [p.payload["photo"] for p in photos] == ["https://files.example.vn/tien-do.png"]
    assert fake.texts_to("c2") == ["Biểu đồ tiến độ"]

    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(b"%PDF")
    await sender.send(
        ChatAddress("zalo", "c3"),
        OutgoingMessage(text="Báo cáo quý", attachment=Attachment(report, "bao-cao.pdf")),
    )
    [text] = fake.texts_to("c3")
    assert text.startswith("Báo cáo quý")
    assert 'Tệp "bao-cao.pdf" không gửi được qua Zalo' in text


async def test_errors_map_to_permanent_or_retry(api: ZaloApi, fake: FakeZalo) -> None:
    sender = ZaloSender(api)
    with pytest.raises(DeliveryError) as blocked:
        await sender.send(ChatAddress("zalo", "blocked-1"), OutgoingMessage(text="nhắc"))
    assert blocked.value.permanent

    fake.fail_next("sendMessage", status=429, error_code=429, description="Too many", retry_after=7)
    with pytest.raises(DeliveryError) as flood:
        await sender.send(ChatAddress("zalo", "c4"), OutgoingMessage(text="nhắc"))
    assert not flood.value.permanent
    assert flood.value.retry_after == 7

    fake.fail_next("sendMessage", status=500, error_code=500, description="Internal error")
    with pytest.raises(DeliveryError) as server_error:
        await sender.send(ChatAddress("zalo", "c4"), OutgoingMessage(text="nhắc"))
    assert not server_error.value.permanent and server_error.value.retry_after is None

    # After the failures the same chat works again.
    await sender.send(ChatAddress("zalo", "c4"), OutgoingMessage(text="nhắc lại"))
    assert fake.texts_to("c4") == ["nhắc lại"]


async def test_network_failure_is_retryable_and_hides_the_token() -> None:
    with running_fake_zalo() as gone:
        base_url = gone.base_url
        token = gone.token
    api = ZaloApi(token, base_url=base_url)
    try:
        with pytest.raises(DeliveryError) as caught:
            await ZaloSender(api).send(ChatAddress("zalo", "c"), OutgoingMessage(text="x"))
    finally:
        await api.aclose()
    assert not caught.value.permanent
    assert token not in str(caught.value) and "fake-zalo-token" not in caught.value.reason


async def test_wrong_token_is_reported(fake: FakeZalo) -> None:
    api = ZaloApi("999:wrong", base_url=fake.base_url)
    try:
        with pytest.raises(ZaloApiError) as caught:
            await api.get_me()
    finally:
        await api.aclose()
    assert caught.value.error_code == 401
    assert "999:wrong" not in str(caught.value)


async def _run_poller(
    api: ZaloApi, conversation: RecordingConversation, *, max_upload_bytes: int = 1_000_000
) -> tuple[asyncio.Event, asyncio.Task[None]]:
    stop = asyncio.Event()
    dispatcher = ZaloDispatcher(api, conversation, max_upload_bytes=max_upload_bytes)
    task = asyncio.create_task(ZaloPoller(api, dispatcher, poll_timeout=30).run(stop))
    return stop, task


async def _until(predicate: object, timeout: float = 10.0) -> None:
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_poller_answers_text_and_stops_cleanly(api: ZaloApi, fake: FakeZalo) -> None:
    conversation = RecordingConversation()
    stop, task = await _run_poller(api, conversation)
    fake.push_text("xong 12 đã gửi báo cáo", user_id="u7", name="Trần Thị B")
    fake.push_text("/tasks", user_id="u8", name="Lê C", chat_id="group-5")
    await _until(lambda: len(fake.sent("sendMessage")) >= 2)

    first, second = conversation.seen
    assert (first.channel, first.chat_id, first.user_id) == ("zalo", "u7", "u7")
    assert first.user_name == "Trần Thị B" and first.is_private
    assert first.text == "xong 12 đã gửi báo cáo"
    assert (second.chat_id, second.is_private) == ("group-5", False)
    assert fake.texts_to("u7") == ["Đã nhận: xong 12 đã gửi báo cáo & ghi lại\n\nTrả lời: xong 12"]
    assert fake.texts_to("group-5")[0].startswith("Đã nhận: /tasks")

    # Stopping abandons the open long poll at once instead of waiting for it to end.
    await _until(lambda: len(fake.sent("getUpdates")) >= 3)
    started = time.monotonic()
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    assert time.monotonic() - started < 1.0


async def test_poller_accepts_batches_and_survives_errors(api: ZaloApi, fake: FakeZalo) -> None:
    fake.updates_as_list = True
    fake.idle_as_408 = False
    fake.fail_next(
        "getUpdates", status=502, error_code=502, description="Bad gateway", retry_after=0.1
    )
    conversation = RecordingConversation()
    stop, task = await _run_poller(api, conversation)
    fake.push_text("một", user_id="a")
    fake.push_text("hai", user_id="b")
    fake.push_text("boom", user_id="c")
    fake.push_raw({"event_name": "message.text.received", "message": {"text": "no sender"}})
    fake.push_text("ba", user_id="d")
    await _until(lambda: len(fake.sent("sendMessage")) >= 4)
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    assert [m.text for m in conversation.seen] == ["một", "hai", "boom", "ba"]
    [apology] = fake.texts_to("c")
    assert "lỗi hệ thống" in apology and "Traceback" not in apology
    assert fake.texts_to("d")[0].startswith("Đã nhận: ba")
    assert fake.sent("!getUpdates")


async def test_photo_is_downloaded_as_evidence(api: ZaloApi, fake: FakeZalo) -> None:
    body = b"\xff\xd8\xff" + b"anh minh chung" * 100
    url = fake.serve_photo("bien-ban.jpg", body)
    conversation = RecordingConversation()
    stop, task = await _run_poller(api, conversation)
    fake.push_photo(url, caption="minh chứng 12", user_id="u9")
    await _until(lambda: len(fake.texts_to("u9")) >= 1)
    stop.set()
    await asyncio.wait_for(task, timeout=2)

    [message] = conversation.seen
    assert message.text == "minh chứng 12"
    assert message.file is not None
    assert conversation.file_bytes == [body]
    assert message.file.size is None  # Zalo announces no size before the download
    assert message.file.mime_type == "image/jpeg"
    assert message.file.file_name.endswith(".jpg")
    # The temporary download is gone once the core has had it.
    [path] = conversation.file_paths
    assert not path.exists()
    assert [c.payload["action"] for c in fake.sent("sendChatAction")] == ["typing"]


async def test_too_large_or_missing_photo_gets_a_clear_answer(api: ZaloApi, fake: FakeZalo) -> None:
    url = fake.serve_photo("lon.jpg", b"x" * (3 * 1024 * 1024 // 2))
    conversation = RecordingConversation()
    stop, task = await _run_poller(api, conversation, max_upload_bytes=1024 * 1024)
    fake.push_photo(url, user_id="big")
    fake.push_photo(f"{fake.origin}/photos/khong-co.jpg", user_id="gone")
    fake.push_raw(
        {
            "event_name": "message.unsupported.received",
            "message": {
                "from": {"id": "pdf", "display_name": "Phạm D"},
                "chat": {"id": "pdf", "chat_type": "PRIVATE"},
                "message_id": "x1",
            },
        }
    )
    await _until(lambda: all(fake.texts_to(c) for c in ("big", "gone", "pdf")))
    stop.set()
    await asyncio.wait_for(task, timeout=2)

    # The core saw the photos (it decides before any download) but got no file.
    assert conversation.file_bytes == []
    assert fake.texts_to("big")[0].startswith("Ảnh quá lớn")
    assert "(1,5 MB)" in fake.texts_to("big")[0] and "đến 1,0 MB" in fake.texts_to("big")[0]
    assert "không tải được ảnh" in fake.texts_to("gone")[0]
    assert "PDF" in fake.texts_to("pdf")[0]


async def test_refused_token_stops_with_a_clear_sentence(fake: FakeZalo) -> None:
    api = ZaloApi("999:wrong", base_url=fake.base_url)
    poller = ZaloPoller(api, ZaloDispatcher(api, RecordingConversation(), max_upload_bytes=1))
    try:
        with pytest.raises(ConfigurationError) as caught:
            await asyncio.wait_for(poller.run(asyncio.Event()), timeout=5)
    finally:
        await api.aclose()
    assert "ZALO_BOT_TOKEN" in caught.value.message
    assert "999:wrong" not in caught.value.message


async def test_unreachable_zalo_at_start_is_waited_out(api: ZaloApi, fake: FakeZalo) -> None:
    fake.fail_next("getMe", status=502, error_code=502, description="Bad gateway")
    conversation = RecordingConversation()
    stop, task = await _run_poller(api, conversation)
    fake.push_text("xin chào", user_id="late")
    await _until(lambda: bool(fake.texts_to("late")))
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    assert [c.method for c in fake.sent() if "getMe" in c.method] == ["!getMe", "getMe"]


async def test_a_repeated_update_is_handled_once(api: ZaloApi, fake: FakeZalo) -> None:
    message: dict[str, Any] = {
        "from": {"id": "dup", "display_name": "Lặp"},
        "chat": {"id": "dup", "chat_type": "PRIVATE"},
        "text": "xong 4",
        "message_id": "same-id",
    }
    update = {"event_name": "message.text.received", "message": message}
    conversation = RecordingConversation()
    dispatcher = ZaloDispatcher(api, conversation, max_upload_bytes=1)
    await dispatcher.dispatch(update)
    await dispatcher.dispatch(update)
    await dispatcher.dispatch({**update, "message": {**message, "message_id": "next"}})
    assert [m.text for m in conversation.seen] == ["xong 4", "xong 4"]
    assert len(fake.texts_to("dup")) == 2
