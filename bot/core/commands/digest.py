"""/digest (/tonghop): this week at a glance — totals, what is late, what falls due."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import list_view, summary_view, week_end
from storage.progress import combine, due_between, overdue_items, unit_summaries

LIST_LIMIT = 20


def run(turn: Turn, args: str) -> Response:
    clock = turn.app.clock
    today = clock.today()
    sunday = week_end(today)
    summaries = unit_summaries(turn.session, today=today, tz=clock.tz)
    total = combine(summaries)
    late = overdue_items(turn.session, today=today, limit=LIST_LIMIT, tz=clock.tz)
    due = due_between(
        turn.session, start=today, end=sunday, today=today, open_only=True, tz=clock.tz
    )
    behind = sorted((s for s in summaries if s.overdue), key=lambda s: (-s.overdue, s.unit_name))[
        :5
    ]
    return Response(
        replies=say(
            "digest",
            today=today,
            week_end=sunday,
            total=summary_view(total),
            behind=[summary_view(s) for s in behind],
            overdue=[list_view(item, clock) for item in late],
            overdue_count=total.overdue,
            due=[list_view(item, clock) for item in due[:LIST_LIMIT]],
            due_count=len(due),
        )
    )


COMMAND = Command("digest", ("tonghop", "tong hop", "baocao tuan"), run, access=Access.LEADER)
