"""/tasks (/nhiemvu): my unit's open items, overdue first, then this week, then later."""

from __future__ import annotations

from datetime import timedelta

from bot.core.commands.base import Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import list_view, week_end
from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold
from storage.items import unit_items
from storage.models import Unit

HORIZON_DAYS = 14
SHOW_ALL = ("het", "tat ca", "all", "xem them", "them")


def run(turn: Turn, args: str) -> Response:
    unit_id = turn.unit_id
    if unit_id is None:
        raise UserFacingError(texts.text("chat", "tasks_no_unit"))
    unit = turn.session.get(Unit, unit_id)
    assert unit is not None
    clock = turn.app.clock
    today = clock.today()
    sunday = week_end(today)
    # By default the late items and the next two weeks; "/tasks het" shows everything.
    everything = fold(args).strip() in SHOW_ALL
    horizon = today + timedelta(days=HORIZON_DAYS)
    overdue, this_week, later, undated = [], [], [], []
    hidden = 0
    for item in unit_items(turn.session, unit_id=unit_id, today=today, tz=clock.tz):
        view = list_view(item, clock)
        due = item.effective_due
        if due is None:
            undated.append(view)
        elif due < today:
            overdue.append(view)
        elif due <= sunday:
            this_week.append(view)
        elif due <= horizon or everything:
            later.append(view)
        else:
            hidden += 1
    return Response(
        replies=say(
            "tasks",
            unit_name=unit.name,
            overdue=overdue,
            this_week=this_week,
            later=later,
            undated=undated if everything else [],
            undated_count=len(undated),
            hidden=hidden,
            horizon=horizon,
            today=today,
        )
    )


COMMAND = Command("tasks", ("nhiemvu", "nhiem vu", "viec", "danhsach", "danh sach"), run)
