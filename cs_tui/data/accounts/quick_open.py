"""The launch path: can the first page be served straight from an SQLite file, before the ORM loads?

Only the standard library is used here. Anything unusual (a new, foreign, corrupt or older file, or a
server URL) returns "no": the app then opens the store the full way, which migrates and explains.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from cs_tui.data.accounts.list_rows import AccountRow, fetch_first_page_sqlite
from cs_tui.data.store.schema_head import HEAD_REVISION
from cs_tui.data.store.sqlite_probe import FileState, probe_sqlite_file

SQLITE_PREFIX = "sqlite:///"


@dataclass(frozen=True)
class QuickOpen:
    sqlite_path: Path | None
    first_page: list[AccountRow] | None  # None: not servable without opening the store


def sqlite_path_of(database_url: str) -> Path | None:
    if not database_url.startswith(SQLITE_PREFIX):
        return None
    raw = unquote(database_url[len(SQLITE_PREFIX) :]).split("?", 1)[0]
    return Path(raw) if raw and raw != ":memory:" else None


def quick_open(database_url: str, *, page_size: int) -> QuickOpen:
    path = sqlite_path_of(database_url)
    if path is None:
        return QuickOpen(None, None)
    probe = probe_sqlite_file(path)
    if probe.state is not FileState.OURS or probe.revision != HEAD_REVISION:
        return QuickOpen(path, None)
    try:
        return QuickOpen(path, fetch_first_page_sqlite(path, limit=page_size))
    except sqlite3.Error:  # the full open reports it, with a clear message
        return QuickOpen(path, None)
