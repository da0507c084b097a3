"""Opening the store: creation, migration, backups, read-only newer schemas, refusing foreign files."""

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from cs_tui import locations
from cs_tui.data.store import migrate
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.store.errors import DatabaseUnavailableError, ForeignDatabaseError, ReadOnlyError
from cs_tui.data.store.sqlite_probe import APPLICATION_ID, VERSION_TABLE
from cs_tui.models import Account, AccountCreate
from tests.conftest import FROZEN_NOW, TEST_USER, frozen_clock


def add_account(db: Database, name: str = "Acme") -> Account:
    with db.write() as session:
        account = Account.model_validate(AccountCreate(name=name, arr_minor=120_000_00))
        session.add(account)
    return account


def test_a_new_file_is_created_marked_and_at_head(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "book.db"
    open_database(str(path), user=TEST_USER).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    (revision,) = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    assert revision == migrate.head_revision()
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_writes_are_stamped_with_user_and_time(db: Database) -> None:
    account = add_account(db)
    with db.read() as session:
        stored = session.exec(select(Account).where(Account.id == account.id)).one()
    assert stored.updated_by == TEST_USER
    assert stored.created_at == FROZEN_NOW
    assert stored.updated_at.tzinfo is not None


def test_rows_are_never_deleted_outright(db: Database) -> None:
    account = add_account(db)
    with pytest.raises(RuntimeError, match="never deleted"), db.write() as session:
        session.delete(session.get(Account, account.id))
    with db.read() as session:
        assert session.get(Account, account.id) is not None


def test_a_failed_write_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(ZeroDivisionError), db.write() as session:
        session.add(Account.model_validate(AccountCreate(name="Half written")))
        session.flush()
        _ = 1 / 0
    with db.read() as session:
        assert session.exec(select(Account)).all() == []


def test_a_file_of_another_application_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="another application"):
        open_database(str(path), user=TEST_USER)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list: milk, eggs\n")
    with pytest.raises(ForeignDatabaseError, match="not a cs-tui database"):
        open_database(str(path), user=TEST_USER)
    assert path.read_text() == "shopping list: milk, eggs\n"


def test_a_corrupt_file_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    open_database(str(path), user=TEST_USER).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(
        DatabaseUnavailableError, match="is damaged: database disk image is malformed"
    ):
        open_database(str(path), user=TEST_USER)


def test_a_newer_schema_opens_read_only_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    add_account(db)
    db.close()
    connection = sqlite3.connect(path)
    connection.execute(f"UPDATE {VERSION_TABLE} SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    db = open_database(str(path), user=TEST_USER)
    assert db.read_only
    assert "newer version of cs-tui" in db.notice
    with db.read() as session:
        assert [a.name for a in session.exec(select(Account))] == ["Acme"]
    with pytest.raises(ReadOnlyError, match="is open read-only; nothing was changed"):
        add_account(db, "Blocked")
    db.close()


def test_an_older_schema_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    add_account(db)
    migrate.downgrade(db.engine, "base")
    db.close()
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version_num VARCHAR(32))")
    connection.close()
    db = open_database(str(path), user=TEST_USER)
    backups = list(locations.backups_dir().glob("book-*.db"))
    assert len(backups) == 1
    with db.engine.connect() as c:
        assert migrate.current_revision(c) == migrate.head_revision()
    db.close()


def test_bad_urls_name_the_problem() -> None:
    with pytest.raises(DatabaseUnavailableError, match="SQLite or PostgreSQL"):
        open_database("mysql://u@localhost/db", user=TEST_USER)
    with pytest.raises(DatabaseUnavailableError, match="cannot connect"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none", user=TEST_USER)
