"""The Telegram webhook checks its secret token in constant time before anything else."""

from __future__ import annotations

import asyncio
import hmac
import json
import socket
import time
from pathlib import Path

import httpx
import pytest
from fake_telegram import FakeBotApi, OfflineRequest
from test_telegram_adapter import ALICE, TOKEN, ScriptedConversation, make_settings

from bot.channels.telegram import TelegramRunner, build_application
from bot.channels.telegram.config import WebhookConfig

SECRET = "s3cret_token-1234567890"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _update(update_id: int, text: str) -> bytes:
    message = {
        "message_id": update_id,
        "date": 1_700_000_000,
        "chat": {"id": ALICE, "type": "private", "first_name": "Lan"},
        "from": {"id": ALICE, "is_bot": False, "first_name": "Lan"},
        "text": text,
    }
    return json.dumps({"update_id": update_id, "message": message}).encode()


async def test_webhook_secret_is_compared_in_constant_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = FakeBotApi(TOKEN)
    api.add_private_chat(ALICE, "Lan")
    conversation = ScriptedConversation()
    compared: list[bytes] = []
    constant_time = hmac.compare_digest

    def spy(given: bytes | str, expected: bytes | str) -> bool:
        compared.append(given if isinstance(given, bytes) else given.encode())
        return constant_time(given, expected)  # type: ignore[arg-type]

    monkeypatch.setattr(hmac, "compare_digest", spy)
    port = _free_port()
    application = build_application(
        make_settings(tmp_path),
        conversation,
        request=OfflineRequest(api),
        get_updates_request=OfflineRequest(api),
    )
    hook = WebhookConfig(
        url="https://bot.example.gov.vn/tg/hook",
        listen="127.0.0.1",
        port=port,
        url_path="tg/hook",
        secret_token=SECRET,
    )
    runner = TelegramRunner(application, commands=[], webhook=hook)
    stop = asyncio.Event()
    task = asyncio.create_task(runner.run(stop))
    url = f"http://127.0.0.1:{port}/tg/hook"
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            deadline = time.monotonic() + 20
            while True:
                try:
                    wrong = await client.post(
                        url, content=_update(1, "/sai"), headers={HEADER: "x"}
                    )
                    break
                except httpx.ConnectError:
                    assert time.monotonic() < deadline, "webhook never listened"
                    await asyncio.sleep(0.05)
            missing = await client.post(url, content=_update(2, "/thieu"))
            right = await client.post(url, content=_update(3, "/dung"), headers={HEADER: SECRET})
        assert wrong.status_code == 403 and missing.status_code == 403
        assert right.status_code == 200
        await asyncio.wait_for(conversation.wait_seen("/dung"), timeout=20)
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=20)
    assert [seen.message.text for seen in conversation.seen] == ["/dung"]
    assert b"x" in compared and SECRET.encode() in compared
    [registered] = api.calls_to("setWebhook")
    assert registered.params["secret_token"] == SECRET
