"""Copying the whole store from an SQLite file to an empty PostgreSQL database, in one transaction.

The target is opened (and migrated to this version's schema) like any store, then every table is
copied in dependency order through COPY, the values as read back by their column types, so
UUIDs, timestamps and money arrive as the same values. Before the transaction commits, each table
is counted and checksummed on both sides (an order-independent sum of per-row SHA-256 digests of
the values as read back); any difference rolls everything back. A target holding any cs-tui row,
or tables of another application, is refused and left untouched.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select, text
from sqlmodel import SQLModel

from cs_tui.data.store.database import Database, open_database, parse_url
from cs_tui.data.store.errors import InvalidInputError, StoreError
from cs_tui.data.store.sqlite_probe import VERSION_TABLE

CHUNK_ROWS = 5_000
CHECKSUM_MODULUS = 1 << 256
Progress = Callable[[str, int], None]


class MoveRefusedError(StoreError):
    """The move cannot start (a non-empty target, a source that is not a file); nothing copied."""


class MoveVerificationError(StoreError):
    """The copy differs from the source; the target's transaction was rolled back."""


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    checksum: str


@dataclass(frozen=True)
class MoveReport:
    source: str
    target: str
    tables: tuple[TableCopy, ...]

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def book_tables() -> list[Table]:
    """Every table of the store, parents before children (the schema's own version excluded)."""
    import cs_tui.models  # noqa: F401  (registers the tables)

    return [table for table in SQLModel.metadata.sorted_tables if table.name != VERSION_TABLE]


def _rows(connection: Connection, table: Table) -> Iterator[tuple[Any, ...]]:
    result = connection.execution_options(stream_results=True, yield_per=CHUNK_ROWS).execute(
        select(table)
    )
    for row in result:
        yield tuple(row)


def _digest(rows: Iterable[tuple[Any, ...]]) -> tuple[int, str]:
    """The row count and an order-independent checksum of the rows' values."""
    count, total = 0, 0
    for row in rows:
        count += 1
        encoded = repr(row).encode()
        total = (total + int.from_bytes(hashlib.sha256(encoded).digest(), "big")) % (
            CHECKSUM_MODULUS
        )
    return count, f"{total:064x}"


def _held_rows(connection: Connection, tables: list[Table]) -> list[str]:
    held = []
    for table in tables:
        count = connection.execute(select(func.count()).select_from(table)).scalar_one()
        if count:
            held.append(f"{table.name} ({count})")
    return held


def _copy_table(
    reading: Connection, writing: Connection, table: Table, progress: Progress | None
) -> None:
    """The table's rows into the target, through COPY (psycopg adapts the values read back by
    their column types); the same transaction as the rest of the move."""
    quote = writing.dialect.identifier_preparer.quote
    columns = ", ".join(quote(column.name) for column in table.columns)
    driver: Any = writing.connection.dbapi_connection  # psycopg's own connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy,
    ):
        done = 0
        for row in _rows(reading, table):
            copy.write_row(row)
            done += 1
            if progress is not None and done % CHUNK_ROWS == 0:
                progress(table.name, CHUNK_ROWS)
        if progress is not None and done % CHUNK_ROWS:
            progress(table.name, done % CHUNK_ROWS)


def move_to_postgres(
    source: Database, target_url: str, *, progress: Progress | None = None
) -> MoveReport:
    """Copy everything in `source` (an SQLite store) to the empty PostgreSQL database at
    `target_url`; all of it commits, verified, or none of it does."""
    if source.backend != "sqlite":
        raise MoveRefusedError(
            f"{source.display_url} is already a server database; move-to-postgres copies an "
            "SQLite file (the current --db) to a server."
        )
    parsed = parse_url(target_url)
    if parsed.get_backend_name() != "postgresql":
        raise InvalidInputError(
            f"URL: {parsed.render_as_string(hide_password=True)} is not a PostgreSQL URL",
            field="url",
            hint="Give a URL such as postgresql+psycopg://user@host:5432/dbname",
        )
    target = open_database(target_url, user=source.user, clock=source.clock)
    try:
        if target.read_only:
            raise MoveRefusedError(f"{target.display_url} cannot receive the book: {target.notice}")
        return _copy(source, target, progress)
    finally:
        target.close()


def _copy(source: Database, target: Database, progress: Progress | None) -> MoveReport:
    tables = book_tables()
    copied: list[TableCopy] = []
    with source.engine.connect() as reading, target.write_connection() as writing:
        # no other mover (or user) can slip rows in between the emptiness check and the commit
        names = ", ".join(table.name for table in tables)
        writing.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE NOWAIT"))
        held = _held_rows(writing, tables)
        if held:
            raise MoveRefusedError(
                f"{target.display_url} already holds a book ({', '.join(held[:4])}"
                f"{', ...' if len(held) > 4 else ''}); nothing was copied.",
                hint="Move into an empty database: create a new one (see the README's Teams "
                "section) and give its URL.",
            )
        for table in tables:
            _copy_table(reading, writing, table, progress)
        for table in tables:
            rows, checksum = _digest(_rows(reading, table))
            rows_there, checksum_there = _digest(_rows(writing, table))
            if (rows, checksum) != (rows_there, checksum_there):
                raise MoveVerificationError(
                    f"{table.name}: the copy has {rows_there} rows (checksum "
                    f"{checksum_there[:12]}), the file {rows} ({checksum[:12]}); nothing was "
                    "copied.",
                    hint="Run `cs-tui db check` on the file, then try again.",
                )
            copied.append(TableCopy(table.name, rows, checksum))
    return MoveReport(source.display_url, target.display_url, tuple(copied))
