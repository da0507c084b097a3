"""A full disk, a read-only store, a lock held too long, damaged data: the store's own errors.

Each names the file (or server) and the cause, the write is rolled back, and once the cause is gone
the next write works. The causes are real: SQLite's `max_page_count` makes it report SQLITE_FULL as
a full disk would; `query_only` (SQLite) and `default_transaction_read_only` (PostgreSQL) refuse
writes as a read-only file or server does (the tests run as root, for whom chmod changes nothing).
"""

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg.errors
import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import (
    AccessDeniedError,
    ConnectionLostError,
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseFileChangedError,
    DiskFullError,
    ReadOnlyStorageError,
    StorageError,
    StorageIOError,
)
from cs_tui.data.store.failures import storage_error
from cs_tui.models import Account, AccountCreate


def add_accounts(db: Database, count: int, prefix: str = "Acme") -> None:
    with db.write() as session:
        for index in range(count):
            session.add(Account.model_validate(AccountCreate(name=f"{prefix} {index}")))


def names(db: Database) -> list[str]:
    with db.read() as session:
        return sorted(a.name for a in session.exec(select(Account)))


@contextmanager
def each_new_connection(db: Database, statement: str) -> Iterator[None]:
    """Run `statement` on every connection the store opens inside the block (and only there)."""

    def run(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(statement)
        cursor.close()
        dbapi_connection.commit()  # PostgreSQL: a SET in a rolled-back transaction is undone

    db.engine.dispose()
    event.listen(db.engine, "connect", run)
    try:
        yield
    finally:
        event.remove(db.engine, "connect", run)
        db.engine.dispose()


READ_ONLY = {
    "sqlite": ("PRAGMA query_only=ON", "the file is read-only"),
    "postgresql": ("SET default_transaction_read_only = on", "the database is read-only"),
}


def test_a_read_only_store_refuses_the_write_by_name_then_accepts_the_next(db: Database) -> None:
    add_accounts(db, 1, "Before")
    statement, cause = READ_ONLY[db.backend]
    with each_new_connection(db, statement), pytest.raises(ReadOnlyStorageError) as caught:
        add_accounts(db, 3)
    assert caught.value.message == f"Cannot save to {db.display_url}: {cause}."
    assert caught.value.target == db.display_url
    assert "Nothing was saved" in caught.value.hint or "only allows reading" in caught.value.hint
    assert names(db) == ["Before 0"]
    add_accounts(db, 1, "After")
    assert names(db) == ["After 0", "Before 0"]


def test_a_full_disk_is_named_rolled_back_and_the_next_write_works(sqlite_db: Database) -> None:
    add_accounts(sqlite_db, 1, "Before")
    with sqlite_db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    with (
        each_new_connection(sqlite_db, f"PRAGMA max_page_count={pages}"),
        pytest.raises(DiskFullError, match="the disk is full") as caught,
    ):
        add_accounts(sqlite_db, 2_000)
    assert caught.value.message == f"Cannot save to {sqlite_db.display_url}: the disk is full."
    assert "Free some space" in caught.value.hint
    assert names(sqlite_db) == ["Before 0"]
    add_accounts(sqlite_db, 2_000)  # space again: the same write goes through
    assert len(names(sqlite_db)) == 2_001


def test_a_lock_held_too_long_is_busy_not_broken(sqlite_db: Database) -> None:
    assert sqlite_db.sqlite_path is not None
    other = sqlite3.connect(sqlite_db.sqlite_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with (
            each_new_connection(sqlite_db, "PRAGMA busy_timeout=50"),
            pytest.raises(DatabaseBusyError, match="another program kept the database locked"),
        ):
            add_accounts(sqlite_db, 1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    add_accounts(sqlite_db, 1)
    assert names(sqlite_db) == ["Acme 0"]


def test_damaged_pages_are_reported_as_damage_when_read(sqlite_db: Database) -> None:
    add_accounts(sqlite_db, 300)
    path = sqlite_db.sqlite_path
    assert path is not None
    with sqlite_db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = connection.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'account'"
        ).one()
        page_size = connection.exec_driver_sql("PRAGMA page_size").scalar()
    sqlite_db.engine.dispose()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d" + b"\xff" * (page_size - 1))  # a leaf page with nonsense cells
    with pytest.raises(
        DatabaseDamagedError, match=r"Cannot read .*: SQLite reports the file as damaged"
    ):
        names(sqlite_db)


def test_constraint_violations_are_not_storage_failures(db: Database) -> None:
    with pytest.raises(IntegrityError), db.write() as session:
        session.add(Account(name=None))  # type: ignore[arg-type]  # NOT NULL is the backstop


def _sqlite_error(code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError("from SQLite")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]  # set by SQLite on real errors
    return error


@pytest.mark.parametrize(
    ("make_error", "kind", "cause"),
    [
        (lambda: _sqlite_error(13), DiskFullError, "the disk is full"),
        (lambda: _sqlite_error(8), ReadOnlyStorageError, "the file is read-only"),
        (lambda: _sqlite_error(8 | (4 << 8)), DatabaseFileChangedError, "moved while"),
        (lambda: _sqlite_error(3), AccessDeniedError, "permission denied"),
        (lambda: _sqlite_error(10 | (3 << 8)), StorageIOError, "input/output error"),
        (lambda: _sqlite_error(14), StorageIOError, "cannot be opened"),
        (lambda: _sqlite_error(5), DatabaseBusyError, "locked"),
        (lambda: _sqlite_error(6), DatabaseBusyError, "locked"),
        (lambda: _sqlite_error(11), DatabaseDamagedError, "damaged"),
        (lambda: _sqlite_error(26), DatabaseDamagedError, "no longer an SQLite database"),
        (lambda: psycopg.errors.DiskFull(), DiskFullError, "the server's disk is full"),
        (lambda: psycopg.errors.ReadOnlySqlTransaction(), ReadOnlyStorageError, "read-only"),
        (lambda: psycopg.errors.InsufficientPrivilege(), AccessDeniedError, "permission denied"),
        (lambda: psycopg.errors.IoError(), StorageIOError, "input/output error"),
        (lambda: psycopg.errors.DataCorrupted(), DatabaseDamagedError, "damaged data"),
        (lambda: psycopg.errors.LockNotAvailable(), DatabaseBusyError, "locked"),
        (lambda: psycopg.errors.AdminShutdown(), ConnectionLostError, "connection"),
        (lambda: psycopg.errors.ConnectionFailure(), ConnectionLostError, "connection"),
    ],
)
def test_each_storage_failure_has_its_error_and_cause(
    make_error: Callable[[], BaseException], kind: type[StorageError], cause: str
) -> None:
    mapped = storage_error(make_error(), target="/data/book.db")
    assert type(mapped) is kind
    assert mapped.message.startswith("Cannot save to /data/book.db: ")
    assert cause in mapped.cause
    assert mapped.hint


@pytest.mark.parametrize(
    "error",
    [
        _sqlite_error(19),  # SQLITE_CONSTRAINT
        _sqlite_error(1),  # SQLITE_ERROR: a mistake in SQL
        sqlite3.OperationalError("no code"),
        psycopg.errors.UniqueViolation(),
        psycopg.errors.SyntaxError(),
        ValueError("not a driver error"),
    ],
)
def test_other_errors_pass_through(error: BaseException) -> None:
    assert storage_error(error, target="/data/book.db") is None
