"""`format.json`: what makes a folder a team folder, and which app versions may write to it."""

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

FORMAT_FILE = "format.json"
JOURNAL_DIR = "journal"
FORMAT_VERSION = 1


class TeamFolderError(Exception):
    """A folder that is not (or not yet, or no longer) a usable team folder."""


@dataclass(frozen=True)
class FolderFormat:
    format_version: int
    min_app_version: str
    team: str


def version_tuple(text: str) -> tuple[int, ...]:
    numbers = re.findall(r"\d+", text)
    return tuple(int(n) for n in numbers) or (0,)


def is_older(app_version: str, required: str) -> bool:
    return version_tuple(app_version) < version_tuple(required)


def read_format(folder: Path) -> FolderFormat:
    path = folder / FORMAT_FILE
    if not folder.is_dir():
        raise TeamFolderError(f"{folder} is not a folder (is the shared drive mounted?)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise TeamFolderError(
            f"{folder} is not a team folder: it has no {FORMAT_FILE}. "
            "Create one with `cs-tui team init FOLDER`."
        ) from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TeamFolderError(f"{path} cannot be read: {error}") from error
    try:
        return FolderFormat(
            int(data["format_version"]), str(data["min_app_version"]), str(data.get("team", ""))
        )
    except (KeyError, TypeError, ValueError) as error:
        raise TeamFolderError(f"{path} is not a team format file: {error}") from error


def create_format(folder: Path, *, team: str, min_app_version: str) -> FolderFormat:
    """Make `folder` a team folder; refused when it already is one."""
    if (folder / FORMAT_FILE).exists():
        raise TeamFolderError(
            f"{folder} is already a team folder; join it with `cs-tui team join {folder}`."
        )
    if folder.exists() and not folder.is_dir():
        raise TeamFolderError(f"{folder} is a file, not a folder")
    (folder / JOURNAL_DIR).mkdir(parents=True, exist_ok=True)
    found = FolderFormat(FORMAT_VERSION, min_app_version, team)
    text = json.dumps(
        {
            "format_version": found.format_version,
            "min_app_version": found.min_app_version,
            "team": team,
        },
        indent=2,
    )
    write_atomically(folder / FORMAT_FILE, (text + "\n").encode())
    return found


def write_atomically(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write under a temporary name, flush it to disk, rename: a reader sees all of it or none.

    With `replace=False` an existing file is never overwritten (FileExistsError instead).
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            _rename_no_replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    _fsync_dir(path.parent)


def _rename_no_replace(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # fails if target exists: two writers never overwrite each other
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(source, target)


def _fsync_dir(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
