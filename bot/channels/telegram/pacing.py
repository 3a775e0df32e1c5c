"""Pacing reminders to Telegram's flood limits, so a busy morning meets no 429.

Telegram allows a bot about 30 messages a second overall and 20 a minute in one group; past
that it answers 429 with `retry_after`. The pacer keeps both windows itself. A wait for the
bot-wide window is short and simply awaited; a group whose minute is used up is not waited
for — the sender says "not now, try this chat again in N seconds" without calling Telegram,
so the reminder engine goes on with other chats meanwhile. After a 429 the chat is held for
the time Telegram asked.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    # A little under Telegram's own figures: network delays shift when messages arrive.
    per_bot: int = 29
    bot_window: float = 1.0
    per_group: int = 20
    group_window: float = 61.0
    # A wait up to this long is awaited; a longer one is handed back to the engine.
    longest_wait: float = 1.0


class Paced(Exception):
    """The chat may not be sent to for `wait` seconds; nothing was sent."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"paced for {wait:.1f} s")
        self.wait = wait


def is_group(chat_id: str) -> bool:
    """Telegram groups and channels have negative ids; private chats positive ones."""
    return chat_id.startswith("-")


class Pacer:
    """Sliding windows of recent sends, on an injectable clock (seconds) and sleep."""

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.limits = limits or Limits()
        self._clock = clock
        self._sleep = sleep
        self._bot: deque[float] = deque()
        self._groups: dict[str, deque[float]] = {}
        self._held: dict[str, float] = {}
        self._lock = asyncio.Lock()

    def chat_wait(self, chat_id: str) -> float:
        """Seconds until the chat's own limit (group minute, or a 429 hold) lets a message pass."""
        now = self._clock()
        wait = max(0.0, self._held.get(chat_id, now) - now)
        if is_group(chat_id):
            window = self._groups.setdefault(chat_id, deque())
            wait = max(wait, _wait(window, now, self.limits.per_group, self.limits.group_window))
        return wait

    async def acquire(self, chat_id: str) -> None:
        """Take a slot for one message to `chat_id`, or raise `Paced` when it is far off."""
        async with self._lock:
            wait = self.chat_wait(chat_id)
            if wait > self.limits.longest_wait:
                raise Paced(wait)
            while True:
                now = self._clock()
                wait = max(
                    self.chat_wait(chat_id),
                    _wait(self._bot, now, self.limits.per_bot, self.limits.bot_window),
                )
                if wait <= 0:
                    break
                await self._sleep(wait)
            now = self._clock()
            self._bot.append(now)
            if is_group(chat_id):
                self._groups[chat_id].append(now)
            self._held.pop(chat_id, None)

    def hold(self, chat_id: str, seconds: float) -> None:
        """Telegram answered 429: nothing more to this chat until it said."""
        self._held[chat_id] = self._clock() + seconds


def _wait(sent: deque[float], now: float, limit: int, window: float) -> float:
    while sent and sent[0] <= now - window:
        sent.popleft()
    if len(sent) < limit:
        return 0.0
    return sent[0] + window - now
