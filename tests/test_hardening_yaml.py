"""Hostile YAML (alias bombs, deep nesting) is refused with one sentence wherever YAML is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import make_plan
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.cli import build_cli
from messages.errors import UserFacingError
from storage.importing.readers import read_source
from storage.models import AuditEntry, Plan
from storage.units import read_units_file


def alias_bomb(top: str, levels: int = 6) -> str:
    """The "billion laughs" shape: each level repeats the one before it nine times."""
    lines = ['l0: &l0 ["ha"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    lines.append(f"{top}: *l{levels}")
    return "\n".join(lines) + "\n"


def deep_nesting(top: str, depth: int = 20_000) -> str:
    return f"{top}: " + "[" * depth + "]" * depth + "\n"


def endless(top: str) -> str:
    """An alias inside the node it names: a document without end."""
    return f"{top}: &loop [1, *loop]\n"


HOSTILE = {"alias": alias_bomb, "deep": deep_nesting, "endless": endless}
WORDS = {"alias": "bí danh", "deep": "lồng nhau", "endless": "bí danh"}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_plan_yaml_bombs_are_refused_with_a_sentence(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(HOSTILE[kind]("tasks"), encoding="utf-8")
    with pytest.raises(UserFacingError) as refused:
        read_source(path)
    assert "ke-hoach.yaml" in refused.value.message and "YAML" in refused.value.message
    assert "\n" not in refused.value.message


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_unit_yaml_bombs_are_refused_with_a_sentence(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "don-vi.yaml"
    path.write_text(HOSTILE[kind]("units"), encoding="utf-8")
    with pytest.raises(UserFacingError) as refused:
        read_units_file(path)
    assert "don-vi.yaml" in refused.value.message and "YAML" in refused.value.message


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_reporting_yaml_bombs_leave_the_plan_unchanged(
    engine: Engine, tmp_path: Path, cli_env: dict[str, str], kind: str
) -> None:
    with Session(engine) as session:
        make_plan(session)
        session.commit()
    path = tmp_path / "lich.yaml"
    path.write_text(HOSTILE[kind]("monthly"), encoding="utf-8")
    result = CliRunner().invoke(
        build_cli(), ["reporting", "set", "KH-01/2024", "--file", str(path)]
    )
    assert isinstance(result.exception, UserFacingError), result.exception
    assert WORDS[kind] in result.exception.message
    with Session(engine) as session:
        assert session.exec(select(Plan)).one().reporting_calendar is None
        assert session.exec(select(AuditEntry)).all() == []


def test_ordinary_yaml_and_honest_aliases_still_load(tmp_path: Path) -> None:
    path = tmp_path / "don-vi.yaml"
    path.write_text(
        "units:\n"
        "  - name: Văn phòng Sở\n    groups: &cm [Các phòng CM]\n"
        "  - name: Thanh tra Sở\n    groups: *cm\n",
        encoding="utf-8",
    )
    assert [spec.name for spec in read_units_file(path).units] == ["Văn phòng Sở", "Thanh tra Sở"]
