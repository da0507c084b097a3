"""Scoring a freshly loaded book (the demo, a first import): summaries, a few weeks of history, today.

Snapshots on the same weekday of the past few weeks give trends, deltas and sparklines something to
show from the first day; each past day sees only the signals dated by then. History is skipped for
very large books, where each extra day costs a full rescoring.
"""

from collections.abc import Callable
from datetime import date, timedelta

from cs_tui.data.book import account_count
from cs_tui.data.database import Database
from cs_tui.data.rescoring import RescoreSummary, rescore_book
from cs_tui.data.summary import refresh_summaries
from cs_tui.domain.scoring import Scorer

HISTORY_WEEKS = 4
HISTORY_UP_TO_ACCOUNTS = 20_000

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
