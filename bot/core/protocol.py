"""Channel-neutral incoming messages: each adapter turns its updates into these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from messages.outgoing import OutgoingMessage


@dataclass(frozen=True)
class IncomingFile:
    """A file the user sent, announced before it is fetched.

    The core decides who sent it and for which item first, and only then calls `download`:
    a stranger's file, or a file shared in a group for no item, is never fetched. `path` is a
    file already on disk (the console); channels give `fetch` instead, which downloads into
    the directory the core gives it (and removes, whatever the outcome) and returns the path,
    or raises `UserFacingError`. `file_name` is the
    sender's name for it, kept as data only; `size` is the announced size, when known.
    """

    path: Path | None
    file_name: str
    mime_type: str | None
    size: int | None
    fetch: Callable[[Path], Path] | None = None

    def download(self, directory: Path) -> Path:
        """The file's content on disk, fetched now into `directory` if needed (blocks: call it
        off the loop)."""
        if self.fetch is not None:
            return self.fetch(directory)
        if self.path is None:
            raise FileNotFoundError(self.file_name)
        return self.path


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
    # The part of the replied message the person quoted (Telegram), when they chose one.
    quote: str | None = None
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
