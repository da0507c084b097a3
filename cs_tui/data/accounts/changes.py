"""The one path every daily-work write takes: one transaction, then what derives from it.

`account_write` opens the ORM session of a single user action; the accounts the action touched are
named with `touch()`. When the transaction has committed, `account_changed` recomputes what is
derived from those accounts. Nothing here refreshes the whole book: a check-in on one account costs
indexed lookups on that account only.
"""

import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session

from cs_tui.data.accounts.summary import refresh_summaries
from cs_tui.data.scoring.rescoring import rescore_on
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import StoreError
from cs_tui.data.store.locks import lock_accounts

if TYPE_CHECKING:
    from cs_tui.domain.scoring import Scorer

LOG = logging.getLogger("cs_tui")


def account_changed(db: Database, account_ids: Iterable[uuid.UUID]) -> None:
    """After a committed change to these accounts: refresh their summary rows (last customer touch,
    open and overdue follow-ups, plan status) and rescore them, so the list, Today and the health
    panel show the change at once.

    It runs in a transaction of its own, after the user's write has committed: what derives from
    the write is recomputed from it, and a problem here never undoes or hides the write. An invalid
    scorecard leaves the scores as they were; a store problem leaves the summaries as they were;
    either is logged as a warning on the `cs_tui` logger (the CLI prints it, the app shows it).
    """
    ids = sorted(set(account_ids))
    if not ids:
        return
    from cs_tui.domain.scoring import ScorecardError
    from cs_tui.io.scorecard_file import current_scorer

    try:
        scorer: Scorer | None = current_scorer()
    except ScorecardError as error:
        scorer = None
        LOG.warning("Saved, but the health scores were not refreshed: %s", error)
    today = db.today()
    try:
        with db.write_connection() as connection:
            lock_accounts(connection, ids)  # one writer at a time of these accounts' derived rows
            refresh_summaries(connection, today=today, account_ids=ids)
            if scorer is not None:
                rescore_on(connection, as_of=today, now=db.now(), scorer=scorer, account_ids=ids)
    except StoreError as error:
        LOG.warning("Saved, but the list and scores were not refreshed: %s", error)


@dataclass
class AccountWrite:
    """One user action in progress: its session and the accounts it changes."""

    session: Session
    touched: set[uuid.UUID] = field(default_factory=set)

    def touch(self, account_id: uuid.UUID) -> None:
        self.touched.add(account_id)


@contextmanager
def account_write(db: Database) -> Iterator[AccountWrite]:
    """A single user action: all its rows commit together or not at all, then `account_changed`."""
    with db.write() as session:
        write = AccountWrite(session)
        yield write
    account_changed(db, write.touched)
