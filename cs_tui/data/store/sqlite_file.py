"""Before an SQLite file is opened: is it in a synced folder, can it be written, can it be created?

Each answer that stops the open is a `StoreError` naming the file or folder and the cause.
"""

import os
import sqlite3
from pathlib import Path

from cs_tui import locations
from cs_tui.data.store.errors import DatabaseUnavailableError, SyncedFolderError
from cs_tui.io.os_errors import os_error_cause
from cs_tui.io.sync_probe import find_sync_folder

ALLOW_SYNCED_ENV = "CS_TUI_ALLOW_SYNCED_DB"
YES = ("1", "true", "yes", "on")


def refuse_synced_folder(path: Path) -> None:
    """Refuse a database in a folder a sync service manages, unless `CS_TUI_ALLOW_SYNCED_DB=1`."""
    if os.environ.get(ALLOW_SYNCED_ENV, "").strip().lower() in YES:
        return
    folder = find_sync_folder(path)
    if folder is None:
        return
    default = locations.default_database_path()
    if find_sync_folder(default) is None:
        keep = (
            f"Keep the database on this computer: move the file (with cs-tui closed) to the default "
            f"data folder, {default}, and open cs-tui without --db."
        )
    else:
        keep = (
            "Keep the database on this computer: set CS_TUI_DATA_DIR to a folder no sync "
            "service manages, and move the file there."
        )
    raise SyncedFolderError(
        f"{path} is in a folder that {folder.service} syncs ({folder.clue}). cs-tui does not open "
        "a live database there: sync services copy files, not database locks, and leave "
        "conflicted or torn copies that lose your changes.",
        hint=f"{keep} To share your book with your team, use a team folder instead: "
        "`cs-tui team init FOLDER` (or `cs-tui team join FOLDER`) keeps each device's changes in "
        f"that synced folder and merges them. To open it here anyway, at your own risk, set "
        f"{ALLOW_SYNCED_ENV}=1.",
    )


def write_refusal(path: Path) -> str:
    """Why `path` (an existing file) cannot be written, or "" when it can."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError as error:
        return f"the file is read-only ({os_error_cause(error)})"
    os.close(fd)
    if not os.access(path.parent, os.W_OK):
        return "its folder is read-only"
    return ""


def create_database_file(path: Path) -> None:
    """Create the folders and the empty file of a new database, naming what cannot be made."""
    for folder in reversed([path.parent, *path.parent.parents]):
        if folder.is_dir():
            continue
        try:
            folder.mkdir()
        except FileExistsError as error:
            if not folder.is_dir():
                raise DatabaseUnavailableError(
                    f"Cannot create the folder {folder} for {path.name}: a file of that name is "
                    "in the way.",
                    hint="Choose another path with --db, or move that file.",
                ) from error
        except OSError as error:
            raise DatabaseUnavailableError(
                f"Cannot create the folder {folder} for {path.name}: {os_error_cause(error)}.",
                hint="Choose another path with --db (or CS_TUI_DATA_DIR for the default folder).",
            ) from error
    try:
        sqlite3.connect(path).close()
    except sqlite3.Error as error:
        reason = "its folder cannot be written" if not os.access(path.parent, os.W_OK) else error
        raise DatabaseUnavailableError(
            f"Cannot create {path}: {reason}.", hint="Choose another path with --db."
        ) from error
