"""The message catalogue: every macro renders, and Python sources keep no Vietnamese sentences."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from jinja2.exceptions import UndefinedError

from messages import texts
from messages.render import environment

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "messages" / "templates" / texts.TEXTS_DIR
ACCENTED = re.compile(
    "[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữựọỏõòóìíỉĩịùúủũụỳýỷỹỵ]", re.IGNORECASE
)

# Input language, not output: words and phrases the readers recognise in what users write.
VOCABULARY = {
    # Number words and letters the deadline grammar reads; its notes are codes (Note), said
    # by messages/templates/texts/deadlines.txt.
    "scheduler/deadlines/normalise.py",
    "scheduler/deadlines/text.py",
    # Names of one-off periods ("Ngày 05/03/2024", "Trước tháng 03/2024"): stored labels.
    "scheduler/deadlines/once.py",
    # Separators and name variants tried when reading a unit cell.
    "storage/importing/unit_cells.py",
    # The letters folded away when matching what users type.
    "scheduler/folding.py",
    # How plans name periods and days: stored labels the grammar and leaders read back.
    "scheduler/names.py",
}
# Module-level constants that are input vocabulary inside otherwise catalogued modules.
VOCABULARY_NAMES = {"YAML_HEADER", "_STAFF_WORDS", "_LEADER_WORDS"}


def _areas() -> list[str]:
    return sorted(path.stem for path in CATALOGUE.glob("*.txt"))


NUMBERS = {"count", "limit", "line", "number", "hours", "limit_mb", "index"}


# Lists of words the message joins ("hãy chọn một trong A, B").
LISTS = {"choices", "possible"}
# Arguments that choose between wordings instead of appearing in the text.
SELECTORS = {"kind"}
# Names said in the middle of a sentence, their first letter in lower case ("Bắt đầu từ tháng…").
MID_SENTENCE = {"period"}


def _sample(name: str) -> object:
    """A recognisable value per argument, so a message that drops one of them is caught."""
    if name in LISTS:
        return [f"Mẫu-{name}"]
    return 97 if name in NUMBERS else f"Mẫu-{name}"


def _shown(value: object) -> str:
    return str(value[0]) if isinstance(value, list) else str(value)


@pytest.mark.parametrize("area", _areas())
def test_every_message_renders_with_sample_values(area: str) -> None:
    module = environment().get_template(f"{texts.TEXTS_DIR}/{area}.txt").module
    names = [name for name in dir(module) if not name.startswith("_")]
    assert names, f"{area}.txt defines no message"
    for name in names:
        macro = texts.catalogue_macro(area, name)
        values = {arg: _sample(arg) for arg in macro.arguments}
        rendered = texts.text(area, name, **values)
        assert rendered.strip(), f"{area}.{name} renders blank"
        for arg, value in values.items():
            if arg in MID_SENTENCE:
                assert _shown(value).lower() in rendered.lower(), f"{area}.{name} ignores {arg}"
            elif arg not in SELECTORS:
                assert _shown(value) in rendered, f"{area}.{name} ignores {arg}"


def test_a_selector_changes_the_wording() -> None:
    common = {"hint": "--year", "choices": [], "command": "nhacviec import"}
    as_number = texts.text("cli", "usage_bad_value", kind="integer", **common)
    as_path = texts.text("cli", "usage_bad_value", kind="path", **common)
    assert "số nguyên" in as_number and "đường dẫn" in as_path


def test_a_missing_value_or_message_raises() -> None:
    with pytest.raises(UndefinedError):
        texts.text("people", "unit_not_found")
    with pytest.raises(LookupError):
        texts.text("people", "no_such_message")
    with pytest.raises(TypeError):
        texts.text("people", "invite_used", extra="x")


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


CLICK_DOCS = {"help", "short_help", "epilog", "metavar"}


def _help_texts(tree: ast.AST) -> set[int]:
    """Click's help=/metavar= strings: the command line's own --help documentation."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in CLICK_DOCS:
            found.update(id(inner) for inner in ast.walk(node.value))
    return found


def _vocabulary(tree: ast.Module) -> set[int]:
    """Regular expressions and the named vocabulary constants: what readers recognise."""
    found: set[int] = set()
    for node in ast.walk(tree):
        pattern = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
        )
        if pattern:
            found.update(id(inner) for inner in ast.walk(node))
    for statement in tree.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            if any(isinstance(t, ast.Name) and t.id in VOCABULARY_NAMES for t in targets):
                found.update(id(inner) for inner in ast.walk(statement))
    return found


def _allowed(relative: str) -> bool:
    return any(relative == entry or relative.startswith(entry + "/") for entry in VOCABULARY)


def _vietnamese_literals(path: Path, *, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _help_texts(tree) | _vocabulary(tree)
    hits = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.Constant):
            continue
        if isinstance(node.value, str) and ACCENTED.search(node.value):
            hits.append(f"{path.relative_to(root)}:{node.lineno}: {node.value[:60]!r}")
    return hits


def test_no_vietnamese_sentences_in_python_sources() -> None:
    hits: list[str] = []
    for package in ("bot", "messages", "scheduler", "storage"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if _allowed(relative):
                continue
            hits.extend(_vietnamese_literals(path))
    assert not hits, "move these sentences to messages/templates/texts/:\n" + "\n".join(hits)


def test_the_scan_sees_a_sentence_but_not_docs_help_or_patterns(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        '"""Mô-đun mẫu."""\n'
        "import re\n"
        "import click\n"
        '_WORDS = re.compile(r"hoặc|và")\n'
        '@click.option("--x", help="Giúp đỡ")\n'
        "def f() -> str:\n"
        '    """Trả về câu."""\n'
        '    return "Đã lưu."\n',
        encoding="utf-8",
    )
    hits = [hit.split(": ", 1)[1] for hit in _vietnamese_literals(source, root=tmp_path)]
    assert hits == ["'Đã lưu.'"]
