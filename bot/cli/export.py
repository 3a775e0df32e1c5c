"""`nhacviec export`: the leaders' Excel workbook."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import leader_file_options, period_option, plan_option, write_leader_file
from bot.leader_reports import export_summary, export_workbook


@click.command("export")
@plan_option(help="Mã kế hoạch (mặc định: tất cả).")
@period_option(
    help='Kỳ báo cáo: "Quý I/2024", "quy 1/2024", "2024-Q1", "Tháng 02/2024"… (mặc định: tất cả).',
    required=False,
)
@leader_file_options(".xlsx")
def export(plan_code: str | None, period: str | None, out_path: Path, now: str | None) -> None:
    """Xuất bảng tổng hợp tiến độ (Excel): tổng hợp theo đơn vị và một trang cho mỗi kỳ."""
    write_leader_file(
        now,
        lambda session, clock: export_workbook(
            session, clock=clock, out_path=out_path, plan_code=plan_code, period_text=period
        ),
        export_summary,
    )
