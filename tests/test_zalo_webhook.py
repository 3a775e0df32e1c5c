"""Zalo webhook: the secret header is checked and accepted updates reach the core and back."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import httpx
import pytest
from fake_zalo import FakeZalo, running_fake_zalo

from bot.channels.zalo.api import ZaloApi
from bot.channels.zalo.dispatch import ZaloDispatcher
from bot.channels.zalo.webhook import SECRET_HEADER, ZaloWebhook, serve_webhook
from bot.core.protocol import IncomingMessage, Response
from messages.outgoing import OutgoingMessage

SECRET = "webhook-secret-123"


class Echo:
    def __init__(self) -> None:
        self.seen: list[IncomingMessage] = []

    async def handle(self, message: IncomingMessage) -> Response:
        self.seen.append(message)
        return Response(replies=(OutgoingMessage(text=f"Nhận: {message.text}"),))


@pytest.fixture
def fake() -> Iterator[FakeZalo]:
    with running_fake_zalo() as server:
        yield server


def _update(text: str, user: str = "w1") -> bytes:
    return json.dumps(
        {
            "event_name": "message.text.received",
            "message": {
                "from": {"id": user, "display_name": "Đỗ Thị E", "is_bot": False},
                "chat": {"id": user, "chat_type": "PRIVATE"},
                "text": text,
                "message_id": "abc",
                "date": 1749632637199,
            },
        }
    ).encode()


async def test_webhook_checks_secret_and_answers_through_api(fake: FakeZalo) -> None:
    api = ZaloApi(fake.token, base_url=fake.base_url)
    core = Echo()
    webhook = ZaloWebhook(ZaloDispatcher(api, core, max_upload_bytes=1 << 20), secret=SECRET)
    server, port = serve_webhook(webhook, host="127.0.0.1", port=0, path="/zalo/hook")
    url = f"http://127.0.0.1:{port}/zalo/hook"
    try:
        async with httpx.AsyncClient() as client:
            wrong = await client.post(url, content=_update("x"), headers={SECRET_HEADER: "nope"})
            missing = await client.post(url, content=_update("x"))
            bad_json = await client.post(url, content=b"{", headers={SECRET_HEADER: SECRET})
            ok = await client.post(
                url, content=_update("tiendo 12 80"), headers={SECRET_HEADER: SECRET}
            )
            other_path = await client.post(
                f"http://127.0.0.1:{port}/other",
                content=_update("x"),
                headers={SECRET_HEADER: SECRET},
            )
        await webhook.drain()
    finally:
        server.stop()
        await api.aclose()
    assert (wrong.status_code, missing.status_code, bad_json.status_code) == (401, 401, 400)
    assert ok.status_code == 200 and ok.json() == {"ok": True}
    assert other_path.status_code == 404
    assert [m.text for m in core.seen] == ["tiendo 12 80"]
    assert core.seen[0].user_name == "Đỗ Thị E"
    assert fake.texts_to("w1") == ["Nhận: tiendo 12 80"]


async def test_webhook_answers_before_slow_handling_finishes(fake: FakeZalo) -> None:
    release = asyncio.Event()

    class Slow(Echo):
        async def handle(self, message: IncomingMessage) -> Response:
            await release.wait()
            return await super().handle(message)

    api = ZaloApi(fake.token, base_url=fake.base_url)
    core = Slow()
    webhook = ZaloWebhook(ZaloDispatcher(api, core, max_upload_bytes=1 << 20), secret=SECRET)
    assert webhook.accept({SECRET_HEADER: SECRET}, _update("xong 3")) == 200
    assert core.seen == []
    release.set()
    await webhook.drain()
    await api.aclose()
    assert fake.texts_to("w1") == ["Nhận: xong 3"]


def test_short_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        ZaloWebhook(object(), secret="short")  # type: ignore[arg-type]
