"""/overdue (/trehan): every open item past its due date, grouped by unit."""

from __future__ import annotations

from itertools import groupby

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import list_view
from messages import texts
from messages.errors import UserFacingError
from storage import people
from storage.progress import overdue_items

# Enough for any office's week; beyond it a leader narrows down with /trehan UNIT.
SHOWN = 100


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
        unit = people.require_unit(turn.session, name=args)
        unit_id = unit.id
    items = overdue_items(turn.session, today=today, unit_id=unit_id, limit=SHOWN + 1, tz=clock.tz)
    more = len(items) > SHOWN
    items = items[:SHOWN]
    views = sorted((list_view(item, clock) for item in items), key=lambda v: v["unit_name"])
    groups = [
        {"unit_name": name, "items": list(entries)}
        for name, entries in groupby(views, key=lambda v: v["unit_name"])
    ]
    return Response(replies=say("overdue", groups=groups, count=len(views), more=more, today=today))


COMMAND = Command("overdue", ("trehan", "tre han", "quahan", "qua han"), run, access=Access.MEMBER)
