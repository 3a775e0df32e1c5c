"""/blocked N lý do (/vuongmac): the item is stuck, and why."""

from __future__ import annotations

from bot.core import pending
from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.updates import change, changed_reply
from bot.core.views import item_view
from messages import texts
from scheduler.vocabulary import Status


def run(turn: Turn, args: str) -> Response:
    item, reason = item_and_rest(turn, args, example=texts.text("chat", "example_blocked"))
    item = turn.changeable_item(item.id)
    if not reason:
        # The reason often comes in the next message: take it as such.
        turn.pending.expect(turn.key, pending.BLOCKED_REASON, item.id)
        return Response(
            replies=say("ask_reason", item=item_view(item, turn.app.clock), occurrence_id=item.id)
        )
    item = change(turn, item, status=Status.BLOCKED, note=reason)
    return changed_reply(turn, item, note=reason)


COMMAND = Command(
    "blocked", ("vuongmac", "vuong mac", "vuong", "kho khan", "khokhan"), run, item_command=True
)
