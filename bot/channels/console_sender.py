"""A sender that prints messages to a terminal: the channel when no chat network is configured."""

from __future__ import annotations

import sys
import uuid
from typing import TextIO

from bot.channels.console import console_text
from bot.engine.sender import ChatAddress, SentReceipt
from messages.outgoing import OutgoingMessage
from scheduler.vocabulary import Channel


class ConsoleSender:
    """Prints each message as the chat would show it, under a line naming the chat."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    @property
    def channel(self) -> str:
        return Channel.CONSOLE.value

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        stream = self._stream or sys.stdout
        stream.write(f"──── {address.channel}:{address.chat_id} ────\n")
        stream.write(console_text(message).rstrip() + "\n\n")
        stream.flush()
        # Unique across restarts: message ids key the replies to this message.
        return SentReceipt(message_id=uuid.uuid4().hex)
