"""`nhacviec units …`: the registry of units, their other names and groups."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
from sqlmodel import Session

from bot.cli.common import open_app
from messages import texts
from messages.errors import UserFacingError
from messages.render import render
from storage.units import (
    add_alias,
    add_to_group,
    add_unit,
    find_group,
    find_unit,
    group_members,
    list_groups,
    list_units,
    load_units,
    merge_units,
    read_units_file,
    remove_from_group,
    rename_unit,
)

ACTOR = "cli"


@click.group()
def units() -> None:
    """Danh mục đơn vị: thêm, đổi tên, tên khác, nhóm, sáp nhập, nạp từ tệp."""


@units.command("list")
@click.option("--all", "show_all", is_flag=True, help="Cả đơn vị đã ngừng hoặc đã sáp nhập.")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
def units_list(show_all: bool, as_json: bool) -> None:
    """Liệt kê đơn vị, tên khác và nhóm."""
    app = open_app()
    with app.session() as session:
        unit_rows = list_units(session, include_inactive=show_all)
        group_rows = list_groups(session)
    if as_json:
        data = {
            "units": [asdict(unit) for unit in unit_rows],
            "groups": [asdict(group) for group in group_rows],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(render("units_list.txt", units=unit_rows, groups=group_rows))


@units.command("add")
@click.argument("name")
@click.option("--alias", "aliases", multiple=True, help="Tên khác (dùng nhiều lần).")
@click.option("--group", "groups", multiple=True, help="Thêm vào nhóm (dùng nhiều lần).")
@click.option("--kind", default="office", show_default=True, help="Loại: office, external…")
def units_add(name: str, aliases: tuple[str, ...], groups: tuple[str, ...], kind: str) -> None:
    """Thêm một đơn vị."""
    app = open_app()
    with app.session() as session:
        unit = add_unit(
            session, name=name, kind=kind, aliases=aliases, at=app.clock.now(), actor=ACTOR
        )
        for group in groups:
            add_to_group(session, group=group, members=[unit.name], at=app.clock.now(), actor=ACTOR)
        text = render(
            "units_changed.txt", action="add", name=unit.name, aliases=aliases, groups=groups
        )
    click.echo(text)


@units.command("rename")
@click.argument("name")
@click.argument("new_name")
def units_rename(name: str, new_name: str) -> None:
    """Đổi tên đơn vị (tên cũ vẫn được nhận như một tên khác)."""
    app = open_app()
    with app.session() as session:
        unit = rename_unit(session, name=name, new_name=new_name, at=app.clock.now(), actor=ACTOR)
        text = render("units_changed.txt", action="rename", old=name, name=unit.name)
    click.echo(text)


@units.command("alias")
@click.argument("name", required=False)
@click.argument("aliases", nargs=-1)
@click.option(
    "--accept",
    "plan_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Nhận mọi gợi ý tên đơn vị của tệp kế hoạch (như import --dry-run đã gợi ý).",
)
def units_alias(name: str | None, aliases: tuple[str, ...], plan_file: Path | None) -> None:
    """Thêm tên khác cho đơn vị hoặc nhóm, ví dụ: units alias "Văn phòng Sở" "VP Sở"."""
    if plan_file is not None:
        _accept(plan_file)
        return
    if not name or not aliases:
        raise UserFacingError(texts.text("cli", "alias_needs_names"))
    app = open_app()
    with app.session() as session:
        for alias in aliases:
            add_alias(session, name=name, alias=alias, at=app.clock.now(), actor=ACTOR)
        unit = find_unit(session, name=name)
        group = find_group(session, name=name) if unit is None else None
        if group is not None:
            text = render(
                "units_changed.txt", action="group_alias", name=group.name, aliases=aliases
            )
        else:
            known = list(aliases) if unit is None else [unit.name, *aliases]
            text = render("units_changed.txt", action="alias", name=known[0], aliases=known[1:])
    click.echo(text)


def _accept(plan_file: Path) -> None:
    # Imported here: reading plan files pulls in the document readers.
    from storage.unit_suggestions import accept_suggestions, plan_suggestions

    app = open_app()
    with app.session() as session:
        result = plan_suggestions(session, path=plan_file)
        accept_suggestions(session, result=result, at=app.clock.now(), actor=ACTOR)
        text = render("units_accept.txt", result=result, file_name=plan_file.name)
    click.echo(text)


@units.command("group")
@click.argument("group")
@click.argument("members", nargs=-1)
@click.option("--remove", is_flag=True, help="Bỏ các đơn vị đã nêu khỏi nhóm.")
def units_group(group: str, members: tuple[str, ...], remove: bool) -> None:
    """Tạo nhóm hoặc thêm/bỏ đơn vị trong nhóm ("Các phòng CM Sở" → các phòng)."""
    app = open_app()
    with app.session() as session:
        if remove:
            target = remove_from_group(
                session, group=group, members=members, at=app.clock.now(), actor=ACTOR
            )
        else:
            target = add_to_group(
                session, group=group, members=members, at=app.clock.now(), actor=ACTOR
            )
        names = [unit.name for unit in group_members(session, group=target)]
        text = render("units_changed.txt", action="group", name=target.name, members=names)
    click.echo(text)


@units.command("merge")
@click.argument("source")
@click.argument("into")
@click.option("--yes", is_flag=True, help="Không hỏi lại.")
def units_merge(source: str, into: str, yes: bool) -> None:
    """Sáp nhập ĐƠN_VỊ_CŨ vào ĐƠN_VỊ_NHẬN: nhiệm vụ, lịch sử, người dùng, nhóm chat theo sang."""
    if not yes and not click.confirm(
        texts.text("cli", "merge_confirm", source=source, into=into), default=False
    ):
        raise UserFacingError(texts.text("cli", "merge_cancelled"))
    app = open_app()
    with app.session() as session:
        result = merge_units(session, source=source, into=into, at=app.clock.now(), actor=ACTOR)
    click.echo(render("units_merge.txt", result=result))


@units.command("load")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra, không lưu.")
def units_load(file: Path, dry_run: bool) -> None:
    """Nạp tệp đơn vị (YAML hoặc CSV): đơn vị, tên khác, nhóm. Nạp lại nhiều lần không sao."""
    data = read_units_file(file)
    app = open_app()
    with Session(app.engine, expire_on_commit=False) as session:
        result = load_units(session, data=data, at=app.clock.now(), actor=ACTOR)
        if dry_run:
            session.rollback()
        else:
            session.commit()
    click.echo(render("units_load.txt", result=result, file_name=file.name, dry_run=dry_run))
