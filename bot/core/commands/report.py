"""/report KỲ [MÃ KH] (/baocao): the draft of the period's CCHC results report (.docx)."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.commands.report_args import file_reply, file_request
from bot.core.protocol import Response
from bot.core.turn import Turn
from bot.leader_reports import report_draft
from messages.render import render

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def run(turn: Turn, args: str) -> Response:
    plan_code, period_text, out_path = file_request(
        turn, args, stem="bao-cao-cchc", extension=".docx"
    )
    result = report_draft(
        turn.session,
        clock=turn.app.clock,
        out_path=out_path,
        period_text=period_text,
        plan_code=plan_code,
    )
    return file_reply(
        "report_ready",
        path=result.path,
        file_name=render("report/file_name.txt", kind="report", period_key=result.period.key),
        mime_type=DOCX_MIME,
        period=result.period.label,
        plan_code=result.plan_code,
        items=len(result.items),
        late=result.late_count,
    )


COMMAND = Command("report", ("baocao", "bao cao", "baocaoky"), run, access=Access.LEADER)
