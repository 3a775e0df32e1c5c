"""/task N (/xem): one item with its period, history and evidence files."""

from __future__ import annotations

from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import evidence_view, history_view, item_view
from messages.buttons import item_buttons
from messages.outgoing import Button
from storage.tracking import evidence_of, history


def run(turn: Turn, args: str) -> Response:
    item, _ = item_and_rest(turn, args, example="/xem 12")
    clock = turn.app.clock
    files = evidence_view(evidence_of(turn.session, occurrence_id=item.id), clock)
    buttons = item_buttons(item.id) if turn.can_change(item) else ()
    # One button per stored file sends it back (at most eight, the newest).
    file_buttons = tuple(
        (Button(f"📎 {entry['name'][:40]}", f"file:{entry['id']}"),) for entry in files[-8:]
    )
    return Response(
        replies=say(
            "task",
            item=item_view(item, clock),
            history=history_view(history(turn.session, occurrence_id=item.id), clock),
            files=files,
            buttons=buttons + file_buttons,
            occurrence_id=item.id,
        )
    )


COMMAND = Command("task", ("xem", "chitiet", "chi tiet", "nv"), run, item_command=True)
