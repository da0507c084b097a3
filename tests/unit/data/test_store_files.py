"""Opening an SQLite file: synced folders are refused, read-only files open read-only, folders named."""

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from cs_tui import locations
from cs_tui.data.store import migrate
from cs_tui.data.store.database import open_database
from cs_tui.data.store.errors import DatabaseUnavailableError, ReadOnlyError, SyncedFolderError
from cs_tui.models import Account
from tests.conftest import TEST_USER
from tests.file_modes import read_only
from tests.unit.data.test_store import add_account


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("CS_TUI_ALLOW_SYNCED_DB", raising=False)
    return folder


def test_a_database_in_dropbox_is_refused_and_nothing_is_created(home: Path) -> None:
    path = home / "Dropbox" / "cs" / "book.db"
    with pytest.raises(SyncedFolderError, match=r"book\.db is in a folder that Dropbox syncs") as e:
        open_database(str(path), user=TEST_USER)
    assert not (home / "Dropbox").exists()
    assert str(locations.default_database_path()) in e.value.hint
    assert "cs-tui team init FOLDER" in e.value.hint
    assert "CS_TUI_ALLOW_SYNCED_DB=1" in e.value.hint


def test_an_existing_database_in_a_syncthing_folder_is_refused_untouched(
    home: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "sync"
    path = shared / "work" / "book.db"
    open_database(str(path), user=TEST_USER).close()
    (shared / ".stfolder").mkdir()
    before = path.read_bytes()
    with pytest.raises(SyncedFolderError, match=r"Syncthing syncs .*holds Syncthing's \.stfolder"):
        open_database(str(path), user=TEST_USER)
    assert path.read_bytes() == before


def test_when_the_data_folder_itself_is_synced_the_hint_says_to_move_it(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CS_TUI_DATA_DIR", str(home / "OneDrive - Acme" / "cs-tui"))
    with pytest.raises(SyncedFolderError, match="OneDrive syncs") as e:
        open_database(str(locations.default_database_path()), user=TEST_USER)
    assert "set CS_TUI_DATA_DIR to a folder no sync service manages" in e.value.hint


def test_the_escape_hatch_opens_it_anyway(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CS_TUI_ALLOW_SYNCED_DB", "1")
    db = open_database(str(home / "Dropbox" / "book.db"), user=TEST_USER)
    add_account(db)
    db.close()
    assert (home / "Dropbox" / "book.db").is_file()


def test_a_read_only_file_opens_read_only_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    db = open_database(str(path), user=TEST_USER)
    add_account(db)
    db.close()
    with read_only(path):
        db = open_database(str(path), user=TEST_USER)
        try:
            assert db.read_only
            assert "cannot be changed: the file is read-only" in db.notice
            assert "damaged" not in db.notice and "corrupt" not in db.notice
            with db.read() as session:
                assert [a.name for a in session.exec(select(Account))] == ["Acme"]
            with pytest.raises(ReadOnlyError, match="open read-only; nothing was changed"):
                add_account(db, "Blocked")
        finally:
            db.close()
    db = open_database(str(path), user=TEST_USER)  # writable again: writes work
    assert not db.read_only
    add_account(db, "Later")
    db.close()


def test_a_database_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    path = folder / "book.db"
    db = open_database(str(path), user=TEST_USER)
    add_account(db)
    db.close()
    with read_only(folder):
        db = open_database(str(path), user=TEST_USER)
        try:
            assert db.read_only
            assert "its folder is read-only" in db.notice
            with db.read() as session:
                assert len(session.exec(select(Account)).all()) == 1
        finally:
            db.close()


def test_an_older_read_only_file_that_needs_an_upgrade_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    db = open_database(str(path), user=TEST_USER)
    migrate.downgrade(db.engine, "0001")
    db.close()
    with (
        read_only(path),
        pytest.raises(
            DatabaseUnavailableError,
            match=r"needs a schema upgrade to open, but the file is read-only",
        ),
    ):
        open_database(str(path), user=TEST_USER)


def test_a_folder_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file, not a folder\n")
    with pytest.raises(
        DatabaseUnavailableError,
        match=r"Cannot create the folder .*notes for book\.db: a file of that name is in the way",
    ):
        open_database(str(tmp_path / "notes" / "cs" / "book.db"), user=TEST_USER)
    locked = tmp_path / "locked"
    locked.mkdir()
    with (
        read_only(locked),
        pytest.raises(
            DatabaseUnavailableError,
            match=r"Cannot create the folder .*locked/cs for book\.db: permission",
        ),
    ):
        open_database(str(locked / "cs" / "book.db"), user=TEST_USER)


def test_a_file_locked_by_another_program_is_not_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "book.db"
    open_database(str(path), user=TEST_USER).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=DELETE")
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnavailableError, match="cannot be opened: database is locked"):
            open_database(str(path), user=TEST_USER)
    finally:
        other.execute("ROLLBACK")
        other.close()
    db = open_database(str(path), user=TEST_USER)  # released: it opens as before
    add_account(db)
    db.close()


def test_a_path_with_spaces_and_hashes_names_the_right_file(tmp_path: Path) -> None:
    path = tmp_path / "Q3 #1 (final)" / "book #2.db"
    db = open_database(str(path), user=TEST_USER)
    add_account(db)
    db.close()
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix == ".db") == ["book #2.db"]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT name FROM account").fetchall() == [("Acme",)]
