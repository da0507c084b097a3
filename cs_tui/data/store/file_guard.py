"""Noticing that the SQLite file was moved, replaced or deleted under a running cs-tui.

A sync client, a restore or the user can swap the file at the database's path while it is open.
SQLite keeps writing to the file it opened, which may now be unlinked, so writes would vanish.
The guard records the file's identity (device and inode) at open and compares it with what the
path holds before each write transaction: one `stat`, a few microseconds. On a change it refuses
that write and every later one, and first moves what was already committed (in the write-ahead
log beside the old path) into the file that was open, through a connection opened at the start,
so a moved or set-aside file holds every acknowledged write.
"""

import contextlib
import os
import sqlite3
import sys
import threading
from pathlib import Path

from cs_tui.data.store.errors import DatabaseFileChangedError

KEPT_HINT = (
    "cs-tui stopped writing to it; what you saved before is in the file it had open{where}. Quit, "
    "put the right file in place (or point --db at where it is now), and start cs-tui again."
)
DELETED_HINT = (
    "cs-tui stopped writing to it. Quit, restore the file (from the trash, the sync service or a "
    "backup: `cs-tui locate backups`), and start cs-tui again."
)


def _current_path(fd: int) -> str | None:
    """Where the open file is now, where the system can tell (Linux, macOS), else None."""
    try:
        if sys.platform.startswith("linux"):
            where = os.readlink(f"/proc/self/fd/{fd}")
            return None if where.endswith(" (deleted)") else where
        if sys.platform == "darwin":
            import fcntl

            raw = fcntl.fcntl(fd, 50, b"\0" * 1024)  # F_GETPATH
            return raw.split(b"\0", 1)[0].decode() or None
    except OSError:
        return None
    return None


class FileGuard:
    """The identity of an open database file, checked before each write."""

    def __init__(self, path: Path, *, busy_timeout_ms: int) -> None:
        self.path = path
        self._fd = os.open(path, os.O_RDONLY)
        stat = os.fstat(self._fd)
        self.identity = (stat.st_dev, stat.st_ino)
        self._lock = threading.Lock()
        self._changed: DatabaseFileChangedError | None = None
        # opened now, so it keeps the original file (and its log) whatever the path holds later
        self._keeper = sqlite3.connect(
            f"file:{path}?mode=rw", uri=True, isolation_level=None, check_same_thread=False
        )
        self._keeper.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        self._keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def check(self) -> None:
        """Raise `DatabaseFileChangedError` if the path no longer holds the file opened."""
        if self._changed is None:
            try:
                stat = os.stat(self.path)
            except FileNotFoundError:
                stat = None
            except OSError:
                return  # cannot tell; the write itself reports what is wrong
            if stat is not None and (stat.st_dev, stat.st_ino) == self.identity:
                return
            with self._lock:
                if self._changed is None:
                    self._save_committed()
                    self._changed = self._describe(replaced=stat is not None)
        raise self._changed

    def _describe(self, *, replaced: bool) -> DatabaseFileChangedError:
        gone = os.fstat(self._fd).st_nlink == 0
        now_at = None if gone else _current_path(self._fd)
        if replaced:
            cause = "it was replaced by another file while cs-tui had it open"
            if now_at:
                cause += f" (the file cs-tui had open is now {now_at})"
        elif gone:
            cause = "it was deleted while cs-tui had it open"
        else:
            cause = f"it was moved to {now_at}" if now_at else "it was moved away"
            cause += " while cs-tui had it open"
        hint = DELETED_HINT if gone else KEPT_HINT.format(where=f", {now_at}" if now_at else "")
        return DatabaseFileChangedError(
            f"Cannot save to {self.path}: {cause}.", target=str(self.path), cause=cause, hint=hint
        )

    def _save_committed(self) -> None:
        """Copy committed transactions from the write-ahead log into the file that was open."""
        # if it fails, the log stays and SQLite copies it over when the last connection closes
        with contextlib.suppress(sqlite3.Error):
            self._keeper.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    def close(self) -> None:
        self._keeper.close()
        os.close(self._fd)
