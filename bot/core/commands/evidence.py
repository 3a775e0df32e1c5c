"""/evidence N (/minhchung): the next file this person sends is the proof of item N."""

from __future__ import annotations

from bot.core import pending
from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import item_view


def run(turn: Turn, args: str) -> Response:
    item, _ = item_and_rest(turn, args, example="/minhchung 12")
    return ask_for_file(turn, item.id)


def ask_for_file(turn: Turn, occurrence_id: int) -> Response:
    item = turn.changeable_item(occurrence_id)
    turn.pending.expect(turn.key, pending.EVIDENCE, item.id)
    return Response(
        replies=say(
            "evidence_prompt",
            item=item_view(item, turn.app.clock),
            channel=turn.message.channel,
            max_mb=turn.app.settings.max_upload_mb,
            occurrence_id=item.id,
        )
    )


COMMAND = Command(
    "evidence", ("minhchung", "minh chung", "guifile", "gui minh chung"), run, item_command=True
)
