"""Which folders a file-sync service manages, told from paths and folder listings alone.

A live SQLite database must not sit in such a folder: sync services copy files, not database locks,
and they do not move a database and its journal together, so they leave conflicted or torn copies.
These rules decide from what the caller found on disk (`io.sync_probe` does the looking):

* where a path lies: under a service's usual folder in the home folder (``~/Dropbox``,
  ``~/OneDrive - Company``, ``~/Library/CloudStorage/GoogleDrive-...``), under a root the service
  itself names (the ``OneDrive`` environment variables, Dropbox's ``info.json``), or below a
  ``My Drive`` folder;
* what a folder holds: a marker file a sync client leaves in the folders it syncs (``.dropbox``,
  Syncthing's ``.stfolder``, Nextcloud's ``.sync_*.db``...), in the file's folder or any above it.

Names are compared without regard to case, as macOS and Windows do.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePath

DROPBOX = "Dropbox"
ONEDRIVE = "OneDrive"
GOOGLE_DRIVE = "Google Drive"
ICLOUD = "iCloud Drive"
NEXTCLOUD = "Nextcloud/ownCloud"
BOX = "Box"
SYNCTHING = "Syncthing"

HOME_FOLDERS: tuple[tuple[str, str], ...] = (
    ("Dropbox", DROPBOX),
    ("Dropbox (*)", DROPBOX),  # "Dropbox (Personal)", "Dropbox (Acme)"
    ("OneDrive", ONEDRIVE),
    ("OneDrive - *", ONEDRIVE),  # "OneDrive - Acme Corp"
    ("Google Drive", GOOGLE_DRIVE),
    ("iCloudDrive", ICLOUD),
    ("Box", BOX),
    ("Box Sync", BOX),
    ("Library/Mobile Documents", ICLOUD),
    ("Library/CloudStorage/Dropbox*", DROPBOX),
    ("Library/CloudStorage/OneDrive-*", ONEDRIVE),
    ("Library/CloudStorage/GoogleDrive-*", GOOGLE_DRIVE),
    ("Library/CloudStorage/Box-*", BOX),
)
"""Folders under the home folder (as glob patterns, one per path part) and who syncs them."""

ANY_FOLDER: tuple[tuple[str, str], ...] = (("My Drive", GOOGLE_DRIVE),)
"""A folder of this name anywhere in a path is a service's root (Google Drive's G:\\My Drive)."""

MARKERS: tuple[tuple[str, str], ...] = (
    (".dropbox", DROPBOX),
    (".dropbox.cache", DROPBOX),
    (".tmp.drivedownload", GOOGLE_DRIVE),
    (".tmp.driveupload", GOOGLE_DRIVE),
    (".sync_*.db", NEXTCLOUD),
    ("._sync_*.db", NEXTCLOUD),
    (".owncloudsync.log", NEXTCLOUD),
    (".stfolder", SYNCTHING),
)
"""Entries a sync client keeps in a folder it syncs: the folder holding one is synced."""

DROPBOX_SETTINGS = ".dropbox"
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


@dataclass(frozen=True)
class SyncFolder:
    """A folder a sync service manages, and what gave it away."""

    service: str
    root: PurePath
    clue: str


@dataclass(frozen=True)
class KnownRoot:
    """A folder some service said it syncs (an environment variable, a settings file)."""

    root: PurePath
    service: str
    source: str


def _folded(path: PurePath) -> tuple[str, ...]:
    return tuple(part.casefold() for part in path.parts)


def is_within(path: PurePath, folder: PurePath) -> bool:
    """`path` is `folder` or lies below it (case-insensitively)."""
    inner, outer = _folded(path), _folded(folder)
    return len(outer) > 0 and inner[: len(outer)] == outer


def marker_service(name: str) -> str | None:
    """The service whose marker file or folder is called `name`, else None."""
    folded = name.casefold()
    for pattern, service in MARKERS:
        if fnmatchcase(folded, pattern.casefold()):
            return service
    return None


def onedrive_roots(environment: Mapping[str, str]) -> tuple[KnownRoot, ...]:
    """The folders OneDrive names in its environment variables (set on Windows)."""
    found = []
    for variable in ONEDRIVE_VARIABLES:
        value = environment.get(variable, "").strip()
        if value:
            found.append(KnownRoot(PurePath(value), ONEDRIVE, f"the {variable} variable"))
    return tuple(found)


def dropbox_roots(info: object) -> tuple[KnownRoot, ...]:
    """The folders in Dropbox's ``info.json`` (``{"personal": {"path": ...}, "business": ...}``).

    Anything unexpected in the file is ignored rather than trusted or reported: it belongs to
    Dropbox, whose layout may change.
    """
    if not isinstance(info, dict):
        return ()
    found = []
    for account in info.values():
        path = account.get("path") if isinstance(account, dict) else None
        if isinstance(path, str) and path.strip():
            found.append(KnownRoot(PurePath(path.strip()), DROPBOX, "Dropbox's info.json"))
    return tuple(found)


def _home_folder(path: PurePath, home: PurePath) -> SyncFolder | None:
    if not is_within(path, home):
        return None
    below = path.parts[len(home.parts) :]
    for pattern, service in HOME_FOLDERS:
        steps = pattern.split("/")
        if len(below) < len(steps):
            continue
        if all(fnmatchcase(p.casefold(), s.casefold()) for p, s in zip(below, steps, strict=False)):
            root = home.joinpath(*below[: len(steps)])
            return SyncFolder(service, root, f"{service} syncs {root}")
    return None


def _named_folder(path: PurePath) -> SyncFolder | None:
    for index, part in enumerate(path.parts):
        for name, service in ANY_FOLDER:
            if part.casefold() == name.casefold():
                root = PurePath(*path.parts[: index + 1])
                return SyncFolder(service, root, f"{root} is a {service} folder")
    return None


def folder_by_location(
    path: PurePath, *, home: PurePath | None, roots: Iterable[KnownRoot] = ()
) -> SyncFolder | None:
    """The synced folder `path` lies in, judged by where it is; None when nowhere known."""
    for known in roots:
        if is_within(path, known.root):
            return SyncFolder(known.service, known.root, f"{known.source} names {known.root}")
    found = _home_folder(path, home) if home is not None else None
    return found or _named_folder(path)


def folder_by_markers(
    listings: Iterable[tuple[PurePath, Iterable[str]]], *, homes: Iterable[PurePath] = ()
) -> SyncFolder | None:
    """The first folder (nearest first, as given) whose entries include a sync client's marker.

    The home folder's own ``.dropbox`` is Dropbox's settings folder, not a sign that the home
    folder is synced (Dropbox never syncs the home folder itself); `homes` are its spellings.
    """
    home_parts = {_folded(home) for home in homes}
    for folder, names in listings:
        in_home = _folded(folder) in home_parts
        for name in names:
            if in_home and name.casefold() == DROPBOX_SETTINGS:
                continue
            service = marker_service(name)
            if service is not None:
                return SyncFolder(service, folder, f"{folder} holds {service}'s {name}")
    return None
