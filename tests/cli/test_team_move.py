"""`cs-tui team move-to-postgres URL` against the local PostgreSQL server."""

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.cli.conftest import Run
from tests.conftest import POSTGRES_ENV

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_server_db() -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    maintenance = os.environ.get(POSTGRES_ENV)
    if not maintenance:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests are mandatory in CI: set {POSTGRES_ENV}")
        pytest.skip(f"PostgreSQL tests skipped: set {POSTGRES_ENV}")
    name = f"cs_tui_move_{uuid.uuid4().hex[:10]}"
    admin = create_engine(maintenance, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(maintenance).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _table_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            names = connection.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                    "AND tablename <> 'cs_tui_schema_version'"
                )
            ).scalars()
            return {
                n: connection.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one()
                for n in list(names)
            }
    finally:
        engine.dispose()


def test_a_book_moves_whole_and_the_server_shows_the_same_accounts(
    run: Run, empty_server_db: str
) -> None:
    assert run("demo", "--accounts", "25", "--seed", "3").exit_code == 0
    before = json.loads(run("accounts", "list", "--json").stdout)
    with_password = make_url(empty_server_db).set(password="s3cret-pw")
    moved = run(
        "team", "move-to-postgres", with_password.render_as_string(hide_password=False), "--json"
    )
    assert moved.exit_code == 0, moved.output
    report = json.loads(moved.stdout)
    by_table = {t["table"]: t["rows"] for t in report["tables"]}
    assert by_table["account"] == 25
    assert report["rows"] == sum(by_table.values()) > 25
    assert {n: c for n, c in _table_counts(empty_server_db).items() if n in by_table} == by_table
    assert "s3cret-pw" not in moved.output  # the password is never printed
    after = json.loads(run("accounts", "list", "--json", db=empty_server_db).stdout)
    assert after == before


def test_a_target_that_holds_a_book_is_refused_and_left_alone(
    run: Run, empty_server_db: str
) -> None:
    assert run("demo", "--accounts", "5", "--seed", "1").exit_code == 0
    assert run("team", "move-to-postgres", empty_server_db).exit_code == 0
    counts = _table_counts(empty_server_db)
    again = run("team", "move-to-postgres", empty_server_db)
    assert again.exit_code == 1
    assert "already holds a book (account (5)" in again.output
    assert "nothing was copied" in again.output
    assert _table_counts(empty_server_db) == counts


def test_a_database_of_another_application_is_refused(run: Run, empty_server_db: str) -> None:
    engine = create_engine(empty_server_db)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id int)"))
    engine.dispose()
    assert run("demo", "--accounts", "3").exit_code == 0
    refused = run("team", "move-to-postgres", empty_server_db)
    assert refused.exit_code == 1
    assert "tables of another application" in refused.output
    assert set(_table_counts(empty_server_db)) == {"invoices"}


def test_a_url_that_is_not_postgresql_is_named(run: Run, tmp_path: Path) -> None:
    assert run("demo", "--accounts", "3").exit_code == 0
    refused = run("team", "move-to-postgres", str(tmp_path / "other.db"))
    assert refused.exit_code == 1
    assert "URL:" in refused.output and "is not a PostgreSQL URL" in refused.output
    assert not (tmp_path / "other.db").exists()


def test_a_copy_that_does_not_verify_is_rolled_back(
    run: Run, empty_server_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cs_tui.data.move import to_postgres

    assert run("demo", "--accounts", "4", "--seed", "5").exit_code == 0
    real = to_postgres._digest
    calls = {"n": 0}

    def one_side_differs(rows: object) -> tuple[int, str]:
        calls["n"] += 1
        count, checksum = real(rows)  # type: ignore[arg-type]
        return (count + 1, checksum) if calls["n"] == 2 else (count, checksum)

    monkeypatch.setattr(to_postgres, "_digest", one_side_differs)
    failed = run("team", "move-to-postgres", empty_server_db)
    assert failed.exit_code == 1
    assert "the copy has" in failed.output and "nothing was copied" in failed.output
    assert set(_table_counts(empty_server_db).values()) == {0}  # migrated, but empty
