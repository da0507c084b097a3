"""What the book metrics read does not depend on how the events are read (index or table scan)."""

from datetime import date

import pytest

from cs_tui.data.metrics import load
from cs_tui.data.metrics.load import load_book
from cs_tui.data.store.database import Database
from tests.unit.data.metrics_book import metrics_book

EARLY = date(2020, 1, 1)


@pytest.mark.parametrize(
    "since",
    [date(2026, 1, 1), date(2026, 2, 1), date(2026, 2, 11), date(2026, 3, 1), date(2026, 4, 1)],
)
def test_the_events_on_or_after_a_day_are_those_of_the_whole_history(
    db: Database, since: date
) -> None:
    metrics_book(db)
    everything = {
        a.id: a.events for a in load_book(db, since=EARLY, until=date(2026, 12, 31)).accounts
    }
    found = load_book(db, since=since, until=date(2026, 12, 31))
    assert {a.id: a.events for a in found.accounts} == {
        key: tuple(e for e in events if e.occurred_on >= since)
        for key, events in everything.items()
    }
    assert sum(len(a.events) for a in found.accounts) == sum(
        1 for events in everything.values() for e in events if e.occurred_on >= since
    )


def test_sqlite_scans_the_table_only_when_most_days_are_asked_about(db: Database) -> None:
    metrics_book(db)  # events from 2026-01-20 to 2026-03-01
    if db.backend != "sqlite":
        assert load._events_sql(db, EARLY) == load.EVENTS_SQL
        return
    assert load._events_sql(db, EARLY) == load.EVENTS_SCAN_SQL
    assert load._events_sql(db, date(2026, 2, 1)) == load.EVENTS_SCAN_SQL
    assert load._events_sql(db, date(2026, 2, 25)) == load.EVENTS_SQL
