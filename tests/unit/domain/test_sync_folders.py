"""Which folders a sync service manages, from paths and folder listings alone."""

from pathlib import PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.sync_folders import (
    HOME_FOLDERS,
    KnownRoot,
    dropbox_roots,
    folder_by_location,
    folder_by_markers,
    is_within,
    marker_service,
    onedrive_roots,
)

HOME = PurePosixPath("/home/tess")


@pytest.mark.parametrize(
    ("path", "service", "root"),
    [
        ("/home/tess/Dropbox/book.db", "Dropbox", "/home/tess/Dropbox"),
        ("/home/tess/dropbox/work/book.db", "Dropbox", "/home/tess/dropbox"),
        ("/home/tess/Dropbox (Acme)/cs/book.db", "Dropbox", "/home/tess/Dropbox (Acme)"),
        ("/home/tess/OneDrive/book.db", "OneDrive", "/home/tess/OneDrive"),
        (
            "/home/tess/OneDrive - Acme Corp/x/book.db",
            "OneDrive",
            "/home/tess/OneDrive - Acme Corp",
        ),
        ("/home/tess/Google Drive/book.db", "Google Drive", "/home/tess/Google Drive"),
        ("/home/tess/iCloudDrive/book.db", "iCloud Drive", "/home/tess/iCloudDrive"),
        ("/home/tess/Box/book.db", "Box", "/home/tess/Box"),
        ("/home/tess/Box Sync/book.db", "Box", "/home/tess/Box Sync"),
        (
            "/home/tess/Library/Mobile Documents/com~apple~CloudDocs/book.db",
            "iCloud Drive",
            "/home/tess/Library/Mobile Documents",
        ),
        (
            "/home/tess/Library/CloudStorage/OneDrive-Acme/book.db",
            "OneDrive",
            "/home/tess/Library/CloudStorage/OneDrive-Acme",
        ),
        (
            "/home/tess/Library/CloudStorage/GoogleDrive-tess@acme.com/My Drive/book.db",
            "Google Drive",
            "/home/tess/Library/CloudStorage/GoogleDrive-tess@acme.com",
        ),
        (
            "/home/tess/Library/CloudStorage/Box-Box/book.db",
            "Box",
            "/home/tess/Library/CloudStorage/Box-Box",
        ),
        (
            "/home/tess/Library/CloudStorage/Dropbox/book.db",
            "Dropbox",
            "/home/tess/Library/CloudStorage/Dropbox",
        ),
        (
            "/Volumes/GoogleDrive/My Drive/cs/book.db",
            "Google Drive",
            "/Volumes/GoogleDrive/My Drive",
        ),
    ],
)
def test_a_service_folder_is_known_by_where_it_lies(path: str, service: str, root: str) -> None:
    found = folder_by_location(PurePosixPath(path), home=HOME)
    assert found is not None
    assert (found.service, found.root) == (service, PurePosixPath(root))
    assert root in found.clue


@pytest.mark.parametrize(
    "path",
    [
        "/home/tess/.local/share/cs-tui/cs-tui.db",
        "/home/tess/Documents/book.db",
        "/home/tess/DropboxBackup/book.db",  # not Dropbox's folder
        "/home/tess/Boxes/book.db",
        "/home/tess/Library/Application Support/cs-tui/cs-tui.db",
        "/home/tess/Library/CloudStorage-notes/book.db",
        "/srv/Dropbox/book.db",  # a Dropbox folder outside the home is found by its marker instead
        "/home/tess",
    ],
)
def test_other_folders_are_not_synced_by_location(path: str) -> None:
    assert folder_by_location(PurePosixPath(path), home=HOME) is None


def test_a_windows_home_is_matched_without_regard_to_case() -> None:
    home = PureWindowsPath(r"C:\Users\Tess")
    found = folder_by_location(PureWindowsPath(r"c:\users\tess\onedrive - acme\book.db"), home=home)
    assert found is not None and found.service == "OneDrive"
    drive = folder_by_location(PureWindowsPath(r"G:\My Drive\book.db"), home=home)
    assert drive is not None and drive.service == "Google Drive"


def test_roots_named_by_the_services_come_first() -> None:
    roots = (KnownRoot(PurePosixPath("/data/db-sync"), "Dropbox", "Dropbox's info.json"),)
    found = folder_by_location(PurePosixPath("/data/db-sync/cs/book.db"), home=HOME, roots=roots)
    assert found is not None
    assert found.service == "Dropbox"
    assert "info.json names /data/db-sync" in found.clue
    assert folder_by_location(PurePosixPath("/data/other.db"), home=HOME, roots=roots) is None


