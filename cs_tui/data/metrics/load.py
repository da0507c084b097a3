"""What the book metrics read from the store: four set-based queries, whatever the book's size.

Every live account (with its health band and plan status from the summary cache), the revenue
events on or after the earliest day asked about (older ones change no ARR in the periods), the
owner history, and the survey responses in the periods. No query per account. Rows come straight
from the driver's cursor (no result objects, no UUID objects per row): at 100,000 accounts and a
few hundred thousand events, per-row processing is most of the cost.
"""

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from cs_tui.data.store.database import Database
from cs_tui.domain.enums import AGREED_PLAN_STATUSES, RevenueKind, SurveyKind
from cs_tui.domain.metrics.arr import OwnerChange, RevenueChange
from cs_tui.domain.metrics.book import Response
from cs_tui.domain.metrics.flows import AccountFacts

AGREED = frozenset(s.value for s in AGREED_PLAN_STATUSES)

ACCOUNTS_SQL = """
SELECT a.id, a.name, a.owner, a.segment, a.currency, a.arr_minor, a.contract_end,
       s.band, s.plan_status
FROM account a LEFT JOIN account_summary s ON s.account_id = a.id
WHERE a.deleted_at IS NULL
"""
EVENTS_SQL = """
SELECT account_id, kind, amount_minor, occurred_on FROM revenue_event
WHERE deleted_at IS NULL AND occurred_on >= {mark}
ORDER BY occurred_on, created_at
"""
EVENTS_SCAN_SQL = EVENTS_SQL.replace("FROM revenue_event", "FROM revenue_event NOT INDEXED")
"""SQLite walks the date index row by row; when the days asked about hold most of the events,
reading the whole table and sorting what it keeps takes half the time."""
EVENT_SPAN_SQL = """
SELECT (SELECT min(occurred_on) FROM revenue_event), (SELECT max(occurred_on) FROM revenue_event)
"""
SCAN_SHARE = 0.25
OWNERS_SQL = """
SELECT account_id, changed_on, owner, previous_owner FROM account_owner_change
WHERE deleted_at IS NULL ORDER BY changed_on, created_at
"""
RESPONSES_SQL = """
SELECT account_id, kind, moment, score, responded_on FROM survey_response
WHERE deleted_at IS NULL AND responded_on >= {mark} AND responded_on <= {mark}
"""


@dataclass(frozen=True)
class BookData:
    """The book as the metrics read it, good for any period within [since, until]."""

    since: date
    until: date
    accounts: tuple[AccountFacts, ...]
    responses: tuple[Response, ...]


def _uuid_hex(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def _same(value: Any) -> Any:
    return value


class _Days(dict[Any, Any]):
    """Each distinct day decoded once: a book's events and contract ends share a few thousand
    days among hundreds of thousands of rows."""

    def __init__(self, decode: Callable[[Any], Any]) -> None:
        super().__init__()
        self._decode = decode

    def __missing__(self, value: Any) -> Any:
        day = self[value] = None if value is None else self._decode(value)
        return day


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    mark = "?" if db.backend == "sqlite" else "%s"
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            values = tuple(
                v.isoformat() if mark == "?" and isinstance(v, date) else v for v in params
            )
            cursor.execute(sql.format(mark=mark), values)
            return list(cursor.fetchall())  # tuples from both drivers, not copied again
        finally:
            cursor.close()
    finally:
        connection.close()


def _grouped(rows: Iterable[tuple[str, Any]]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for account_id, item in rows:
        found = grouped.get(account_id)
        if found is None:
            grouped[account_id] = [item]
        else:
            found.append(item)
    return grouped


def _events_sql(db: Database, since: date) -> str:
    """The events query; on SQLite a table scan when `since` keeps over SCAN_SHARE of the days
    with events (both ends come from the date index at once). PostgreSQL's planner weighs this
    itself from its statistics."""
    if db.backend != "sqlite":
        return EVENTS_SQL
    ((first, last),) = _rows(db, EVENT_SPAN_SQL)
    if first is None:
        return EVENTS_SQL
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    span = (end - start).days + 1
    if since <= start or (end - since).days + 1 > SCAN_SHARE * span:
        return EVENTS_SCAN_SQL
    return EVENTS_SQL


def load_book(db: Database, *, since: date, until: date) -> BookData:
    """Everything the metrics of periods within [since, until] need."""
    sqlite = db.backend == "sqlite"
    # SQLite hands out ids as 32 hex digits and dates as ISO text; PostgreSQL UUIDs and dates
    key: Callable[[Any], str] = _same if sqlite else _uuid_hex
    days = _Days(date.fromisoformat if sqlite else _same)
    kinds = {k.value: k for k in RevenueKind}
    survey_kinds = {k.value: k for k in SurveyKind}
    change = RevenueChange
    events: dict[str, list[RevenueChange]] = {}
    for a, kind, amount, on in _rows(db, _events_sql(db, since), (since,)):
        account_id = key(a)
        event = change(kinds[kind], int(amount), days[on])
        found = events.get(account_id)
        if found is None:
            events[account_id] = [event]
        else:
            found.append(event)
    owners = _grouped(
        (key(a), OwnerChange(days[on], owner, previous))
        for a, on, owner, previous in _rows(db, OWNERS_SQL)
    )
    no_events: tuple[RevenueChange, ...] = ()
    no_owners: tuple[OwnerChange, ...] = ()
    facts = AccountFacts
    agreed = AGREED
    accounts: list[AccountFacts] = []
    append = accounts.append
    for account_id, name, owner, segment, currency, arr, end, band, status in _rows(
        db, ACCOUNTS_SQL
    ):
        if not sqlite:
            account_id = key(account_id)
        mine, moved = events.get(account_id), owners.get(account_id)
        append(
            facts(
                account_id, name, owner, segment, currency, int(arr), days[end], band or "",
                status in agreed, tuple(mine) if mine else no_events,
                tuple(moved) if moved else no_owners,
            )
        )  # fmt: skip
    live = {a.id for a in accounts}
    responses = [
        Response(account_id, survey_kinds[kind], moment, int(score), days[on])
        for a, kind, moment, score, on in _rows(db, RESPONSES_SQL, (since, until))
        if (account_id := key(a)) in live
    ]
    return BookData(since, until, tuple(accounts), tuple(responses))
