"""What a command is: a name, the words that call it and who may use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bot.core.protocol import Response
from bot.core.turn import Turn


class Access(StrEnum):
    ANYONE = "anyone"  # also people not linked yet (/start CODE, /link CODE, /help)
    MEMBER = "member"  # a linked person or anyone in a linked chat
    LEADER = "leader"  # leaders, admins, and anyone in the leaders' chat
    ADMIN = "admin"


@dataclass(frozen=True)
class Command:
    name: str
    # Folded (no accents, lower case) spellings; each may be one or several words.
    aliases: tuple[str, ...]
    run: Callable[[Turn, str], Response]
    access: Access = Access.MEMBER
    # Without a slash in a group, only commands about one numbered item are read, so that
    # everyday chatter ("xong rồi nhé") never triggers the bot.
    item_command: bool = False
