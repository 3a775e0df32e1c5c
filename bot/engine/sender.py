"""How the reminder engine hands messages to chat channels, without knowing any channel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from messages.outgoing import OutgoingMessage


@dataclass(frozen=True)
class ChatAddress:
    channel: str
    chat_id: str


@dataclass(frozen=True)
class SentReceipt:
    """What the channel gave back: the message id, so replies and buttons can find the item."""

    message_id: str


class DeliveryError(Exception):
    """A send failed. `permanent` (bot blocked, chat gone) parks the row; otherwise retry.

    `retry_after` is the seconds the network asked us to wait (flood control), if any.
    `untried` means nothing was sent: the channel paces itself and this chat must wait
    `retry_after` seconds; it is not a failed attempt.
    """

    def __init__(
        self,
        reason: str,
        *,
        permanent: bool = False,
        retry_after: float | None = None,
        untried: bool = False,
    ):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after
        self.untried = untried


class Sender(Protocol):
    """Implemented by each channel adapter (Telegram, Zalo, console, in-memory for tests)."""

    @property
    def channel(self) -> str: ...

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt: ...
