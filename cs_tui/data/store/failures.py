"""Driver errors that users can act on (a full disk, a read-only file...) as the store's own errors.

One place maps them: an SQLAlchemy `handle_error` hook on every engine the store opens, so a
failure anywhere in a read or a write becomes a `StorageError` naming the file (or server) and the
cause, after SQLAlchemy has rolled the transaction back. Errors that are not about the storage
(constraint violations, programming errors) pass through untouched.
"""

import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

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

SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
SQLITE_READONLY_DBMOVED = SQLITE_READONLY | (4 << 8)

Failure = tuple[type[StorageError], str, str]  # (error class, cause, hint)

RETRY = "Nothing was saved; try again once that is fixed."
DAMAGED_HINT = (
    "Run `cs-tui db check` to see what is damaged, and restore a backup "
    "(`cs-tui locate backups` shows where they are)."
)
SQLITE_FAILURES: dict[int, Failure] = {
    SQLITE_FULL: (DiskFullError, "the disk is full", f"Free some space on that disk. {RETRY}"),
    SQLITE_READONLY: (
        ReadOnlyStorageError,
        "the file is read-only",
        f"Make the file and its folder writable, or open a copy elsewhere with --db. {RETRY}",
    ),
    SQLITE_PERM: (AccessDeniedError, "permission denied", f"Check the file's permissions. {RETRY}"),
    SQLITE_IOERR: (
        StorageIOError,
        "the disk reported an input/output error",
        "Check that the disk is still connected and healthy; `cs-tui db check` tells whether the "
        f"file is intact. {RETRY}",
    ),
    SQLITE_CANTOPEN: (
        StorageIOError,
        "the file cannot be opened (it was moved or deleted, or its folder is not accessible)",
        "Check that the file is where it was and that its folder can be written, then restart.",
    ),
    SQLITE_BUSY: (
        DatabaseBusyError,
        "another program kept the database locked",
        "Another cs-tui (or another program) is writing to the same file; try again in a moment.",
    ),
    SQLITE_CORRUPT: (DatabaseDamagedError, "SQLite reports the file as damaged", DAMAGED_HINT),
    SQLITE_NOTADB: (DatabaseDamagedError, "the file is no longer an SQLite database", DAMAGED_HINT),
}
SQLITE_FAILURES[SQLITE_LOCKED] = SQLITE_FAILURES[SQLITE_BUSY]

SERVER_RETRY = "Try again once the server is back to normal."
POSTGRES_FAILURES: dict[str, Failure] = {
    "53100": (DiskFullError, "the server's disk is full", f"Ask for space on the server. {RETRY}"),
    "25006": (
        ReadOnlyStorageError,
        "the database is read-only",
        "The server (or this connection) only allows reading.",
    ),
    "42501": (
        AccessDeniedError,
        "permission denied",
        "The database user in the URL lacks the rights needed.",
    ),
    "58030": (StorageIOError, "the server reported an input/output error", SERVER_RETRY),
    "XX001": (DatabaseDamagedError, "the server reports damaged data", SERVER_RETRY),
    "XX002": (DatabaseDamagedError, "the server reports a damaged index", SERVER_RETRY),
    "55P03": (DatabaseBusyError, "another session kept the rows locked", "Try again in a moment."),
    "40P01": (DatabaseBusyError, "the write collided with another session's", "Try again."),
    "53200": (StorageIOError, "the server ran out of memory", SERVER_RETRY),
    "53300": (ConnectionLostError, "the server has too many connections", SERVER_RETRY),
}
CONNECTION_LOST: Failure = (
    ConnectionLostError,
    "the connection to the server was lost",
    f"Check the network and the server. {RETRY}",
)


def sqlite_failure(error: BaseException) -> Failure | None:
    """What an `sqlite3` error means, by its result code; None when it is not about storage."""
    if not isinstance(error, sqlite3.Error):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    if code == SQLITE_READONLY_DBMOVED:
        return (
            DatabaseFileChangedError,
            "the file was moved while cs-tui had it open",
            "Restart cs-tui on the file where it is now (--db PATH).",
        )
    return SQLITE_FAILURES.get(code & 0xFF)


def postgres_failure(error: BaseException, *, disconnect: bool = False) -> Failure | None:
    """What a psycopg error means, by its SQLSTATE; None when it is not about storage."""
    state = getattr(error, "sqlstate", None)
    if isinstance(state, str):
        if state in POSTGRES_FAILURES:
            return POSTGRES_FAILURES[state]
        if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
            return CONNECTION_LOST
    return CONNECTION_LOST if disconnect else None


def storage_error(
    error: BaseException, *, target: str, writing: bool = True, disconnect: bool = False
) -> StorageError | None:
    """The store's error for a driver error on `target` (a file or server), or None."""
    failure = sqlite_failure(error) or postgres_failure(error, disconnect=disconnect)
    if failure is None:
        return None
    kind, cause, hint = failure
    doing = "cannot save to" if writing else "cannot read"
    return kind(f"{doing.capitalize()} {target}: {cause}.", target=target, cause=cause, hint=hint)


def install_failure_mapping(
    engine: Engine, target: str, *, writing: Callable[[Any], bool] = lambda _c: True
) -> None:
    """Raise the store's errors in place of storage failures on `engine`, naming `target`."""

    @event.listens_for(engine, "handle_error")
    def _handle(context: ExceptionContext) -> None:
        if context.is_pre_ping:  # the pool's liveness check: a dead connection is replaced
            return
        connection = context.connection
        is_write = writing(connection) if connection is not None else True
        mapped = storage_error(
            context.original_exception,
            target=target,
            writing=is_write,
            disconnect=context.is_disconnect,
        )
        if mapped is not None:
            raise mapped from context.sqlalchemy_exception or context.original_exception
