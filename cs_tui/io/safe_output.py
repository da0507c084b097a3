"""Writing a file the user named, whole or not at all: exports, plan documents, backups.

The target is checked before any work is done (an empty name, a folder, a missing or unwritable
folder, a read-only file are refused with the reason), and the content goes to a temporary file
beside it that is flushed to disk and renamed over the target only once complete: a full disk or
an interrupted run leaves the old file (or none), never half of a new one. `-` is standard output;
a device or pipe (such as /dev/null) is written in place, as it cannot be replaced.
"""

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar

from cs_tui.io.os_errors import os_error_cause

STANDARD_OUTPUT = "-"
T = TypeVar("T")


class OutputError(Exception):
    """The output cannot be written; the message names the file and the reason."""

    def __init__(self, message: str, *, closed: bool = False) -> None:
        super().__init__(message)
        self.closed = closed  # standard output was closed early (`| head`): nothing to report


@dataclass(frozen=True)
class OutputTarget:
    """Where output goes: standard output (`path` None), a regular file, or a device or pipe."""

    path: Path | None
    in_place: bool = False

    def __str__(self) -> str:
        return "standard output" if self.path is None else str(self.path)


def output_target(raw: str | os.PathLike[str] | None, *, example: str = "out.txt") -> OutputTarget:
    """The checked target for a user's `--out`; `example` is a file name to suggest for a folder."""
    if raw is None or str(raw) == STANDARD_OUTPUT:
        return OutputTarget(None)
    text = str(raw)
    if not text.strip():
        raise OutputError("the file name is empty; give a file name, or - for standard output")
    path = Path(os.path.realpath(Path(text).expanduser()))  # a link: write the file it points to
    if _named_as_folder(text) and not path.is_dir():
        _check_folder(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputError(f"{path} cannot be written: {os_error_cause(error)}") from error
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{path} is a folder; give a file name in it, such as {path / example}")
    if mode is not None and not stat.S_ISREG(mode):
        return OutputTarget(path, in_place=True)
    if mode is not None and (not mode & 0o222 or not os.access(path, os.W_OK)):
        raise OutputError(f"{path} is read-only; nothing was written")
    _check_folder(path.parent)
    return OutputTarget(path)


def new_output_path(raw: str | os.PathLike[str], *, name_in_folder: str) -> Path:
    """A path for a new file that must not exist yet (a backup); a folder gets `name_in_folder`."""
    text = str(raw)
    if not text.strip():
        raise OutputError("the path is empty; give a file or folder to write to")
    if text == STANDARD_OUTPUT:
        raise OutputError("a backup is a database file, not text: give a file or folder path")
    path = Path(text).expanduser().absolute()
    if _named_as_folder(text) and not path.is_dir():
        _check_folder(path)
    if path.is_dir():
        path = path / name_in_folder
    if path.exists() or path.is_symlink():
        raise OutputError(f"{path} already exists; nothing was written. Choose a new name.")
    _check_folder(path.parent)
    return path


def _named_as_folder(text: str) -> bool:
    """`backups/` names a folder: never a file of that name, even when the folder is missing."""
    return text.endswith(("/", os.sep))


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise OutputError(f"the folder {folder} does not exist; create it, or choose another path")
    if not folder.is_dir():
        raise OutputError(f"{folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in the folder {folder}: permission denied")


def _temporary_beside(path: Path) -> tuple[Path, int]:
    """A new, empty file next to `path` (hidden, marked .partial), created with the usual mode."""
    while True:
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
        try:
            return candidate, os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):  # not every system can fsync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; renamed onto `path` only if the block succeeds.

    For tools that write by path (SQLite's VACUUM INTO, pg_dump). The temporary file exists and is
    empty when the block starts.
    """
    temporary, fd = _temporary_beside(path)
    os.close(fd)
    try:
        yield temporary
        with contextlib.suppress(FileNotFoundError):
            if path.exists():
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except OSError as error:
        raise OutputError(
            f"Cannot write {path}: {os_error_cause(error)}; nothing was written"
        ) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def write_output(
    target: OutputTarget, write: Callable[[TextIO], T], *, newline: str | None = None
) -> T:
    """Run `write` on the target's text stream (UTF-8) and return what it returns."""
    if target.path is None:
        return _to_standard_output(write)
    if target.in_place:
        try:
            with target.path.open("w", encoding="utf-8", newline=newline) as handle:
                return write(handle)
        except OSError as error:
            raise OutputError(f"Cannot write {target.path}: {os_error_cause(error)}") from error
    with (
        replacing(target.path) as temporary,
        temporary.open("w", encoding="utf-8", newline=newline) as handle,
    ):
        result = write(handle)
        handle.flush()
    return result


def _to_standard_output(write: Callable[[TextIO], T]) -> T:
    try:
        result = write(sys.stdout)
        sys.stdout.flush()
        return result
    except BrokenPipeError as error:
        # the reader went away (`| head`); keep Python from failing again when it exits
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        raise OutputError("standard output was closed", closed=True) from error
