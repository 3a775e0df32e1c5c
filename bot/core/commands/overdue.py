"""/overdue [ĐƠN_VỊ] (/trehan): open items past their due date, by unit, worst unit first."""

from __future__ import annotations

from typing import Any

from bot.core.commands.base import Access, Command
from bot.core.commands.status import with_reason
from bot.core.commands.unit_pick import pick_unit
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from messages import texts
from messages.errors import UserFacingError
from messages.fitting import fit_count
from messages.render import render
from scheduler.folding import fold
from scheduler.items import Item
from storage.items import overdue_items

# Lines one unit shows in the all-units list; /trehan UNIT lists that unit's items.
PER_UNIT = 5
# Lines of a one-unit list before "… và N việc khác".
ONE_UNIT = 40


def run(turn: Turn, args: str) -> Response:
    clock = turn.app.clock
    today = clock.today()
    unit_id = None
    if not turn.reads_everything:
        # Staff asking "quá hạn": their own unit's late items.
        unit_id = turn.unit_id
        if unit_id is None:
            raise UserFacingError(texts.text("chat", "tasks_no_unit"))
    elif args.strip():
        unit = pick_unit(turn, args, command="trehan")
        if isinstance(unit, Response):
            return unit
        unit_id = unit.id
    items = overdue_items(turn.session, today=today, unit_id=unit_id, tz=clock.tz, history=True)
    by_unit: dict[int, list[Item]] = {}
    for item in items:
        by_unit.setdefault(item.unit_id, []).append(item)
    # The unit with most late items first: that is where a leader's call helps most.
    units = sorted(by_unit.values(), key=lambda group: (-len(group), fold(group[0].unit_name)))
    one_unit = unit_id is not None

    def context(shown: int) -> dict[str, Any]:
        # All units: `shown` units of PER_UNIT lines; one unit: `shown` of its lines.
        listed = units[:1] if one_unit else units[:shown]
        lines = shown if one_unit else PER_UNIT
        rest = units[len(listed) :]
        return {
            "groups": [
                {
                    "unit_name": group[0].unit_name,
                    "count": len(group),
                    "items": [with_reason(item, clock) for item in group[:lines]],
                }
                for group in listed
            ],
            "count": len(items),
            "unit_count": len(units),
            "more_units": len(rest),
            "more_items": sum(len(group) for group in rest),
            "today": today,
        }

    most = min(len(items), ONE_UNIT) if one_unit else len(units)
    shown = fit_count(lambda n: render("chat/overdue.html", **context(n)), most)
    return Response(replies=say("overdue", **context(shown)))


COMMAND = Command("overdue", ("trehan", "tre han", "quahan", "qua han"), run, access=Access.MEMBER)
