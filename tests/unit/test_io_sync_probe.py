"""Finding the sync service behind a path in real folders, with HOME pointing at a test folder."""

import json
from pathlib import Path

import pytest

from cs_tui.io.sync_probe import find_sync_folder, read_dropbox_info


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    for variable in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        monkeypatch.delenv(variable, raising=False)
    return folder


def test_a_local_folder_is_not_synced(home: Path) -> None:
    local = home / ".local" / "share" / "cs-tui"
    local.mkdir(parents=True)
    assert find_sync_folder(local / "cs-tui.db") is None
    assert find_sync_folder(home / "not" / "made" / "yet.db") is None


def test_the_usual_home_folders_are_synced(home: Path) -> None:
    for folder, service in (
        ("Dropbox", "Dropbox"),
        ("OneDrive - Acme", "OneDrive"),
        ("Library/CloudStorage/GoogleDrive-tess@acme.com/My Drive", "Google Drive"),
        ("Library/Mobile Documents/com~apple~CloudDocs", "iCloud Drive"),
        ("Box Sync", "Box"),
    ):
        found = find_sync_folder(home / folder / "cs" / "book.db")  # need not exist yet
        assert found is not None and found.service == service, folder


def test_a_link_into_a_synced_folder_is_followed(home: Path, tmp_path: Path) -> None:
    (home / "Dropbox" / "cs").mkdir(parents=True)
    (tmp_path / "shortcut").symlink_to(home / "Dropbox" / "cs")
    found = find_sync_folder(tmp_path / "shortcut" / "book.db")
    assert found is not None and found.service == "Dropbox"


@pytest.mark.parametrize(
    ("marker", "is_folder", "service"),
    [
        (".dropbox", False, "Dropbox"),
        (".dropbox", True, "Dropbox"),
        (".stfolder", True, "Syncthing"),
        (".tmp.drivedownload", True, "Google Drive"),
        (".sync_8a6e1f.db", False, "Nextcloud/ownCloud"),
        ("._sync_8a6e1f.db", False, "Nextcloud/ownCloud"),
        (".owncloudsync.log", False, "Nextcloud/ownCloud"),
    ],
)
def test_a_marker_in_the_folder_or_above_it(
    home: Path, tmp_path: Path, marker: str, is_folder: bool, service: str
) -> None:
    root = tmp_path / "srv" / "shared"
    deep = root / "team" / "cs"
    deep.mkdir(parents=True)
    if is_folder:
        (root / marker).mkdir()
    else:
        (root / marker).write_text("")
    for database in (deep / "book.db", root / "book.db"):
        found = find_sync_folder(database)
        assert found is not None
        assert (found.service, found.root) == (service, root)
    assert find_sync_folder(tmp_path / "srv" / "book.db") is None


def test_dropbox_info_json_names_a_folder_elsewhere(home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "data" / "work-dropbox"
    (home / ".dropbox").mkdir()
    (home / ".dropbox" / "info.json").write_text(
        json.dumps({"business": {"path": str(elsewhere), "host": 123}})
    )
    found = find_sync_folder(elsewhere / "cs" / "book.db")
    assert found is not None
    assert found.service == "Dropbox" and "info.json" in found.clue


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b"[1, 2]", b'{"personal": 3}', b""])
def test_a_malformed_dropbox_info_json_is_ignored(home: Path, content: bytes) -> None:
    (home / ".dropbox").mkdir()
    (home / ".dropbox" / "info.json").write_bytes(content)
    assert find_sync_folder(home / "work" / "book.db") is None


def test_dropbox_settings_in_the_home_folder_do_not_make_it_synced(home: Path) -> None:
    (home / ".dropbox").mkdir()
    (home / ".dropbox" / "info.json").write_text(json.dumps({"personal": {"path": "/x/Dropbox"}}))
    assert find_sync_folder(home / ".local" / "share" / "cs-tui" / "cs-tui.db") is None
    assert find_sync_folder(home / "Dropbox" / "book.db") is not None


def test_dropbox_info_json_that_is_a_folder_is_ignored(home: Path) -> None:
    (home / ".dropbox" / "info.json").mkdir(parents=True)
    assert read_dropbox_info(home) is None


def test_onedrive_variables_name_its_folders(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OneDriveCommercial", str(tmp_path / "corp"))
    found = find_sync_folder(tmp_path / "corp" / "book.db")
    assert found is not None
    assert found.service == "OneDrive" and "OneDriveCommercial" in found.clue
