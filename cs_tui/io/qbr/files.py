"""Writing a binary report (PDF, PPTX) whole or not at all, like every other file cs-tui writes."""

import sys
from pathlib import Path

from cs_tui.io.os_errors import os_error_cause
from cs_tui.io.safe_output import OutputError, OutputTarget, output_target, replacing


def write_binary(target: OutputTarget, data: bytes) -> None:
    """The bytes onto the target: a temporary file renamed over it, a device in place, or a pipe."""
    if target.path is None:
        if sys.stdout.isatty():
            raise OutputError(
                "this format is a binary file: give --out FILE rather than the terminal"
            )
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError as error:
            raise OutputError("standard output was closed", closed=True) from error
        return
    try:
        if target.in_place:
            with target.path.open("wb") as handle:
                handle.write(data)
            return
        with replacing(target.path) as temporary, temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
    except OSError as error:
        raise OutputError(f"Cannot write {target.path}: {os_error_cause(error)}") from error


def write_report_file(folder: Path, name: str, data: bytes) -> Path:
    """`data` as `folder/name` (the folder made if needed), replacing an older copy whole."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"Cannot make {folder}: {os_error_cause(error)}") from error
    target = output_target(folder / name)
    write_binary(target, data)
    assert target.path is not None
    return target.path
