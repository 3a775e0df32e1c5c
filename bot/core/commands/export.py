"""/export [KỲ] [MÃ KH] (/xuatbaocao): the leaders' Excel workbook, sent as a file."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.commands.report_args import split_plan_and_period
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.leader_reports import export_workbook, output_path
from messages.outgoing import Attachment
from messages.progress_words import percent_text
from messages.render import render

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def run(turn: Turn, args: str) -> Response:
    clock = turn.app.clock
    plan_code, period_text = split_plan_and_period(turn.session, args)
    result = export_workbook(
        turn.session,
        clock=clock,
        out_path=output_path(turn.app, stem="tong-hop-cchc", extension=".xlsx"),
        plan_code=plan_code,
        period_text=period_text or None,
    )
    file_name = render("report/file_name.txt", kind="export", today=clock.today())
    return Response(
        replies=say(
            "export_ready",
            attachment=Attachment(path=result.path, file_name=file_name, mime_type=XLSX_MIME),
            plan_code=result.plan_code,
            period=result.period_label,
            total=result.total,
            rate=percent_text(result.total.completion_rate),
            units=len(result.totals),
            periods=result.period_count,
            today=clock.today(),
        )
    )


COMMAND = Command(
    "export", ("xuatbaocao", "xuat bao cao", "xuatexcel", "xuat excel"), run, access=Access.LEADER
)
