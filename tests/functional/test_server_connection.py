"""The app on a PostgreSQL server that goes away and comes back: a banner, then it carries on."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, make_url, text

from cs_tui.data.accounts.edits import add_account
from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.store.database import Database
from cs_tui.domain.book import account_row as r
from tests.app_support import SIZE, AppFactory, settle

pytestmark = pytest.mark.postgres


@contextmanager
def _server_refusing(postgres_url: str) -> Iterator[None]:
    """Connections to the book's database refused and the open ones cut, as when it is down."""
    name = make_url(postgres_url).database
    admin = create_engine(
        make_url(postgres_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
        yield
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()


async def test_a_server_that_goes_away_shows_a_banner_until_it_is_back(
    postgres_db: Database, postgres_url: str, make_app: AppFactory
) -> None:
    add_account(postgres_db, {"name": "Acme"})
    app = make_app(postgres_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.check_connection()
        await settle(pilot)
        assert app.connection_lost == ""
        assert "DISCONNECTED" not in app.sub_title
        with _server_refusing(postgres_url):
            app.check_connection()
            await settle(pilot)
            assert "not currently accepting connections" in app.connection_lost
            assert app.sub_title.endswith("DISCONNECTED FROM THE SERVER")
            titles = [n.title for n in app._notifications]
            assert titles.count("Disconnected from the server") == 1
            app.check_connection()  # still away: the banner stays, not repeated
            await settle(pilot)
            assert [n.title for n in app._notifications].count("Disconnected from the server") == 1
        app.check_connection()
        await settle(pilot)
        assert app.connection_lost == ""
        assert "DISCONNECTED" not in app.sub_title
        assert [n.title for n in app._notifications] == ["Reconnected"]
        add_account(app.db, {"name": "Globex"})  # and the app's store works again by itself
        assert sorted(row[r.NAME] for row in fetch_account_rows(app.db)) == ["Acme", "Globex"]
