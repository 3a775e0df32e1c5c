"""Handling one Zalo update: read it, fetch its photo, ask the core, send the answer.

Updates of one chat are handled one after another, in the order they arrived ("vuongmac 12"
before the reason that follows it); different chats are handled at the same time, so one
leader's heavy report does not keep everybody else waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Protocol

from bot.channels.zalo.api import ZaloApi, ZaloApiError
from bot.channels.zalo.download import PhotoTooLarge, PhotoUnavailable, download_photo
from bot.channels.zalo.sender import ZaloSender
from bot.channels.zalo.updates import (
    STICKER_EVENT,
    UNSUPPORTED_EVENT,
    ZaloUpdate,
    parse_update,
)
from bot.core.protocol import IncomingFile, IncomingMessage, Response
from bot.engine.sender import ChatAddress, DeliveryError
from messages.errors import UserFacingError
from messages.outgoing import OutgoingMessage
from messages.render import render
from scheduler.vocabulary import Channel

log = logging.getLogger(__name__)

_RECENT_LIMIT = 1000
# How long the core waits for a photo it asked for.
DOWNLOAD_TIMEOUT_SECONDS = 120


class ConversationHandler(Protocol):
    """The part of the conversation core a channel needs."""

    async def handle(self, message: IncomingMessage) -> Response: ...


class ZaloDispatcher:
    def __init__(
        self,
        api: ZaloApi,
        conversation: ConversationHandler,
        *,
        max_upload_bytes: int,
    ) -> None:
        self._api = api
        self._sender = ZaloSender(api)
        self._conversation = conversation
        self._max_upload_bytes = max_upload_bytes
        # Recently handled (chat, message) ids: a webhook delivery Zalo retries, or an update
        # seen by both a poll and a webhook during a switch, is handled once.
        self._recent: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._chat_turns: dict[str, asyncio.Lock] = {}
        self._queued: dict[str, int] = {}

    @property
    def sender(self) -> ZaloSender:
        return self._sender

    async def dispatch(self, raw: Any) -> None:
        """Handle one update; never raises, so one bad update cannot stop the channel."""
        update = parse_update(raw)
        if update is None:
            log.warning("Zalo update without a usable message skipped")
            return
        if update.from_bot or update.event_name == STICKER_EVENT:
            return
        if self._seen(update.chat_id, update.message_id):
            log.info("Zalo message %s handled already; skipped", update.message_id)
            return
        async with self._turn_of(update.chat_id):
            await self._handle(update)

    async def _handle(self, update: ZaloUpdate) -> None:
        address = ChatAddress(Channel.ZALO.value, update.chat_id)
        try:
            if update.event_name == UNSUPPORTED_EVENT and not update.is_photo:
                await self._say(address, render("channels/zalo_unsupported.txt"))
                return
            file = self._announced(address, update) if update.photo_url is not None else None
            response = await self._conversation.handle(update.to_incoming(file=file))
            await self.deliver(address, response)
        except DeliveryError as exc:
            log.warning("Zalo reply to chat %s failed: %s", update.chat_id, exc.reason)
        except Exception:
            log.exception("Zalo update from chat %s failed", update.chat_id)
            with contextlib.suppress(DeliveryError):
                await self._say(address, render("channels/internal_error.txt"))

    @contextlib.asynccontextmanager
    async def _turn_of(self, chat_id: str) -> AsyncIterator[None]:
        # asyncio.Lock wakes its waiters first come, first served: arrival order is kept.
        lock = self._chat_turns.setdefault(chat_id, asyncio.Lock())
        self._queued[chat_id] = self._queued.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            # Idle chats are forgotten: the table stays as small as the number of busy chats.
            self._queued[chat_id] -= 1
            if not self._queued[chat_id]:
                del self._queued[chat_id]
                del self._chat_turns[chat_id]

    def _seen(self, chat_id: str, message_id: str) -> bool:
        if not message_id:
            return False
        key = (chat_id, message_id)
        if key in self._recent:
            return True
        self._recent[key] = None
        if len(self._recent) > _RECENT_LIMIT:
            self._recent.popitem(last=False)
        return False

    async def deliver(self, address: ChatAddress, response: Response) -> None:
        """Zalo cannot edit a message or show a toast: both become new messages."""
        messages = list(response.replies)
        if response.edit is not None:
            messages.append(response.edit)
        if not messages and response.toast:
            messages.append(OutgoingMessage(text=response.toast))
        for message in messages:
            await self._sender.send(address, message)

    def _announced(self, address: ChatAddress, update: ZaloUpdate) -> IncomingFile:
        """The update's photo, fetched only once the core has decided it wants it."""
        assert update.photo_url is not None
        url = update.photo_url
        loop = asyncio.get_running_loop()
        name = f"zalo-{update.message_id or 'anh'}"

        def fetch(directory: Path) -> Path:
            future = asyncio.run_coroutine_threadsafe(
                self._fetch_photo(address, url, directory), loop
            )
            try:
                return future.result(timeout=DOWNLOAD_TIMEOUT_SECONDS)
            except PhotoTooLarge as exc:
                raise UserFacingError(
                    render(
                        "channels/photo_too_large.txt",
                        size_mb=_megabytes(exc.size),
                        limit_mb=_megabytes(exc.limit),
                    )
                ) from None
            except (PhotoUnavailable, TimeoutError) as exc:
                log.warning("Zalo photo download failed: %s", exc)
                raise UserFacingError(render("channels/photo_unavailable.txt")) from None

        # Zalo announces no size before the download; the name is ours, the type a photo.
        return IncomingFile(
            path=None, file_name=f"{name}.jpg", mime_type="image/jpeg", size=None, fetch=fetch
        )

    async def _fetch_photo(self, address: ChatAddress, url: str, directory: Path) -> Path:
        # Only a courtesy while the photo downloads; its failure must not lose the photo.
        with contextlib.suppress(ZaloApiError):
            await self._api.send_chat_action(chat_id=address.chat_id, action="typing")
        photo = await download_photo(
            self._api.client,
            url,
            max_bytes=self._max_upload_bytes,
            name_hint="anh",
            directory=directory,
        )
        assert photo.path is not None
        return photo.path

    async def _say(self, address: ChatAddress, text: str) -> None:
        await self._sender.send(address, OutgoingMessage(text=text))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")
