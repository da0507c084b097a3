"""Cold start: process start to the account list on screen and accepting keys, in a real pty.

The candidate is `python -m cs_tui --db BOOK --screen accounts`; the baseline is
`python -m bench.trivial_app`, a
Textual app with one Static, started the same way in the same terminal. Each run measures:

* first paint: until the first account of the book (or the trivial app's text) is on screen;
* keys accepted: then `/` is sent (focus the filter) and `§` every 10 ms until one is painted,
  i.e. until the app both handles keys and shows their effect.

Each side runs in a throwaway config and data folder, from compiled bytecode (a warm-up run per
side compiles it and fills the OS file cache, as on a user's machine after the first launch).
"""

import sys
import tempfile
from pathlib import Path

from bench.book import child_environment
from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Target
from bench.terminal import TerminalProgram
from bench.trivial_app import READY

PROBE_KEY = "§"
FOCUS_KEY = b"/"
MARKER_LENGTH = 12


def first_account_marker(context: Context) -> str:
    """The start of the first account's name in list order, as the first paint must show it."""
    from cs_tui.data.accounts.list_rows import fetch_first_page_sqlite

    def marker() -> str:
        rows = fetch_first_page_sqlite(context.book(), limit=1)
        if not rows:
            raise RuntimeError(f"{context.book()} holds no accounts")
        return str(rows[0][1])[:MARKER_LENGTH].strip()

    return context.memo("first_account_marker", marker)


def command(context: Context, side: Side) -> tuple[list[str], str]:
    """The program to start for `side` and the text its first paint shows."""
    if side == "candidate":
        return [
            sys.executable,
            "-m",
            "cs_tui",
            "--db",
            str(context.book()),
            "--screen",
            "accounts",
        ], first_account_marker(context)
    return [sys.executable, "-m", "bench.trivial_app"], READY


def start_once(context: Context, side: Side) -> tuple[float, float]:
    """(seconds to first paint, seconds until a key's effect is painted) of one start."""
    argv, marker = command(context, side)
    with tempfile.TemporaryDirectory(prefix="cs-tui-bench-home-") as home:
        program = TerminalProgram(argv, env=child_environment(Path(home)), cwd=_repository())
        try:
            painted = program.wait_for(marker)
            program.send(FOCUS_KEY)
            accepted = program.probe(PROBE_KEY.encode(), PROBE_KEY, every=0.01)
        finally:
            program.kill()
    return painted, accepted


def _repository() -> Path:
    return Path(__file__).resolve().parent.parent


def run(context: Context, side: Side) -> Samples:
    painted, accepted = start_once(context, side)
    return {"first_paint": [painted * 1000], "keys_accepted": [accepted * 1000]}


BENCHMARKS = [
    Benchmark(
        name="cold_start",
        title="Cold start in a pseudo-terminal",
        metrics=(
            Metric("first_paint", "Cold start: list painted", "ms"),
            Metric(
                "keys_accepted",
                "Cold start: list painted + key handled",
                "ms",
                (Target("ratio_max", 1.3),),
            ),
        ),
        run=run,
        baseline="a trivial Textual app (one Static) started the same way",
        warmup=1,
    )
]
