"""The app's store, opened in the background: screens' workers wait on it instead of polling."""

import threading
from typing import TYPE_CHECKING

from cs_tui.data.store.errors import StoreError

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database


class StoreHandle:
    """Set once, from the worker that opens the database; read from any thread."""

    def __init__(self) -> None:
        self._ready = threading.Event()
        self._db: Database | None = None
        self._error: StoreError | None = None

    def set(self, db: "Database") -> None:
        self._db = db
        self._ready.set()

    def fail(self, error: StoreError) -> None:
        self._error = error
        self._ready.set()

    @property
    def db(self) -> "Database | None":
        return self._db

    def get(self, timeout: float | None = None) -> "Database":
        """The open database; waits for it, and raises the opening error if there was one."""
        if not self._ready.wait(timeout):
            raise StoreError("the database is still opening")
        if self._error is not None:
            raise self._error
        assert self._db is not None
        return self._db
