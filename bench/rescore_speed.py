"""Rescoring the 100,000-account demo book end to end, against plain `sqlite3` doing the same work.

The candidate is cs-tui's `rescore_book` (SQLAlchemy connection, its transaction and audit time,
the data layer's reads, the scorer, the batched writes). The baseline is the least a program can do
for the same result with the standard `sqlite3` module: one connection with the store's pragmas,
`BEGIN IMMEDIATE`, the same SQL reads (the texts of `cs_tui.data.scoring.signals_sql`), the same pure
scoring (`cs_tui.domain.scoring`), and the same rows written by `executemany` with the same SQL.
So the ratio is what the data layer costs on top of the database work and the arithmetic.

Both replace today's snapshots in the same file, so after a first (untimed) run both do the same
upserts. Runs alternate between the two; medians are reported.

Usage: .venv/bin/python bench/rescore_speed.py [--db PATH] [--runs N]
(builds the book with `cs-tui demo --accounts 100000` when PATH does not exist)
"""

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cs_tui.data.scoring import signals_sql as q
from cs_tui.data.scoring.facts import SQLITE_MMAP_BYTES, BookSignals, as_date
from cs_tui.data.scoring.rescoring import MISSING_SUMMARIES, rescore_book
from cs_tui.data.scoring.writes import UPDATE_SUMMARY, UPSERT_SNAPSHOT, breakdown_head
from cs_tui.data.store.database import SQLITE_BUSY_TIMEOUT_MS, open_database
from cs_tui.domain.scoring import Scorer, shown_result
from cs_tui.domain.scoring.facts import ObjectiveFacts, measure_values, plan_progress
from cs_tui.io.scorecard_file import current_scorer

DEFAULT_BOOK = Path("/tmp/bench100k.db")
BOOK_ACCOUNTS = 100_000
PREVIOUS_ON, PREVIOUS_SCORE, PREVIOUS_BAND, PREVIOUS_OVERRIDE = range(17, 21)


def ensure_book(path: Path, accounts: int = BOOK_ACCOUNTS) -> Path:
    """The demo book at `path`, written first when the file does not exist."""
    if not path.exists():
        cs_tui = Path(sys.executable).with_name("cs-tui")
        command = [str(cs_tui), "demo", "--accounts", str(accounts), "--db", str(path)]
        subprocess.run(command, check=True)
    return path


def candidate(db_path: Path, *, as_of: date | None = None, scorer: Scorer | None = None) -> float:
    """Seconds for cs-tui to rescore every account of the book (the store is opened beforehand)."""
    scorer = scorer or current_scorer()
    db = open_database(str(db_path), user="bench")
    try:
        started = time.perf_counter()
        rescore_book(db, as_of=as_of, scorer=scorer)
        return time.perf_counter() - started
    finally:
        db.close()


