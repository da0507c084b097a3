"""Connection problems with the PostgreSQL server: a clear message, nothing half-written, and the
next action reconnects by itself."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, func, make_url, select, text

from cs_tui.data.accounts.edits import add_account
from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.store.errors import ConnectionLostError, DatabaseUnavailableError
from cs_tui.domain.book import account_row as r
from cs_tui.models import Account
from tests.conftest import TEST_USER, frozen_clock

pytestmark = pytest.mark.postgres


def _with(url: str, **parts: object) -> str:
    return make_url(url).set(**parts).render_as_string(hide_password=False)  # type: ignore[arg-type]


def _refusal(url: str) -> DatabaseUnavailableError:
    with pytest.raises(DatabaseUnavailableError) as raised:
        open_database(url, user=TEST_USER, clock=frozen_clock)
    return raised.value


def test_a_server_that_is_not_listening_is_named_with_what_to_check(postgres_url: str) -> None:
    refused = _refusal(_with(postgres_url, port=1))
    assert str(refused).startswith("cannot connect to postgresql+psycopg://")
    assert ":1/" in refused.message
    assert "Is the server running" in refused.hint


def test_an_unknown_user_is_refused_with_a_hint_about_the_credentials(postgres_url: str) -> None:
    refused = _refusal(_with(postgres_url, username="nobody_here", password="wrong"))
    assert "nobody_here" in refused.message
    assert "wrong" not in str(refused)  # the password is never shown
    assert "user name" in refused.hint


def test_a_missing_database_says_to_create_it(postgres_url: str) -> None:
    refused = _refusal(_with(postgres_url, database="no_such_book_db"))
    assert "no_such_book_db" in refused.message
    assert "create it" in refused.hint


@pytest.fixture
def server_db(postgres_db: Database) -> Iterator[Database]:
    yield postgres_db


def _terminate_sessions_of(db: Database, postgres_url: str) -> int:
    """What a server restart or a network cut does to this database's connections."""
    admin = create_engine(_with(postgres_url, database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            return int(
                connection.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": db.url.database},
                ).scalar_one()
            )
    finally:
        admin.dispose()


def _accounts(db: Database) -> int:
    with db.read() as session:
        return int(session.exec(select(func.count()).select_from(Account)).one()[0])  # type: ignore[call-overload]


def test_a_dropped_idle_connection_is_replaced_on_the_next_read(
    server_db: Database, postgres_url: str
) -> None:
    add_account(server_db, {"name": "Acme"})
    assert len(fetch_account_rows(server_db)) == 1
    assert _terminate_sessions_of(server_db, postgres_url) >= 1
    assert len(fetch_account_rows(server_db)) == 1  # no error: the pool reconnected


def test_a_connection_dropped_mid_write_saves_nothing_and_says_so(
    server_db: Database, postgres_url: str
) -> None:
    add_account(server_db, {"name": "Acme"})
    with pytest.raises(ConnectionLostError) as raised, server_db.write() as session:
        session.add(Account(name="Globex"))
        session.flush()
        _terminate_sessions_of(server_db, postgres_url)
        session.add(Account(name="Initech"))
        session.flush()
    assert "connection to the server was lost" in str(raised.value)
    assert "Nothing was saved" in raised.value.hint
    assert _accounts(server_db) == 1  # neither half of the interrupted write
    add_account(server_db, {"name": "Umbrella"})  # and the next write reconnects
    assert {row[r.NAME] for row in fetch_account_rows(server_db)} >= {"Acme", "Umbrella"}
    assert _accounts(server_db) == 2


def test_a_connection_dropped_mid_read_is_reported_then_the_next_read_works(
    server_db: Database, postgres_url: str
) -> None:
    add_account(server_db, {"name": "Acme"})
    with pytest.raises(ConnectionLostError), server_db.read() as session:
        session.exec(select(Account.id)).all()  # type: ignore[call-overload]
        _terminate_sessions_of(server_db, postgres_url)
        session.exec(select(Account.id)).all()  # type: ignore[call-overload]
    assert _accounts(server_db) == 1


def test_the_cli_reports_an_unreachable_server_without_a_traceback(postgres_url: str) -> None:
    from click.testing import CliRunner

    from cs_tui.cli import cli

    result = CliRunner().invoke(cli, ["--db", _with(postgres_url, port=1), "accounts", "list"])
    assert result.exit_code == 1
    assert "cannot connect to" in result.output
    assert "Is the server running" in result.output
    assert "Traceback" not in result.output
