"""Starting the Zalo channel inside `nhacviec run`: long polling, or a webhook when configured."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from urllib.parse import urlsplit

from bot.channels.zalo.api import ZaloApi, ZaloApiError
from bot.channels.zalo.dispatch import ConversationHandler, ZaloDispatcher
from bot.channels.zalo.polling import ZaloPoller, wait_for_bot
from bot.channels.zalo.sender import ZaloSender
from bot.channels.zalo.webhook import MAX_SECRET, MIN_SECRET, ZaloWebhook, serve_webhook
from bot.context import AppContext
from messages.errors import ConfigurationError
from messages.render import render

log = logging.getLogger(__name__)

# Where the webhook listens; a reverse proxy terminates HTTPS for ZALO_WEBHOOK_URL and
# forwards to this port.
WEBHOOK_LISTEN_HOST = "0.0.0.0"
WEBHOOK_LISTEN_PORT = 8444


def zalo_api(app: AppContext) -> ZaloApi | None:
    """A client for the configured bot, or None when ZALO_BOT_TOKEN is not set."""
    token = app.settings.zalo_bot_token
    if token is None or not token.get_secret_value().strip():
        return None
    return ZaloApi(token.get_secret_value().strip(), base_url=app.settings.zalo_api_base_url)


def zalo_sender(app: AppContext) -> ZaloSender | None:
    """The reminder engine's sender for Zalo chats, when Zalo is configured."""
    api = zalo_api(app)
    return ZaloSender(api) if api is not None else None


async def run_zalo(app: AppContext, conversation: ConversationHandler, stop: asyncio.Event) -> None:
    """Serve Zalo users until `stop` is set. Does nothing when Zalo is not configured."""
    api = zalo_api(app)
    if api is None:
        return
    settings = app.settings
    dispatcher = ZaloDispatcher(
        api, conversation, max_upload_bytes=settings.max_upload_mb * 1024 * 1024
    )
    try:
        if settings.zalo_webhook_url:
            await _run_webhook(app, api, dispatcher, stop)
        else:
            # A webhook left by an earlier deployment would keep getUpdates empty.
            with contextlib.suppress(ZaloApiError):
                await api.delete_webhook()
            await ZaloPoller(api, dispatcher).run(stop)
    finally:
        await api.aclose()


async def _run_webhook(
    app: AppContext, api: ZaloApi, dispatcher: ZaloDispatcher, stop: asyncio.Event
) -> None:
    url = app.settings.zalo_webhook_url or ""
    secret_value = app.settings.zalo_webhook_secret
    secret = secret_value.get_secret_value() if secret_value is not None else ""
    if not MIN_SECRET <= len(secret) <= MAX_SECRET:
        raise ConfigurationError(render("channels/zalo_webhook_secret_missing.txt"))
    webhook = ZaloWebhook(dispatcher, secret=secret)
    server, _ = serve_webhook(
        webhook,
        host=WEBHOOK_LISTEN_HOST,
        port=WEBHOOK_LISTEN_PORT,
        path=urlsplit(url).path or "/",
    )
    try:
        if await wait_for_bot(api, stop) is None:
            return
        await api.set_webhook(url=url, secret_token=secret)
        log.info("Zalo webhook set; listening on port %d", WEBHOOK_LISTEN_PORT)
        await stop.wait()
    finally:
        server.stop()
        await webhook.drain()
