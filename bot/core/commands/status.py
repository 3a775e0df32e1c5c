"""/status [ĐƠN_VỊ] (/tinhhinh): completion and overdue per unit, or one unit in detail."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.core.views import list_view, summary_view
from messages.charts import completion_attachment
from storage import identities
from storage.progress import combine, unit_items, unit_summaries

UNIT_ITEMS_SHOWN = 30


def run(turn: Turn, args: str) -> Response:
    clock = turn.app.clock
    today = clock.today()
    if args.strip():
        unit = identities.require_unit(turn.session, name=args)
        assert unit.id is not None
        summaries = unit_summaries(turn.session, today=today, unit_id=unit.id, tz=clock.tz)
        open_items = unit_items(turn.session, unit_id=unit.id, today=today, tz=clock.tz)
        return Response(
            replies=say(
                "status_unit",
                unit_name=unit.name,
                summary=summary_view(summaries[0]) if summaries else None,
                items=[list_view(item, clock) for item in open_items[:UNIT_ITEMS_SHOWN]],
                more=max(0, len(open_items) - UNIT_ITEMS_SHOWN),
                today=today,
            )
        )
    summaries = unit_summaries(turn.session, today=today, tz=clock.tz)
    # The units most behind first: that is what a leader acts on.
    ordered = sorted(summaries, key=lambda s: (-s.overdue, s.completion_rate or 0.0))
    total = combine(summaries)
    chart = completion_attachment(
        [(summary.unit_name, summary.completion_rate) for summary in ordered],
        today=today,
        out_dir=turn.app.files_dir / "charts",
    )
    return Response(
        replies=say(
            "status",
            attachment=chart,
            units=[summary_view(summary) for summary in ordered],
            total=summary_view(total),
            overdue_count=total.overdue,
            today=today,
        )
    )


COMMAND = Command(
    "status", ("tinhhinh", "tinh hinh", "thongke", "thong ke"), run, access=Access.LEADER
)
