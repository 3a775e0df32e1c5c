"""docs/huong-dan-quan-tri.md, the administrator's guide, is run command by command.

Every `bash` block is executed in order, in a fresh folder holding the Tân Hòa plan, against
the test's database (SQLite or PostgreSQL); a `yaml title="…"` block is written as that file.
The installation line is the README's own first command (run by CI as written there); the
guide must quote it exactly.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine

from bot.cli import build_cli
from bot.cli.common import cli_errors

ROOT = Path(__file__).parent.parent
GUIDE = ROOT / "docs" / "huong-dan-quan-tri.md"
PLAN = ROOT / "tests" / "data" / "plans" / "tan-hoa-2025" / "PL-KH12-CCHC-2025-TanHoa.docx"
_BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
# Lines that set up the shell rather than use the tool.
_INSTALL = "python3 -m venv .venv && .venv/bin/pip install ."
_ACTIVATE = "source .venv/bin/activate"


def _blocks() -> list[tuple[str, str, str]]:
    return [
        (m.group(1), m.group(2).strip(), m.group(3)) for m in _BLOCK.finditer(GUIDE.read_text())
    ]


def test_the_readme_links_the_guide_on_its_first_screen() -> None:
    first_screen = "\n".join(ROOT.joinpath("README.md").read_text().splitlines()[:30])
    assert "docs/huong-dan-quan-tri.md" in first_screen
    assert _INSTALL in ROOT.joinpath("README.md").read_text()


def _nhacviec(args: list[str]) -> tuple[int, str, str]:
    """One command as `nhacviec` runs it (errors said in one Vietnamese line, exit code 2)."""

    def entry() -> None:
        with cli_errors():
            build_cli().main(args, prog_name="nhacviec", standalone_mode=False)

    result = CliRunner().invoke(click.Command("nhacviec", callback=entry), [], input="")
    return result.exit_code, result.stdout, result.stderr


def test_every_command_of_the_guide_runs(
    engine: Engine, cli_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(PLAN, tmp_path / "ke-hoach-cchc-2025.docx")
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "ZALO_BOT_TOKEN", "NHACVIEC_ADMIN_IDS"):
        monkeypatch.delenv(name, raising=False)
    invite_code: str | None = None
    outputs: dict[str, str] = {}
    ran = 0
    for language, info, body in _blocks():
        if language == "yaml" and info.startswith("title="):
            (tmp_path / info.split("=", 1)[1].strip('"')).write_text(body, encoding="utf-8")
            continue
        if language != "bash":
            continue
        for line in body.splitlines():
            line = line.strip()
            if not line or line.startswith("#") or line in (_INSTALL, _ACTIVATE):
                continue
            assert line.startswith("nhacviec "), f"not a nhacviec command: {line}"
            if "MÃ_MỜI" in line:
                assert invite_code, "the guide uses an invite code before making one"
                line = line.replace("MÃ_MỜI", invite_code)
            args = shlex.split(line)[1:]
            code, stdout, stderr = _nhacviec(args)
            ran += 1
            if info == "expect-fail":
                assert code != 0 and "TELEGRAM_BOT_TOKEN" in stderr, line
                continue
            assert code == 0, f"{line}\n{stdout}\n{stderr}"
            outputs.setdefault(line, stdout)
            if args[:1] == ["invite"] and "dau-moi" in args:
                invite_code = stdout.splitlines()[0].split("\t")[1]
    assert ran >= 20
    dry_runs = [out for line, out in outputs.items() if line.endswith("--dry-run")]
    assert "[no_lead]" in dry_runs[0]
    accepted = next(out for line, out in outputs.items() if "--accept" in line)
    assert '"Phòng NV" → Phòng Nội vụ' in accepted
    # The re-read after accepting is the same command: its last output has no "no lead".
    code, again, _ = _nhacviec(["import", "ke-hoach-cchc-2025.docx", "--dry-run"])
    assert code == 0 and "[no_lead]" not in again
    ticked = next(out for line, out in outputs.items() if line.startswith("nhacviec tick"))
    assert "✓ Nhắc hạn → Phòng Nội vụ (console): 🔔 Nhắc việc" in ticked
    assert (tmp_path / "tong-hop.xlsx").exists()
    # Everything went to the test's database, as NHACVIEC_DATABASE_URL said.
    assert not (tmp_path / "data").exists()
