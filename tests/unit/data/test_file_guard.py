"""The database file moved, replaced or deleted under an open store: writing stops, nothing is lost."""

import os
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from cs_tui.data.store.database import Database, open_database
from cs_tui.data.store.errors import DatabaseFileChangedError, StoreError
from tests.conftest import TEST_USER, frozen_clock
from tests.unit.data.test_store import add_account


def names_in(path: Path) -> list[str]:
    """The accounts in the file at `path` alone, as another program opening it would see them."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return sorted(row[0] for row in connection.execute("SELECT name FROM account"))
    finally:
        connection.close()


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return tmp_path / "book.db"


@pytest.fixture
def opened(book: Path) -> Database:
    db = open_database(str(book), user=TEST_USER, clock=frozen_clock)
    add_account(db, "Saved before")
    return db


def test_a_moved_file_keeps_every_saved_write_and_the_next_write_is_refused(
    opened: Database, book: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "elsewhere" / "book.db"
    moved.parent.mkdir()
    os.rename(book, moved)
    with pytest.raises(DatabaseFileChangedError, match=r"book\.db: it was moved to .*elsewhere"):
        add_account(opened, "After the move")
    opened.close()
    assert names_in(moved) == ["Saved before"]
    assert not book.exists()  # not re-created empty


def test_a_replaced_file_is_left_alone_and_the_one_open_keeps_the_saved_writes(
    opened: Database, book: Path, tmp_path: Path
) -> None:
    kept = tmp_path / "kept-by-the-sync-client.db"
    os.link(book, kept)  # what a sync client does when it sets a file aside as a conflicted copy
    other = tmp_path / "incoming.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE incoming (x)")
    incoming = other.read_bytes()
    os.replace(other, book)
    with (
        pytest.raises(DatabaseFileChangedError, match="replaced by another file") as caught,
        opened.write_connection() as connection,
    ):
        connection.execute(text("SELECT 1"))
    assert "what you saved before is in the file it had open" in caught.value.hint
    opened.close()
    assert names_in(kept) == ["Saved before"]
    assert book.read_bytes() == incoming
    with sqlite3.connect(book) as connection:  # the new file did not pick up our journal
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    assert tables == ["incoming"]


def test_a_deleted_file_is_named_and_never_re_created(opened: Database, book: Path) -> None:
    book.unlink()
    with pytest.raises(DatabaseFileChangedError, match=r"book\.db: it was deleted") as caught:
        add_account(opened, "Into the void")
    assert "restore the file" in caught.value.hint
    assert isinstance(caught.value, StoreError)  # what the app and the CLI show as a message
    opened.close()
    assert not book.exists()


def test_once_changed_the_store_stays_stopped_even_if_the_file_comes_back(
    opened: Database, book: Path, tmp_path: Path
) -> None:
    aside = tmp_path / "aside.db"
    os.rename(book, aside)
    with pytest.raises(DatabaseFileChangedError):
        add_account(opened, "First try")
    os.rename(aside, book)
    with pytest.raises(DatabaseFileChangedError, match="moved"):
        add_account(opened, "Second try")
    opened.close()
    assert names_in(book) == ["Saved before"]


def test_an_untouched_file_is_checked_in_microseconds(opened: Database) -> None:
    guard = opened.guard
    assert guard is not None
    started = time.perf_counter()
    for _ in range(2_000):
        guard.check()
    per_check = (time.perf_counter() - started) / 2_000
    assert per_check < 0.001, f"{per_check * 1e6:.0f} µs per check"
    add_account(opened, "Still fine")
    opened.close()
