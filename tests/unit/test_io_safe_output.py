"""Safe output: targets checked up front, files replaced whole or left as they were."""

import os
from pathlib import Path
from typing import TextIO

import pytest

from cs_tui.io.safe_output import (
    OutputError,
    OutputTarget,
    new_output_path,
    output_target,
    replacing,
    write_output,
)
from tests.file_modes import read_only


def test_standard_output_targets() -> None:
    assert output_target(None) == OutputTarget(None)
    assert output_target("-") == OutputTarget(None)
    assert str(output_target("-")) == "standard output"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", r"^the file name is empty; give a file name, or - for standard output$"),
        ("   ", r"^the file name is empty"),
        (".", r" is a folder; give a file name in it, such as .*/report\.csv$"),
        ("missing/report.csv", r"^the folder .*missing does not exist; create it, or choose"),
        ("a-file/report.csv", r"a-file/report\.csv cannot be written: part of the path is a file"),
        ("reports/", r"^the folder .*reports does not exist; create it, or choose"),
        ("a-file/", r"a-file is a file, not a folder"),
    ],
)
def test_unusable_targets(
    name: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(OutputError, match=message):
        output_target(name, example="report.csv")


def test_a_relative_name_and_a_home_folder_are_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert output_target("out.csv").path == tmp_path / "out.csv"
    assert output_target("~/out.csv").path == tmp_path / "out.csv"


def test_a_device_is_written_in_place() -> None:
    target = output_target(os.devnull)
    assert target.in_place
    assert write_output(target, lambda handle: handle.write("gone")) == 4


def test_a_full_device_is_the_disk_is_full() -> None:
    with pytest.raises(OutputError, match=r"^Cannot write /dev/full: the disk is full$"):
        write_output(output_target("/dev/full"), lambda handle: handle.write("x" * 100_000))


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old\n")

    def half_then_fail(handle: TextIO) -> int:
        handle.write("new first half\n")
        raise RuntimeError("the data ran out")

    with pytest.raises(RuntimeError, match="the data ran out"):
        write_output(output_target(target), half_then_fail)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_complete_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old\n")
    assert write_output(output_target(target), lambda handle: handle.write("a,b\n")) == 4
    assert target.read_text() == "a,b\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("keep me\n")
    with read_only(target), pytest.raises(OutputError, match=r"report\.csv is read-only"):
        output_target(target)
    target.chmod(0o444)  # marked read-only: refused even for a user who could override it
    with pytest.raises(OutputError, match=r"report\.csv is read-only; nothing was written"):
        output_target(target)
    assert target.read_text() == "keep me\n"


def test_replacing_gives_an_empty_file_beside_and_removes_it_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    with pytest.raises(ValueError, match="tool failed"), replacing(target) as temporary:
        assert temporary.parent == tmp_path and temporary.read_bytes() == b""
        temporary.write_bytes(b"half")
        raise ValueError("tool failed")
    assert list(tmp_path.iterdir()) == []
    with replacing(target) as temporary:
        temporary.write_bytes(b"whole")
    assert target.read_bytes() == b"whole"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("", "the path is empty"),
        ("-", "a backup is a database file, not text"),
        ("exists.db", r"exists\.db already exists; nothing was written\. Choose a new name\."),
        ("nowhere/copy.db", "the folder .*nowhere does not exist"),
        ("backups/", "the folder .*backups does not exist"),
        ("exists.db/", r"exists\.db is a file, not a folder"),
    ],
)
def test_new_files_must_be_new(
    given: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exists.db").write_text("")
    with pytest.raises(OutputError, match=message):
        new_output_path(given, name_in_folder="book-1.db")


def test_a_folder_for_a_new_file_gets_the_default_name(tmp_path: Path) -> None:
    assert new_output_path(tmp_path, name_in_folder="book-1.db") == tmp_path / "book-1.db"
