"""Importing an accounts CSV into an empty book, with validation, against plain csv + executemany.

The candidate is what `cs-tui import accounts FILE` runs once the store is open: `read_account_file`
(detect the layout, parse and validate every row) then `import_accounts` (match, insert in one
transaction, refresh the summaries). The baseline reads the same file with `csv`, converts the
amounts and dates, and writes the same account and summary rows with `sqlite3`'s `executemany`
in one transaction, with the same pragmas. Both start from a copy of one empty, migrated database;
opening it is not timed.
"""

import csv
import shutil
import sqlite3
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bench.accounts_csv import write_accounts_csv
from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Target

ACCOUNT_INSERT = """
INSERT INTO account (id, created_at, updated_at, updated_by, deleted_at, name, external_id, domain,
                     owner, segment, industry, lifecycle_stage, arr_minor, currency,
                     contract_start, contract_end, auto_renew, licensed_seats, tags)
VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'onboarding', ?, 'USD', NULL, ?, 0, NULL, '')
"""
SUMMARY_INSERT = """
INSERT INTO account_summary (account_id, score, band, score_delta, previous_band, coverage,
                             overridden, last_touch_on, open_followups, overdue_followups, plan_status)
SELECT id, NULL, '', NULL, '', 0, 0, NULL, 0, 0, '' FROM account
"""
USER = "bench"


def accounts_csv(context: Context) -> Path:
    return context.memo(
        "accounts_csv",
        lambda: write_accounts_csv(
            context.scratch() / "accounts.csv", context.accounts, context.seed
        ),
    )


def empty_database(context: Context) -> Path:
    """A migrated database without accounts, made once per suite run."""

    def make() -> Path:
        from cs_tui.data.store.database import open_database

        path = context.scratch() / "empty.db"
        open_database(str(path), user=USER).close()
        return path

    return context.memo("empty_database", make)


def fresh_copy(context: Context, name: str) -> Path:
    target = context.scratch() / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(empty_database(context), target)
    return target


def import_with_app(source: Path, database: Path) -> float:
    """Seconds to read, validate and import `source` the app's way (the store is opened first)."""
    from cs_tui.data.accounts.imports import import_accounts
    from cs_tui.data.store.database import open_database
    from cs_tui.io.account_file import read_account_file

    db = open_database(str(database), user=USER)
    try:
        started = time.perf_counter()
        report = import_accounts(db, read_account_file(source))
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    if not report.written or report.problems:
        raise RuntimeError(f"the import did not write every row: {report.problems[:3]}")
    return elapsed


def import_plainly(source: Path, database: Path) -> float:
    """Seconds to load `source` with csv and sqlite3 alone."""
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=FULL")
        started = time.perf_counter()
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        rows = []
        with source.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            next(reader)
            for name, external_id, owner, arr, renewal, segment, industry, website in reader:
                month, day, year = renewal.split("/")
                cents = round(float(arr.lstrip("$").replace(",", "")) * 100)
                rows.append(
                    (uuid.uuid4().hex, now, now, USER, name, external_id, website, owner, segment,
                     industry, cents, f"{year}-{month:0>2}-{day:0>2}")
                )  # fmt: skip
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(ACCOUNT_INSERT, rows)
        connection.execute(SUMMARY_INSERT)
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def run(context: Context, side: Side) -> Samples:
    source = accounts_csv(context)
    database = fresh_copy(context, f"import-{side}.db")
    seconds = (import_with_app if side == "candidate" else import_plainly)(source, database)
    return {"import": [seconds]}


BENCHMARKS = [
    Benchmark(
        name="import",
        title="Importing an accounts CSV",
        metrics=(
            Metric(
                "import",
                "Import accounts CSV (validated)",
                "s",
                (Target("ratio_max", 3.5), Target("max", 1.5)),
            ),
        ),
        run=run,
        baseline="plain csv + sqlite3 executemany of the same rows",
        max_repeats=5,
    )
]
