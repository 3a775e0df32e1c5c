"""Fake Zalo Bot API speaking the real wire format over HTTP on loopback.

Tests push user messages, read what the bot sent, make the next call of a method fail, and
serve photos that updates point to. Long polls wait on a condition with a short cap so that
a stopping bot is never held for long.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "1234567890:fake-zalo-token"


@dataclass
class SentCall:
    method: str
    payload: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Failure:
    status: int
    error_code: int
    description: str
    retry_after: float | None = None


class FakeZalo:
    def __init__(self, *, token: str = TOKEN, poll_cap: float = 1.0) -> None:
        self.token = token
        self.poll_cap = poll_cap
        # Zalo may end an idle long poll with error 408; answer like that unless told not to.
        self.idle_as_408 = True
        self.updates_as_list = False
        self.calls: list[SentCall] = []
        self.webhook: dict[str, str] = {}
        self.photos: dict[str, tuple[bytes, str]] = {}
        # Paths the bot fetched, so tests can tell what it downloaded and what it did not.
        self.photo_fetches: list[str] = []
        self._updates: list[dict[str, Any]] = []
        self._failures: dict[str, list[_Failure]] = {}
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- life cycle -------------------------------------------------------------------------
    def start(self) -> FakeZalo:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._cond.notify_all()
        self._server.shutdown()
        self._server.server_close()

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def base_url(self) -> str:
        """The value for ZALO_API_BASE_URL: the token follows directly."""
        return f"{self.origin}/bot"

    # --- what tests do ----------------------------------------------------------------------
    def push_text(
        self, text: str, *, user_id: str = "u1", name: str = "Nguyễn Văn A", chat_id: str = ""
    ) -> None:
        self.push_raw(
            {
                "event_name": "message.text.received",
                "message": self._message(user_id, name, chat_id, text=text),
            }
        )

    def push_photo(
        self,
        photo_url: str,
        *,
        caption: str = "",
        user_id: str = "u1",
        name: str = "Nguyễn Văn A",
        chat_id: str = "",
    ) -> None:
        message = self._message(user_id, name, chat_id, photo_url=photo_url)
        if caption:
            message["caption"] = caption
        self.push_raw({"event_name": "message.image.received", "message": message})

    def push_raw(self, update: dict[str, Any]) -> None:
        with self._cond:
            self._updates.append(update)
            self._cond.notify_all()

    def serve_photo(self, name: str, body: bytes, content_type: str = "image/jpeg") -> str:
        self.photos[name] = (body, content_type)
        return f"{self.origin}/photos/{name}"

    def fail_next(
        self,
        method: str,
        *,
        status: int = 200,
        error_code: int = 500,
        description: str = "Internal error",
        retry_after: float | None = None,
    ) -> None:
        with self._cond:
            self._failures.setdefault(method, []).append(
                _Failure(status, error_code, description, retry_after)
            )

    def sent(self, method: str | None = None) -> list[SentCall]:
        with self._cond:
            return [c for c in self.calls if method is None or c.method == method]

    def texts_to(self, chat_id: str) -> list[str]:
        return [
            str(c.payload["text"])
            for c in self.sent("sendMessage")
            if str(c.payload.get("chat_id")) == chat_id
        ]

    def wait_for(self, predicate: Callable[[], bool], *, timeout: float = 10.0) -> None:
        """Wait until `predicate` holds after a call arrives; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"fake Zalo: condition not met in {timeout} s")
                self._cond.wait(min(left, 0.2))

    # --- internals --------------------------------------------------------------------------
    def _message(
        self,
        user_id: str,
        name: str,
        chat_id: str,
        *,
        text: str | None = None,
        photo_url: str | None = None,
    ) -> dict[str, Any]:
        group = bool(chat_id) and chat_id != user_id
        message: dict[str, Any] = {
            "from": {"id": user_id, "display_name": name, "is_bot": False},
            "chat": {"id": chat_id or user_id, "chat_type": "GROUP" if group else "PRIVATE"},
            "message_id": f"in{next(self._ids)}",
            "date": int(time.time() * 1000),
        }
        if text is not None:
            message["text"] = text
        if photo_url is not None:
            message["photo_url"] = photo_url
        return message

    def _api(self, method: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._cond:
            pending = self._failures.get(method)
            if pending:
                failure = pending.pop(0)
                self.calls.append(SentCall(f"!{method}", payload))
                self._cond.notify_all()
                body: dict[str, Any] = {
                    "ok": False,
                    "error_code": failure.error_code,
                    "description": failure.description,
                }
                if failure.retry_after is not None:
                    body["parameters"] = {"retry_after": failure.retry_after}
                return failure.status, body
        if method == "getUpdates":
            return self._get_updates(payload)
        with self._cond:
            self.calls.append(SentCall(method, payload))
            self._cond.notify_all()
        return 200, self._answer(method, payload)

    def _answer(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        now_ms = int(time.time() * 1000)
        if method == "getMe":
            return _ok({"id": "9001", "account_name": "bot.NhacViec", "account_type": "BASIC"})
        if method in ("sendMessage", "sendPhoto"):
            chat_id = str(payload.get("chat_id") or "")
            text = payload.get("text") if method == "sendMessage" else payload.get("caption")
            if not chat_id:
                return _error(400, "chat_id is required")
            if method == "sendMessage" and not isinstance(text, str):
                return _error(400, "text is required")
            if isinstance(text, str) and not 1 <= len(text) <= 2000:
                return _error(400, "text must be 1 to 2000 characters")
            if method == "sendPhoto" and not str(payload.get("photo", "")).startswith("http"):
                return _error(400, "photo must be a URL")
            if chat_id.startswith("blocked"):
                return _error(403, "User has blocked the bot")
            return _ok({"message_id": f"m{next(self._ids)}", "date": now_ms})
        if method == "sendChatAction":
            if payload.get("action") not in ("typing", "upload_photo"):
                return _error(400, "unknown action")
            return {"ok": True}
        if method == "setWebhook":
            secret = str(payload.get("secret_token") or "")
            if not 8 <= len(secret) <= 256:
                return _error(400, "secret_token must be 8 to 256 characters")
            self.webhook = {"url": str(payload.get("url")), "secret_token": secret}
            return _ok({"url": self.webhook["url"], "updated_at": now_ms})
        if method == "deleteWebhook":
            self.webhook = {}
            return _ok({"url": "", "updated_at": now_ms})
        if method == "getWebhookInfo":
            return _ok({"url": self.webhook.get("url", ""), "updated_at": now_ms})
        return _error(404, f"unknown method {method}")

    def _get_updates(self, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if self.webhook:
            return 200, _error(400, "webhook is set; call deleteWebhook to use getUpdates")
        try:
            wanted = float(payload.get("timeout") or 30)
        except (TypeError, ValueError):
            return 200, _error(400, "timeout must be a number of seconds")
        deadline = time.monotonic() + min(wanted, self.poll_cap)
        with self._cond:
            self.calls.append(SentCall("getUpdates", payload))
            while not self._updates:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            if not self._updates:
                if self.idle_as_408:
                    return 200, _error(408, "Request timeout")
                return 200, _ok([] if self.updates_as_list else {})
            if self.updates_as_list:
                batch, self._updates = self._updates, []
                return 200, _ok(batch)
            return 200, _ok(self._updates.pop(0))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                prefix = "/photos/"
                fake.photo_fetches.append(self.path)
                if self.path.startswith(prefix) and self.path[len(prefix) :] in fake.photos:
                    body, content_type = fake.photos[self.path[len(prefix) :]]
                    self._reply(200, body, content_type)
                else:
                    self._reply(404, b"not found", "text/plain")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                prefix = f"/bot{fake.token}/"
                if not self.path.startswith(prefix):
                    self._json(401, _error(401, "Unauthorized"))
                    return
                try:
                    payload = json.loads(raw or b"{}")
                except ValueError:
                    self._json(400, _error(400, "body must be JSON"))
                    return
                status, body = fake._api(self.path[len(prefix) :], payload)
                self._json(status, body)

            def _json(self, status: int, body: dict[str, Any]) -> None:
                self._reply(status, json.dumps(body).encode(), "application/json")

            def _reply(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


def _ok(result: Any) -> dict[str, Any]:
    return {"ok": True, "result": result}


def _error(code: int, description: str) -> dict[str, Any]:
    return {"ok": False, "error_code": code, "description": description}


@contextmanager
def running_fake_zalo(**kwargs: Any) -> Iterator[FakeZalo]:
    fake = FakeZalo(**kwargs).start()
    try:
        yield fake
    finally:
        fake.stop()
