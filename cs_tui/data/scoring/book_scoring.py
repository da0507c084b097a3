"""Scoring what was just loaded: a new book (the demo), or the accounts an import wrote.

A new book is scored on the same weekday of the past few weeks too, which gives trends, deltas and
sparklines something to show from the first day; each past day sees only the signals dated by then.
History is skipped for very large books, where each extra day costs a full rescoring. An import's
accounts are scored today, so the list shows their health at once instead of "not scored".
"""

import uuid
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from cs_tui.data.accounts.book import account_count
from cs_tui.data.accounts.summary import refresh_summaries
from cs_tui.data.scoring.rescoring import RescoreSummary, rescore_accounts, rescore_book
from cs_tui.data.store.database import Database
from cs_tui.domain.scoring import Scorer

HISTORY_WEEKS = 4
HISTORY_UP_TO_ACCOUNTS = 20_000
WHOLE_BOOK_FROM_SHARE = 0.5  # rescoring everything is cheaper than most of the book in parts

Progress = Callable[[str, int, int], None]


def score_new_book(
    db: Database,
    *,
    as_of: date | None = None,
    history_weeks: int | None = None,
    progress: Progress | None = None,
    scorer: Scorer | None = None,
) -> RescoreSummary:
    """Refresh every summary, then score the book weekly for `history_weeks` weeks up to as_of."""
    as_of = as_of or db.today()
    with db.write_connection() as connection:
        refresh_summaries(connection, today=as_of)
    if history_weeks is None:
        history_weeks = HISTORY_WEEKS if account_count(db) <= HISTORY_UP_TO_ACCOUNTS else 0
    days = [as_of - timedelta(weeks=weeks) for weeks in range(history_weeks, -1, -1)]
    result = None
    for day in days:
        stage = "scoring" if day == as_of else f"scoring {day.isoformat()}"

        def report(done: int, total: int, stage: str = stage) -> None:
            if progress is not None:
                progress(stage, done, total)

        result = rescore_book(db, as_of=day, progress=report, scorer=scorer)
    assert result is not None
    return result


def rescore_written(
    db: Database,
    account_ids: Sequence[uuid.UUID],
    *,
    progress: Callable[[int, int], None] | None = None,
    scorer: Scorer | None = None,
) -> RescoreSummary:
    """Score today the accounts an import wrote (the whole book when they are most of it)."""
    if not account_ids:
        return RescoreSummary(db.today(), 0, 0, 0)
    if len(account_ids) >= WHOLE_BOOK_FROM_SHARE * account_count(db):
        return rescore_book(db, progress=progress, scorer=scorer)
    return rescore_accounts(db, account_ids, scorer=scorer)
