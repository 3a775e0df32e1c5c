"""`nhacviec calendar …`: the year's official day swaps an admin adds to the holiday calendar."""

from __future__ import annotations

from datetime import date

import click

from bot.cli.common import open_app, parse_day
from messages import texts
from messages.errors import UserFacingError
from messages.render import render
from scheduler.vocabulary import CalendarOverrideKind
from storage.calendar import list_overrides, load_work_calendar, remove_override, set_override
from storage.deadline_refresh import refresh_all_plans

_ACTOR = "cli"


@click.group("calendar")
def calendar() -> None:
    """Lịch ngày làm việc: ngày nghỉ bổ sung, ngày làm bù."""


@calendar.command("list")
@click.option("--year", type=int, default=None, help="Năm cần xem (mặc định: năm nay).")
def calendar_list(year: int | None) -> None:
    """Liệt kê ngày lễ chính thức và các ngày đã điều chỉnh trong năm."""
    app = open_app()
    shown_year = year or app.clock.today().year
    if not 1900 <= shown_year <= 2199:
        raise UserFacingError(texts.text("cli", "calendar_year_invalid", year=shown_year))
    with app.session() as session:
        work = load_work_calendar(session)
        overrides = list_overrides(session, year=shown_year)
    holidays = work.official_days_off(shown_year)
    make_up = work.official_make_up_days(shown_year)
    click.echo(
        render(
            "calendar_list.txt",
            year=shown_year,
            holidays=[(day, work.holiday_name(day)) for day in holidays],
            make_up=make_up,
            overrides=overrides,
        )
    )


@calendar.command("off")
@click.argument("day")
@click.option("--note", default=None, help="Lý do, ví dụ số văn bản cho nghỉ.")
def calendar_off(day: str, note: str | None) -> None:
    """Thêm một ngày nghỉ (ví dụ ngày nghỉ bù theo thông báo của Chính phủ)."""
    _set(parse_day(day), CalendarOverrideKind.DAY_OFF, note)


@calendar.command("work")
@click.argument("day")
@click.option("--note", default=None, help="Lý do, ví dụ số văn bản cho làm bù.")
def calendar_work(day: str, note: str | None) -> None:
    """Đánh dấu một ngày là ngày làm việc (ví dụ thứ Bảy làm bù)."""
    _set(parse_day(day), CalendarOverrideKind.WORKING_DAY, note)


@calendar.command("remove")
@click.argument("day")
def calendar_remove(day: str) -> None:
    """Bỏ điều chỉnh của một ngày, trở về lịch chính thức."""
    target = parse_day(day)
    app = open_app()
    with app.session() as session:
        if not remove_override(session, day=target, at=app.clock.now(), actor=_ACTOR):
            raise UserFacingError(
                texts.text("cli", "calendar_nothing_to_remove", day=f"{target:%d/%m/%Y}")
            )
        session.flush()
        counts = refresh_all_plans(session, at=app.clock.now())
    click.echo(
        render("calendar_changed.txt", day=target, kind=None, note=None, changed=counts.updated)
    )


def _set(day: date, kind: CalendarOverrideKind, note: str | None) -> None:
    app = open_app()
    cleaned = note.strip() if note and note.strip() else None
    with app.session() as session:
        set_override(session, day=day, kind=kind, note=cleaned, at=app.clock.now(), actor=_ACTOR)
        session.flush()
        # Effective due dates are stored with each occurrence; they must follow the change.
        counts = refresh_all_plans(session, at=app.clock.now())
    click.echo(
        render(
            "calendar_changed.txt", day=day, kind=kind.value, note=cleaned, changed=counts.updated
        )
    )
