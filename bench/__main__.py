"""`python -m bench`: run the suite, print the table, save it as JSON, compare with an old run.

Missed targets are reported, not failed: the exit code is 0 unless a benchmark crashed (1) or the
command line was wrong (2).
"""

import argparse
import os
import sys
import time
from pathlib import Path

from rich.console import Console

from bench.book import child_environment
from bench.context import Context
from bench.registry import discover
from bench.report import print_report
from bench.results import RunReport, machine_meta
from bench.runner import run_benchmark, skipped_rows

DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"
FULL_REPEATS = 7
QUICK_REPEATS = 3
REPORT_WIDTH = 150


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small book and fewer repeats")
    parser.add_argument("--repeats", type=int, help="runs of each side per benchmark")
    parser.add_argument("--accounts", type=int, help="book size (default 100,000; quick 2,000)")
    parser.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="run only these (repeatable)"
    )
    parser.add_argument("--json-out", type=Path, default=DEFAULT_JSON, metavar="PATH")
    parser.add_argument("--compare", type=Path, metavar="OLD.json", help="show the change")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    options = parser.parse_args(argv)
    if options.repeats is not None and options.repeats < 1:
        parser.error("--repeats must be at least 1")
    if options.accounts is not None and options.accounts < 1:
        parser.error("--accounts must be at least 1")
    if options.compare is not None and not options.compare.is_file():
        parser.error(f"--compare: no such file {options.compare}")
    return options


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    console = Console() if sys.stdout.isatty() else Console(width=REPORT_WIDTH)
    previous = RunReport.load(options.compare) if options.compare else None
    found = discover(options.only)
    if options.list:
        for benchmark in found.benchmarks:
            console.print(f"{benchmark.name:<22} {benchmark.title}")
        for skipped in found.skipped:
            console.print(f"{skipped.module:<22} (skipped) {skipped.note}", style="dim")
        for broken in found.broken:
            console.print(f"{broken.module:<22} (error) {broken.note}", style="red")
        return 0
    repeats = options.repeats or (QUICK_REPEATS if options.quick else FULL_REPEATS)
    context = Context.for_mode(quick=options.quick, accounts=options.accounts)
    os.environ.update(child_environment(context.scratch() / "home"))  # in-process runs too
    started = time.perf_counter()
    results = []
    durations: dict[str, float] = {}
    try:
        if found.benchmarks:
            context.book()
        for benchmark in found.benchmarks:
            begun = time.perf_counter()
            with console.status(benchmark.title) as status:
                results.extend(
                    run_benchmark(benchmark, context, repeats, lambda text: status.update(text))
                )
            durations[benchmark.name] = round(time.perf_counter() - begun, 1)
    finally:
        context.close()
    results.extend(skipped_rows(found.broken, status="error"))
    results.extend(skipped_rows(found.skipped))
    meta = machine_meta(quick=options.quick, accounts=context.accounts, repeats=repeats)
    meta["seconds"] = round(time.perf_counter() - started, 1)
    meta["benchmark_seconds"] = durations
    report = RunReport(tuple(results), meta)
    report.save(options.json_out)
    print_report(report, previous, console)
    console.print(f"  {meta['seconds']:.0f}s; saved to {options.json_out}", style="dim")
    return 1 if any(result.status == "error" for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
