"""The unit registry: names and aliases folded, groups, rename, merge, units files, CLI."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.cli import build_cli
from messages.errors import UserFacingError
from scheduler.clock import VIETNAM_TZ
from storage.models import (
    Assignment,
    AuditEntry,
    ChatLink,
    EvidenceFile,
    Occurrence,
    Person,
    Plan,
    StatusUpdate,
    Task,
    Unit,
)
from storage.units import (
    add_alias,
    add_to_group,
    add_unit,
    find_unit,
    list_groups,
    list_units,
    load_units,
    merge_units,
    read_units_file,
    remove_from_group,
    rename_unit,
    resolve,
    unit_key,
)

AT = datetime(2024, 3, 11, 8, 0, tzinfo=VIETNAM_TZ)


def test_unit_key_ignores_accents_case_dashes_and_abbreviations() -> None:
    assert unit_key("Phòng Kế hoạch – Tài chính") == unit_key("phong ke hoach-tai chinh")
    assert unit_key("Các phòng CM Sở") == unit_key("Cac phong chuyen mon So")
    assert unit_key("  Văn phòng Sở; ") == "van phong so"
    assert unit_key("Sở LĐ-TB&XH") == unit_key("So LD - TB va XH")
    # Whether a plan writes the dash at all does not make another office.
    assert unit_key("Văn phòng - Thống kê") == unit_key("Van phong Thong ke")
    assert unit_key("Phòng Văn hóa – Thông tin") == unit_key("phong van hoa thong tin")


def test_add_find_alias_and_refuse_duplicates(engine: Engine) -> None:
    with Session(engine) as session:
        unit = add_unit(
            session, name="Văn phòng Sở", aliases=["VP Sở", "Văn phòng"], at=AT, actor="t"
        )
        session.commit()
        assert find_unit(session, name="van phong so") == unit
        assert find_unit(session, name="VP SỞ") == unit
        assert find_unit(session, name="Thanh tra Sở") is None
        with pytest.raises(UserFacingError, match="đã được dùng"):
            add_unit(session, name="VAN PHONG SO", at=AT, actor="t")
        with pytest.raises(UserFacingError, match="đã được dùng"):
            add_unit(session, name="vp so", at=AT, actor="t")
        with pytest.raises(UserFacingError, match="để trống"):
            add_unit(session, name=" - ", at=AT, actor="t")
        session.rollback()
        add_unit(session, name="Thanh tra Sở", at=AT, actor="t")
        with pytest.raises(UserFacingError, match="tên khác của Văn phòng Sở"):
            add_alias(session, name="Thanh tra Sở", alias="van phong", at=AT, actor="t")
        # The same alias again on its own unit is harmless.
        add_alias(session, name="Văn phòng Sở", alias="Vp so", at=AT, actor="t")
        session.commit()
        actions = session.exec(select(AuditEntry.action)).all()
        assert actions.count("unit.add") == 2 and "unit.alias" in actions


def test_rename_keeps_old_name_as_alias(engine: Engine) -> None:
    with Session(engine) as session:
        add_unit(session, name="Phòng Lao động - TB và XH", at=AT, actor="t")
        unit = rename_unit(
            session, name="phong lao dong - tb va xh", new_name="Phòng Nội vụ", at=AT, actor="t"
        )
        session.commit()
        assert unit.name == "Phòng Nội vụ"
        assert find_unit(session, name="Phòng Lao động – TB và XH") == unit
        assert find_unit(session, name="phong noi vu") == unit
        with pytest.raises(UserFacingError, match="Không tìm thấy"):
            rename_unit(session, name="Không có", new_name="X", at=AT, actor="t")


def test_groups_expand_to_members_and_empty_group(engine: Engine) -> None:
    with Session(engine) as session:
        for name in ("Phòng KH-TC", "Thanh tra Sở", "Văn phòng Sở"):
            add_unit(session, name=name, at=AT, actor="t")
        add_to_group(
            session,
            group="Các phòng CM Sở",
            members=["phong kh-tc", "Thanh tra So"],
            at=AT,
            actor="t",
        )
        add_to_group(session, group="UBND các xã, thị trấn", members=[], at=AT, actor="t")
        session.commit()
        resolution = resolve(session, name="các phòng chuyên môn sở")
        assert resolution.group == "Các phòng CM Sở"
        assert sorted(unit.name for unit in resolution.units) == ["Phòng KH-TC", "Thanh tra Sở"]
        empty = resolve(session, name="UBND cac xa, thi tran")
        assert empty.group is not None and empty.units == () and empty.known
        remove_from_group(
            session, group="Các phòng CM Sở", members=["Thanh tra Sở"], at=AT, actor="t"
        )
        assert [g.members for g in list_groups(session) if g.name == "Các phòng CM Sở"] == [
            ("Phòng KH-TC",)
        ]
        with pytest.raises(UserFacingError, match="Không tìm thấy đơn vị"):
            add_to_group(session, group="Các phòng CM Sở", members=["Không có"], at=AT, actor="t")
        with pytest.raises(UserFacingError, match="nhóm"):
            add_unit(session, name="Các phòng chuyên môn Sở", at=AT, actor="t")


def _plan_with_history(session: Session) -> tuple[Task, Unit, Unit]:
    old = add_unit(session, name="Phòng Lao động - TB và XH", at=AT, actor="t")
    new = add_unit(session, name="Phòng Nội vụ", at=AT, actor="t")
    plan = Plan(code="kh", title="KH", year=2024, created_at=AT, updated_at=AT)
    session.add(plan)
    session.flush()
    shared = Task(plan_id=plan.id, number="1", title="Báo cáo", created_at=AT, updated_at=AT)
    only_old = Task(plan_id=plan.id, number="2", title="Rà soát", created_at=AT, updated_at=AT)
    session.add_all([shared, only_old])
    session.flush()
    for task, unit, role in (
        (shared, old, "lead"),
        (shared, new, "coordinating"),
        (only_old, old, "lead"),
    ):
        assignment = Assignment(task_id=task.id, unit_id=unit.id, role=role)
        session.add(assignment)
        session.flush()
        for key in ("2024-Q1", "2024-Q2"):
            session.add(
                Occurrence(
                    assignment_id=assignment.id,
                    period_key=key,
                    period_label=key,
                    nominal_due=date(2024, 3, 15),
                    effective_due=date(2024, 3, 15),
                )
            )
    session.flush()
    return shared, old, new


def test_merge_moves_history_to_the_survivor(engine: Engine) -> None:
    with Session(engine) as session:
        shared, old, new = _plan_with_history(session)
        old_q1 = session.exec(
            select(Occurrence)
            .join(Assignment)
            .where(
                Assignment.unit_id == old.id,
                Assignment.task_id == shared.id,
                Occurrence.period_key == "2024-Q1",
            )
        ).one()
        old_q1.status, old_q1.percent = "done", 100
        session.add(old_q1)
        session.add(
            StatusUpdate(
                occurrence_id=old_q1.id,
                status="done",
                percent=100,
                channel="console",
                created_at=AT,
            )
        )
        session.add(
            EvidenceFile(
                occurrence_id=old_q1.id,
                file_name="bc.pdf",
                size=10,
                sha256="a" * 64,
                stored_path="x",
                channel="console",
                created_at=AT,
            )
        )
        session.add(Person(full_name="Chị Lan", unit_id=old.id, created_at=AT))
        session.add(ChatLink(channel="telegram", chat_id="-1", unit_id=old.id, created_at=AT))
        add_to_group(session, group="Phòng cấp huyện", members=[old.name], at=AT, actor="t")
        session.commit()

        result = merge_units(
            session, source="Phòng Lao động – TB và XH", into="Phòng Nội vụ", at=AT, actor="t"
        )
        session.commit()
        assert (result.assignments_moved, result.assignments_joined) == (1, 1)
        assert result.occurrences_joined == 2 and result.people_moved == 1
        session.expire_all()
        gone = session.get(Unit, old.id)
        assert gone is not None and not gone.active and gone.merged_into_id == new.id
        assert find_unit(session, name="Phòng Lao động - TB và XH") == new
        assignments = session.exec(select(Assignment).where(Assignment.task_id == shared.id)).all()
        assert [(a.unit_id, a.role) for a in assignments] == [(new.id, "lead")]
        q1 = session.exec(
            select(Occurrence).where(
                Occurrence.assignment_id == assignments[0].id, Occurrence.period_key == "2024-Q1"
            )
        ).one()
        assert (q1.status, q1.percent) == ("done", 100)
        assert session.exec(select(StatusUpdate).where(StatusUpdate.occurrence_id == q1.id)).all()
        assert session.exec(select(EvidenceFile).where(EvidenceFile.occurrence_id == q1.id)).all()
        assert session.exec(select(Assignment).where(Assignment.unit_id == old.id)).all() == []
        person = session.exec(select(Person)).one()
        assert person.unit_id == new.id
        assert session.exec(select(ChatLink)).one().unit_id == new.id
        group = resolve(session, name="Phòng cấp huyện")
        assert [unit.name for unit in group.units] == ["Phòng Nội vụ"]
        listed = {info.name: info for info in list_units(session, include_inactive=True)}
        assert listed["Phòng Lao động - TB và XH"].merged_into == "Phòng Nội vụ"
        assert "Phòng Lao động - TB và XH" not in {info.name for info in list_units(session)}
        with pytest.raises(UserFacingError, match="cùng một đơn vị"):
            merge_units(session, source="Phòng Nội vụ", into="phong noi vu", at=AT, actor="t")


def test_units_file_yaml_and_csv_load_twice(engine: Engine, tmp_path: Path) -> None:
    yaml_file = tmp_path / "units.yaml"
    yaml_file.write_text(
        """
