"""Sending neutral outgoing messages through the Zalo Bot API."""

from __future__ import annotations

from bot.channels.plain_rendering import PlainPhoto, plain_parts
from bot.channels.zalo.api import ZaloApi, ZaloApiError
from bot.engine.sender import ChatAddress, DeliveryError, SentReceipt
from messages.outgoing import OutgoingMessage
from messages.split import ZALO_LIMIT
from scheduler.vocabulary import Channel


class ZaloSender:
    """Implements `bot.engine.sender.Sender` for Zalo: plain text ≤2,000 characters a piece."""

    def __init__(self, api: ZaloApi) -> None:
        self._api = api

    @property
    def channel(self) -> str:
        return Channel.ZALO.value

    async def aclose(self) -> None:
        await self._api.aclose()

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        """Send every piece; the receipt names the last one, which carries the reply hint.

        A failure after some pieces went out still raises: the outbox will send the message
        again, and a repeated piece is better than a reminder that never arrives whole.
        """
        last_id = ""
        for part in plain_parts(message, limit=ZALO_LIMIT, channel_name="Zalo", photos_by_url=True):
            try:
                if isinstance(part, PlainPhoto):
                    last_id = await self._api.send_photo(
                        chat_id=address.chat_id, photo_url=part.url, caption=part.caption
                    )
                else:
                    last_id = await self._api.send_message(chat_id=address.chat_id, text=part.text)
            except ZaloApiError as exc:
                raise DeliveryError(
                    exc.description, permanent=exc.permanent, retry_after=exc.retry_after
                ) from None
        return SentReceipt(message_id=last_id)
