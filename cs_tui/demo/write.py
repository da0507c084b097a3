"""Writing the demo book: generated rows streamed into the store in one transaction.

Batches of encoded rows (see `encode.py`) go through the DB-API's `executemany` on the transaction's
Core connection, table by table, parents first.
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select

from cs_tui.data.store.audit import stamp
from cs_tui.data.store.bulk_insert import insert_sql
from cs_tui.data.store.database import Database
from cs_tui.data.sync.capture import record_existing
from cs_tui.demo.encode import TABLES, columns_of
from cs_tui.demo.generate import FIELDS, Row
from cs_tui.demo.producer import BookRequest, book_batches
from cs_tui.io.bulk_work import collector_paused

Progress = Callable[[str, int, int], None]

ACCOUNTS_PER_BATCH = 250
"""Accounts drawn and written at a time: about 50,000 rows, so memory stays flat at any book size."""

SQLITE_CACHE_KIB = 256 * 1024
"""SQLite's page cache while loading: a 100,000-account book's indexes fit, peak memory stays low."""

STAGE_PREPARING = "preparing"
STAGE_WRITING = "writing accounts"
STAGE_FINISHING = "indexing and committing"


class DemoBookError(ValueError):
    """The demo book cannot be written here (the database already holds a book)."""


@dataclass(frozen=True)
class DemoSummary:
    """What was written: rows per table (parents first), the owners, the seed and the date."""

    accounts: int
    seed: int
    as_of: date
    owners: tuple[str, ...]
    rows: Mapping[str, int]


def _silent(_stage: str, _done: int, _total: int) -> None:
    return None


def write_demo_book(
    db: Database,
    *,
    accounts: int = 300,
    seed: int = 7,
    as_of: date | None = None,
    progress: Progress | None = None,
    parallel: bool | None = None,
) -> DemoSummary:
    """Write a realistic book of `accounts` accounts with 12-18 months of history, all or nothing.

    The same seed and as_of give the same book, ids included. The database must hold no accounts.
    Derived tables (health snapshots, the account summary) are left to rescoring. `parallel` draws
    the book in a second process while this one writes (default: for books of 10,000 or more).
    """
    if accounts < 1:
        raise ValueError(f"a demo book needs at least one account, not {accounts}")
    report = progress or _silent
    report(STAGE_PREPARING, 0, accounts)
    written = dict.fromkeys(FIELDS, 0)
    with collector_paused(), db.write_connection() as connection:
        _refuse_a_book(connection)
        dialect = connection.dialect
        request = BookRequest(
            seed=seed,
            as_of=as_of or db.today(),
            accounts=accounts,
            user=db.user,
            now=db.now(),
            dialect=f"{dialect.name}+{dialect.driver}",
            accounts_per_batch=ACCOUNTS_PER_BATCH,
        )
        audit_columns = list(stamp({}, user=db.user, now=request.now))
        writers = {name: _TableWriter(connection, name, audit_columns) for name in FIELDS}
        with book_batches(request, parallel=parallel) as (owners, batches):
            report(STAGE_WRITING, 0, accounts)
            with _bulk_load(connection, list(FIELDS)):
                for batch in batches:
                    for name, rows in batch.items():
                        writers[name].write(rows)
                        written[name] += len(rows)
                    report(STAGE_WRITING, written["account"], accounts)
                report(STAGE_FINISHING, accounts, accounts)
        record_existing(connection, list(FIELDS))
    return DemoSummary(accounts, seed, request.as_of, owners, written)


@contextmanager
def _bulk_load(connection: Connection, tables: Sequence[str]) -> Iterator[None]:
    """On SQLite, load the way bulk loaders do, then put everything back as it was.

    Secondary indexes are dropped and rebuilt after the load (a sort, instead of an insertion at a
    random place for every row); CHECK constraints are not evaluated per row (each `IN (...)` check
    costs SQLite a temporary table per row; the generator only emits enum values, and PostgreSQL,
    where the same rows are checked, runs the same tests); the page cache is enlarged. It all
    happens inside the one write transaction: if the load fails, the rollback restores the indexes.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    marks = ", ".join("?" * len(tables))
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).all()
    cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    quote = connection.dialect.identifier_preparer.quote
    connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    connection.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
    try:
        for name, _sql in indexes:
            connection.exec_driver_sql(f"DROP INDEX {quote(name)}")
        yield
        for _name, sql in indexes:
            connection.exec_driver_sql(sql)
    finally:
        connection.exec_driver_sql("PRAGMA ignore_check_constraints = OFF")
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")


def _refuse_a_book(connection: Connection) -> None:
    account = TABLES["account"]
    count = select(func.count()).select_from(account).where(account.c.deleted_at.is_(None))
    existing = connection.execute(count).scalar_one()
    if existing:
        raise DemoBookError(
            f"the database already holds {existing} accounts; the demo book needs an empty one"
        )


class _TableWriter:
    """One table's INSERT of encoded rows (see `encode.py`)."""

    def __init__(self, connection: Connection, table: str, audit_columns: list[str]) -> None:
        self._connection = connection
        self._sql = insert_sql(connection.dialect, table, columns_of(table, audit_columns))

    def write(self, rows: list[Row]) -> None:
        if rows:
            self._connection.exec_driver_sql(self._sql, rows)
