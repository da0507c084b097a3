"""The longest frame gap while an accounts import runs in a worker, as the TUI will run it.

A small Textual app imports the benchmark's accounts CSV in a thread worker (read and validate,
then `import_accounts` with a progress bar fed from the worker) while a `FrameGapProbe` ticks every
10 ms on the event loop. The longest gap between ticks is the longest the screen could not have
been repainted. When the TUI runs rescoring or imports in its own workers, the same probe can be
started on `CsTuiApp` instead.
"""

import asyncio
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.widgets import ProgressBar

from bench.context import Context
from bench.frame_gap import FrameGapProbe
from bench.import_speed import USER, accounts_csv, fresh_copy
from bench.registry import Benchmark, Metric, Samples, Side, Target

SIZE = (100, 20)


class ImportApp(App[None]):
    """Imports one file in a worker, reporting progress, as an import screen would."""

    def __init__(self, source: Path, database: Path) -> None:
        super().__init__()
        self.source = source
        self.database = database
        self.written = False

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=None, id="progress")

    def _progress(self, done: int, total: int) -> None:
        self.call_from_thread(self.query_one(ProgressBar).update, total=total, progress=done)

    @work(thread=True, exclusive=True, group="import")
    def run_import(self) -> None:
        from cs_tui.data.accounts.imports import import_accounts
        from cs_tui.data.store.database import open_database
        from cs_tui.io.account_file import read_account_file

        db = open_database(str(self.database), user=USER)
        try:
            report = import_accounts(db, read_account_file(self.source), progress=self._progress)
        finally:
            db.close()
        self.written = report.written


async def _measure(source: Path, database: Path) -> float:
    app = ImportApp(source, database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        probe = FrameGapProbe()
        probe.start(app)
        app.run_import()
        await app.workers.wait_for_complete()
        probe.stop()
    if not app.written:
        raise RuntimeError("the import wrote nothing")
    return probe.longest_gap_ms


def run(context: Context, side: Side) -> Samples:
    import cs_tui.data.accounts.imports
    import cs_tui.io.account_file  # noqa: F401 - loaded before the probe starts, as in the TUI

    database = fresh_copy(context, "frame-gap-import.db")
    return {"longest_gap": [asyncio.run(_measure(accounts_csv(context), database))]}


BENCHMARKS = [
    Benchmark(
        name="frame_gap_import",
        title="Frame gap while importing in a worker",
        metrics=(
            Metric(
                "longest_gap",
                "Longest frame gap, import in a worker",
                "ms",
                (Target("max", 100),),
            ),
        ),
        run=run,
        max_repeats=3,
    )
]
