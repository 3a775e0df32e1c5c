"""Shared fixtures: every storage test runs on SQLite and, when configured, on PostgreSQL.

The schema is migrated once per run into a template (a SQLite file, a PostgreSQL database);
each test gets its own copy of it, so tests stay independent without migrating each time.
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url

from scheduler.clock import VIETNAM_TZ, ManualClock
from storage.database import make_engine, normalise_url
from storage.migrate import upgrade

POSTGRES_URL = os.environ.get("NHACVIEC_TEST_DATABASE_URL")

# On CI the property tests replay the same examples every run, so a run's result does not
# depend on luck; on a developer's machine they keep drawing new ones and find new cases.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")
BACKENDS = ["sqlite", "postgresql"]
# Names of the databases this run creates on a shared server: the process id keeps two
# concurrent test runs on the same server apart, the counter keeps tests apart.
_RUN = f"nv_{os.getpid()}_{uuid.uuid4().hex[:6]}"
_created = itertools.count()


def _admin() -> Engine:
    """A connection outside any transaction: CREATE/DROP DATABASE refuse to run in one."""
    assert POSTGRES_URL
    return create_engine(normalise_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")


def _database_url(name: str) -> str:
    assert POSTGRES_URL
    return make_url(normalise_url(POSTGRES_URL)).set(database=name).render_as_string(False)


def _create_database(name: str, *, template: str | None = None) -> Engine:
    admin = _admin()
    clause = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"{clause}')
    admin.dispose()
    return make_engine(_database_url(name))


def _drop_database(name: str) -> None:
    admin = _admin()
    with admin.connect() as connection:
        # FORCE: a child process of a failed test may still hold a connection.
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def _require_postgres() -> None:
    if not POSTGRES_URL:
        if os.environ.get("NHACVIEC_REQUIRE_POSTGRES") == "1":
            pytest.fail("NHACVIEC_REQUIRE_POSTGRES=1 but NHACVIEC_TEST_DATABASE_URL is not set")
        pytest.skip("NHACVIEC_TEST_DATABASE_URL is not set")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once per run; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as connection:
        # Fold the write-ahead log into the file so that copying the file copies everything.
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A PostgreSQL database migrated to head once per run, the template of each test's own."""
    _require_postgres()
    name = f"{_RUN}_template"
    engine = _create_database(name)
    try:
        upgrade(engine)
        # CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
        engine.dispose()
        yield name
    finally:
        engine.dispose()
        _drop_database(name)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        _require_postgres()
    return str(request.param)


@pytest.fixture
def empty_engine(backend: str, tmp_path: Path) -> Iterator[Engine]:
    """An engine on an empty database (no schema), SQLite file or a fresh PostgreSQL one."""
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path}/test.db")
        yield engine
        engine.dispose()
        return
    name = f"{_RUN}_{next(_created)}"
    engine = _create_database(name)
    try:
        yield engine
    finally:
        engine.dispose()
        _drop_database(name)


@pytest.fixture
def engine(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine whose database is migrated to head: a copy of the run's migrated template."""
    if backend == "sqlite":
        path = tmp_path / "test.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        engine = make_engine(f"sqlite:///{path}")
        yield engine
        engine.dispose()
        return
    template = request.getfixturevalue("postgres_template")
    name = f"{_RUN}_{next(_created)}"
    engine = _create_database(name, template=template)
    try:
        yield engine
    finally:
        engine.dispose()
        _drop_database(name)


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
    return engine.url.render_as_string(hide_password=False)