units:
  - name: Văn phòng Sở
    aliases: [VP Sở, Văn phòng]
  - name: Phòng Kế hoạch – Tài chính
    aliases: Phòng KH-TC; P. KHTC
    groups: [Các phòng chuyên môn Sở]
  - name: Sở Nội vụ
    kind: external
groups:
  - name: Các phòng chuyên môn Sở
    aliases: [Phòng CM cấp Sở]
    members: [Văn phòng Sở]
""",
        encoding="utf-8",
    )
    csv_file = tmp_path / "more.csv"
    csv_file.write_text(
        "\ufeffTên đơn vị,Tên khác,Nhóm\nThanh tra Sở,TT Sở,Các phòng chuyên môn Sở\n",
        encoding="utf-8",
    )
    with Session(engine) as session:
        first = load_units(session, data=read_units_file(yaml_file), at=AT, actor="t")
        again = load_units(session, data=read_units_file(yaml_file), at=AT, actor="t")
        load_units(session, data=read_units_file(csv_file), at=AT, actor="t")
        session.commit()
        assert len(first.units_added) == 3 and again.units_added == []
        # "VP Sở" needs no alias: with "VP" expanded it already is the unit's own name.
        # Three unit aliases and the group's one.
        assert first.aliases_added == 4 and again.aliases_added == 0
        assert find_unit(session, name="p. khtc") == find_unit(
            session, name="phong ke hoach - tai chinh"
        )
        members = resolve(session, name="Các phòng CM Sở").units
        assert sorted(u.name for u in members) == [
            "Phòng Kế hoạch – Tài chính",
            "Thanh tra Sở",
            "Văn phòng Sở",
        ]
        # The group's alias is the group itself: Thanh tra Sở, added to the group by the CSV
        # file after the alias was made, is in it too (a copied group would have drifted).
        assert len(resolve(session, name="Phòng CM cấp Sở").units) == 3
        assert [g.aliases for g in list_groups(session)] == [("Phòng CM cấp Sở",)]
        external = find_unit(session, name="So Noi vu")
        assert external is not None and external.kind == "external"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("units: [", "u.yaml", "không phải YAML hợp lệ"),
        ("groups: {}", "u.yaml", "units:"),
        ("units:\n  - kind: office\n", "u.yaml", 'thiếu "name"'),
        ("x,y\n1,2\n", "u.csv", "cần cột"),
        ("a", "u.txt", "phải là .yaml"),
    ],
)
def test_bad_units_files(tmp_path: Path, content: str, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserFacingError, match=message):
        read_units_file(path)


def test_units_cli(engine: Engine, tmp_path: Path, cli_env: dict[str, str]) -> None:
    runner = CliRunner()
    cli = build_cli()

    def run(*args: str) -> str:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    assert 'Đã thêm đơn vị "Văn phòng Sở"' in run(
        "units", "add", "Văn phòng Sở", "--alias", "VP Sở"
    )
    run("units", "add", "Phòng Nội vụ", "--group", "Các phòng CM Sở")
    run("units", "add", "Phòng LĐTBXH", "--group", "Các phòng CM Sở")
    assert "tên khác" in run("units", "rename", "Phòng LĐTBXH", "Phòng Lao động")
    assert "Văn phòng" in run("units", "alias", "vp so", "Văn phòng")
    assert "gồm 2 đơn vị" in run("units", "group", "Các phòng CM Sở")
    assert "Đã sáp nhập" in run("units", "merge", "Phòng Lao động", "Phòng Nội vụ", "--yes")
    listing = run("units", "list", "--all")
    assert "đã sáp nhập vào Phòng Nội vụ" in listing and "tên khác: Văn phòng\n" in listing
    units_file = tmp_path / "u.yaml"
    units_file.write_text("units:\n  - name: Thanh tra Sở\n", encoding="utf-8")
    assert "1 đơn vị mới" in run("units", "load", str(units_file))
    failed = runner.invoke(cli, ["units", "add", "van phong so"])
    assert failed.exit_code != 0


def test_group_alias_follows_the_group(engine: Engine) -> None:
    with Session(engine) as session:
        add_unit(session, name="UBND xã Tân Phú", at=AT, actor="t")
        add_unit(session, name="UBND thị trấn Tân Hòa", at=AT, actor="t")
        add_to_group(
            session, group="UBND các xã, thị trấn", members=["UBND xã Tân Phú"], at=AT, actor="t"
        )
        # `add_alias` on a group name gives the group an alias (no "unit not found").
        add_alias(session, name="ubnd cac xa, thi tran", alias="UBND xã, TT", at=AT, actor="t")
        add_to_group(
            session,
            group="UBND các xã, thị trấn",
            members=["UBND thị trấn Tân Hòa"],
            at=AT,
            actor="t",
        )
        resolution = resolve(session, name="ubnd xa, tt")
        assert resolution.group == "UBND các xã, thị trấn"
        assert len(resolution.units) == 2
        with pytest.raises(UserFacingError, match="đã được dùng"):
            add_unit(session, name="UBND xã, TT", at=AT, actor="t")


def test_units_alias_cli_on_a_group(engine: Engine, cli_env: dict[str, str]) -> None:
    runner = CliRunner()
    cli = build_cli()
    runner.invoke(cli, ["units", "add", "Phòng Nội vụ", "--group", "Các phòng CM"])
    result = runner.invoke(cli, ["units", "alias", "Các phòng CM", "Các phòng, ban chuyên môn"])
    assert result.exit_code == 0, result.output
    assert 'Nhóm "Các phòng CM" nay còn được gọi là: Các phòng, ban chuyên môn' in result.output
    listing = runner.invoke(cli, ["units", "list"]).output
    assert "- Các phòng CM: Phòng Nội vụ\n    tên khác: Các phòng, ban chuyên môn" in listing
    missing = runner.invoke(cli, ["units", "alias", "Phòng Nội vụ"])
    assert missing.exit_code != 0 and "ít nhất một tên khác" in str(missing.exception)
