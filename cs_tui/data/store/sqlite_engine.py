"""The SQLAlchemy engine over one SQLite file, with the settings user data needs.

Connections open the file by URI with `mode=rw` (or `ro`), never `rwc`: once the store is open, a
file deleted under it is reported as missing instead of silently re-created empty. The URI is built
by `Path.as_uri()`, so a path with spaces, `#` or `%` names the right file.
"""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL

from cs_tui.data.store.failures import install_failure_mapping
from cs_tui.data.store.sqlite_probe import read_only_uri

WRITE_OPTION = "cs_tui_write"
SQLITE_BUSY_TIMEOUT_MS = 5000


def is_write(connection: Any) -> bool:
    """Whether a connection was checked out for a write transaction (see `Database.write`)."""
    options = connection.get_execution_options() if connection is not None else {}
    return bool(options.get(WRITE_OPTION))


def sqlite_engine(path: Path, *, read_only: bool, busy_timeout_ms: int | None = None) -> Engine:
    """An engine over the existing file `path`: WAL, full fsync, foreign keys, BEGIN IMMEDIATE."""
    uri = read_only_uri(path) if read_only else f"{path.as_uri()}?mode=rw"
    timeout = SQLITE_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine(URL.create("sqlite", database=str(path)), creator=connect)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={timeout}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if is_write(connection) else "BEGIN")

    install_failure_mapping(engine, str(path), writing=is_write)
    return engine
