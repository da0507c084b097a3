"""Backups: a consistent copy of an SQLite file (VACUUM INTO), or pg_dump for PostgreSQL.

Each is written to a temporary file beside the target and renamed into place once complete, so a
full disk or a failed dump never leaves half a backup that looks whole. A backup never overwrites.
"""

import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from cs_tui import locations
from cs_tui.data.store.errors import StoreError
from cs_tui.data.store.failures import storage_error
from cs_tui.data.store.sqlite_probe import read_only_uri
from cs_tui.io.os_errors import os_error_cause
from cs_tui.io.safe_output import OutputError, new_output_path, replacing


def default_backup_path(database: Path, *, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return locations.backups_dir() / f"{database.stem}-{stamp}.db"


def _backup_folder() -> Path:
    folder = locations.backups_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"Cannot create the backups folder {folder}: {os_error_cause(error)}; no backup was "
            "written.",
            hint="Set CS_TUI_DATA_DIR to a folder that can be written.",
        ) from error
    return folder


def _target(database: Path, destination: Path | None) -> Path:
    if destination is None:
        _backup_folder()
        destination = default_backup_path(database)
    try:
        return new_output_path(destination, name_in_folder=default_backup_path(database).name)
    except OutputError as error:
        raise StoreError(str(error)) from error


def backup_sqlite(database: Path, destination: Path | None = None) -> Path:
    """Copy the database to `destination` (a new file, or a folder; default: the backups folder)."""
    target = _target(database, destination)
    try:
        with replacing(target) as temporary:
            source = sqlite3.connect(read_only_uri(database), uri=True)
            try:
                source.execute("VACUUM INTO ?", (str(temporary),))
            except sqlite3.Error as error:
                mapped = storage_error(error, target=str(target))
                raise mapped or StoreError(f"backup of {database} failed: {error}") from error
            finally:
                source.close()
    except OutputError as error:
        raise StoreError(str(error)) from error
    return target


def backup_postgres(url: URL, destination: Path | None = None) -> Path:
    """Dump the database with pg_dump (custom format), which must be on PATH."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise StoreError(
            "pg_dump was not found on PATH; nothing was written.",
            hint="Install the PostgreSQL client tools, or back up on the server.",
        )
    target = _target(Path(url.database or "cs-tui"), destination)
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with replacing(target) as temporary:
            result = subprocess.run(
                [pg_dump, "--format=custom", f"--file={temporary}", plain],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise StoreError(f"pg_dump failed, nothing was written: {result.stderr.strip()}")
    except OutputError as error:
        raise StoreError(str(error)) from error
    return target
