"""Run `nhacviec` in this process, as a child process would see it, without starting one.

`main()` runs whole (Vietnamese usage errors, exit codes, stdout and stderr apart), inside
Click's `CliRunner` isolation; the result has the fields of `subprocess.CompletedProcess`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main


@dataclass(frozen=True)
class Ran:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def nhacviec(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path | str | None = None,
    input: str | None = None,  # the name subprocess.run uses
) -> Ran:
    """`nhacviec ARGS` with exactly `env` as its environment (like subprocess), in `cwd`."""
    overrides: dict[str, str | None] = {}
    if env is not None:
        overrides = {name: None for name in os.environ if name not in env}
        overrides.update(env)
    argv = sys.argv
    with contextlib.ExitStack() as stack:
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        out, err, _ = stack.enter_context(CliRunner().isolation(input=input, env=overrides))
        sys.argv = ["nhacviec", *args]
        try:
            main()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        finally:
            sys.argv = argv
        return Ran(args, code, out.getvalue().decode(), err.getvalue().decode())
