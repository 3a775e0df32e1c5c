"""The four floors: scheduler < messages < storage < bot; a module imports only its own floor
and the floors below it (every import, also those inside functions)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {"scheduler": 1, "messages": 2, "storage": 3, "bot": 4}


def imported_packages(source: str) -> set[str]:
    """Our top-level packages that `source` imports, at any depth of the module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(name.split(".")[0] for name in names if name.split(".")[0] in FLOORS)
    return found


def upward_imports() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for package, floor in FLOORS.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            for imported in imported_packages(path.read_text(encoding="utf-8")):
                if FLOORS[imported] > floor:
                    found.add((module, imported))
    return found


def test_no_module_imports_a_higher_floor() -> None:
    unexpected = sorted(upward_imports())
    assert not unexpected, "imports up a floor:\n" + "\n".join(f"{m} → {p}" for m, p in unexpected)


def test_the_scan_sees_imports_inside_functions() -> None:
    source = (
        "from scheduler import periods\n"
        "import storage.models as models\n"
        "def f():\n"
        "    from bot.context import AppContext\n"
        "    import messages.texts\n"
        "from . import sibling\n"
        "import sqlalchemy\n"
    )
    assert imported_packages(source) == {"scheduler", "storage", "bot", "messages"}


# A module that grows past this has more than one reason to change: split it by reason.
MOST_LINES = 400


def test_no_module_is_larger_than_one_reason_to_change() -> None:
    large = []
    for package in FLOORS:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "versions" in path.parts:
                continue  # migrations are written once and never grow
            lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            if len(lines) > MOST_LINES:
                large.append(f"{path.relative_to(ROOT).as_posix()}: {len(lines)}")
    assert not large, "modules over 400 non-blank lines:\n" + "\n".join(large)
