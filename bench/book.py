"""The demo book the benchmarks run on, built once with `cs-tui demo` and cached in `bench/.cache/`.

A cached book is reused only while its key matches: the app version, the schema revision, the
seed, the size and a digest of the demo generator's sources (so a changed generator rebuilds it).
Books with another key are deleted when a new one is built: a 100,000-account book is ~1.6 GB.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import cs_tui
from cs_tui.data.store.schema_head import HEAD_REVISION

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
DEMO_SOURCES = Path(cs_tui.__file__).resolve().parent / "demo"
FULL_ACCOUNTS = 100_000
QUICK_ACCOUNTS = 2_000
SEED = 7
BOOK_PREFIX = "book-"


@dataclass(frozen=True)
class BookSpec:
    accounts: int
    seed: int = SEED


def source_digest(folder: Path = DEMO_SOURCES) -> str:
    """A short digest of the Python sources in `folder` (names and contents, in name order)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_key(
    spec: BookSpec,
    *,
    version: str = cs_tui.__version__,
    revision: str = HEAD_REVISION,
    digest: str | None = None,
) -> str:
    """The file name of the cached book for `spec` under this version of the app."""
    digest = source_digest() if digest is None else digest
    return f"{BOOK_PREFIX}v{version}-r{revision}-n{spec.accounts}-s{spec.seed}-{digest}.db"


def child_environment(home: Path) -> dict[str, str]:
    """The environment of a cs-tui child process: throwaway config and data folders, fixed user."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CS_TUI_", "TEXTUAL"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run from compiled bytecode
    env.update(
        CS_TUI_CONFIG_DIR=str(home / "config"),
        CS_TUI_DATA_DIR=str(home / "data"),
        CS_TUI_USER="bench",
        TZ=os.environ.get("TZ", "UTC"),
    )
    return env


def write_demo_book(spec: BookSpec, target: Path) -> float:
    """Write a demo book to `target` (which must not exist) with `cs-tui demo`; the seconds it took."""
    with tempfile.TemporaryDirectory(prefix="cs-tui-bench-") as home:
        command = [
            sys.executable, "-m", "cs_tui", "demo",
            "--accounts", str(spec.accounts), "--seed", str(spec.seed), "--db", str(target),
        ]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(
            command, env=child_environment(Path(home)), capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"cs-tui demo failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def stale_books(spec: BookSpec, cache_dir: Path, *, keep: Path) -> list[Path]:
    """Files of books of the same size and seed built by another version (or half built)."""
    same_book = f"-n{spec.accounts}-s{spec.seed}-"
    return [
        path
        for path in cache_dir.glob(f"{BOOK_PREFIX}*")
        if same_book in path.name and not path.name.startswith(keep.stem + ".")
    ]


def ensure_book(spec: BookSpec, cache_dir: Path = CACHE_DIR, *, log: bool = True) -> Path:
    """The cached book for `spec`, built first when missing or stale."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    book = cache_dir / cache_key(spec)
    meta = book.with_suffix(".json")
    if book.exists() and meta.exists():
        return book
    for stale in stale_books(spec, cache_dir, keep=book):
        stale.unlink(missing_ok=True)
    building = book.with_name(book.stem + ".building.db")
    remove_database(building)
    if log:
        print(f"Building the {spec.accounts:,}-account demo book (cached in {cache_dir})…")
    seconds = write_demo_book(spec, building)
    shutil.move(building, book)
    remove_database(building)
    meta.write_text(
        json.dumps(
            {"accounts": spec.accounts, "seed": spec.seed, "build_seconds": round(seconds, 1)}
        )
    )
    if log:
        print(f"  built in {seconds:.1f}s")
    return book
