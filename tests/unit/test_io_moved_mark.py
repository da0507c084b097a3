"""`moved.json`: written once, read back the same, a password never in it; the header's label."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import make_url

from cs_tui.config import without_password
from cs_tui.domain.sync.labels import sync_label
from cs_tui.io.sync.folder import TeamFolderError
from cs_tui.io.sync.moved import MOVED_FILE, FolderMoved, read_moved, write_moved

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)


@given(
    host=names.filter(lambda h: h.strip() != ""),
    port=st.integers(1, 65535),
    database=names,
    user=names,
    moved_by=names,
    minutes=st.integers(0, 10**6),
)
def test_a_mark_reads_back_as_written(
    tmp_path_factory: pytest.TempPathFactory,
    host: str,
    port: int,
    database: str,
    user: str,
    moved_by: str,
    minutes: int,
) -> None:
    folder = tmp_path_factory.mktemp("team")
    moved = FolderMoved(host, port, database, NOW + timedelta(minutes=minutes), moved_by, user)
    write_moved(folder, moved)
    assert read_moved(folder) == moved


def test_no_mark_is_none_and_a_second_mark_is_refused(tmp_path: Path) -> None:
    assert read_moved(tmp_path) is None
    first = FolderMoved("db.example.com", 5432, "north", NOW, "al")
    write_moved(tmp_path, first)
    with pytest.raises(TeamFolderError, match="already moved"):
        write_moved(tmp_path, FolderMoved("other", 5432, "south", NOW, "bo"))
    assert read_moved(tmp_path) == first


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "cannot be read"),
        ('{"host": "h", "port": 1}', "not a move mark"),
        ('{"host": "h", "port": "x", "database": "d", "moved_at": "2026-01-01"}', "not a move"),
        ('{"host": "h", "port": 1, "database": "d", "moved_at": "yesterday"}', "not a move"),
    ],
)
def test_a_damaged_mark_is_a_message(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / MOVED_FILE).write_text(content)
    with pytest.raises(TeamFolderError, match=message):
        read_moved(tmp_path)


@pytest.mark.parametrize(
    ("user", "password", "expected"),
    [
        ("", "", "postgresql+psycopg://al@db.example.com:5433/north"),
        ("bo", "", "postgresql+psycopg://bo@db.example.com:5433/north"),
        ("bo", "p@ss:w/rd", "postgresql+psycopg://bo:p%40ss%3Aw%2Frd@db.example.com:5433/north"),
    ],
)
def test_the_servers_url_for_a_teammate(user: str, password: str, expected: str) -> None:
    moved = FolderMoved("db.example.com", 5433, "north", NOW, "al", server_user="al")
    url = moved.url(user, password)
    assert url == expected
    assert (make_url(url).password or "") == password


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql+psycopg://bo:secret@db:5432/north", "postgresql+psycopg://bo@db:5432/north"),
        ("postgresql+psycopg://bo@db:5432/north", "postgresql+psycopg://bo@db:5432/north"),
        ("postgresql+psycopg://db/north", "postgresql+psycopg://db/north"),
        ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db"),
    ],
)
def test_a_saved_url_leaves_the_password_out(url: str, expected: str) -> None:
    assert without_password(url) == expected


def test_the_header_says_the_team_moved() -> None:
    label = sync_label(last_synced_at=None, now=NOW, error="x", moved_to="db:5432/north")
    assert label == "moved to db:5432/north, no longer synced"
