"""Reading Zalo updates (from getUpdates or the webhook) into channel-neutral messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.protocol import IncomingFile, IncomingMessage
from scheduler.folding import nfc
from scheduler.vocabulary import Channel

TEXT_EVENT = "message.text.received"
IMAGE_EVENT = "message.image.received"
STICKER_EVENT = "message.sticker.received"
UNSUPPORTED_EVENT = "message.unsupported.received"


@dataclass(frozen=True)
class ZaloUpdate:
    event_name: str
    chat_id: str
    is_private: bool
    user_id: str
    user_name: str
    text: str
    photo_url: str | None
    message_id: str
    from_bot: bool

    @property
    def is_photo(self) -> bool:
        return self.photo_url is not None

    def to_incoming(self, *, file: IncomingFile | None = None) -> IncomingMessage:
        return IncomingMessage(
            channel=Channel.ZALO.value,
            chat_id=self.chat_id,
            user_id=self.user_id,
            user_name=self.user_name,
            text=self.text,
            is_private=self.is_private,
            file=file,
        )


def parse_update(raw: Any) -> ZaloUpdate | None:
    """The update, or None when it carries no usable message (unknown shape, no sender).

    Field names vary between the docs' examples ("display_name", "first_name", "name";
    "photo_url", "photo"), so each is read from every spelling seen.
    """
    if not isinstance(raw, dict):
        return None
    message = raw.get("message")
    if not isinstance(message, dict):
        return None
    sender = message.get("from")
    chat = message.get("chat")
    if not isinstance(sender, dict) or not isinstance(chat, dict):
        return None
    user_id = _text(sender.get("id"))
    chat_id = _text(chat.get("id")) or user_id
    if not user_id or not chat_id:
        return None
    event_name = _text(raw.get("event_name"))
    photo_url = _text(message.get("photo_url")) or _text(message.get("photo"))
    if not photo_url.startswith(("https://", "http://")):
        photo_url = ""
    text = _text(message.get("text"))
    if photo_url:
        # A photo's words are its caption; they may name the item ("minh chứng 12").
        text = _text(message.get("caption")) or text
        event_name = event_name or IMAGE_EVENT
    user_name = (
        _text(sender.get("display_name"))
        or _text(sender.get("first_name"))
        or _text(sender.get("name"))
        or user_id
    )
    return ZaloUpdate(
        event_name=event_name or TEXT_EVENT,
        chat_id=chat_id,
        # Without a chat type, a chat whose id is the sender's own is a private chat.
        is_private=_text(chat.get("chat_type")).upper() == "PRIVATE"
        if chat.get("chat_type")
        else chat_id == user_id,
        user_id=user_id,
        user_name=nfc(user_name),
        text=nfc(text.strip()),
        photo_url=photo_url or None,
        message_id=_text(message.get("message_id")),
        from_bot=sender.get("is_bot") is True,
    )


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()
