"""The leaders' weekly digest and the chart it shares with `/status`, kept short for a phone.

Every figure comes from `scheduler.tally`; the chart is drawn from `scheduler.tally.chart_rows`
of the same tallies, so the digest and `/status` at the same moment send the same picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from messages.charts import MAX_UNITS, completion_attachment
from messages.fitting import fit
from messages.outgoing import Attachment, OutgoingMessage
from messages.render import render
from scheduler.items import Item
from scheduler.tally import Tally, chart_rows, combine, has_figures, worst_first

# Most lines a list of the digest shows before "… và N khác".
LEADERS_LINES = 10


def leaders_chart(tallies: Sequence[Tally], *, today: date, out_dir: Path) -> Attachment | None:
    """The stacked-bar chart of `tallies`, worst unit first (None when nothing to draw)."""
    return completion_attachment(chart_rows(tallies, limit=MAX_UNITS), today=today, out_dir=out_dir)


def leaders_digest(
    *,
    week_label: str,
    today: date,
    summaries: Sequence[Tally],
    overdue: Sequence[Item],
    due_this_week: Sequence[Item],
    chart_dir: Path | None = None,
) -> OutgoingMessage:
    """The weekly digest of the leaders' chat: completion per unit, overdue, due this week.

    With `chart_dir`, the message carries the completion chart drawn there.
    """
    # A unit with nothing due yet has nothing to show: "0/0" lines only hide the late ones.
    ranked = worst_first(row for row in summaries if has_figures(row))

    def lines(shown: int) -> str:
        units = min(shown, LEADERS_LINES)
        return render(
            "digest_leaders.html",
            week_label=week_label,
            today=today,
            totals=combine(summaries),
            summaries=ranked[:units],
            more_units=max(0, len(ranked) - units),
            overdue=overdue[:shown],
            overdue_total=len(overdue),
            due_this_week=due_this_week[:shown],
            due_total=len(due_this_week),
        )

    text = fit(lines, LEADERS_LINES)
    chart = (
        leaders_chart(summaries, today=today, out_dir=chart_dir) if chart_dir is not None else None
    )
    return OutgoingMessage(text=text, html=True, attachment=chart)
