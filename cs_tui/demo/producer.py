"""Drawing the demo book in a second process while this one writes it.

Generation and SQLite's inserts cost about the same and each keeps one core busy; on a 2-core machine
running them side by side saves most of the generation time of a large book. The child is a plain
`python -m cs_tui.demo.producer` whose stdout carries the batches as a stream of pickles; the pipe's
small buffer keeps it at most a batch ahead, so memory stays flat. (A plain subprocess, unlike
`multiprocessing`, never re-imports the caller's main module.) A small book is drawn in this process:
starting another one would cost more than it saves.
"""

import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from cs_tui.demo.encode import BookEncoder, dialect_named
from cs_tui.demo.generate import BookGenerator, Rows

PARALLEL_FROM_ACCOUNTS = 10_000
_DONE = "done"


class DemoGenerationError(RuntimeError):
    """The process drawing the demo book failed; the message carries what it reported."""


@dataclass(frozen=True)
class BookRequest:
    """What to draw (seed, date, size; the user owns part of the book) and for which backend."""

    seed: int
    as_of: date
    accounts: int
    user: str
    now: datetime
    dialect: str  # "backend+driver", as `encode.dialect_named` takes it
    accounts_per_batch: int

    def encoded_batches(self) -> tuple[tuple[str, ...], Iterator[Rows]]:
        """The book's owners, and its batches ready to bind."""
        generator = BookGenerator(
            seed=self.seed, as_of=self.as_of, accounts=self.accounts, me=self.user
        )
        encoder = BookEncoder(dialect_named(self.dialect), user=self.user, now=self.now)
        batches = generator.batches(self.accounts_per_batch)
        return generator.owners, (encoder.encode(batch) for batch in batches)


@contextmanager
def book_batches(
    request: BookRequest, *, parallel: bool | None = None
) -> Iterator[tuple[tuple[str, ...], Iterator[Rows]]]:
    """The book's owners and its batches of rows, drawn here or (for large books) in a subprocess.

    Both ways give exactly the same rows. `parallel=None` chooses by the book's size.
    """
    if parallel is None:
        parallel = request.accounts >= PARALLEL_FROM_ACCOUNTS
    if not parallel:
        yield request.encoded_batches()
        return
    package_root = str(Path(__file__).resolve().parents[2])
    search_path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [sys.executable, "-m", "cs_tui.demo.producer"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            env={**os.environ, "PYTHONPATH": search_path},
        )
        assert child.stdin is not None and child.stdout is not None
        try:
            with child.stdin:
                pickle.dump(request, child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            owners = _receive(child, child.stdout, errors)
            yield tuple(owners), _batches(child, child.stdout, errors)
        finally:
            if child.poll() is None:
                child.kill()
            child.stdout.close()
            child.wait()


def _receive(child: "subprocess.Popen[bytes]", stream: IO[bytes], errors: IO[bytes]) -> Any:
    try:
        return pickle.load(stream)  # our own child's output: trusted
    except EOFError:
        child.wait()
        errors.seek(0)
        detail = errors.read().decode(errors="replace").strip()
        raise DemoGenerationError(
            f"the process drawing the demo book stopped (exit code {child.returncode})"
            + (f":\n{detail}" if detail else "")
        ) from None


def _batches(
    child: "subprocess.Popen[bytes]", stream: IO[bytes], errors: IO[bytes]
) -> Iterator[Rows]:
    while (batch := _receive(child, stream, errors)) != _DONE:
        yield batch


def main() -> None:
    """The subprocess: read the request, write owners, the batches and a closing marker to stdout."""
    request: BookRequest = pickle.load(sys.stdin.buffer)
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the stream
    owners, batches = request.encoded_batches()
    try:
        pickle.dump(list(owners), out, protocol=pickle.HIGHEST_PROTOCOL)
        for batch in batches:
            pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(_DONE, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
    except BrokenPipeError:
        pass  # the writer stopped reading (it failed or was interrupted): nothing to report


if __name__ == "__main__":
    main()
