"""A bounded load test on the PostgreSQL server: 10 CSMs at once, each with its own connections,
doing a day's mix of reads and writes. No error, no lost update, every acknowledged write there.

It runs for CS_TUI_LOAD_SECONDS (default 60) against the test server.
"""

import os
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cs_tui.data.accounts.edit_fields import EditConflictError
from cs_tui.data.accounts.edits import add_account, edit_account
from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.scoring.health_panel import health_panel
from cs_tui.data.scoring.health_writes import set_override
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.store.errors import RecordChangedError
from cs_tui.data.work.check_ins import log_check_in
from cs_tui.data.work.drafts import CheckInDraft, FollowUpDraft
from cs_tui.data.work.follow_ups import add_follow_up
from cs_tui.data.work.today import today_queue
from cs_tui.models import Account, CheckIn, FollowUp, ScoreOverride
from tests.conftest import FROZEN_TODAY, frozen_clock

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

CLIENTS = 10
ACCOUNTS = 30
SHARED = 3  # accounts every CSM edits: where the conflicts are
SECONDS = float(os.environ.get("CS_TUI_LOAD_SECONDS", "60"))


@dataclass
class Acknowledged:
    """What the server said yes to, as one client saw it."""

    check_ins: list[str] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)
    seat_increments: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    reads: int = 0
    errors: list[BaseException] = field(default_factory=list)


def _bump_seats(db: Database, account_id: str, done: Acknowledged) -> None:
    """Read the account, add one seat, save it as read: the UPDATE checks the version it read,
    so a colleague's save in between is a conflict (read again, retry), never a lost increment."""
    for _ in range(100):
        with db.read() as session:
            account = session.get(Account, uuid.UUID(account_id))
        assert account is not None
        account.licensed_seats = (account.licensed_seats or 0) + 1
        try:
            with db.write() as session:
                session.add(account)
        except RecordChangedError:
            done.conflicts += 1
            continue
        done.seat_increments[account_id] = done.seat_increments.get(account_id, 0) + 1
        return
    raise AssertionError("100 conflicts in a row on one account")


def _rename_owner(db: Database, account_id: str, me: str, done: Acknowledged) -> None:
    """A form edit: a conflict on the same field is shown to the user, not an error."""
    opened = {"owner": get_account_detail(db, account_id).owner}
    try:
        edit_account(db, account_id, {"owner": me}, opened=opened)
    except EditConflictError:
        done.conflicts += 1


def _csm(n: int, url: str, ids: list[str], stop: float, done: Acknowledged) -> None:
    rng = random.Random(n)
    me = f"csm{n}"
    db = open_database(url, user=me, clock=frozen_clock, migrate_schema=False)
    try:
        while time.monotonic() < stop:
            roll = rng.random()
            account = rng.choice(ids)
            if roll < 0.25:
                fetch_account_rows(db)
                done.reads += 1
            elif roll < 0.40:
                today_queue(db, team=True, limit=20)
                done.reads += 1
            elif roll < 0.50:
                health_panel(db, account)
                done.reads += 1
            elif roll < 0.65:
                summary = f"call {me} {uuid.uuid4().hex}"
                log_check_in(db, CheckInDraft(account=account, summary=summary))
                done.check_ins.append(summary)
            elif roll < 0.75:
                title = f"send deck {me} {uuid.uuid4().hex[:12]}"
                add_follow_up(db, account, FollowUpDraft(title=title))
                done.follow_ups.append(title)
            elif roll < 0.88:
                _bump_seats(db, rng.choice(ids[:SHARED]), done)
            elif roll < 0.94:
                _rename_owner(db, rng.choice(ids[:SHARED]), me, done)
            else:
                set_override(
                    db, ids[0], score=rng.randint(10, 90), reason=f"{me} says",
                    expires_on=FROZEN_TODAY + timedelta(days=14),
                )  # fmt: skip
    except BaseException as error:  # handed to the test's thread
        done.errors.append(error)
    finally:
        db.close()


def test_ten_csms_at_once_lose_nothing(postgres_db: Database, postgres_url: str) -> None:
    db = postgres_db
    ids = [
        add_account(db, {"name": f"Account {i:03d}", "owner": f"csm{i % CLIENTS}", "seats": "0"}).id
        for i in range(ACCOUNTS)
    ]
    stop = time.monotonic() + SECONDS
    results = [Acknowledged() for _ in range(CLIENTS)]
    threads = [
        threading.Thread(target=_csm, args=(n, postgres_url, ids, stop, results[n]))
        for n in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 120)
    assert not any(thread.is_alive() for thread in threads)
    errors = [error for r in results for error in r.errors]
    assert errors == []

    with db.read() as session:
        summaries = set(session.execute(select(CheckIn.summary)).scalars())
        titles = set(session.execute(select(FollowUp.title)).scalars())
        open_overrides = session.execute(
            select(func.count())
            .select_from(ScoreOverride)
            .where(
                ScoreOverride.cleared_at.is_(None)  # type: ignore[union-attr]
            )
        ).scalar_one()
    acknowledged_check_ins = [s for r in results for s in r.check_ins]
    acknowledged_follow_ups = [t for r in results for t in r.follow_ups]
    assert acknowledged_check_ins and acknowledged_follow_ups
    assert set(acknowledged_check_ins) <= summaries
    assert set(acknowledged_follow_ups) <= titles
    for account_id in ids[:SHARED]:
        increments = sum(r.seat_increments.get(account_id, 0) for r in results)
        assert get_account_detail(db, account_id).licensed_seats == increments  # none lost
    assert sum(sum(r.seat_increments.values()) for r in results) > CLIENTS
    assert open_overrides in (0, 1)
    assert sum(r.reads for r in results) > CLIENTS
    print(
        f"\n{CLIENTS} clients, {SECONDS:.0f} s: {sum(r.reads for r in results)} reads, "
        f"{len(acknowledged_check_ins)} check-ins, {len(acknowledged_follow_ups)} follow-ups, "
        f"{sum(sum(r.seat_increments.values()) for r in results)} versioned increments, "
        f"{sum(r.conflicts for r in results)} conflicts retried or shown"
    )
