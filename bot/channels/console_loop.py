"""Reading lines from a terminal (or a pipe) and feeding them to a console chat."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Protocol

from messages.render import render

QUIT_WORDS = (":quit", ":q", ":thoat", ":exit")


class Chat(Protocol):
    async def say(self, line: str) -> object: ...


async def read_line(prompt: str) -> str | None:
    """One line from stdin without blocking the event loop; None at end of input."""
    # Piped input is a script: a prompt would only clutter the transcript.
    shown = prompt if sys.stdin.isatty() else ""
    try:
        return await asyncio.to_thread(input, shown)
    except EOFError:
        return None


async def chat_loop(
    chat: Chat,
    *,
    write: Callable[[str], None],
    prompt: Callable[[], str],
    extra: Callable[[str], Awaitable[bool]] | None = None,
) -> None:
    """Until :quit or end of input: console commands first, then `extra`, then the core."""
    while True:
        line = await read_line(prompt())
        if line is None:
            return
        word = line.strip().lower()
        if word in QUIT_WORDS:
            return
        if word in (":help", ":h", ":?"):
            write(render("channels/console_help.txt"))
            continue
        if extra is not None and await extra(line):
            continue
        await chat.say(line)
