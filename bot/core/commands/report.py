"""/report KỲ [MÃ KH] (/baocao): the draft of the period's CCHC results report (.docx)."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.commands.report_args import split_plan_and_period
from bot.core.protocol import Response
from bot.core.replies import say
from bot.core.turn import Turn
from bot.leader_reports import output_path, report_draft
from messages.outgoing import Attachment
from messages.render import render

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def run(turn: Turn, args: str) -> Response:
    clock = turn.app.clock
    plan_code, period_text = split_plan_and_period(turn.session, args)
    result = report_draft(
        turn.session,
        clock=clock,
        out_path=output_path(turn.app, stem="bao-cao-cchc", extension=".docx"),
        period_text=period_text,
        plan_code=plan_code,
    )
    file_name = render("report/file_name.txt", kind="report", period_key=result.period.key)
    return Response(
        replies=say(
            "report_ready",
            attachment=Attachment(path=result.path, file_name=file_name, mime_type=DOCX_MIME),
            period=result.period.label,
            plan_code=result.plan_code,
            items=len(result.items),
            late=result.late_count,
        )
    )


COMMAND = Command("report", ("baocao", "bao cao", "baocaoky"), run, access=Access.LEADER)
