"""A command run in-process leaves no database connection open behind it.

The CLI is also called from long-lived processes (tests, the demo's tryout); an engine left to
the garbage collector keeps its pooled connections, and PostgreSQL counts them against its limit.
"""

from __future__ import annotations

import os
from pathlib import Path

from cli_helpers import nhacviec
from sqlalchemy import text
from sqlalchemy.engine import Engine


def _open_connections(engine: Engine) -> int:
    """Connections to the test's database: server sessions, or open files for SQLite."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            query = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            return int(connection.execute(text(query)).scalar_one())
    database = Path(str(engine.url.database)).resolve()
    count = 0
    for fd in Path("/proc/self/fd").iterdir():
        try:
            count += Path(os.readlink(fd)) == database
        except OSError:
            continue
    return count


def test_commands_close_their_database(engine: Engine, cli_env: dict[str, str]) -> None:
    before = _open_connections(engine)
    for _ in range(3):
        assert nhacviec("units", "list", env=cli_env).returncode == 0
    assert _open_connections(engine) == before
