"""`nhacviec deadline "TEXT"`: show how a deadline cell is read, as a table or as JSON."""

from __future__ import annotations

import json

import click

from bot.cli.common import open_app
from messages import texts
from messages.deadline_notes import deadline_json, note_text
from messages.errors import UserFacingError
from messages.render import render
from scheduler.deadlines import parse_deadline
from scheduler.vocabulary import DeadlineKind
from storage.calendar import load_work_calendar


class _TextCommand(click.Command):
    """Cells often start with a bullet ("- Xây dựng KH…; - …"); click would read that as a
    bundle of short options (and "-h" among them as --help), so everything that is not one
    of our options is passed on as text."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        options: list[str] = []
        words: list[str] = []
        remaining = iter(args)
        for arg in remaining:
            if arg in ("--json", "-h", "--help") or arg.startswith("--year="):
                options.append(arg)
            elif arg == "--year":
                options.extend([arg, next(remaining, "")])
            elif arg != "--":
                words.append(arg)
        return super().parse_args(ctx, [*options, "--", *words])


@click.command("deadline", cls=_TextCommand)
@click.argument("words", nargs=-1, required=True)
@click.option("--year", type=int, default=None, help="Năm của kế hoạch (mặc định: năm nay).")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
def deadline(words: tuple[str, ...], year: int | None, as_json: bool) -> None:
    """Đọc thử một ô "Thời gian hoàn thành" và cho biết các hạn tính ra."""
    text = " ".join(words)
    if year is not None and not 1900 <= year <= 2199:
        raise UserFacingError(texts.text("cli", "deadline_year_invalid", year=year))
    app = open_app(try_out=True)
    with app.session() as session:
        calendar = load_work_calendar(session)
    plan_year = year or app.clock.today().year
    result = parse_deadline(text, year=plan_year, calendar=calendar)
    if as_json:
        click.echo(json.dumps(deadline_json(result), ensure_ascii=False, indent=2))
        return
    unknown_parts = any(part.kind == DeadlineKind.UNKNOWN for part in result.parts)
    click.echo(
        render(
            "deadline_table.txt",
            deadline=result,
            year=plan_year,
            unknown_parts=unknown_parts,
            note_text=note_text,
        )
    )
