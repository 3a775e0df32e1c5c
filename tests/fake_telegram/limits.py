"""Telegram's flood limits as the fake Bot API enforces them, on a clock the test controls.

At most 30 messages in any second from one bot, and at most 20 in any minute to one group;
beyond, the call fails with 429 and `retry_after`, the whole seconds until it would pass.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

PER_BOT, BOT_WINDOW = 30, 1.0
PER_GROUP, GROUP_WINDOW = 20, 60.0


class FloodLimits:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._bot: deque[float] = deque()
        self._groups: dict[int, deque[float]] = {}
        self.accepted = 0
        self.refused = 0
        self.first_accepted: float | None = None
        self.last_accepted: float | None = None

    def admit(self, chat_id: int) -> int | None:
        """Record a message to `chat_id` and return None, or refuse it: seconds to wait."""
        now = self._clock()
        wait = _wait(self._bot, now, PER_BOT, BOT_WINDOW)
        group = self._groups.setdefault(chat_id, deque()) if chat_id < 0 else None
        if group is not None:
            wait = max(wait, _wait(group, now, PER_GROUP, GROUP_WINDOW))
        if wait > 0:
            self.refused += 1
            return max(1, math.ceil(wait))
        self._bot.append(now)
        if group is not None:
            group.append(now)
        self.accepted += 1
        if self.first_accepted is None:
            self.first_accepted = now
        self.last_accepted = now
        return None


def _wait(sent: deque[float], now: float, limit: int, window: float) -> float:
    while sent and sent[0] <= now - window:
        sent.popleft()
    if len(sent) < limit:
        return 0.0
    return sent[0] + window - now
