"""/tasks (/nhiemvu): my unit's open items, overdue first, then this week, then later."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from bot.core.commands.base import Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import list_view, week_end
from messages import texts
from messages.errors import UserFacingError
from messages.fitting import fit_count
from messages.render import render
from scheduler.folding import fold
from storage.items import unit_items
from storage.models import Unit

HORIZON_DAYS = 14
SHOW_ALL = ("het", "tat ca", "all", "xem them", "them")
SECTIONS = ("overdue", "this_week", "later", "undated")
_PAGE = re.compile(r"[0-9]{1,4}")


def run(turn: Turn, args: str) -> Response:
    unit_id = turn.unit_id
    if unit_id is None:
        raise UserFacingError(texts.text("chat", "tasks_no_unit"))
    unit = turn.session.get(Unit, unit_id)
    assert unit is not None
    clock = turn.app.clock
    today = clock.today()
    sunday = week_end(today)
    # By default the late items and the next two weeks; "/tasks het" shows everything;
    # a number is the page ("/nhiemvu 2", "/nhiemvu het 2").
    words = fold(args).split()
    wanted = max(1, int(words.pop())) if words and _PAGE.fullmatch(words[-1]) else 1
    everything = " ".join(words) in SHOW_ALL
    horizon = today + timedelta(days=HORIZON_DAYS)
    sections: dict[str, list[dict[str, Any]]] = {key: [] for key in SECTIONS}
    undated_count = hidden = 0
    for item in unit_items(turn.session, unit_id=unit_id, today=today, tz=clock.tz):
        view = list_view(item, clock)
        due = item.effective_due
        if due is None:
            undated_count += 1
            if everything:
                sections["undated"].append(view)
        elif due < today:
            sections["overdue"].append(view)
        elif due <= sunday:
            sections["this_week"].append(view)
        elif due <= horizon or everything:
            sections["later"].append(view)
        else:
            hidden += 1
    lines = [(key, view) for key in SECTIONS for view in sections[key]]
    page = 1

    def context(first: int, shown: int) -> dict[str, Any]:
        on_page = lines[first : first + shown]
        remaining = len(lines) - first - len(on_page)
        return {
            **{key: [view for k, view in on_page if k == key] for key in SECTIONS},
            "totals": {key: len(views) for key, views in sections.items()},
            "unit_name": unit.name,
            "undated_count": undated_count,
            "everything": everything,
            "hidden": hidden,
            "horizon": horizon,
            "today": today,
            "page": page,
            "remaining": remaining,
            "next_page": page + 1,
        }

    # Each page holds what fits one message of 2,000 characters (Zalo's), the rest follows.
    # A page past the end is the last one, named by its own number.
    first = 0
    while page < wanted:
        shown = _fit(context, first, len(lines) - first)
        if first + shown >= len(lines):
            break
        first += shown
        page += 1
    shown = _fit(context, first, len(lines) - first)
    return Response(replies=say("tasks", **context(first, shown)))


def _fit(context: Callable[[int, int], dict[str, Any]], first: int, most: int) -> int:
    """Lines that fit one message from `first` on; at least one, so paging always moves."""
    fitting = fit_count(lambda n: render("chat/tasks.html", **context(first, n)), most)
    return max(1, fitting) if most else 0


COMMAND = Command("tasks", ("nhiemvu", "nhiem vu", "viec", "danhsach", "danh sach"), run)
