"""Backups: a consistent copy of an SQLite file (VACUUM INTO), or pg_dump for PostgreSQL."""

import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from cs_tui import locations
from cs_tui.data.store.errors import StoreError


def default_backup_path(database: Path, *, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return locations.backups_dir() / f"{database.stem}-{stamp}.db"


def backup_sqlite(database: Path, destination: Path | None = None) -> Path:
    """Copy the database to `destination` (default: the backups folder) and return the path."""
    target = destination or default_backup_path(database)
    if target.exists():
        raise StoreError(
            f"{target} already exists; nothing was written.", hint="Choose a new path."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        source.execute("VACUUM INTO ?", (str(target),))
    except sqlite3.DatabaseError as error:
        target.unlink(missing_ok=True)
        raise StoreError(f"backup of {database} failed: {error}") from error
    finally:
        source.close()
    return target


def backup_postgres(url: URL, destination: Path) -> Path:
    """Dump the database with pg_dump (custom format), which must be on PATH."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise StoreError(
            "pg_dump was not found on PATH; nothing was written.",
            hint="Install the PostgreSQL client tools, or back up on the server.",
        )
    if destination.exists():
        raise StoreError(f"{destination} already exists; nothing was written.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    result = subprocess.run(
        [pg_dump, "--format=custom", f"--file={destination}", plain],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        destination.unlink(missing_ok=True)
        raise StoreError(f"pg_dump failed: {result.stderr.strip()}")
    return destination
