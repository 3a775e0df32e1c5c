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
    item, rest = item_and_rest(turn, args, example="/xem 12")
    # "/xem 12 2": the next older part of the history, when the first did not hold it all.
    page = int(rest) if rest.strip().isdigit() else 1
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

    def context(newer: int, shown: int) -> dict[str, Any]:
        # The newest updates that fit after the `newer` ones of earlier pages; the count of
        # the older ones and the next page's command say there are more.
        end = len(entries) - newer
        kept = entries[max(0, end - shown) : end] if shown else []
        return {
            "item": view,
            "history": kept,
            "older": end - len(kept),
            "next_page": page + 1,
            "files": files[-FILES_SHOWN:],
            "more_files": max(0, len(files) - FILES_SHOWN),
        }

    def fitting(newer: int) -> int:
        most = len(entries) - newer
        shown = fit_count(
            lambda n: render("chat/task.html", **context(newer, n)), most, limit=VIEW_CHARS
        )
        return max(1, shown) if most else 0

    newer = 0
    for _ in range(page - 1):
        step = fitting(newer)
        if newer + step >= len(entries):
            break
        newer += step
    shown = fitting(newer)
    return Response(
        replies=say(
            "task",
            buttons=buttons + file_buttons,
            occurrence_id=item.id,
            **context(newer, shown),
        )
    )


COMMAND = Command("task", ("xem", "chitiet", "chi tiet", "nv"), run, item_command=True)
