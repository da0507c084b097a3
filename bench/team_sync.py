"""Team sync: joining a team folder that holds a whole book, one check-in end to end, journal size.

`team_join` joins an empty database to a folder holding the book's accounts (published by
`team init`), against the baseline of a plain `csv` + `sqlite3` executemany of the same rows
(the import benchmark's baseline). `team_sync_one` logs one check-in on one device and syncs both
devices: the time until the teammate's database holds it. `team_journal` is the size of the
journal files 1,000 field edits publish.
"""

import shutil
import time
from pathlib import Path

from bench.context import Context
from bench.import_speed import accounts_csv, fresh_copy, import_plainly
from bench.registry import Benchmark, Metric, Samples, Side, Target

USER = "bench"


def team_folder(context: Context) -> Path:
    """A team folder holding the book's accounts, published once per suite run."""

    def make() -> Path:
        from cs_tui.data.accounts.imports import import_accounts
        from cs_tui.data.store.database import open_database
        from cs_tui.data.sync.engine import init_team
        from cs_tui.io.account_file import read_account_file

        database = fresh_copy(context, "team-owner.db")
        folder = context.scratch() / "team-folder"
        db = open_database(str(database), user=USER)
        try:
            import_accounts(db, read_account_file(accounts_csv(context)))
            init_team(db, folder)
        finally:
            db.close()
        return folder

    return context.memo("team_folder", make)


def join_seconds(context: Context) -> float:
    from cs_tui.data.store.database import open_database
    from cs_tui.data.sync.engine import join_team

    folder = team_folder(context)
    database = fresh_copy(context, "team-joiner.db")
    db = open_database(str(database), user="joiner")
    try:
        started = time.perf_counter()
        report = join_team(db, folder)
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    if report.pending or report.damaged or not report.applied:
        raise RuntimeError(f"the join did not apply the whole book: {report}")
    return elapsed


def run_join(context: Context, side: Side) -> Samples:
    if side == "candidate":
        return {"join": [join_seconds(context)]}
    return {"join": [import_plainly(accounts_csv(context), fresh_copy(context, "plain.db"))]}


def _pair(context: Context) -> tuple[Path, Path, Path]:
    """Two small databases in one team (made once per suite run)."""

    def make() -> tuple[Path, Path, Path]:
        from cs_tui.data.accounts.records import create_account
        from cs_tui.data.store.database import open_database
        from cs_tui.data.sync.engine import init_team, join_team
        from cs_tui.models import AccountCreate

        root = context.scratch() / "pair"
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        first = open_database(str(root / "a.db"), user="al")
        for index in range(50):
            create_account(first, AccountCreate(name=f"Account {index}"))
        init_team(first, root / "team")
        second = open_database(str(root / "b.db"), user="bo")
        join_team(second, root / "team")
        first.close()
        second.close()
        return root / "a.db", root / "b.db", root / "team"

    return context.memo("team_pair", make)


def one_check_in_seconds(context: Context) -> float:
    from cs_tui.data.store.database import open_database
    from cs_tui.data.sync.engine import sync
    from cs_tui.data.work.check_ins import log_check_in
    from cs_tui.data.work.drafts import CheckInDraft

    first_path, second_path, _folder = _pair(context)
    first = open_database(str(first_path), user="al")
    second = open_database(str(second_path), user="bo")
    try:
        started = time.perf_counter()
        log_check_in(first, CheckInDraft(account="Account 7", summary="Weekly call"))
        sync(first)
        report = sync(second)
        elapsed = time.perf_counter() - started
    finally:
        first.close()
        second.close()
    if report.applied == 0:
        raise RuntimeError("the check-in did not reach the teammate")
    return elapsed


def journal_kib_per_1000_edits(context: Context) -> float:
    from cs_tui.data.accounts.records import update_account
    from cs_tui.data.store.database import open_database
    from cs_tui.data.sync.engine import sync
    from cs_tui.models import AccountUpdate

    first_path, _second, folder = _pair(context)
    before = sum(p.stat().st_size for p in folder.rglob("*.ops.jsonl.gz"))
    first = open_database(str(first_path), user="al")
    try:
        for edit in range(1000):
            update_account(first, f"Account {edit % 50}", AccountUpdate(owner=f"owner {edit}"))
        sync(first)
    finally:
        first.close()
    return (sum(p.stat().st_size for p in folder.rglob("*.ops.jsonl.gz")) - before) / 1024


BENCHMARKS = [
    Benchmark(
        name="team_join",
        title="Joining a team folder holding the book",
        metrics=(
            Metric("join", "Team join: merge the folder's book", "s", (Target("ratio_max", 3.0),)),
        ),
        run=run_join,
        baseline="plain csv + sqlite3 executemany of the same accounts",
        max_repeats=3,
    ),
    Benchmark(
        name="team_sync_one",
        title="One check-in from one teammate to another",
        metrics=(Metric("one", "Team sync: one check-in end to end", "s", (Target("max", 0.2),)),),
        run=lambda context, _side: {"one": [one_check_in_seconds(context)]},
        warmup=1,
    ),
    Benchmark(
        name="team_journal",
        title="Journal size of 1,000 field edits",
        metrics=(Metric("kib", "Team journal per 1,000 edits", "KiB"),),
        run=lambda context, _side: {"kib": [journal_kib_per_1000_edits(context)]},
        max_repeats=1,
    ),
]
