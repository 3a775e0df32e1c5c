"""/blocked N lý do (/vuongmac): the item is stuck, and why."""

from __future__ import annotations

from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest
from bot.core.protocol import Response
from bot.core.turn import Turn
from bot.core.updates import change, changed_reply
from messages import texts
from messages.errors import UserFacingError
from scheduler.vocabulary import Status


def run(turn: Turn, args: str) -> Response:
    item, reason = item_and_rest(turn, args, example=texts.text("chat", "example_blocked"))
    if not reason:
        raise UserFacingError(texts.text("chat", "blocked_needs_reason", number=item.id))
    item = turn.changeable_item(item.id)
    item = change(turn, item, status=Status.BLOCKED, note=reason)
    return changed_reply(turn, item, note=reason)


COMMAND = Command(
    "blocked", ("vuongmac", "vuong mac", "kho khan", "khokhan"), run, item_command=True
)
