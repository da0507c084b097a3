"""What an SQLite file is, found with the standard library alone (no ORM import on the launch path)."""

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from cs_tui.io.os_errors import os_error_cause

APPLICATION_ID = 0x43535455  # "CSTU": PRAGMA application_id marks our files
VERSION_TABLE = "cs_tui_schema_version"
SQLITE_HEADER = b"SQLite format 3\x00"
DAMAGED_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB: the only errors that mean "damaged"


class FileState(Enum):
    MISSING = "missing"  # no file, or an empty one: a new database
    OURS = "ours"  # ours, at some schema revision (maybe none yet)
    FOREIGN = "foreign"  # an SQLite database of another application
    NOT_SQLITE = "not_sqlite"  # not an SQLite file at all
    CORRUPT = "corrupt"  # looks like SQLite but SQLite reports it as damaged
    UNREADABLE = "unreadable"  # cannot be read now (permissions, locks, I/O): `detail` says why


@dataclass(frozen=True)
class Probe:
    path: Path
    state: FileState
    revision: str | None = None
    detail: str = ""


def read_only_uri(path: Path) -> str:
    """The URI that opens `path` for reading only, without creating anything beside it.

    A WAL database in a folder that cannot be written has no shared-memory file and cannot get
    one; SQLite reads it only when told it is immutable, which it is while the folder is locked.
    """
    uri = f"{path.as_uri()}?mode=ro"
    locked = not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists()
    return f"{uri}&immutable=1" if locked else uri


def probe_sqlite_file(path: Path) -> Probe:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except (FileNotFoundError, NotADirectoryError):  # a path that does not exist (yet)
        return Probe(path, FileState.MISSING)
    except IsADirectoryError:
        return Probe(path, FileState.NOT_SQLITE, detail="it is a directory")
    except OSError as error:
        return Probe(path, FileState.UNREADABLE, detail=os_error_cause(error))
    if not header:
        return Probe(path, FileState.MISSING)
    if header != SQLITE_HEADER:
        return Probe(
            path, FileState.NOT_SQLITE, detail="the file does not start with an SQLite header"
        )
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            (app_id,) = connection.execute("PRAGMA application_id").fetchone()
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            revision = None
            if VERSION_TABLE in tables:
                row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        state = FileState.CORRUPT if code in DAMAGED_CODES else FileState.UNREADABLE
        return Probe(path, state, detail=str(error))
    if app_id == APPLICATION_ID:
        return Probe(path, FileState.OURS, revision=revision)
    if app_id == 0 and not tables:
        return Probe(path, FileState.MISSING)
    return Probe(path, FileState.FOREIGN, detail=f"application_id {app_id:#x}")
