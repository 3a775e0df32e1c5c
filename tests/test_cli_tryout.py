"""Trying the tool out creates nothing: `deadline` and `import --dry-run` leave no database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLAN = Path(__file__).parent / "data" / "plans" / "tan-hoa-2025" / "PL-KH12-CCHC-2025-TanHoa.docx"
NHACVIEC = str(Path(sys.executable).with_name("nhacviec"))


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NHACVIEC_")}
    return subprocess.run(
        [NHACVIEC, *args], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )


def test_try_out_commands_create_no_database(tmp_path: Path) -> None:
    deadline = _run(tmp_path, "deadline", "trước ngày 10/3", "--year", "2025")
    assert deadline.returncode == 0, deadline.stderr
    review = _run(tmp_path, "import", str(PLAN), "--dry-run")
    assert review.returncode == 0, review.stderr
    assert "24 nhiệm vụ" in review.stdout
    assert list(tmp_path.iterdir()) == []
    # A real import does create it, where the README says.
    stored = _run(tmp_path, "import", str(PLAN), "--create-units")
    assert stored.returncode == 0, stored.stderr
    assert (tmp_path / "data" / "nhacviec.db").exists()
