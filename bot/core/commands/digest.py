"""/digest (/tonghop): this week at a glance — totals, what is late, what falls due."""

from __future__ import annotations

from typing import Any

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import list_view, week_end
from messages.fitting import fit_count
from messages.leader_digest import LEADERS_LINES, leaders_chart
from messages.render import render
from scheduler.tally import combine, has_figures, worst_first
from storage.items import due_between, overdue_items, unit_tallies

LIST_LIMIT = 20
BEHIND = 5


def run(turn: Turn, args: str) -> Response:
    clock = turn.app.clock
    today = clock.today()
    sunday = week_end(today)
    tallies = unit_tallies(turn.session, today=today, tz=clock.tz)
    total = combine(tallies)
    late = overdue_items(turn.session, today=today, limit=LIST_LIMIT, tz=clock.tz)
    due = due_between(
        turn.session, start=today, end=sunday, today=today, open_only=True, tz=clock.tz
    )
    behind = [t for t in worst_first(tallies) if t.overdue and has_figures(t)][:BEHIND]

    def context(shown: int) -> dict[str, Any]:
        return {
            "today": today,
            "week_end": sunday,
            "total": total,
            "behind": behind,
            "overdue": [list_view(item, clock) for item in late[:shown]],
            "overdue_count": total.overdue,
            "due": [list_view(item, clock) for item in due[:shown]],
            "due_count": len(due),
        }

    shown = fit_count(lambda n: render("chat/digest.html", **context(n)), LEADERS_LINES)
    # The same picture as /tinhhinh and the weekly digest at this moment.
    chart = leaders_chart(tallies, today=today, out_dir=turn.app.files_dir / "charts")
    return Response(replies=say("digest", attachment=chart, **context(shown)))


COMMAND = Command("digest", ("tonghop", "tong hop", "baocao tuan"), run, access=Access.LEADER)
