"""`nhacviec import FILE`: read a plan's task appendix and show what was understood."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.cli.common import open_app
from messages import texts
from messages.render import render
from storage.importing import ImportOptions, import_file

DEADLINE_KINDS = (
    "once",
    "recurring",
    "continuous",
    "on_request",
    "relative",
    "multiple",
    "unknown",
)


FIELDS = ("number", "title", "output", "lead", "coordinating", "deadline", "goal")


def _kind_labels() -> dict[str, str]:
    return {kind: texts.text("cli", f"deadline_kind_{kind}") for kind in DEADLINE_KINDS}


def _field_labels() -> dict[str, str]:
    return {name: texts.text("import", f"field_{name}") for name in FIELDS}


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--code",
    default=None,
    help="Mã kế hoạch (mặc định: số kế hoạch trong tệp, như 12/KH-UBND; không có thì tên tệp).",
)
@click.option("--year", type=int, default=None, help="Năm kế hoạch (mặc định: đọc từ tiêu đề).")
@click.option("--title", default=None, help="Tên kế hoạch.")
@click.option("--issuer", default=None, help="Cơ quan ban hành.")
@click.option("--create-units", is_flag=True, help="Tạo mới các đơn vị chưa có trong danh mục.")
@click.option("--dry-run", is_flag=True, help="Chỉ đọc và báo cáo, không lưu gì.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.option("--now", default=None, help="Cố định thời điểm (dd/mm/yyyy HH:MM), để thử.")
def import_plan_command(
    file: Path,
    code: str | None,
    year: int | None,
    title: str | None,
    issuer: str | None,
    create_units: bool,
    dry_run: bool,
    as_json: bool,
    now: str | None,
) -> None:
    """Nhập bảng nhiệm vụ của kế hoạch từ .xlsx, .docx, .csv, .tsv hoặc .yaml."""
    app = open_app(now=now, try_out=dry_run)
    options = ImportOptions(
        code=code,
        year=year,
        title=title,
        issuer=issuer,
        create_units=create_units,
        dry_run=dry_run,
    )
    review = import_file(app.engine, path=file, options=options, at=app.clock.now(), actor="cli")
    if as_json:
        click.echo(json.dumps(review.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(
        render(
            "import_review.txt",
            review=review,
            counts=review.counts(),
            kind_labels=_kind_labels(),
            field_labels=_field_labels(),
        )
    )
