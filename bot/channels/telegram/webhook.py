"""Receiving Telegram updates by webhook, with the secret token checked in constant time.

Telegram sends the secret given to setWebhook in `X-Telegram-Bot-Api-Secret-Token`.
python-telegram-bot's own webhook server compares it with `!=`, whose time depends on how many
leading characters match; this endpoint checks it with `hmac.compare_digest` before anything
else, then hands the update to the application's queue as polling would.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Mapping
from typing import Any

from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application as TornadoApplication
from tornado.web import RequestHandler

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# An update is small; a large body is not from Telegram.
MAX_BODY_BYTES = 1024 * 1024


class TelegramWebhook:
    """The checks of one webhook request, independent of the HTTP server."""

    def __init__(
        self, application: Application[Any, Any, Any, Any, Any, Any], *, secret_token: str
    ) -> None:
        if not secret_token:
            raise ValueError("a webhook needs a secret token")
        self._application = application
        self._secret = secret_token.encode()

    def accept(self, headers: Mapping[str, str], body: bytes) -> int:
        """The HTTP status to answer; an accepted update is queued for the application."""
        given = headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            return 403
        try:
            data = json.loads(body or b"null")
        except ValueError:
            return 400
        if not isinstance(data, dict):
            return 400
        update = Update.de_json(data, self._application.bot)
        self._application.update_queue.put_nowait(update)
        return 200


class _Endpoint(RequestHandler):
    def initialize(self, webhook: TelegramWebhook) -> None:
        self._webhook = webhook

    def post(self) -> None:
        status = self._webhook.accept(self.request.headers, self.request.body)
        self.set_status(status)
        self.finish()

    def log_exception(self, *args: Any) -> None:
        log.warning("Telegram webhook request failed")


def serve_webhook(
    webhook: TelegramWebhook, *, host: str, port: int, path: str
) -> tuple[HTTPServer, int]:
    """Listen on host:port (0 picks a free port) for POSTs to `path`; gives the bound port."""
    route = "/" + path.lstrip("/")
    app = TornadoApplication([(route, _Endpoint, {"webhook": webhook})])
    server = HTTPServer(app, max_body_size=MAX_BODY_BYTES)
    sockets = bind_sockets(port, address=host)
    server.add_sockets(sockets)
    return server, int(sockets[0].getsockname()[1])
