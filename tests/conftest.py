"""Shared fixtures: isolated config/data folders, a frozen clock, and stores on both backends.

PostgreSQL tests run when CS_TUI_TEST_POSTGRES_URL names a server's maintenance database (e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/postgres); each test worker gets its own database there.
In CI (CI=true) a missing or unreachable server fails the run instead of skipping.
"""

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from cs_tui.data.store.database import Database, open_database

pytest_plugins = ("tests.app_support",)

# The machines these tests run on are shared: a property test's examples are judged by what they
# check, never by how long one took.
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("shared-machine")

FROZEN_NOW = datetime(2026, 6, 15, 14, 30, tzinfo=UTC)
FROZEN_TODAY = date(2026, 6, 15)
POSTGRES_ENV = "CS_TUI_TEST_POSTGRES_URL"
TEST_USER = "tess"


def frozen_clock() -> datetime:
    return FROZEN_NOW


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own config and data folders and a known user, on UTC."""
    monkeypatch.setenv("CS_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CS_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CS_TUI_USER", TEST_USER)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("CS_TUI_DATABASE_URL", raising=False)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "book.db"), user=TEST_USER, clock=frozen_clock)
    yield db
    db.close()


def _postgres_unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests are mandatory in CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def postgres_url(worker_id: str) -> Iterator[str]:
    """A fresh database for this test worker, migrated once, dropped at the end."""
    maintenance = os.environ.get(POSTGRES_ENV)
    if not maintenance:
        _postgres_unavailable(f"set {POSTGRES_ENV} to a server's maintenance database URL")
        return
    from sqlalchemy import create_engine, make_url, text
    from sqlalchemy.exc import OperationalError

    name = f"cs_tui_test_{worker_id}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(maintenance, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as error:
        _postgres_unavailable(f"cannot reach {maintenance}: {error.orig}")
    url = make_url(maintenance).set(database=name).render_as_string(hide_password=False)
    open_database(url, user=TEST_USER, clock=frozen_clock).close()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def postgres_db(postgres_url: str) -> Iterator[Database]:
    from sqlalchemy import text

    db = open_database(postgres_url, user=TEST_USER, clock=frozen_clock)
    with db.engine.begin() as connection:
        tables = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                    "AND tablename <> 'cs_tui_schema_version'"
                )
            )
        ]
        if tables:
            connection.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))
    yield db
    db.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """The same test on SQLite and on PostgreSQL."""
    fixture = "sqlite_db" if request.param == "sqlite" else "postgres_db"
    database: Database = request.getfixturevalue(fixture)
    return database
