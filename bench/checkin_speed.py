"""How long saving a check-in takes on a big book, and how long the Today queue takes to read.

`save_check_in_seconds(db_path)` times the call the check-in form makes when the user saves: a call
with a summary, a sentiment and one next step on one account, in one transaction, including the
refresh of that account's summary. The rows it wrote are then tombstoned (outside the timing), so
the book looks as before. `today_seconds(db_path)` times reading the Today queue.

In the suite (`python -m bench --only checkin`) it runs on a copy of the cached book.
Alone: .venv/bin/python -m bench.checkin_speed DB_PATH [--repeats N] [--user NAME]
"""

import argparse
import statistics
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Uuid, bindparam, text

from bench.registry import Benchmark, Metric, Target
from cs_tui.data.accounts.changes import account_changed
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.work.check_ins import log_check_in
from cs_tui.data.work.drafts import CheckInDraft, NextStepDraft
from cs_tui.data.work.today import today_queue
from cs_tui.models import CheckIn, FollowUp, SentimentEntry

if TYPE_CHECKING:
    from bench.context import Context
    from bench.registry import Side

BENCH_USER = "bench"


def _some_account(db: Database) -> uuid.UUID:
    """A live account picked at random through the primary key (no scan)."""
    statement = text(
        "SELECT id FROM account WHERE id >= :start AND deleted_at IS NULL ORDER BY id LIMIT 1"
    ).bindparams(bindparam("start", type_=Uuid()))
    with db.engine.connect() as connection:
        found = connection.execute(statement, {"start": uuid.uuid4()}).scalar()
        if found is None:
            found = connection.execute(
                text("SELECT id FROM account WHERE deleted_at IS NULL ORDER BY id LIMIT 1")
            ).scalar()
    if found is None:
        raise ValueError("the book has no accounts")
    return found if isinstance(found, uuid.UUID) else uuid.UUID(str(found))


def _undo(db: Database, saved_ids: list[str], account_id: uuid.UUID) -> None:
    now = db.now()
    with db.write() as session:
        for model in (CheckIn, FollowUp, SentimentEntry):
            for hex_id in saved_ids:
                row = session.get(model, uuid.UUID(hex_id))
                if row is not None:
                    row.deleted_at = now
    account_changed(db, [account_id])


def _timed_save(db: Database) -> float:
    account_id = _some_account(db)
    draft = CheckInDraft(
        account=account_id.hex,
        kind="call",
        summary="Benchmark call: renewal prep",
        sentiment=4,
        next_steps=(NextStepDraft(title="Send the pricing deck"),),
    )
    started = time.perf_counter()
    saved = log_check_in(db, draft)
    elapsed = time.perf_counter() - started
    written = [saved.check_in_id, *saved.follow_up_ids]
    if saved.sentiment_entry_id:
        written.append(saved.sentiment_entry_id)
    _undo(db, written, account_id)
    return elapsed


def save_check_in_seconds(
    db_path: str | Path, *, user: str = BENCH_USER, cold: bool = False
) -> float:
    """Seconds from "save" to saved for one check-in with one next step (then undone).

    The app saves many check-ins per session; the first save after opening also compiles the
    statements (about 0.1 s), so by default one untimed save comes first (`cold` times that one).
    """
    db = open_database(str(db_path), user=user)
    try:
        if not cold:
            _timed_save(db)
        return _timed_save(db)
    finally:
        db.close()


def busiest_owner(db_path: str | Path) -> str:
    """The CSM with the most accounts: the heaviest "my Today" of the book."""
    db = open_database(str(db_path), user=BENCH_USER)
    try:
        with db.engine.connect() as connection:
            owner = connection.execute(
                text("SELECT owner FROM account GROUP BY owner ORDER BY count(*) DESC LIMIT 1")
            ).scalar()
        return str(owner or BENCH_USER)
    finally:
        db.close()


def today_seconds(
    db_path: str | Path, *, user: str = BENCH_USER, team: bool = False, cold: bool = False
) -> float:
    """Seconds to read the Today queue (50 rows per section, full counts) of `user` or the team.

    By default the queue is read once untimed first, as the app rereads it on an open database.
    """
    db = open_database(str(db_path), user=user)
    try:
        if not cold:
            today_queue(db, team=team, limit=50)
        started = time.perf_counter()
        today_queue(db, team=team, limit=50)
        return time.perf_counter() - started
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db_path", type=Path)
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()
    for label, cold in (("save check-in (warm)", False), ("save check-in (first)", True)):
        saves = [save_check_in_seconds(args.db_path, cold=cold) for _ in range(args.repeats)]
        print(f"{label}: median {statistics.median(saves) * 1000:.1f} ms, "
              f"max {max(saves) * 1000:.1f} ms over {len(saves)} saves")  # fmt: skip
    owner = busiest_owner(args.db_path)
    for label, team, cold in (
        (f"Today ({owner}, again)", False, False),
        (f"Today ({owner}, first)", False, True),
        ("Today (team, again)", True, False),
    ):
        reads = max(3, args.repeats // 4)
        runs = [today_seconds(args.db_path, user=owner, team=team, cold=cold) for _ in range(reads)]
        print(f"{label}: median {statistics.median(runs) * 1000:.0f} ms over {len(runs)} reads")


def _suite_run(context: "Context", side: "Side") -> dict[str, list[float]]:
    """One save and one Today read on the suite's writable copy of the book."""
    book = context.writable_book()
    owner = context.memo("busiest_owner", lambda: busiest_owner(book))
    return {
        "save": [save_check_in_seconds(book) * 1000],
        "today": [today_seconds(book, user=owner) * 1000],
    }


BENCHMARKS = [
    Benchmark(
        name="checkin",
        title="Saving a check-in and reading Today",
        metrics=(
            Metric("save", "Save a check-in (one next step)", "ms", (Target("max", 50),)),
            Metric("today", "Read Today (busiest CSM)", "ms"),
        ),
        run=_suite_run,
    )
]


if __name__ == "__main__":
    main()
