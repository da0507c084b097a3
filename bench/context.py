"""What every benchmark of one suite run shares: the mode, the cached book, a scratch folder.

Fixtures that cost time to make (the book's rows, a generated CSV, an empty migrated database) are
made once per suite run through `memo` and reused by every run of every benchmark.
"""

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bench.book import CACHE_DIR, FULL_ACCOUNTS, QUICK_ACCOUNTS, SEED, BookSpec, ensure_book

T = TypeVar("T")


@dataclass
class Context:
    quick: bool = False
    accounts: int = FULL_ACCOUNTS
    seed: int = SEED
    cache_dir: Path = CACHE_DIR
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _scratch: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    @classmethod
    def for_mode(cls, *, quick: bool, accounts: int | None = None, **kwargs: Any) -> "Context":
        size = accounts if accounts is not None else QUICK_ACCOUNTS if quick else FULL_ACCOUNTS
        return cls(quick=quick, accounts=size, **kwargs)

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """The value made by `factory` the first time `key` is asked for in this suite run."""
        if key not in self._memo:
            self._memo[key] = factory()
        value: T = self._memo[key]
        return value

    @property
    def spec(self) -> BookSpec:
        return BookSpec(self.accounts, self.seed)

    def book(self) -> Path:
        """The cached demo book of this run's size (built on first use)."""
        return self.memo("book", lambda: ensure_book(self.spec, self.cache_dir))

    def writable_book(self) -> Path:
        """A copy of the book for benchmarks that write, so the cached book stays as built."""

        def copy() -> Path:
            target = self.scratch() / "writable-book.db"
            shutil.copyfile(self.book(), target)
            return target

        return self.memo("writable_book", copy)

    def book_count(self) -> int:
        """How many (live) accounts the book holds."""

        def count() -> int:
            with sqlite3.connect(f"file:{self.book()}?mode=ro", uri=True) as connection:
                row = connection.execute(
                    "SELECT count(*) FROM account WHERE deleted_at IS NULL"
                ).fetchone()
            return int(row[0])

        return self.memo("book_count", count)

    def scratch(self) -> Path:
        """A folder for this suite run's throwaway files, removed by `close`."""
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="cs-tui-bench-")
        return Path(self._scratch.name)

    def close(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None
