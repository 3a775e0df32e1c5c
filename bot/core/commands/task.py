"""/task N (/xem): one item with its period, history and evidence files."""

from __future__ import annotations

from typing import Any

from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import evidence_view, history_view, item_view
from messages.buttons import item_buttons
from messages.checkin import one_line
from messages.leader_digest import fit_count
from messages.outgoing import Button
from messages.render import render
from storage.tracking import evidence_of, history

# One message Zalo carries whole (2,000 characters) with its line of typed replies.
VIEW_CHARS = 1850
# Plan cells and notes are shown in full up to these lengths; the plan itself has the rest.
TEXT_CHARS = {"title": 400, "expected_output": 300, "deadline_text": 300}
NOTE_CHARS = 200
FILES_SHOWN = 8


def run(turn: Turn, args: str) -> Response:
    item, _ = item_and_rest(turn, args, example="/xem 12")
    clock = turn.app.clock
    files = evidence_view(evidence_of(turn.session, occurrence_id=item.id), clock)
    buttons = item_buttons(item.id) if turn.can_change(item) else ()
    # One button per stored file sends it back (at most eight, the newest).
    file_buttons = tuple(
        (Button(f"📎 {entry['name'][:40]}", f"file:{entry['id']}"),)
        for entry in files[-FILES_SHOWN:]
    )
    view = item_view(item, clock)
    for key, limit in TEXT_CHARS.items():
        if view.get(key):
            view[key] = one_line(str(view[key]), limit)
    entries = history_view(history(turn.session, occurrence_id=item.id), clock)
    for entry in entries:
        if entry["note"]:
            entry["note"] = one_line(entry["note"], NOTE_CHARS)

    def context(shown: int) -> dict[str, Any]:
        # The newest updates that fit; the count of the older ones says there are more.
        kept = entries[len(entries) - shown :] if shown else []
        return {
            "item": view,
            "history": kept,
            "older": len(entries) - len(kept),
            "files": files[-FILES_SHOWN:],
            "more_files": max(0, len(files) - FILES_SHOWN),
        }

    shown = fit_count(
        lambda n: render("chat/task.html", **context(n)), len(entries), limit=VIEW_CHARS
    )
    return Response(
        replies=say(
            "task",
            buttons=buttons + file_buttons,
            occurrence_id=item.id,
            **context(shown),
        )
    )


COMMAND = Command("task", ("xem", "chitiet", "chi tiet", "nv"), run, item_command=True)