def _read(connection: sqlite3.Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    sql = q.statement(sql, some_accounts=False)
    return connection.execute(sql, {k: v for k, v in params.items() if f":{k}" in sql}).fetchall()


def baseline(db_path: Path, *, as_of: date | None = None, scorer: Scorer | None = None) -> float:
    """Seconds for plain `sqlite3` to do the same reads, scoring and writes."""
    scorer = scorer or current_scorer()
    card = scorer.card
    as_of = as_of or datetime.now(UTC).astimezone().date()
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA synchronous=FULL")
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(MISSING_SUMMARIES.format(only="")).fetchall()
        connection.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        params = {
            k: v.isoformat() if isinstance(v, date) else v
            for k, v in q.Windows.ending(as_of, card.signals).params(card.signals).items()
        }
        rows = _read(connection, q.ACCOUNT_FACTS, params)
        sentiment = {k: (v, as_date(on)) for k, v, on in _read(connection, q.SENTIMENT, params)}
        overrides = {k: score for k, score in _read(connection, q.OVERRIDES, params)}
        statuses: dict[Any, str] = {}
        objectives: dict[Any, list[ObjectiveFacts]] = {}
        for key, status, *objective in _read(connection, q.PLANS, params):
            statuses[key] = status
            if objective[0] is not None:
                objectives.setdefault(key, []).append(ObjectiveFacts(*objective))
        plans = {k: plan_progress(s, objectives.get(k, ())) for k, s in statuses.items()}
        book = BookSignals(rows, sentiment, overrides, plans)
        snapshots, summaries = _score(book, scorer, as_of)
        connection.executemany(UPSERT_SNAPSHOT.format(marks=", ".join("?" * 10)), snapshots)
        connection.executemany(UPDATE_SUMMARY.format(m="?"), summaries)
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def _score(book: BookSignals, scorer: Scorer, as_of: date) -> tuple[list[Any], list[Any]]:
    """Snapshot and summary rows, exactly as the data layer writes them."""
    card, day = scorer.card, as_of.isoformat()
    days = card.signals.sentiment_expires_after_days
    created = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    start = uuid.uuid4().int >> 32 << 32
    heads: dict[str, str] = {}
    snapshots: list[tuple[Any, ...]] = []
    summaries: list[tuple[Any, ...]] = []
    for n, row in enumerate(book.rows):
        key = row[0]
        profile = scorer.profile(row[1], row[2])
        if profile is None:
            summaries.append((None, "", None, "", 0.0, False, day, key, day))
            continue
        values = measure_values(book.facts(row), as_of, days)
        score, band, coverage = profile.score(values)
        override = book.overrides.get(key)
        shown, shown_band = shown_result(score, band, override, card.bands)
        before, before_band = shown_result(
            row[PREVIOUS_SCORE], row[PREVIOUS_BAND] or "", row[PREVIOUS_OVERRIDE], card.bands
        )
        resolved = profile.resolved
        head = heads.get(resolved.key + resolved.segment + resolved.stage)
        if head is None:
            head = breakdown_head(resolved, card.fingerprint)
            heads[resolved.key + resolved.segment + resolved.stage] = head
        snapshots.append((
            f"{start + n + 1:032x}", key, day, score, band, coverage, resolved.key, override,
            head + json.dumps(values) + "}", created,
        ))  # fmt: skip
        delta = shown - before if shown is not None and before is not None else None
        summaries.append((shown, shown_band, delta, before_band, coverage, override is not None,
                          day, key, day))  # fmt: skip
    return snapshots, summaries


def measure_rescoring(db_path: Path, runs: int = 5) -> dict[str, Any]:
    """Median seconds of alternating candidate and baseline runs, after one untimed run of each."""
    scorer = current_scorer()
    candidate(db_path, scorer=scorer)
    baseline(db_path, scorer=scorer)
    times: dict[str, list[float]] = {"candidate": [], "baseline": []}
    for run in range(runs):
        order = ("candidate", "baseline") if run % 2 == 0 else ("baseline", "candidate")
        for kind in order:
            measure = candidate if kind == "candidate" else baseline
            times[kind].append(measure(db_path, scorer=scorer))
    medians = {kind: statistics.median(values) for kind, values in times.items()}
    return {
        "runs": runs,
        "candidate_s": round(medians["candidate"], 3),
        "baseline_s": round(medians["baseline"], 3),
        "ratio": round(medians["candidate"] / medians["baseline"], 3),
        "all_s": {kind: [round(t, 3) for t in values] for kind, values in times.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, default=DEFAULT_BOOK)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    result = measure_rescoring(ensure_book(options.db), options.runs)
    print(f"rescoring {options.db}: median of {result['runs']} alternating runs")
    print(f"cs-tui rescore_book  {result['candidate_s']:>8.3f} s")
    print(f"plain sqlite3        {result['baseline_s']:>8.3f} s")
    print(f"ratio                {result['ratio']:>8.3f}  (target <= 1.5)")
    print(f"all runs: {result['all_s']}")


if __name__ == "__main__":
    main()
