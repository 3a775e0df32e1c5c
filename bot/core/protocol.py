"""Channel-neutral incoming messages: each adapter turns its updates into these."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from messages.outgoing import OutgoingMessage


@dataclass(frozen=True)
class IncomingFile:
    """A file the user sent; `path` is where the adapter downloaded it (temporary)."""

    path: Path
    file_name: str
    mime_type: str | None
    size: int


@dataclass(frozen=True)
class IncomingMessage:
    channel: str  # "telegram" | "zalo" | "console"
    chat_id: str
    user_id: str
    user_name: str
    text: str = ""
    is_private: bool = True
    # The id of the bot message this one replies to, when it is a reply.
    reply_to_message_id: str | None = None
    # A button press carries its action string instead of text.
    action: str | None = None
    file: IncomingFile | None = None


@dataclass(frozen=True)
class Response:
    """What the core answers to one incoming message or button press.

    `replies` are new messages to the same chat; `edit` replaces the message that carried the
    pressed button (Telegram edits it, other channels send it as a new message); `toast` is
    the short notice a button press shows (Telegram answerCallbackQuery).
    """

    replies: tuple[OutgoingMessage, ...] = ()
    edit: OutgoingMessage | None = None
    toast: str | None = None
