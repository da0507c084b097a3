"""Peak memory of the app with the whole book loaded into the account list.

The app runs in a pty on the cached book until the list's footer counts every account of the book
(the whole book is loaded and indexed, not only the first page); then the kernel's peak resident
set (VmHWM) and current one (VmRSS) of the process are read from /proc. The baseline is the trivial
Textual app of the cold start, read the same way once painted: what any Textual app costs.
"""

import sys
import tempfile
import time
from pathlib import Path

from bench.book import child_environment
from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Target
from bench.terminal import TerminalProgram
from bench.trivial_app import READY

SETTLE_SECONDS = 0.3
LOAD_TIMEOUT = 180.0


def memory_of(pid: int) -> dict[str, float]:
    """VmHWM and VmRSS of a process, in MiB."""
    figures: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS"):
            figures[name] = int(value.split()[0]) / 1024  # kB
    return figures


def loaded_marker(context: Context) -> str:
    """The footer's count once the whole book is in the list."""
    count = context.book_count()
    return f"{count:,} account{'s' if count != 1 else ''}"


def run(context: Context, side: Side) -> Samples:
    if side == "candidate":
        argv = [sys.executable, "-m", "cs_tui", "--db", str(context.book()), "--screen", "accounts"]
        marker = loaded_marker(context)
    else:
        argv, marker = [sys.executable, "-m", "bench.trivial_app"], READY
    with tempfile.TemporaryDirectory(prefix="cs-tui-bench-home-") as home:
        program = TerminalProgram(argv, env=child_environment(Path(home)))
        try:
            loaded = program.wait_for(marker, timeout=LOAD_TIMEOUT)
            time.sleep(SETTLE_SECONDS)
            program.pump(0)
            figures = memory_of(program.pid)
        finally:
            program.kill()
    return {
        "peak_rss": [figures["VmHWM"]],
        "rss": [figures["VmRSS"]],
        "loaded": [loaded],
    }


BENCHMARKS = [
    Benchmark(
        name="memory",
        title="Memory with the whole book in the list",
        metrics=(
            Metric("peak_rss", "Memory: peak RSS, book loaded", "MiB", (Target("max", 150),)),
            Metric("rss", "Memory: RSS once loaded", "MiB"),
            Metric("loaded", "Start to whole book listed", "s"),
        ),
        run=run,
        baseline="the trivial Textual app, once painted",
        max_repeats=2,
    )
]
