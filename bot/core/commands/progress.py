"""/progress N phần_trăm [ghi chú] (/tiendo): how far along the item is."""

from __future__ import annotations

from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest
from bot.core.parsing import split_percent
from bot.core.protocol import Response
from bot.core.turn import Turn
from bot.core.updates import change, changed_reply
from messages import texts
from messages.errors import UserFacingError
from scheduler.vocabulary import Status


def run(turn: Turn, args: str) -> Response:
    item, rest = item_and_rest(
        turn, args, example=texts.text("chat", "example_progress"), percent_follows=True
    )
    percent, note = split_percent(rest)
    if percent is None:
        raise UserFacingError(texts.text("chat", "progress_needs_percent"))
    if percent > 100:
        raise UserFacingError(texts.text("chat", "percent_invalid"))
    item = turn.changeable_item(item.id)
    item = change(turn, item, status=Status.IN_PROGRESS, percent=percent, note=note or None)
    return changed_reply(turn, item, note=note or None)


COMMAND = Command("progress", ("tiendo", "tien do", "danglam", "dang lam"), run, item_command=True)
