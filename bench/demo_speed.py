"""Writing the demo book: `cs-tui demo --accounts N` into a new file, as a user runs it.

Timed from process start to exit (drawing, writing, indexing, summarising). No baseline: the target
is absolute. It runs once per suite run (a 100,000-account book is a minute of work and ~1.6 GB);
quick mode writes a 500-account book: it only checks that the command still works.
"""

from bench.book import BookSpec, remove_database, write_demo_book
from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Target

QUICK_ACCOUNTS = 500


def run(context: Context, side: Side) -> Samples:
    accounts = min(context.accounts, QUICK_ACCOUNTS) if context.quick else context.accounts
    target = context.scratch() / "demo-book.db"
    remove_database(target)
    try:
        seconds = write_demo_book(BookSpec(accounts, context.seed), target)
    finally:
        remove_database(target)
    return {"write": [seconds]}


BENCHMARKS = [
    Benchmark(
        name="demo_book",
        title="Writing the demo book",
        metrics=(Metric("write", "Demo book: cs-tui demo", "s", (Target("max", 60),)),),
        run=run,
        max_repeats=1,
    )
]
