"""Receiving Zalo updates by webhook: a secret-checked endpoint served by tornado.

Zalo sends each update as a POST with the secret given to setWebhook in the header
`X-Bot-Api-Secret-Token`. The answer is immediate; the update is handled in the background so
that a slow photo download never makes Zalo retry the delivery.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Mapping
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

from bot.channels.zalo.dispatch import ZaloDispatcher

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Bot-Api-Secret-Token"
# Zalo accepts secrets of 8 to 256 characters.
MIN_SECRET, MAX_SECRET = 8, 256


class ZaloWebhook:
    """The channel-side handling of one webhook request, independent of the HTTP server."""

    def __init__(self, dispatcher: ZaloDispatcher, *, secret: str) -> None:
        if not MIN_SECRET <= len(secret) <= MAX_SECRET:
            raise ValueError("the webhook secret must have 8 to 256 characters")
        self._dispatcher = dispatcher
        self._secret = secret.encode()
        self._tasks: set[asyncio.Task[None]] = set()

    def accept(self, headers: Mapping[str, str], body: bytes) -> int:
        """The HTTP status to answer; an accepted update is handled in the background."""
        given = headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            return 401
        try:
            update: Any = json.loads(body or b"null")
        except ValueError:
            return 400
        if not isinstance(update, dict):
            return 400
        # Some senders wrap the update as getUpdates does ({"ok": true, "result": {...}}).
        if "result" in update and isinstance(update["result"], dict):
            update = update["result"]
        task = asyncio.ensure_future(self._dispatcher.dispatch(update))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return 200

    async def drain(self) -> None:
        """Wait for updates still being handled (before stopping)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


class _Endpoint(RequestHandler):
    def initialize(self, webhook: ZaloWebhook) -> None:
        self._webhook = webhook

    def post(self) -> None:
        status = self._webhook.accept(self.request.headers, self.request.body)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"ok": status == 200}))

    def log_exception(self, *args: Any) -> None:
        log.warning("Zalo webhook request failed")


def serve_webhook(
    webhook: ZaloWebhook, *, host: str, port: int, path: str
) -> tuple[HTTPServer, int]:
    """Listen on host:port (0 picks a free port) for POSTs to `path`; gives the bound port."""
    app = Application([(path, _Endpoint, {"webhook": webhook})])
    # A Zalo update is small; anything larger is not from Zalo.
    server = HTTPServer(app, max_body_size=1024 * 1024)
    sockets = bind_sockets(port, address=host)
    server.add_sockets(sockets)
    return server, int(sockets[0].getsockname()[1])
