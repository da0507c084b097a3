"""The book on a PostgreSQL server against the same book in SQLite: the list, Today, one account
and the book metrics.

The candidate reads from PostgreSQL, the baseline from the cached SQLite book it was copied from
(with `cs-tui team move-to-postgres`, once per book size and schema, into a database named after
them on the server; later runs reuse it). Per run, each side:

* list: every account's list row (what the account list loads);
* today: the team's Today queue (what the Today screen loads);
* account: one account's detail and health panel (what Account 360 opens with);
* metrics: the last full quarter's book metrics per owner (`cs-tui metrics --by owner`).

The server is the one `CS_TUI_BENCH_POSTGRES_URL` names (a maintenance database such as
postgresql+psycopg://postgres@127.0.0.1:5432/postgres), else `CS_TUI_TEST_POSTGRES_URL`; without
either the module has no benchmarks. `--quick` uses the quick book (2,000 accounts).
"""

import os
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bench.registry import Benchmark, Metric, Target
from cs_tui.data.store.schema_head import HEAD_REVISION

if TYPE_CHECKING:
    from bench.context import Context
    from bench.registry import Samples, Side
    from cs_tui.data.store.database import Database

SERVER_ENV = ("CS_TUI_BENCH_POSTGRES_URL", "CS_TUI_TEST_POSTGRES_URL")
BENCH_USER = "bench"


def server_url() -> str | None:
    return next((os.environ[name] for name in SERVER_ENV if os.environ.get(name)), None)


def _schema_tag() -> str:
    """Eight hex digits naming the migrations as shipped, so a copy made by a different schema
    under the same head id is never reused."""
    import hashlib
    from pathlib import Path

    import cs_tui

    versions = Path(cs_tui.__file__).parent / "migrations" / "versions"
    digest = hashlib.sha256()
    for script in sorted(versions.glob("*.py")):
        digest.update(script.name.encode() + script.read_bytes())
    return digest.hexdigest()[:8]


def _server_book(context: "Context") -> str:
    """The URL of the book's copy on the server, made on first use."""
    from sqlalchemy import create_engine, make_url, text

    from cs_tui.data.move.to_postgres import move_to_postgres
    from cs_tui.data.store.database import open_database

    maintenance = server_url()
    assert maintenance is not None
    name = f"cs_tui_bench_{context.accounts}_{context.seed}_{HEAD_REVISION}_{_schema_tag()}"
    url = make_url(maintenance).set(database=name).render_as_string(hide_password=False)
    admin = create_engine(maintenance, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if exists is None:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    target = open_database(url, user=BENCH_USER)
    try:
        from cs_tui.data.accounts.book import account_count

        held = account_count(target)
    finally:
        target.close()
    if held != context.book_count():
        if held:
            raise RuntimeError(f"{name} holds {held} accounts, not the book's; drop it")
        source = open_database(str(context.book()), user=BENCH_USER, migrate_schema=False)
        try:
            move_to_postgres(source, url)
        finally:
            source.close()
    return url


def _opened(context: "Context", side: "Side") -> "Database":
    from cs_tui.data.store.database import open_database

    def open_side() -> "Database":
        if side == "candidate":
            return open_database(_server_book(context), user=BENCH_USER)
        return open_database(str(context.book()), user=BENCH_USER, migrate_schema=False)

    return context.memo(f"server_book_{side}", open_side)


def _ms(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def _suite_run(context: "Context", side: "Side") -> "Samples":
    from cs_tui.data.accounts.list_rows import fetch_account_rows
    from cs_tui.data.accounts.records import get_account_detail
    from cs_tui.data.metrics.compute import metrics_for
    from cs_tui.data.scoring.health_panel import health_panel
    from cs_tui.data.work.today import today_queue
    from cs_tui.domain.metrics.periods import default_period

    db = _opened(context, side)
    ids = context.memo("server_book_ids", lambda: [row[0] for row in fetch_account_rows(db)])
    runs: list[str] = context.memo("server_book_runs", list)
    runs.append(side)
    pick = random.Random((len(runs) - 1) // 2).choice(ids)  # the same account on both sides

    def account() -> None:
        get_account_detail(db, str(pick))
        health_panel(db, str(pick))

    return {
        "list": [_ms(lambda: fetch_account_rows(db))],
        "today": [_ms(lambda: today_queue(db, team=True, limit=50))],
        "account": [_ms(account)],
        "metrics": [_ms(lambda: metrics_for(db, default_period(db.today()), by="owner"))],
    }


BENCHMARKS = (
    [
        Benchmark(
            name="server_book",
            title="The book on PostgreSQL (candidate) against SQLite (baseline)",
            metrics=(
                Metric(
                    "list", "Load the account list (every row)", "ms", (Target("ratio_max", 3),)
                ),
                Metric("today", "Load the team's Today", "ms", (Target("ratio_max", 3),)),
                Metric(
                    "account", "Open one account (detail, health)", "ms", (Target("ratio_max", 3),)
                ),
                Metric(
                    "metrics",
                    "Book metrics of a quarter, per owner",
                    "ms",
                    (Target("ratio_max", 3),),
                ),
            ),
            run=_suite_run,
            baseline="the same book in SQLite",
            warmup=1,
            tags=frozenset({"postgres"}),
        )
    ]
    if server_url()
    else []
)
