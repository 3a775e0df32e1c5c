"""`nhacviec report`: the draft of a period's CCHC results report (.docx)."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import leader_file_options, period_option, plan_option, write_leader_file
from bot.leader_reports import report_draft, report_summary


@click.command("report")
@plan_option(help="Mã kế hoạch (bắt buộc khi có nhiều).")
@period_option(
    help='Kỳ báo cáo: "Quý I/2024", "quy 1/2024", "2024-Q1", "6 tháng 2024", "Năm 2024".',
    required=True,
)
@leader_file_options(".docx")
def report(plan_code: str | None, period: str, out_path: Path, now: str | None) -> None:
    """Soạn dự thảo báo cáo kết quả CCHC của một kỳ (Word) để văn phòng chỉnh sửa và trình ký."""
    write_leader_file(
        now,
        lambda session, clock: report_draft(
            session, clock=clock, out_path=out_path, period_text=period, plan_code=plan_code
        ),
        report_summary,
    )
