"""/task N (/xem): one item with its period, history and evidence files."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from bot.core.commands.base import Command
from bot.core.commands.items import item_and_rest
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import evidence_view, history_view, item_view
from messages.buttons import item_buttons
from messages.fitting import fit_count
from messages.outgoing import Button
from messages.render import render
from storage.tracking import evidence_of, history

# One message Zalo carries whole (2,000 characters) with its line of typed replies.
VIEW_CHARS = 1850
FILES_SHOWN = 8
# A file name as listed and on its button: long enough to tell files apart.
FILE_NAME_CHARS = 40
_PAGE = re.compile(r"[0-9]{1,4}")


def run(turn: Turn, args: str) -> Response:
    item, rest = item_and_rest(turn, args, example="/xem 12")
    # "/xem 12 2": the next older part of the history, when the first did not hold it all.
    wanted = max(1, int(rest.strip())) if _PAGE.fullmatch(rest.strip()) else 1
    clock = turn.app.clock
    stored = evidence_view(evidence_of(turn.session, occurrence_id=item.id), clock)
    files = [{**entry, "name": short_name(entry["name"])} for entry in stored[-FILES_SHOWN:]]
    buttons = item_buttons(item.id) if turn.can_change(item) else ()
    view = item_view(item, clock)
    entries = history_view(history(turn.session, occurrence_id=item.id), clock)
    page = 1

    def context(newer: int, shown: int, listed: int | None = None) -> dict[str, Any]:
        # The newest updates that fit after the `newer` ones of earlier pages; the count of
        # the older ones and the next page's command say there are more. Files are listed on
        # the first page only, so later pages have room for the history.
        if listed is None:
            listed = len(files) if page == 1 else 0
        end = len(entries) - newer
        kept = entries[max(0, end - shown) : end] if shown else []
        return {
            "item": view,
            "history": kept,
            "older": end - len(kept),
            "page": page,
            "next_page": page + 1,
            "files": files[len(files) - listed :] if listed else [],
            "stored_files": len(stored),
        }

    # The newest files that fit with no history at all; the history fills what is left.
    listed = fit_count(
        lambda n: render("chat/task.html", **context(0, 0, n)), len(files), limit=VIEW_CHARS
    )
    files = files[len(files) - listed :]

    def fitting(newer: int) -> int:
        most = len(entries) - newer
        return fit_count(
            lambda n: render("chat/task.html", **context(newer, n)), most, limit=VIEW_CHARS
        )

    newer = 0
    while page < wanted:
        step = fitting(newer)
        # The first page may hold no update at all (long cells and files): the second does.
        if newer + step >= len(entries) or (step == 0 and page > 1):
            break
        newer += step
        page += 1
    # One button per file listed sends it back.
    file_buttons = tuple((Button(f"📎 {entry['name']}", f"file:{entry['id']}"),) for entry in files)
    return Response(
        replies=say(
            "task",
            buttons=buttons + file_buttons,
            occurrence_id=item.id,
            **context(newer, fitting(newer)),
        )
    )


def short_name(name: str) -> str:
    """A long file name cut in its middle, its extension kept: "bien-ban-hop…ket-qua.pdf"."""
    if len(name) <= FILE_NAME_CHARS:
        return name
    suffix = PurePath(name).suffix[:10]
    keep = FILE_NAME_CHARS - len(suffix) - 1
    return name[: keep - keep // 3].rstrip() + "…" + name[len(name) - len(suffix) - keep // 3 :]


COMMAND = Command("task", ("xem", "chitiet", "chi tiet", "nv"), run, item_command=True)
