"""/done N [ghi chú] (/xong): the item is finished."""

from __future__ import annotations

from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest, several_items
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.updates import already_done, change, changed_reply
from bot.core.views import item_view
from messages import texts
from scheduler.vocabulary import Status


def run(turn: Turn, args: str) -> Response:
    numbers, note = several_items(args)
    if len(numbers) > 1 and all(turn.may_read(number) for number in numbers):
        # "xong 12 13": each item is done, none is taken for a note.
        replies = tuple(
            reply for number in numbers for reply in mark_done(turn, number, note).replies
        )
        return Response(replies=replies)
    item, note = item_and_rest(turn, args, example=texts.text("chat", "example_done"))
    return mark_done(turn, item.id, note)


def mark_done(turn: Turn, occurrence_id: int, note: str | None) -> Response:
    item = turn.changeable_item(occurrence_id)
    if already_done(item) and not note:
        return Response(
            replies=say(
                "already_done",
                item=item_view(item, turn.app.clock),
                occurrence_id=item.id,
            )
        )
    item = change(turn, item, status=Status.DONE, note=note)
    return changed_reply(turn, item, note=note)


COMMAND = Command("done", ("xong", "hoanthanh", "hoan thanh", "da xong"), run, item_command=True)
