"""Telegram messages → neutral incoming messages, with the attached file fetched to disk."""

from __future__ import annotations

import re
import unicodedata
import uuid
from pathlib import Path, PurePath

from telegram import Bot, Message, User

from bot.core.protocol import IncomingFile, IncomingMessage
from scheduler.folding import nfc
from scheduler.vocabulary import Channel

# The sender's file name is shown back and stored (a column of 255 characters); never a path.
NAME_LIMIT = 255

_COMMAND = re.compile(
    r"^/(?P<name>[A-Za-z0-9_]{1,32})(?:@(?P<bot>[A-Za-z0-9_]+))?(?P<rest>(?:\s.*)?)$", re.S
)


class FileTooLarge(Exception):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} > {limit} bytes")
        self.size = size
        self.limit = limit


def command_text(text: str, bot_username: str | None) -> str | None:
    """ "/status@OurBot 3" → "/status 3"; None when the command is meant for another bot."""
    match = _COMMAND.match(text)
    if match is None or match.group("bot") is None:
        return text
    if bot_username and match.group("bot").lower() != bot_username.lower():
        return None
    return f"/{match.group('name')}{match.group('rest')}"


def display_name(user: User) -> str:
    return user.full_name or (f"@{user.username}" if user.username else str(user.id))


def has_file(message: Message) -> bool:
    return message.document is not None or bool(message.photo)


def to_incoming(
    message: Message, *, user: User, text: str, bot_id: int, file: IncomingFile | None = None
) -> IncomingMessage:
    replied = message.reply_to_message
    # Only a reply to one of the bot's own messages can point at an item.
    reply_to = (
        str(replied.message_id)
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
        else None
    )
    return IncomingMessage(
        channel=Channel.TELEGRAM.value,
        chat_id=str(message.chat_id),
        user_id=str(user.id),
        user_name=display_name(user),
        text=text,
        is_private=message.chat.type == "private",
        reply_to_message_id=reply_to,
        quote=message.quote.text if reply_to is not None and message.quote is not None else None,
        file=file,
    )


def announced_file(message: Message) -> tuple[str, str, int | None, str | None]:
    """(file_id, the sender's name for it, announced size, MIME type) of the message's file."""
    if message.document is not None:
        document = message.document
        name = display_file_name(document.file_name or f"tep-{document.file_unique_id}")
        return document.file_id, name, document.file_size, document.mime_type
    photo = max(message.photo, key=lambda p: (p.file_size or 0, p.width * p.height))
    return photo.file_id, f"anh-{photo.file_unique_id}.jpg", photo.file_size, "image/jpeg"


async def download(
    bot: Bot, file_id: str, size: int | None, *, max_bytes: int, directory: Path
) -> Path:
    """Fetch a file to a name of our own in `directory`, refusing oversize files early.

    The sender's name never becomes a path: a long Vietnamese name passes 255 bytes, and a
    name may hold a NUL byte or a slash.
    """
    if size is not None and size > max_bytes:
        raise FileTooLarge(size, max_bytes)
    remote = await bot.get_file(file_id)
    if remote.file_size is not None and remote.file_size > max_bytes:
        raise FileTooLarge(remote.file_size, max_bytes)
    path = directory / f"tg-{uuid.uuid4().hex}"
    await remote.download_to_drive(custom_path=path)
    actual = path.stat().st_size
    if actual > max_bytes:
        path.unlink(missing_ok=True)
        raise FileTooLarge(actual, max_bytes)
    return path


def display_file_name(name: str) -> str:
    """The sender's file name as data: no directories, no control characters, NFC, bounded."""
    cleaned = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in cleaned if unicodedata.category(ch)[0] != "C")
    cleaned = nfc(cleaned).strip().lstrip(".")
    if len(cleaned) > NAME_LIMIT:
        # Shorten the stem, not the extension: the extension says what kind of file it is.
        suffix = PurePath(cleaned).suffix[:16]
        cleaned = cleaned[: NAME_LIMIT - len(suffix)] + suffix
    return cleaned or "tep"
