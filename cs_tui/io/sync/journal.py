"""Journal files: `journal/<device>/<seq>.ops.jsonl.gz`, one writer each, never changed once written.

A file is gzip'd JSON lines: a header (format, device, seq, count), one line per op, and a trailer
with the SHA-256 of every line before it. A file that does not decompress, lacks its trailer or
fails the checksum is damaged and applied not at all. Copies a sync service makes ("conflicted
copy", `.sync-conflict-`, "(1)") hold the same ops, so they are read like any other input.
"""

import contextlib
import gzip
import hashlib
import json
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cs_tui.io.sync.folder import JOURNAL_DIR, write_atomically

SUFFIX = ".ops.jsonl.gz"
_NAME = re.compile(r"^(\d{8})\.ops\.jsonl\.gz$")
_LOOSE = re.compile(r"^(\d{8}).*\.ops\.jsonl\.gz|^(\d{8})\.ops\.jsonl\.gz.+")
JOURNAL_FORMAT = 1


class DamagedJournalError(Exception):
    """A journal file that is torn, truncated or corrupt."""


@dataclass(frozen=True)
class JournalFile:
    device: str
    seq: int
    path: Path
    copy: bool  # a copy made by the sync service, not the file as its device wrote it


@dataclass(frozen=True)
class Journal:
    device: str
    seq: int
    ops: tuple[dict[str, Any], ...]
    checksum: str
    author: str = ""


def file_name(seq: int) -> str:
    return f"{seq:08d}{SUFFIX}"


def device_dir(folder: Path, device: str) -> Path:
    return folder / JOURNAL_DIR / device


def list_files(folder: Path) -> Iterator[JournalFile]:
    """Every journal file in the folder, canonical names first for each (device, seq)."""
    root = folder / JOURNAL_DIR
    if not root.is_dir():
        return
    for device in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        found: list[JournalFile] = []
        for path in device.iterdir():
            if path.name.startswith("."):
                continue  # a file still being written
            exact = _NAME.match(path.name)
            if exact:
                found.append(JournalFile(device.name, int(exact.group(1)), path, False))
                continue
            loose = _LOOSE.match(path.name)
            if loose:
                seq = int(loose.group(1) or loose.group(2))
                found.append(JournalFile(device.name, seq, path, True))
        yield from sorted(found, key=lambda f: (f.seq, f.copy, f.path.name))


def encode(device: str, seq: int, ops: Sequence[dict[str, Any]], author: str = "") -> bytes:
    header = {"format": JOURNAL_FORMAT, "device": device, "seq": seq, "count": len(ops)}
    lines = [_line(header | {"author": author})]
    lines += [_line(op) for op in ops]
    digest = hashlib.sha256(b"".join(lines)).hexdigest()
    lines.append(_line({"end": True, "count": len(ops), "sha256": digest}))
    return gzip.compress(b"".join(lines), compresslevel=6, mtime=0)


def next_seq(folder: Path, device: str) -> int:
    """The number of this device's next file: after every file of it already in the folder."""
    seqs = [f.seq for f in list_files(folder) if f.device == device]
    return max(seqs, default=0) + 1


def write(
    folder: Path, device: str, ops: Sequence[dict[str, Any]], *, author: str = ""
) -> tuple[int, Path]:
    """Publish one journal file under the device's next number; existing files are never changed."""
    target = device_dir(folder, device)
    target.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(target)
    seq = next_seq(folder, device)
    while True:
        path = target / file_name(seq)
        try:
            write_atomically(path, encode(device, seq, ops, author), replace=False)
            return seq, path
        except FileExistsError:
            seq += 1


def _remove_abandoned(target: Path) -> None:
    """Temporary files a killed publish left behind (the caller is the device's only publisher)."""
    for leftover in target.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def read(path: Path) -> Journal:
    """The file's ops, checked whole before any is returned.

    The op lines are decoded in one pass (as one JSON array) and the checksum is taken over the
    decompressed bytes as they are, so a large file costs little more than its decompression.
    """
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as error:
        raise DamagedJournalError(f"{path.name}: not a complete gzip file ({error})") from error
    if raw.endswith(b"\n"):
        raw = raw[:-1]
    first = raw.find(b"\n")
    last = raw.rfind(b"\n")
    if first < 0:
        raise DamagedJournalError(f"{path.name}: truncated (no header and trailer)")
    body = raw[: last + 1]
    middle = raw[first + 1 : last] if last > first else b""
    try:
        header = json.loads(raw[:first])
        trailer = json.loads(raw[last + 1 :])
        ops = tuple(json.loads(b"[" + middle.replace(b"\n", b",") + b"]")) if middle else ()
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DamagedJournalError(f"{path.name}: a line is not JSON ({error})") from error
    if not isinstance(trailer, dict) or not trailer.get("end"):
        raise DamagedJournalError(f"{path.name}: truncated (the last line is not the trailer)")
    digest = hashlib.sha256(body).hexdigest()
    if trailer.get("sha256") != digest or trailer.get("count") != len(ops):
        raise DamagedJournalError(f"{path.name}: the checksum does not match its content")
    if not isinstance(header, dict) or header.get("format") != JOURNAL_FORMAT:
        raise DamagedJournalError(f"{path.name}: an unknown journal format {header!r}")
    if not all(isinstance(op, dict) for op in ops):
        raise DamagedJournalError(f"{path.name}: an op line is not an object")
    return Journal(
        str(header.get("device", "")),
        int(header.get("seq", 0)),
        ops,
        digest,
        str(header.get("author", "")),
    )


def _line(data: dict[str, Any]) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
