"""The reminder engine's way out to Telegram: one Sender over a python-telegram-bot Bot."""

from __future__ import annotations

import asyncio
import logging
import warnings
from datetime import timedelta

from telegram import Bot
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TelegramError,
)
from telegram.warnings import PTBDeprecationWarning

from bot.channels.telegram import outgoing
from bot.channels.telegram.pacing import Paced, Pacer
from bot.engine.sender import ChatAddress, DeliveryError, SentReceipt
from messages.outgoing import OutgoingMessage
from scheduler.vocabulary import Channel

log = logging.getLogger(__name__)


class TelegramSender:
    """Implements `bot.engine.sender.Sender`; Bot API errors become `DeliveryError`s.

    With a `pacer`, messages keep to Telegram's flood limits: a chat whose limit is reached
    is refused untried (`DeliveryError.untried`) with the seconds to wait.
    """

    def __init__(self, bot: Bot, *, pacer: Pacer | None = None) -> None:
        self._bot = bot
        self._ready = asyncio.Lock()
        self._pacer = pacer

    @property
    def channel(self) -> str:
        return Channel.TELEGRAM.value

    @property
    def bot(self) -> Bot:
        return self._bot

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        if address.channel != self.channel:
            raise DeliveryError(f"not a Telegram address: {address.channel}", permanent=True)
        try:
            await self._initialize()
            if self._pacer is not None:
                await self._pacer.acquire(address.chat_id)
            sent = await outgoing.send(self._bot, address.chat_id, message)
        except Paced as exc:
            raise DeliveryError(
                "paced to Telegram's limits", retry_after=exc.wait, untried=True
            ) from None
        except TelegramError as exc:
            error = delivery_error(exc)
            if self._pacer is not None and error.retry_after:
                self._pacer.hold(address.chat_id, error.retry_after)
            raise error from exc
        except OSError as exc:
            # The attachment vanished from disk: retrying cannot bring it back.
            raise DeliveryError(f"attachment unreadable: {exc}", permanent=True) from exc
        return SentReceipt(message_id=str(sent.message_id))

    async def aclose(self) -> None:
        """Release the HTTP connections (only needed for a sender made with `from_settings`)."""
        await self._bot.shutdown()

    async def _initialize(self) -> None:
        async with self._ready:
            # Idempotent in python-telegram-bot; the lock stops two first sends racing.
            await self._bot.initialize()


def delivery_error(exc: TelegramError) -> DeliveryError:
    """Blocked, kicked, missing chats and rejected requests are permanent; the rest retry."""
    if isinstance(exc, RetryAfter):
        with warnings.catch_warnings():
            # PTB warns that the type will become timedelta; both types are handled here.
            warnings.simplefilter("ignore", PTBDeprecationWarning)
            wait = exc.retry_after
        seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
        return DeliveryError(f"flood control: {exc.message}", retry_after=seconds)
    if isinstance(exc, Forbidden):
        return DeliveryError(f"forbidden: {exc.message}", permanent=True)
    if isinstance(exc, ChatMigrated):
        return DeliveryError(
            f"group became supergroup {exc.new_chat_id}; link the new chat", permanent=True
        )
    if isinstance(exc, BadRequest):
        # A request Telegram refuses (chat not found, bad HTML, …) fails the same way again.
        return DeliveryError(f"rejected: {exc.message}", permanent=True)
    if isinstance(exc, InvalidToken):
        return DeliveryError("the bot token was refused")
    return DeliveryError(f"network: {exc.message}")