@pytest.mark.parametrize(
    ("environment", "roots"),
    [
        ({"OneDrive": r"C:\Users\tess\OneDrive"}, [r"C:\Users\tess\OneDrive"]),
        (
            {"OneDriveCommercial": "/c/OneDrive - Acme", "OneDriveConsumer": "/c/OneDrive"},
            ["/c/OneDrive - Acme", "/c/OneDrive"],
        ),
        ({"OneDrive": "  "}, []),
        ({"PATH": "/usr/bin"}, []),
    ],
)
def test_onedrive_names_its_folders_in_the_environment(
    environment: dict[str, str], roots: list[str]
) -> None:
    found = onedrive_roots(environment)
    assert [str(r.root) for r in found] == [str(PurePosixPath(r)) for r in roots]
    assert all(r.service == "OneDrive" for r in found)


@pytest.mark.parametrize(
    ("info", "paths"),
    [
        ({"personal": {"path": "/home/tess/Dropbox"}}, ["/home/tess/Dropbox"]),
        (
            {"personal": {"path": "/a"}, "business": {"path": "/b", "host": 1}},
            ["/a", "/b"],
        ),
        ({"personal": {"path": 42}}, []),
        ({"personal": "not a dict"}, []),
        ({"personal": {"path": ""}}, []),
        (["a", "list"], []),
        (None, []),
        ("text", []),
    ],
)
def test_dropbox_info_is_read_defensively(info: object, paths: list[str]) -> None:
    assert [str(r.root) for r in dropbox_roots(info)] == paths


@pytest.mark.parametrize(
    ("name", "service"),
    [
        (".dropbox", "Dropbox"),
        (".dropbox.cache", "Dropbox"),
        (".stfolder", "Syncthing"),
        (".tmp.drivedownload", "Google Drive"),
        (".tmp.driveupload", "Google Drive"),
        (".sync_3f2a9b.db", "Nextcloud/ownCloud"),
        ("._sync_3f2a9b.db", "Nextcloud/ownCloud"),
        (".owncloudsync.log", "Nextcloud/ownCloud"),
        (".STFOLDER", "Syncthing"),
        (".git", None),
        ("dropbox", None),
        (".sync_notes.txt", None),
        ("book.db", None),
    ],
)
def test_marker_entries(name: str, service: str | None) -> None:
    assert marker_service(name) == service


def test_the_nearest_folder_with_a_marker_is_the_synced_one() -> None:
    listings = [
        (PurePosixPath("/srv/sync/team"), ["notes.txt"]),
        (PurePosixPath("/srv/sync"), [".stfolder", "readme"]),
        (PurePosixPath("/srv"), [".dropbox"]),
    ]
    found = folder_by_markers(listings)
    assert found is not None
    assert (found.service, found.root) == ("Syncthing", PurePosixPath("/srv/sync"))
    assert found.clue == "/srv/sync holds Syncthing's .stfolder"
    assert folder_by_markers([(PurePosixPath("/srv"), ["a", ".git"])]) is None


segment = st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=8)


@given(st.sampled_from([p for p, _ in HOME_FOLDERS if "*" not in p]), st.lists(segment, max_size=4))
def test_anything_below_a_service_folder_is_synced(folder: str, below: list[str]) -> None:
    path = HOME.joinpath(*folder.split("/"), *below, "book.db")
    found = folder_by_location(path, home=HOME)
    assert found is not None
    assert is_within(path, found.root)


@given(st.lists(segment, min_size=1, max_size=4))
def test_a_path_outside_the_home_without_a_drive_folder_is_not_synced(parts: list[str]) -> None:
    path = PurePosixPath("/opt", *parts, "book.db")
    assert folder_by_location(path, home=HOME) is None


def test_the_home_folders_own_dropbox_settings_are_not_a_marker() -> None:
    listings = [(HOME / "work", ["notes"]), (HOME, [".dropbox", ".profile"])]
    assert folder_by_markers(listings, homes=[HOME]) is None
    found = folder_by_markers([(HOME / "Shared", [".dropbox"])], homes=[HOME])
    assert found is not None and found.service == "Dropbox"
