"""Looking on disk for the sync service that manages a path (the rules are in `domain.sync_folders`).

Everything here is read defensively: a folder that cannot be listed, a missing home folder or a
malformed Dropbox settings file is a question left unanswered, never an error of its own.
"""

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePath

from cs_tui.domain.sync_folders import (
    KnownRoot,
    SyncFolder,
    dropbox_roots,
    folder_by_location,
    folder_by_markers,
    marker_service,
    onedrive_roots,
)

DROPBOX_INFO = (
    ".dropbox/info.json",
    "AppData/Local/Dropbox/info.json",
    "AppData/Roaming/Dropbox/info.json",
)
MAX_INFO_BYTES = 1 << 20


def _home() -> Path | None:
    try:
        return Path.home()
    except (RuntimeError, KeyError, OSError):
        return None


def read_dropbox_info(home: Path) -> object:
    """Dropbox's account settings (its ``info.json``) as parsed JSON, or None if unreadable."""
    for relative in DROPBOX_INFO:
        try:
            with (home / relative).open("rb") as handle:
                return json.loads(handle.read(MAX_INFO_BYTES))
        except (OSError, ValueError):
            continue
    return None


def _markers_in(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return [e.name for e in entries if e.name[:1] == "." and marker_service(e.name)]
    except OSError:
        return []


def _listings(path: Path) -> Iterator[tuple[PurePath, list[str]]]:
    """(folder, marker entries) for the folder of `path` and each one above it that exists."""
    for folder in path.parents:
        found = _markers_in(folder)
        if found:
            yield folder, found


def _forms(path: Path) -> list[Path]:
    """The path as given (made absolute) and with its links resolved, when they differ."""
    absolute = Path(os.path.abspath(path))
    try:
        resolved = absolute.resolve()
    except (OSError, RuntimeError):
        return [absolute]
    return [absolute] if resolved == absolute else [absolute, resolved]


def find_sync_folder(
    path: Path, *, home: Path | None = None, environment: Mapping[str, str] | None = None
) -> SyncFolder | None:
    """The sync service's folder that `path` (a file, existing or not) lies in, or None."""
    home = home if home is not None else _home()
    environment = os.environ if environment is None else environment
    roots: list[KnownRoot] = list(onedrive_roots(environment))
    homes: list[Path | None] = [None]
    if home is not None:
        roots.extend(dropbox_roots(read_dropbox_info(home)))
        homes = list(_forms(home))
    forms = _forms(path)
    for form in forms:
        for each_home in homes:
            found = folder_by_location(form, home=each_home, roots=roots)
            if found is not None:
                return found
    spellings = [each for each in homes if each is not None]
    for form in forms:
        found = folder_by_markers(_listings(form), homes=spellings)
        if found is not None:
            return found
    return None
