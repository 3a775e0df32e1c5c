"""Shared fixtures: every storage test runs on SQLite and, when configured, on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.database import make_engine, normalise_url
from storage.migrate import upgrade

POSTGRES_URL = os.environ.get("NHACVIEC_TEST_DATABASE_URL")
BACKENDS = ["sqlite", "postgresql"]


def _postgres_engine(schema: str) -> Engine:
    assert POSTGRES_URL
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    # A schema per test keeps tests independent without needing a database per test.
    return make_engine(POSTGRES_URL, options=f"-csearch_path={schema}")


def _drop_postgres_schema(schema: str) -> None:
    assert POSTGRES_URL
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def empty_engine(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[Engine]:
    """An engine on an empty database (no schema), SQLite file or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path}/test.db")
        yield engine
        engine.dispose()
        return
    if not POSTGRES_URL:
        if os.environ.get("NHACVIEC_REQUIRE_POSTGRES") == "1":
            pytest.fail("NHACVIEC_REQUIRE_POSTGRES=1 but NHACVIEC_TEST_DATABASE_URL is not set")
        pytest.skip("NHACVIEC_TEST_DATABASE_URL is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = _postgres_engine(schema)
    try:
        yield engine
    finally:
        engine.dispose()
        _drop_postgres_schema(schema)


@pytest.fixture
def engine(empty_engine: Engine) -> Engine:
    """An engine whose database is migrated to head."""
    upgrade(empty_engine)
    return empty_engine


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2024, 3, 11, 8, 0, tzinfo=VIETNAM_TZ))


@pytest.fixture
def cli_env(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment of a command line run on the test's own database, on either backend.

    NHACVIEC_DATABASE_URL names the SQLite file or, on PostgreSQL, carries this test's schema.
    It is also set in this process for `CliRunner`; the dict returned is for a child process.
    """
    url = cli_database_url(engine)
    monkeypatch.setenv("NHACVIEC_DATABASE_URL", url)
    return dict(os.environ)


def cli_database_url(engine: Engine) -> str:
    """A URL another engine, or another process, opens to reach `engine`'s database."""
    if engine.dialect.name != "postgresql":
        return engine.url.render_as_string(hide_password=False)
    with engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    return postgres_url_for_subprocess(str(schema))


def postgres_url_for_subprocess(schema: str) -> str:
    """A URL a child process can use to reach the same test schema."""
    assert POSTGRES_URL
    url = normalise_url(POSTGRES_URL)
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"
