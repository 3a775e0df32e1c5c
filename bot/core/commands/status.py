"""/status [ĐƠN_VỊ | TRANG] (/tinhhinh): completion per unit, worst first, or one unit."""

from __future__ import annotations

from typing import Any

from bot.core.commands.base import Access, Command
from bot.core.commands.unit_pick import pick_unit
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import list_view
from messages.fitting import fit_count
from messages.leader_digest import leaders_chart
from messages.render import render
from scheduler.clock import Clock
from scheduler.items import Item
from scheduler.tally import combine, worst_first
from storage.items import unit_items, unit_tallies

UNIT_ITEMS_SHOWN = 30
# Unit lines are at most about 130 characters (names cut at 60): a page fits Zalo's 2,000.
UNITS_PER_PAGE = 12


def run(turn: Turn, args: str) -> Response:
    text = args.strip()
    if text and not text.isdigit():
        return _one_unit(turn, text)
    clock = turn.app.clock
    today = clock.today()
    tallies = unit_tallies(turn.session, today=today, tz=clock.tz)
    ranked = worst_first(tallies)
    total = combine(tallies)
    pages = max(1, -(-len(ranked) // UNITS_PER_PAGE))
    page = min(max(int(text or 1), 1), pages)
    first = (page - 1) * UNITS_PER_PAGE
    on_page = ranked[first : first + UNITS_PER_PAGE]

    def context(shown: int) -> dict[str, Any]:
        # A page cut short to fit one message sends the rest to the next page number.
        remaining = len(ranked) - first - shown
        return {
            "units": on_page[:shown],
            "total": total,
            "today": today,
            "page": page,
            "pages": page + 1 if remaining else page,
            "remaining": remaining,
        }

    shown = fit_count(lambda n: render("chat/status.html", **context(n)), len(on_page))
    chart = leaders_chart(tallies, today=today, out_dir=turn.app.files_dir / "charts")
    return Response(replies=say("status", attachment=chart, **context(shown)))


def _one_unit(turn: Turn, text: str) -> Response:
    clock = turn.app.clock
    today = clock.today()
    unit = pick_unit(turn, text, command="tinhhinh")
    if isinstance(unit, Response):
        return unit
    assert unit.id is not None
    tallies = unit_tallies(turn.session, today=today, unit_id=unit.id, tz=clock.tz)
    open_items = unit_items(turn.session, unit_id=unit.id, today=today, tz=clock.tz, history=True)
    views = [with_reason(item, clock) for item in open_items[:UNIT_ITEMS_SHOWN]]

    def context(shown: int) -> dict[str, Any]:
        return {
            "unit_name": unit.name,
            "summary": tallies[0] if tallies else None,
            "items": views[:shown],
            "more": len(open_items) - shown,
            "today": today,
        }

    shown = fit_count(lambda n: render("chat/status_unit.html", **context(n)), len(views))
    return Response(replies=say("status_unit", **context(shown)))


def with_reason(item: Item, clock: Clock) -> dict[str, Any]:
    """A list line plus, for a blocked item, the unit's reason, who gave it and when."""
    view = list_view(item, clock)
    blocked = item.status == "blocked"
    view["reason"] = item.last_reason if blocked else None
    view["reason_by"] = item.reason_by if blocked else None
    view["reason_at"] = item.last_reason_at if blocked else None
    return view


COMMAND = Command(
    "status", ("tinhhinh", "tinh hinh", "thongke", "thong ke"), run, access=Access.LEADER
)
