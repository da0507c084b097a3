"""`--out` and `db backup PATH`: a message for each bad target, and a file written whole or not at all."""

import json
import os
from pathlib import Path

import pytest

from tests.cli.conftest import FIXTURES, Run
from tests.file_modes import read_only

OUT_COMMANDS = {
    "export accounts": ("export", "accounts"),
    "export accounts --format json": ("export", "accounts", "--format", "json"),
    "plan export": ("plan", "export", "Hooli"),
}


@pytest.fixture
def book(run: Run) -> None:
    assert run("import", "accounts", str(FIXTURES / "hubspot_companies.csv")).exit_code == 0
    assert run("plan", "apply", "Hooli", "onboarding").exit_code == 0


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


@pytest.mark.usefixtures("book")
@pytest.mark.parametrize("command", OUT_COMMANDS)
def test_standard_output_is_the_default_and_dash(run: Run, command: str) -> None:
    default = run(*OUT_COMMANDS[command])
    dash = run(*OUT_COMMANDS[command], "--out", "-")
    assert default.exit_code == dash.exit_code == 0
    assert dash.stdout == default.stdout and "Hooli" in dash.stdout
    assert not Path("-").exists()


@pytest.mark.usefixtures("book")
@pytest.mark.parametrize("command", OUT_COMMANDS)
def test_bad_targets_are_refused_naming_the_flag_before_any_work(
    run: Run, command: str, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("x")
    for out, reason in (
        ("", "the file name is empty; give a file name, or - for standard output"),
        (str(tmp_path), f"{tmp_path} is a folder; give a file name in it, such as {tmp_path}/"),
        (str(tmp_path / "missing" / "x.csv"), f"the folder {tmp_path / 'missing'} does not exist"),
        (
            str(tmp_path / "a-file" / "x.csv"),
            f"{tmp_path}/a-file/x.csv cannot be written: part of the path is a file, not a folder",
        ),
    ):
        result = run(*OUT_COMMANDS[command], "--out", out)
        assert result.exit_code == 2, result.output
        assert f"Invalid value for '--out': {reason}" in result.stderr
        assert "Traceback" not in result.output
    assert not (tmp_path / "missing").exists()
    assert leftovers(tmp_path) == []
    fresh = tmp_path / "fresh.db"
    assert run(*OUT_COMMANDS[command], "--out", "", db=fresh).exit_code == 2
    assert not fresh.exists()  # refused before the database was even opened


@pytest.mark.usefixtures("book")
def test_a_read_only_file_or_folder_is_refused_and_left_as_it_was(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "accounts.csv"
    target.write_text("yesterday's export\n")
    with read_only(target):
        result = run("export", "accounts", "--out", str(target))
    assert result.exit_code == 2
    assert f"Invalid value for '--out': {target} is read-only; nothing was written" in result.stderr
    assert target.read_text() == "yesterday's export\n"
    folder = tmp_path / "shared"
    folder.mkdir()
    with read_only(folder):
        result = run("plan", "export", "Hooli", "--out", str(folder / "plan.md"))
    assert result.exit_code == 2
    assert f"cannot write in the folder {folder}: permission denied" in result.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.usefixtures("book")
def test_a_full_disk_is_named(run: Run) -> None:
    result = run("export", "accounts", "--out", "/dev/full")  # every write there fails: ENOSPC
    assert result.exit_code == 1
    assert "Cannot write /dev/full: the disk is full" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("book")
def test_a_device_is_written_in_place_not_replaced(run: Run) -> None:
    result = run("export", "accounts", "--out", os.devnull)
    assert result.exit_code == 0
    assert f"3 accounts written to {os.devnull}" in result.stderr
    assert Path(os.devnull).is_char_device()


@pytest.mark.usefixtures("book")
def test_an_existing_file_is_replaced_whole_keeping_its_mode_and_links(
    run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "accounts.json"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    result = run("export", "accounts", "--format", "json", "--out", str(link))
    assert result.exit_code == 0, result.output
    assert f"3 accounts written to {target}" in result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert len(json.loads(target.read_text())) == 3
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.usefixtures("book")
def test_a_failure_half_way_leaves_the_old_file(run: Run, tmp_path: Path, book_path: Path) -> None:
    import sqlite3

    target = tmp_path / "accounts.csv"
    target.write_text("yesterday's export\n")
    with sqlite3.connect(book_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'account'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    with book_path.open("r+b") as handle:  # the account table's pages become nonsense
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d" + b"\xff" * (page_size - 1))
    result = run("export", "accounts", "--out", str(target))
    assert result.exit_code == 1
    assert f"Cannot read {book_path}: SQLite reports the file as damaged" in result.stderr
    assert target.read_text() == "yesterday's export\n"
    assert leftovers(tmp_path) == []


@pytest.mark.usefixtures("book")
def test_backup_paths(run: Run, tmp_path: Path, book_path: Path) -> None:
    for path, reason in (
        ("", "the path is empty"),
        ("-", "a backup is a database file, not text"),
        (str(book_path), f"{book_path} already exists; nothing was written"),
        (
            str(tmp_path / "missing" / "copy.db"),
            f"the folder {tmp_path / 'missing'} does not exist",
        ),
    ):
        result = run("db", "backup", path)
        assert result.exit_code == 2, result.output
        assert f"Invalid value for PATH: {reason}" in result.stderr
    folder = tmp_path / "backups-here"
    folder.mkdir()
    result = run("db", "backup", str(folder))
    assert result.exit_code == 0, result.output
    (written,) = folder.iterdir()
    assert written.name.startswith("book-") and written.suffix == ".db"
    assert f"backup written to {written}" in result.stdout
    copy = json.loads(run("accounts", "list", "--json", db=written).stdout)
    assert len(copy) == 3
    with read_only(folder):
        refused = run("db", "backup", str(folder / "second.db"))
    assert refused.exit_code == 2
    assert f"cannot write in the folder {folder}: permission denied" in refused.stderr
