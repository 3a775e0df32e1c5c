"""/tasks (/nhiemvu): my unit's open items, overdue first, then this week, then later."""

from __future__ import annotations

from bot.core.commands.base import Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import list_view, week_end
from messages import texts
from messages.errors import UserFacingError
from storage.models import Unit
from storage.progress import unit_items


def run(turn: Turn, args: str) -> Response:
    unit_id = turn.unit_id
    if unit_id is None:
        raise UserFacingError(texts.text("chat", "tasks_no_unit"))
    unit = turn.session.get(Unit, unit_id)
    assert unit is not None
    clock = turn.app.clock
    today = clock.today()
    sunday = week_end(today)
    overdue, this_week, later, undated = [], [], [], []
    for item in unit_items(turn.session, unit_id=unit_id, today=today, tz=clock.tz):
        view = list_view(item, clock)
        due = item.effective_due
        if due is None:
            undated.append(view)
        elif due < today:
            overdue.append(view)
        elif due <= sunday:
            this_week.append(view)
        else:
            later.append(view)
    return Response(
        replies=say(
            "tasks",
            unit_name=unit.name,
            overdue=overdue,
            this_week=this_week,
            later=later,
            undated=undated,
            today=today,
        )
    )


COMMAND = Command("tasks", ("nhiemvu", "nhiem vu", "viec", "danhsach", "danh sach"), run)
