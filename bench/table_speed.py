"""How fast the lazy table paints and filters 100,000 rows, next to a bare line-rendering baseline.

Each step is timed from the call (`set_rows`, page down) until `await pilot.pause(0)` has returned:
that drains the pending messages and paints a frame, which renders the visible lines. A counter in
each table checks that the lines were really rendered inside the timed window. The baseline is a
ScrollView that renders `" | ".join(row)` per visible line and nothing else, so the ratio shows what
the table's formatting, cursor and header cost on top of the Line API itself. Runs alternate
between the two tables and the medians are reported.

In the suite (`python -m bench --only table`) it runs on as many synthetic rows as the book has
accounts. Alone: .venv/bin/python -m bench.table_speed [ROWS] [--repeats N]
"""

import argparse
import asyncio
import random
import statistics
import time
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot

from bench.list_probe import BareTable, install_lazy_table_counter, lines_painted
from bench.registry import Benchmark, Metric
from cs_tui.widgets.lazy_table import LazyTable
from cs_tui.widgets.table_columns import Column, Row

if TYPE_CHECKING:
    from bench.context import Context
    from bench.registry import Side

TERMINAL_SIZE = (140, 45)
PAGE_DOWNS_PER_RUN = 5
SEGMENTS = ("Enterprise", "Mid-Market", "SMB", "Strategic")
BANDS = ("Healthy", "Watch", "At risk", "Critical")
REGIONS = ("EMEA", "NA", "APAC", "LATAM")


def sample_rows(count: int, seed: int = 7) -> list[Row]:
    """`count` account-like tuples of ten columns (deterministic)."""
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    return [
        (
            f"A{i:06d}",
            f"{rng.choice(('Acme', 'Globex', 'Initech', 'Umbrella'))} {i} Holdings",
            SEGMENTS[i % 4],
            f"owner{i % 37}",
            rng.randrange(1_000, 2_000_000),
            rng.randrange(0, 101),
            BANDS[i % 4],
            start + timedelta(days=rng.randrange(0, 720)),
            start - timedelta(days=rng.randrange(0, 365)),
            REGIONS[i % 4],
        )
        for i in range(count)
    ]


def _band_style(value: Any, row: Row) -> str | None:
    return "bold red" if value == "Critical" else None


def sample_columns() -> tuple[Column, ...]:
    return (
        Column("id", "ID", index=0, width=7, priority=9),
        Column("name", "Account", index=1, min_width=14, share=3, priority=10),
        Column("segment", "Segment", index=2, width=10, priority=5),
        Column("owner", "Owner", index=3, min_width=8, priority=4),
        Column("arr", "ARR", index=4, width=11, align="right", format=lambda v, _: f"{v:,}"),
        Column("health", "Health", index=5, width=6, align="right", priority=8),
        Column("band", "Band", index=6, width=8, style=_band_style, priority=7),
        Column("renewal", "Renewal", index=7, width=10, format=lambda v, _: v.isoformat()),
        Column("contact", "Last contact", index=8, width=12, format=lambda v, _: v.isoformat()),
        Column("region", "Region", index=9, width=6, priority=-1),
    )


class BenchApp(App[None]):
    def __init__(self, table: LazyTable | BareTable) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table


async def _timed(pilot: Pilot[None], table: LazyTable | BareTable, step: Any) -> float:
    """Milliseconds from calling `step` until the frame showing its result has been painted."""
    started = time.perf_counter()
    step()
    await pilot.pause(0)
    elapsed = (time.perf_counter() - started) * 1000
    if lines_painted(table) < table.size.height - 1:
        raise RuntimeError("the visible lines were not rendered inside the timed window")
    return elapsed


