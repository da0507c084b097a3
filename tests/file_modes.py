"""Making a file or folder truly read-only for the test process, even when it runs as root.

A user loses write permission with chmod. Root ignores permission bits, so for root the file or
folder is marked immutable (`chattr +i`), which the kernel enforces for root too; where that is not
possible (no chattr, a file system without the flag) the test is skipped with the reason.
"""

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _chattr(flag: str, path: Path) -> bool:
    tool = shutil.which("chattr")
    if tool is None:
        return False
    return subprocess.run([tool, flag, str(path)], capture_output=True, check=False).returncode == 0


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` cannot be written (nor, for a folder, have entries added) inside the block."""
    if not _is_root():
        mode = path.stat().st_mode
        path.chmod(mode & ~WRITE_BITS)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if not _chattr("+i", path):
        pytest.skip("running as root, and chattr +i is not available to make a file read-only")
    try:
        yield
    finally:
        _chattr("-i", path)
