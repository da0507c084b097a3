"""The account list: one row tuple per account, for the list screen, `accounts list` and Today.

One SQL text serves both paths: the launch path runs it through the standard `sqlite3` module (so the
first page paints before the ORM is imported), everything else through SQLAlchemy on either backend.
"""

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cs_tui.data.database import Database

from cs_tui.domain.account_row import AccountRow, row_as_dict

__all__ = ["AccountRow", "fetch_account_rows", "fetch_first_page_sqlite", "row_as_dict"]

_SELECT = """
SELECT a.id, a.name, a.owner, a.segment, a.arr_minor, a.currency, a.contract_end,
       s.score, COALESCE(s.band, ''), s.score_delta, s.last_touch_on,
       COALESCE(s.open_followups, 0), COALESCE(s.overdue_followups, 0),
       COALESCE(s.plan_status, ''), a.tags, a.lifecycle_stage, COALESCE(s.coverage, 0),
       COALESCE(s.overridden, false), a.external_id
FROM account a LEFT JOIN account_summary s ON s.account_id = a.id
WHERE a.deleted_at IS NULL {where}
ORDER BY lower(a.name), a.id
{limit}
"""


def list_sql(*, owner: bool = False, limit: bool = False, named: bool = True) -> str:
    """The list query; `named` picks `:name` parameters (SQLAlchemy) over `?` (sqlite3)."""
    marker = ":{}" if named else "?"
    where = f"AND a.owner = {marker.format('owner')}" if owner else ""
    limit_clause = f"LIMIT {marker.format('limit')}" if limit else ""
    return _SELECT.format(where=where, limit=limit_clause)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_id(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value)


def normalise(rows: Iterable[Sequence[Any]]) -> list[AccountRow]:
    """Rows from either driver with ids as hex strings and dates as `date`."""
    return [
        (
            _as_id(r[0]), r[1], r[2], r[3], r[4], r[5], _as_date(r[6]),
            r[7], r[8], r[9], _as_date(r[10]), r[11], r[12], r[13], r[14], r[15], r[16],
            bool(r[17]), r[18],
        )
        for r in rows
    ]  # fmt: skip


def fetch_account_rows(
    db: "Database", *, owner: str | None = None, limit: int | None = None
) -> list[AccountRow]:
    from sqlalchemy import text

    params: dict[str, Any] = {}
    if owner is not None:
        params["owner"] = owner
    if limit is not None:
        params["limit"] = limit
    statement = text(list_sql(owner=owner is not None, limit=limit is not None))
    with db.engine.connect() as connection:
        return normalise(connection.execute(statement, params))


def fetch_first_page_sqlite(path: Path, *, limit: int) -> list[AccountRow]:
    """The first `limit` rows straight from an SQLite file at head schema (read-only)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return normalise(connection.execute(list_sql(limit=True, named=False), (limit,)))
    finally:
        connection.close()
