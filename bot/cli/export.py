"""`nhacviec export`: the leaders' Excel workbook."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import open_app
from bot.leader_reports import export_summary, export_workbook


@click.command("export")
@click.option("--plan", "plan_code", default=None, help="Mã kế hoạch (mặc định: tất cả).")
@click.option(
    "--period",
    default=None,
    help='Kỳ báo cáo: "Quý I/2024", "quy 1/2024", "2024-Q1", "Tháng 02/2024"… (mặc định: tất cả).',
)
@click.option(
    "--out",
    "out_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp .xlsx sẽ ghi.",
)
@click.option("--now", default=None, help="Tính số liệu tại thời điểm này (dd/mm/yyyy HH:MM).")
def export(plan_code: str | None, period: str | None, out_path: Path, now: str | None) -> None:
    """Xuất bảng tổng hợp tiến độ (Excel): tổng hợp theo đơn vị và một trang cho mỗi kỳ."""
    app = open_app(now=now)
    with app.session() as session:
        result = export_workbook(
            session, clock=app.clock, out_path=out_path, plan_code=plan_code, period_text=period
        )
    click.echo(export_summary(result))
