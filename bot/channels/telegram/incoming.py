"""Telegram messages → neutral incoming messages, with the attached file fetched to disk."""

from __future__ import annotations

import re
from pathlib import Path

from telegram import Bot, Message, User

from bot.core.protocol import IncomingFile, IncomingMessage
from scheduler.vocabulary import Channel

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
        file=file,
    )


async def download(bot: Bot, message: Message, *, max_bytes: int, directory: Path) -> IncomingFile:
    """Fetch the message's document or largest photo, refusing oversize files before download."""
    if message.document is not None:
        document = message.document
        file_id, size = document.file_id, document.file_size
        file_name = _safe_name(document.file_name or f"tep-{document.file_unique_id}")
        mime_type = document.mime_type
    else:
        photo = max(message.photo, key=lambda p: (p.file_size or 0, p.width * p.height))
        file_id, size = photo.file_id, photo.file_size
        file_name = f"anh-{photo.file_unique_id}.jpg"
        mime_type = "image/jpeg"
    if size is not None and size > max_bytes:
        raise FileTooLarge(size, max_bytes)
    remote = await bot.get_file(file_id)
    if remote.file_size is not None and remote.file_size > max_bytes:
        raise FileTooLarge(remote.file_size, max_bytes)
    path = directory / file_name
    await remote.download_to_drive(custom_path=path)
    actual = path.stat().st_size
    if actual > max_bytes:
        path.unlink(missing_ok=True)
        raise FileTooLarge(actual, max_bytes)
    return IncomingFile(path=path, file_name=file_name, mime_type=mime_type, size=actual)


def _safe_name(name: str) -> str:
    """Keep the user's file name (it helps the reader) but never a path."""
    cleaned = name.replace("\\", "/").rsplit("/", 1)[-1].strip().lstrip(".")
    return cleaned[:200] or "tep"