async def _run_once(
    kind: str, rows: Sequence[Row], filtered: Sequence[Row], results: dict[str, list[float]]
) -> None:
    table: LazyTable | BareTable
    if kind == "lazy":
        install_lazy_table_counter()
        table = LazyTable(sample_columns(), empty_message="No accounts")
    else:
        table = BareTable()
    app = BenchApp(table)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        table.focus()
        await pilot.pause()
        results["first_paint_ms"].append(await _timed(pilot, table, lambda: table.set_rows(rows)))
        for _ in range(PAGE_DOWNS_PER_RUN):
            results["page_down_ms"].append(await _timed(pilot, table, table.action_page_down))
        results["filter_ms"].append(await _timed(pilot, table, lambda: table.set_rows(filtered)))
        results["unfilter_ms"].append(await _timed(pilot, table, lambda: table.set_rows(rows)))


async def _measure(n_rows: int, repeats: int) -> dict[str, Any]:
    rows = sample_rows(n_rows)
    filtered = _filtered(rows)
    samples: dict[str, dict[str, list[float]]] = {
        kind: {"first_paint_ms": [], "page_down_ms": [], "filter_ms": [], "unfilter_ms": []}
        for kind in ("lazy", "baseline")
    }
    for repeat in range(repeats):
        order = ("lazy", "baseline") if repeat % 2 == 0 else ("baseline", "lazy")
        for kind in order:
            await _run_once(kind, rows, filtered, samples[kind])
    medians = {
        kind: {step: round(statistics.median(values), 2) for step, values in steps.items()}
        for kind, steps in samples.items()
    }
    ratios = {
        step: round(medians["lazy"][step] / max(medians["baseline"][step], 1e-9), 2)
        for step in medians["lazy"]
    }
    return {
        "rows": n_rows,
        "filtered_rows": len(filtered),
        "columns": len(sample_columns()),
        "terminal": TERMINAL_SIZE,
        "repeats": repeats,
        "lazy": medians["lazy"],
        "baseline": medians["baseline"],
        "ratio_lazy_to_baseline": ratios,
    }


def measure_table_speed(n_rows: int = 100_000, repeats: int = 7) -> dict[str, Any]:
    """Median milliseconds per step for the lazy table and the bare baseline, and their ratio."""
    return asyncio.run(_measure(n_rows, repeats))


def _suite_run(context: "Context", side: "Side") -> dict[str, list[float]]:
    rows = context.memo("table_speed_rows", lambda: sample_rows(context.accounts))
    filtered = context.memo("table_speed_filtered", lambda: _filtered(rows))
    results: dict[str, list[float]] = {
        "first_paint_ms": [], "page_down_ms": [], "filter_ms": [], "unfilter_ms": []
    }  # fmt: skip
    kind = "lazy" if side == "candidate" else "baseline"
    asyncio.run(_run_once(kind, rows, filtered, results))
    return results


def _filtered(rows: Sequence[Row]) -> list[Row]:
    return [row for row in rows if row[2] == "Enterprise" and "9" in row[0]]


BENCHMARKS = [
    Benchmark(
        name="table_speed",
        title="Lazy table alone on synthetic rows",
        metrics=(
            Metric("first_paint_ms", "Lazy table alone: set rows to paint", "ms"),
            Metric("page_down_ms", "Lazy table alone: page down", "ms"),
            Metric("filter_ms", "Lazy table alone: narrow rows", "ms"),
            Metric("unfilter_ms", "Lazy table alone: all rows again", "ms"),
        ),
        run=_suite_run,
        baseline="a bare Line API table (joined values per line)",
        warmup=1,
    )
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    options = parser.parse_args()
    result = measure_table_speed(options.rows, options.repeats)
    print(
        f"{result['rows']:,} rows x {result['columns']} columns, terminal {result['terminal']}, "
        f"filter keeps {result['filtered_rows']:,}, median of {result['repeats']} alternating runs"
    )
    print(f"{'step':<16}{'lazy ms':>10}{'baseline ms':>14}{'ratio':>8}")
    for step, lazy_ms in result["lazy"].items():
        baseline_ms = result["baseline"][step]
        ratio = result["ratio_lazy_to_baseline"][step]
        print(f"{step:<16}{lazy_ms:>10.2f}{baseline_ms:>14.2f}{ratio:>8.2f}")


if __name__ == "__main__":
    main()
