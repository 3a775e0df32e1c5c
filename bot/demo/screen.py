"""The demo's chat window: every message the engine sends is printed as the chat would show it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from bot.channels.console import console_text
from bot.engine.sender import ChatAddress, SentReceipt
from messages.outgoing import OutgoingMessage
from messages.render import render
from scheduler.clock import Clock
from scheduler.vocabulary import Channel


class DemoScreen:
    """A `bot.engine.sender.Sender` for the console chats of the demo."""

    def __init__(
        self, clock: Clock, *, titles: dict[str, str], write: Callable[[str], None]
    ) -> None:
        self._clock = clock
        self._titles = titles
        self._write = write
        self.sent = 0
        self.per_chat: Counter[str] = Counter()
        # Items reminded in each chat, newest last: the scripted staff member answers one.
        self.reminded: dict[str, list[int]] = {}

    @property
    def channel(self) -> str:
        return Channel.CONSOLE.value

    async def send(self, address: ChatAddress, message: OutgoingMessage) -> SentReceipt:
        title = self._titles.get(address.chat_id, address.chat_id)
        header = render("demo/header.txt", when=self._clock.now(), chat=title)
        self._write(f"{header}\n{console_text(message)}\n")
        self.sent += 1
        self.per_chat[title] += 1
        # A "done" button means the chat's unit can close the item itself.
        for row in message.buttons:
            for button in row:
                kind, _, ref = button.action.partition(":")
                if kind == "done" and ref.isdigit():
                    self.reminded.setdefault(address.chat_id, []).append(int(ref))
        return SentReceipt(message_id=f"demo-{self.sent}")
