"""Loading what the process metrics need of each owner's accounts: one set-based query per fact
(the accounts, customer touches, the last touch before the period, the latest health score,
response-time samples), whatever the book's size.

Read straight from the driver's cursor, like the book metrics' loading: per-row processing (result
objects, UUID objects) is most of the cost on a large book.
"""

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from cs_tui.data.store.database import Database
from cs_tui.domain.enums import CheckInKind, LifecycleStage
from cs_tui.domain.incentives.book import AccountBook
from cs_tui.domain.incentives.periods import Period

RESPONSE_METRIC = "first_response_hours"
NOTE = CheckInKind.INTERNAL_NOTE.value

ACCOUNTS_SQL = (
    "SELECT id, name, owner, segment, lifecycle_stage FROM account"
    " WHERE deleted_at IS NULL AND owner <> ''"
)
TOUCHES_SQL = (
    "SELECT account_id, occurred_on FROM check_in WHERE deleted_at IS NULL"
    f" AND kind <> '{NOTE}' AND occurred_on >= {{mark}} AND occurred_on <= {{mark}}"
)
BEFORE_SQL = (
    "SELECT account_id, MAX(occurred_on) FROM check_in WHERE deleted_at IS NULL"
    f" AND kind <> '{NOTE}' AND occurred_on < {{mark}} GROUP BY account_id"
)
HEALTH_SQL = (
    "SELECT s.account_id, s.taken_on, s.score FROM health_snapshot s JOIN"
    " (SELECT account_id, MAX(taken_on) AS taken_on FROM health_snapshot"
    "  WHERE taken_on <= {mark} GROUP BY account_id) l"
    " ON l.account_id = s.account_id AND l.taken_on = s.taken_on WHERE s.score IS NOT NULL"
)
SAMPLES_SQL = (
    "SELECT account_id, observed_on, value FROM metric_sample WHERE deleted_at IS NULL"
    " AND metric = {mark} AND observed_on >= {mark} AND observed_on <= {mark}"
)


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    sqlite = db.backend == "sqlite"
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            values = tuple(v.isoformat() if sqlite and isinstance(v, date) else v for v in params)
            cursor.execute(sql.format(mark="?" if sqlite else "%s"), values)
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()
    finally:
        connection.close()


def _same(value: Any) -> Any:
    return value


def _uuid_hex(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def load_books(
    db: Database, period: Period, as_of: date, *, owner: str | None = None
) -> dict[str, list[AccountBook]]:
    """Each owner's accounts (today's owner) with their touches, health and samples."""
    sqlite = db.backend == "sqlite"
    # SQLite hands out ids as 32 hex digits and dates as ISO text; PostgreSQL UUIDs and dates
    key: Callable[[Any], str] = _same if sqlite else _uuid_hex
    day: Callable[[Any], date] = date.fromisoformat if sqlite else _same
    churned = LifecycleStage.CHURNED.value
    facts: dict[str, dict[str, Any]] = {}
    for id_, name, owner_name, segment, stage in _rows(db, ACCOUNTS_SQL):
        if owner is not None and owner_name != owner:
            continue
        facts[key(id_)] = {
            "id": key(id_), "name": name, "owner": owner_name, "segment": segment or "",
            "churned": stage == churned, "touches": [], "response_hours": [],
        }  # fmt: skip
    for account_id, on in _rows(db, TOUCHES_SQL, (period.start, as_of)):
        if (found := facts.get(key(account_id))) is not None:
            found["touches"].append(day(on))
    for account_id, on in _rows(db, BEFORE_SQL, (period.start,)):
        if (found := facts.get(key(account_id))) is not None:
            found["touch_before"] = day(on)
    for account_id, on, score in _rows(db, HEALTH_SQL, (as_of,)):
        if (found := facts.get(key(account_id))) is not None:
            found.update(health=float(score), health_on=day(on))
    for account_id, on, value in _rows(db, SAMPLES_SQL, (RESPONSE_METRIC, period.start, as_of)):
        if (found := facts.get(key(account_id))) is not None:
            found["response_hours"].append((day(on), float(value)))
    books: dict[str, list[AccountBook]] = defaultdict(list)
    for fact in sorted(facts.values(), key=lambda f: str(f["name"])):
        fact["touches"] = tuple(fact["touches"])
        fact["response_hours"] = tuple(sorted(fact["response_hours"]))
        books[fact["owner"]].append(AccountBook(**fact))
    return dict(books)
