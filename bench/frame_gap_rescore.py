"""The longest frame gap while the TUI rescores the whole book, with the account list open.

`CsTuiApp` runs headless on a writable copy of the book and opens on the account list; once every
account is listed, a `FrameGapProbe` ticks every 10 ms on the event loop while the app's own
"Rescore book" action runs: the rescoring worker (reading, scoring and writing 100,000 accounts)
and the list's reload with the new scores that follows it. The longest gap between ticks is the
longest the screen could not have been repainted.
"""

import asyncio
import gc
import os
import time
from pathlib import Path

from bench.context import Context
from bench.frame_gap import FrameGapProbe
from bench.registry import Benchmark, Metric, Samples, Side, Target

SIZE = (160, 45)
USER = "bench"
TIMEOUT_SECONDS = 600.0


async def _until_idle(app: object, started: float) -> None:
    """Wait until no worker runs (a finished worker may start another: wait for that one too)."""
    workers = app.workers  # type: ignore[attr-defined]
    quiet_checks = 0
    while quiet_checks < 3:
        if time.perf_counter() - started > TIMEOUT_SECONDS:
            raise RuntimeError("the app did not finish its work in time")
        await asyncio.sleep(0.05)
        quiet_checks = 0 if any(not w.is_finished for w in workers) else quiet_checks + 1


async def _measure(database: Path) -> tuple[float, float]:
    from cs_tui.app.shell import CsTuiApp
    from cs_tui.config import LaunchSettings
    from cs_tui.io.bulk_work import take_back_what_was_set_aside

    settings = LaunchSettings(
        database_url=f"sqlite:///{database}", user=USER, start_screen="accounts"
    )
    app = CsTuiApp(settings, set_aside_long_lived=True)  # as the program runs it
    async with app.run_test(size=SIZE):
        started = time.perf_counter()
        while app.book is None:
            await asyncio.sleep(0.05)
        await _until_idle(app, started)
        probe = FrameGapProbe()
        probe.start(app)
        started = time.perf_counter()
        app.rescore()
        await _until_idle(app, started)
        probe.stop()
        seconds = time.perf_counter() - started
    take_back_what_was_set_aside()
    gc.collect()  # the app's garbage must not land in the next run's measurement
    return probe.longest_gap_ms, seconds


def run(context: Context, side: Side) -> Samples:
    home = context.scratch() / "frame-gap-rescore-home"
    settings_dirs = {
        "CS_TUI_CONFIG_DIR": str(home / "config"),
        "CS_TUI_DATA_DIR": str(home / "data"),
    }
    saved = {name: os.environ.get(name) for name in settings_dirs}
    os.environ.update(settings_dirs)  # the user's own config stays out of the measurement
    try:
        longest_gap, seconds = asyncio.run(_measure(context.writable_book()))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return {"longest_gap": [longest_gap], "seconds": [seconds]}


BENCHMARKS = [
    Benchmark(
        name="frame_gap_rescore",
        title="Frame gap while the TUI rescores the book",
        metrics=(
            Metric(
                "longest_gap",
                "Longest frame gap, rescoring in the TUI",
                "ms",
                (Target("max", 100),),
            ),
            Metric("seconds", "Rescore in the TUI, list reloaded", "s"),
        ),
        run=run,
        max_repeats=3,
    )
]
