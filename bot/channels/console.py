"""The console channel: a terminal chat with the same conversation core as Telegram and Zalo."""

from __future__ import annotations

import mimetypes
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from bot.channels.plain_rendering import plain_text
from bot.core.protocol import IncomingFile, IncomingMessage, Response
from messages.outgoing import OutgoingMessage
from messages.render import render
from scheduler.vocabulary import Channel

CONSOLE = Channel.CONSOLE.value


class ConversationHandler(Protocol):
    async def handle(self, message: IncomingMessage) -> Response: ...


def console_text(message: OutgoingMessage) -> str:
    """A message as the console shows it: plain words, typed-reply hint, local file path."""
    text = plain_text(
        OutgoingMessage(
            text=message.text, buttons=message.buttons, html=message.html, extra=message.extra
        ),
        channel_name="console",
        photos_by_url=False,
    )
    if message.attachment is not None:
        line = render(
            "channels/console_file.txt",
            file_name=message.attachment.file_name,
            path=str(message.attachment.path),
            is_photo=message.attachment.is_photo,
        )
        text = f"{text}\n\n{line}" if text else line
    return text


def response_messages(response: Response) -> list[OutgoingMessage]:
    """A console cannot edit or toast: both are shown as new messages."""
    messages = list(response.replies)
    if response.edit is not None:
        messages.append(response.edit)
    if not messages and response.toast:
        messages.append(OutgoingMessage(text=response.toast))
    return messages


class ConsoleChat:
    """One person typing in one chat; `write` receives each block of text to show."""

    def __init__(
        self,
        conversation: ConversationHandler,
        *,
        user_id: str,
        user_name: str,
        chat_id: str | None = None,
        is_private: bool = True,
        write: Callable[[str], None],
    ) -> None:
        self._conversation = conversation
        self.user_id = user_id
        self.user_name = user_name
        self.chat_id = chat_id or user_id
        self.is_private = is_private
        self._write = write

    async def say(self, line: str) -> Response | None:
        """Send one typed line (or a `:file` line) and show the answer; None when nothing sent."""
        line = line.strip()
        if not line:
            return None
        file: IncomingFile | None = None
        text = line
        if line.startswith(":file"):
            parsed = self._file_line(line)
            if parsed is None:
                return None
            file, text = parsed
        response = await self._conversation.handle(
            IncomingMessage(
                channel=CONSOLE,
                chat_id=self.chat_id,
                user_id=self.user_id,
                user_name=self.user_name,
                text=text,
                is_private=self.is_private,
                file=file,
            )
        )
        for message in response_messages(response):
            self._write(console_text(message))
        return response

    def _file_line(self, line: str) -> tuple[IncomingFile, str] | None:
        try:
            words = shlex.split(line[len(":file") :])
        except ValueError:
            words = line[len(":file") :].split()
        path = Path(words[0]).expanduser() if words else None
        if path is None or not path.is_file():
            self._write(render("channels/console_file_missing.txt", path=str(path) if path else ""))
            return None
        mime, _ = mimetypes.guess_type(path.name)
        incoming = IncomingFile(
            path=path.resolve(), file_name=path.name, mime_type=mime, size=path.stat().st_size
        )
        return incoming, " ".join(words[1:])
