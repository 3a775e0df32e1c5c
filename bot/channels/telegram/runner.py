"""Building the python-telegram-bot Application and running it inside our own event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any

from telegram import BotCommand
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ExtBot
from telegram.request import BaseRequest
from tornado.httpserver import HTTPServer

from bot.channels.telegram.bridge import ConversationPort, TelegramBridge
from bot.channels.telegram.config import (
    WebhookConfig,
    download_limit,
    file_base_url,
    webhook_config,
)
from bot.channels.telegram.ordering import PerChatOrder
from bot.channels.telegram.pacing import Pacer
from bot.channels.telegram.sender import TelegramSender
from bot.channels.telegram.webhook import TelegramWebhook, serve_webhook
from bot.settings import Settings
from messages.errors import ConfigurationError
from messages.render import render

log = logging.getLogger(__name__)

# The update kinds the bridge handles; chat_member would need admin rights we do not ask for.
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
# Conversation replies wait out a short flood-control pause instead of failing.
RATE_LIMIT_RETRIES = 2
POLL_TIMEOUT_SECONDS = 10
MAX_CONNECT_BACKOFF_SECONDS = 60.0
MAX_CONCURRENT_UPDATES = 8

TelegramApplication = Application[Any, Any, Any, Any, Any, Any]


def bot_token(settings: Settings) -> str:
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value():
        raise ConfigurationError(render("telegram/config_token_missing.txt"))
    return settings.telegram_bot_token.get_secret_value().strip()


def build_bot(settings: Settings, *, request: BaseRequest | None = None) -> ExtBot[int]:
    """A rate-limited Bot on the configured API server, for senders outside `nhacviec run`."""
    api_url = settings.telegram_api_base_url.rstrip("/")
    return ExtBot(
        bot_token(settings),
        base_url=api_url,
        base_file_url=file_base_url(api_url, settings.telegram_file_base_url),
        request=request,
        rate_limiter=AIORateLimiter(max_retries=0),
    )


def sender_from_settings(settings: Settings) -> TelegramSender:
    """For one-shot commands (`nhacviec tick`): call `close()` when done."""
    return TelegramSender(build_bot(settings), pacer=Pacer())


def build_application(
    settings: Settings,
    conversation: ConversationPort,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    rate_limited: bool = True,
) -> TelegramApplication:
    """The bot for `nhacviec run`; `rate_limited=False` only to measure the adapter itself."""
    api_url = settings.telegram_api_base_url.rstrip("/")
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(bot_token(settings))
        .base_url(api_url)
        .base_file_url(file_base_url(api_url, settings.telegram_file_base_url))
        # Reminders run on our own scheduler, which reads the database.
        .job_queue(None)
        .concurrent_updates(PerChatOrder(MAX_CONCURRENT_UPDATES))
    )
    if rate_limited:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application = builder.build()
    TelegramBridge(conversation, max_upload_bytes=download_limit(settings)).register(application)
    return application


class TelegramRunner:
    """Runs the bot until told to stop: long polling, or a webhook with a secret token."""

    def __init__(
        self,
        application: TelegramApplication,
        *,
        commands: Sequence[tuple[str, str]],
        webhook: WebhookConfig | None = None,
    ) -> None:
        self._application = application
        self._commands = list(commands)
        self._webhook = webhook
        # Reminders keep to Telegram's flood limits; the engine goes on with other chats.
        self._sender = TelegramSender(application.bot, pacer=Pacer())

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        conversation: ConversationPort,
        *,
        commands: Sequence[tuple[str, str]],
    ) -> TelegramRunner:
        return cls(
            build_application(settings, conversation),
            commands=commands,
            webhook=webhook_config(settings),
        )

    @property
    def channel(self) -> str:
        return self._sender.channel

    @property
    def sender(self) -> TelegramSender:
        """Shares the running bot's connection and rate limiter with the reminder engine."""
        return self._sender

    async def run(self, stop: asyncio.Event) -> None:
        """Serve Telegram until `stop` is set; start-up waits out a network that is down."""
        application = self._application
        if not await self._connect(stop):
            return
        try:
            await self._register_commands()
            server: HTTPServer | None = None
            updater = application.updater
            assert updater is not None
            await application.start()
            try:
                if self._webhook is None:
                    await updater.start_polling(
                        timeout=POLL_TIMEOUT_SECONDS, allowed_updates=ALLOWED_UPDATES
                    )
                    log.info("Telegram bot @%s ready (long polling)", application.bot.username)
                else:
                    server = await self._start_webhook(self._webhook)
                    log.info("Telegram bot @%s ready (webhook)", application.bot.username)
                await stop.wait()
            finally:
                if server is not None:
                    server.stop()
                if updater.running:
                    await updater.stop()
                if application.running:
                    await application.stop()
        finally:
            await application.shutdown()

    async def _start_webhook(self, hook: WebhookConfig) -> HTTPServer:
        """Our own endpoint (constant-time secret check) first, then tell Telegram about it."""
        endpoint = TelegramWebhook(self._application, secret_token=hook.secret_token)
        server, _ = serve_webhook(endpoint, host=hook.listen, port=hook.port, path=hook.url_path)
        try:
            await self._application.bot.set_webhook(
                url=hook.url, secret_token=hook.secret_token, allowed_updates=ALLOWED_UPDATES
            )
        except BaseException:
            server.stop()
            raise
        return server

    async def _connect(self, stop: asyncio.Event) -> bool:
        """getMe until it works; False when told to stop first. A refused token is fatal."""
        delay = 1.0
        while not stop.is_set():
            try:
                await self._application.initialize()
                return True
            except InvalidToken as exc:
                raise ConfigurationError(render("telegram/token_refused.txt")) from exc
            except NetworkError as exc:
                log.warning("Telegram unreachable (%s); retrying in %.0f s", exc, delay)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=delay)
                delay = min(delay * 2, MAX_CONNECT_BACKOFF_SECONDS)
        return False

    async def _register_commands(self) -> None:
        commands = [BotCommand(name, description) for name, description in self._commands]
        try:
            await self._application.bot.set_my_commands(commands)
        except TelegramError as exc:
            # The menu is a convenience: the bot still works if Telegram refuses it.
            log.warning("setMyCommands failed: %s", exc)
