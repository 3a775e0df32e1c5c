"""/export [KỲ] [MÃ KH] (/xuatbaocao): the leaders' Excel workbook, sent as a file."""

from __future__ import annotations

from bot.core.commands.base import Access, Command
from bot.core.commands.report_args import file_reply, file_request
from bot.core.protocol import Response
from bot.core.turn import Turn
from bot.leader_reports import export_workbook
from messages.progress_words import percent_text
from messages.render import render

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def run(turn: Turn, args: str) -> Response:
    clock = turn.app.clock
    plan_code, period_text, out_path = file_request(
        turn, args, stem="tong-hop-cchc", extension=".xlsx"
    )
    result = export_workbook(
        turn.session,
        clock=clock,
        out_path=out_path,
        plan_code=plan_code,
        period_text=period_text or None,
    )
    return file_reply(
        "export_ready",
        path=result.path,
        file_name=render("report/file_name.txt", kind="export", today=clock.today()),
        mime_type=XLSX_MIME,
        plan_code=result.plan_code,
        period=result.period_label,
        total=result.total,
        rate=percent_text(result.total.completion_rate),
        units=len(result.totals),
        periods=result.period_count,
        today=clock.today(),
    )


COMMAND = Command(
    "export", ("xuatbaocao", "xuat bao cao", "xuatexcel", "xuat excel"), run, access=Access.LEADER
)
