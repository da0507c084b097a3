"""Journal files: written whole under a new number, read back exactly, damage always detected."""

import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.io.sync import journal
from cs_tui.io.sync.folder import TeamFolderError, create_format, is_older, read_format

OPS = [{"t": "account", "r": "r1", "f": "name", "v": "Acme", "c": "c1", "b": "", "a": "al"},
       {"t": "account", "r": "r1", "f": "arr", "v": 0.1 + 0.2, "c": "c1", "b": "", "a": "al"}]  # fmt: skip


def test_a_written_file_reads_back_exactly_and_is_never_overwritten(tmp_path: Path) -> None:
    seq, path = journal.write(tmp_path, "dev1", OPS, author="al")
    again, other = journal.write(tmp_path, "dev1", OPS[:1])
    assert (seq, again) == (1, 2) and path.name == "00000001.ops.jsonl.gz"
    read = journal.read(path)
    assert read.ops == tuple(OPS) and read.ops[1]["v"] == 0.1 + 0.2  # floats exactly
    assert (read.device, read.seq, read.author) == ("dev1", 1, "al")
    assert journal.read(other).ops == (OPS[0],)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "not a complete gzip file"),
        (lambda data: gzip.compress(gzip.decompress(data).rsplit(b"\n", 2)[0]), "truncated"),
        (lambda data: gzip.compress(gzip.decompress(data).replace(b"Acme", b"Acne")), "checksum"),
        (lambda data: b"", "truncated"),
    ],
)
def test_damage_is_detected(tmp_path: Path, damage: object, message: str) -> None:
    _seq, path = journal.write(tmp_path, "dev1", OPS)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    with pytest.raises(journal.DamagedJournalError, match=message):
        journal.read(path)


@given(st.integers(1, 200))
def test_any_truncation_is_detected(cut: int) -> None:
    data = journal.encode("dev1", 1, OPS)
    torn = data[: max(0, len(data) - cut)]
    path = Path(f"/tmp/cs-tui-journal-{cut}.ops.jsonl.gz")
    path.write_bytes(torn)
    try:
        with pytest.raises(journal.DamagedJournalError):
            journal.read(path)
    finally:
        path.unlink()


def test_copies_of_the_sync_service_are_listed_as_copies(tmp_path: Path) -> None:
    _seq, path = journal.write(tmp_path, "dev1", OPS)
    for name in ("00000001 (conflicted copy).ops.jsonl.gz", "00000001.ops.jsonl.gz.sync-conflict-1",
                 ".00000002.ops.jsonl.gz.12.ab.tmp", "notes.txt"):  # fmt: skip
        (path.parent / name).write_bytes(path.read_bytes())
    found = list(journal.list_files(tmp_path))
    assert [(f.seq, f.copy) for f in found] == [(1, False), (1, True), (1, True)]


def test_the_format_file(tmp_path: Path) -> None:
    with pytest.raises(TeamFolderError, match=r"no format\.json"):
        read_format(tmp_path)
    create_format(tmp_path, team="North", min_app_version="0.1.0")
    assert read_format(tmp_path).team == "North"
    with pytest.raises(TeamFolderError, match="already a team folder"):
        create_format(tmp_path, team="South", min_app_version="0.1.0")
    (tmp_path / "format.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(TeamFolderError, match="cannot be read"):
        read_format(tmp_path)


@pytest.mark.parametrize(
    ("app", "required", "older"),
    [("0.1.0", "0.1.0", False), ("0.1.0", "0.2", True), ("1.10.0", "1.9.3", False)],
)
def test_app_versions_compare_by_number(app: str, required: str, older: bool) -> None:
    assert is_older(app, required) is older
