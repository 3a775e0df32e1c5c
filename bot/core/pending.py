"""What a person is expected to send next: a file for item X, or the reason item X is blocked.

Kept in memory with a short expiry rather than in the database: it lives for minutes, a
restart only means the bot asks again which item a file is for, and each channel's updates
are handled by one process, so no other process ever needs to see it. Messages of different
chats are answered in worker threads at the same time, hence the lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from scheduler.clock import Clock

EVIDENCE = "evidence"
BLOCKED_REASON = "blocked_reason"
# An update typed for an item far from the chat, waiting for "có" (the text is kept).
CONFIRM = "confirm"
# A message naming no single item (a reply to a check-in of several lines, a near-miss
# number), waiting for the pick of one of `choices`; the message itself is kept.
PICK = "pick"
DEFAULT_TTL = timedelta(minutes=15)

Key = tuple[str, str, str]


@dataclass
class _Expectation:
    kind: str
    occurrence_id: int
    until: datetime
    text: str | None = None
    choices: tuple[int, ...] = ()
    message: Any = None


class PendingActions:
    def __init__(self, clock: Clock, ttl: timedelta = DEFAULT_TTL) -> None:
        self._clock = clock
        self._ttl = ttl
        self._items: dict[tuple[Key, str], _Expectation] = {}
        self._lock = threading.Lock()

    def expect(self, key: Key, kind: str, occurrence_id: int, text: str | None = None) -> None:
        with self._lock:
            self._prune()
            until = self._clock.now() + self._ttl
            self._items[(key, kind)] = _Expectation(kind, occurrence_id, until, text)

    def expect_pick(self, key: Key, choices: tuple[int, ...], message: Any) -> None:
        with self._lock:
            self._prune()
            until = self._clock.now() + self._ttl
            self._items[(key, PICK)] = _Expectation(
                PICK, 0, until, choices=choices, message=message
            )

    def pick_choices(self, key: Key) -> tuple[int, ...]:
        """The choices offered, while the question stands (empty: none asked)."""
        with self._lock:
            found = self._items.get((key, PICK))
            return found.choices if found is not None and found.until > self._clock.now() else ()

    def take_pick(self, key: Key, choices: tuple[int, ...]) -> Any:
        """The message waiting for one of `choices`; the wait ends. Only the question that
        offered `choices` is taken: a newer one asked meanwhile stays (None is returned)."""
        with self._lock:
            found = self._items.get((key, PICK))
            if found is None or found.choices != choices:
                return None
            del self._items[(key, PICK)]
            if found.until <= self._clock.now():
                return None
            return found.message

    def take_text(self, key: Key, kind: str) -> str | None:
        """The words kept with the expectation, which ends."""
        with self._lock:
            found = self._items.pop((key, kind), None)
            if found is None or found.until <= self._clock.now():
                return None
            return found.text

    def peek(self, key: Key, kind: str) -> int | None:
        """The item still expected (and keep expecting it: several photos may follow)."""
        with self._lock:
            return self._peek(key, kind)

    def take(self, key: Key, kind: str) -> int | None:
        # One lock for both steps: a reason sent twice at once is taken by one of them only.
        with self._lock:
            occurrence_id = self._peek(key, kind)
            self._items.pop((key, kind), None)
            return occurrence_id

    def forget(self, key: Key) -> None:
        with self._lock:
            for entry in [entry for entry in self._items if entry[0] == key]:
                del self._items[entry]

    def __len__(self) -> int:
        with self._lock:
            self._prune()
            return len(self._items)

    def _peek(self, key: Key, kind: str) -> int | None:
        found = self._items.get((key, kind))
        if found is None or found.until <= self._clock.now():
            self._items.pop((key, kind), None)
            return None
        found.until = self._clock.now() + self._ttl
        return found.occurrence_id

    def _prune(self) -> None:
        now = self._clock.now()
        for entry in [entry for entry, value in self._items.items() if value.until <= now]:
            del self._items[entry]
