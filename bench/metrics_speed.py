"""Book metrics for the 100,000-account demo book, per owner, against plain sqlite3 SQL totals.

The candidate is what `cs-tui metrics --by owner` runs once the store is open: `metrics_for`
(four set-based reads, then every account's flow in the period: its ARR at the start and end
undone from the revenue events, new, expansion, contraction, churn, renewals, NPS and CSAT, summed
per owner at the period's start and per currency). A second metric is the Book screen's load: the
same for the period and the seven before it (`metrics_trend`), from one read.

The baseline is the least SQL that gives per-owner money totals of the period with the standard
`sqlite3` module: today's ARR per owner and currency, and the period's revenue events summed per
owner, currency and kind, both by `GROUP BY` in SQLite. It has no cohort, no ARR at the start, no
renewals and no voice, so the ratio is the price of the exact definitions on top of plain sums.
"""

import sqlite3
import time
from pathlib import Path

from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Target

USER = "bench"
TREND_PERIODS = 8
ARR_BY_OWNER = """
SELECT owner, currency, count(*), sum(arr_minor) FROM account
WHERE deleted_at IS NULL AND arr_minor > 0 GROUP BY owner, currency
"""
EVENTS_BY_OWNER = """
SELECT a.owner, e.currency, e.kind, count(*), sum(e.amount_minor)
FROM revenue_event e JOIN account a ON a.id = e.account_id
WHERE e.deleted_at IS NULL AND a.deleted_at IS NULL AND e.occurred_on BETWEEN ? AND ?
GROUP BY a.owner, e.currency, e.kind
"""
NPS_BY_OWNER = """
SELECT a.owner, count(*), sum(CASE WHEN r.score >= 9 THEN 1 ELSE 0 END),
       sum(CASE WHEN r.score <= 6 THEN 1 ELSE 0 END)
FROM survey_response r JOIN account a ON a.id = r.account_id
WHERE r.deleted_at IS NULL AND r.kind = 'nps' AND r.responded_on BETWEEN ? AND ?
GROUP BY a.owner
"""


def metrics_with_app(book: Path, *, trend: bool) -> float:
    from cs_tui.data.metrics.compute import metrics_for, metrics_trend
    from cs_tui.data.store.database import open_database
    from cs_tui.domain.metrics.periods import default_period

    db = open_database(str(book), user=USER)
    try:
        period = default_period(db.today())
        started = time.perf_counter()
        if trend:
            found = metrics_trend(db, period, count=TREND_PERIODS, by="owner").current
        else:
            found = metrics_for(db, period, by="owner")
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    if found.total.cohort == 0 or not found.groups:
        raise RuntimeError("the metrics found no cohort in the demo book")
    return elapsed


def step_back_seconds(book: Path) -> float:
    """The Book screen's `[` once the book is read: the previous quarter's trend, from the cache."""
    from cs_tui.data.metrics.compute import MetricsCache
    from cs_tui.data.store.database import open_database
    from cs_tui.domain.metrics.periods import default_period

    db = open_database(str(book), user=USER)
    try:
        period = default_period(db.today())
        cache = MetricsCache(db)
        cache.trend(period, count=TREND_PERIODS, by="owner")
        started = time.perf_counter()
        cache.trend(period.previous(), count=TREND_PERIODS, by="owner")
        return time.perf_counter() - started
    finally:
        db.close()


def metrics_plainly(book: Path, *, periods: int) -> float:
    from datetime import date

    from cs_tui.domain.metrics.periods import default_period

    connection = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
    try:
        started = time.perf_counter()
        period = default_period(date.today())
        first = period.shifted(1 - periods)
        totals: dict[tuple[str, str], list[int]] = {}
        for owner, currency, count, arr in connection.execute(ARR_BY_OWNER):
            totals[(owner, currency)] = [count, arr]
        for step in range(periods):
            shown = first.shifted(step)
            span = (shown.start.isoformat(), shown.end.isoformat())
            moved: dict[tuple[str, str, str], int] = {}
            for owner, currency, kind, _count, amount in connection.execute(EVENTS_BY_OWNER, span):
                moved[(owner, currency, kind)] = amount
            voice = list(connection.execute(NPS_BY_OWNER, span))
        elapsed = time.perf_counter() - started
    finally:
        connection.close()
    if not totals or not moved or not voice:
        raise RuntimeError("the plain queries found no revenue in the demo book")
    return elapsed


def run(context: Context, side: Side) -> Samples:
    book = context.book()
    if side == "candidate":
        return {
            "metrics": [metrics_with_app(book, trend=False)],
            "metrics_trend": [metrics_with_app(book, trend=True)],
        }
    return {
        "metrics": [metrics_plainly(book, periods=1)],
        "metrics_trend": [metrics_plainly(book, periods=TREND_PERIODS)],
    }


BENCHMARKS = [
    Benchmark(
        name="metrics",
        title="Book metrics per owner",
        metrics=(
            Metric("metrics", "Metrics of a quarter, per owner", "s", (Target("max", 1.0),)),
            Metric(
                "metrics_trend",
                f"Metrics of {TREND_PERIODS} quarters (Book screen)",
                "s",
                (Target("max", 3.0),),
            ),
        ),
        run=run,
        baseline="plain sqlite3 GROUP BY totals of ARR, the period's events and NPS per owner",
        max_repeats=5,
        warmup=1,
    ),
    Benchmark(
        name="metrics_step",
        title="Book screen: the previous period",
        metrics=(
            Metric(
                "metrics_step", "Book screen: previous quarter's trend", "s", (Target("max", 1.0),)
            ),
        ),
        run=lambda context, _side: {"metrics_step": [step_back_seconds(context.book())]},
        max_repeats=5,
    ),
]
