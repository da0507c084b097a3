"""The account list: one row tuple per account, for the list screen, `accounts list` and Today.

One SQL text serves both paths: the launch path runs it through the standard `sqlite3` module (so the
first page paints before the ORM is imported), everything else through the store's own connection.

A 100,000-account book is held in memory by the app, so rows are built to be small: repeated values
(owners, segments, currencies, bands, statuses, dates) are shared between rows rather than copied,
and each row carries its search text, built once here (see `domain.account_row`).
"""

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database

from cs_tui.domain.book.account_row import AccountRow, row_as_dict, search_text

__all__ = ["AccountRow", "fetch_account_rows", "fetch_first_page_sqlite", "row_as_dict"]

_SELECT = """
SELECT a.id, a.name, a.owner, a.segment, a.arr_minor, a.currency, a.contract_end,
       s.score, COALESCE(s.band, ''), s.score_delta, s.last_touch_on,
       COALESCE(s.open_followups, 0), COALESCE(s.overdue_followups, 0),
       COALESCE(s.plan_status, ''), a.tags, a.lifecycle_stage, COALESCE(s.coverage, 0),
       COALESCE(s.overridden, false), a.external_id
FROM account a LEFT JOIN account_summary s ON s.account_id = a.id
WHERE a.deleted_at IS NULL {where}
{order}
{limit}
"""
_BY_NAME = "ORDER BY lower(a.name), a.id"


def list_sql(
    *, owner: bool = False, limit: bool = False, named: bool = True, ordered: bool = True
) -> str:
    """The list query; `named` picks `:name` parameters (SQLAlchemy) over `?` (sqlite3).

    Unordered, the book is a plain scan: at 100,000 accounts walking the name index costs seconds,
    and the app sorts the rows itself anyway.
    """
    marker = ":{}" if named else "?"
    where = f"AND a.owner = {marker.format('owner')}" if owner else ""
    limit_clause = f"LIMIT {marker.format('limit')}" if limit else ""
    order = _BY_NAME if ordered or limit else ""
    return _SELECT.format(where=where, order=order, limit=limit_clause)


class _Shared:
    """Hands out one object per distinct value, so 100,000 rows share their owners and dates."""

    def __init__(self) -> None:
        self._values: dict[Any, Any] = {}
        self._dates: dict[Any, date | None] = {None: None}

    def value(self, value: Any) -> Any:
        return self._values.setdefault(value, value)

    def day(self, value: Any) -> date | None:
        found = self._dates.get(value)
        if found is None and value is not None:
            parsed = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
            found = self._dates.setdefault(value, parsed)
        return found


def _as_id(value: Any) -> str:
    return value.hex if isinstance(value, uuid.UUID) else str(value)


def normalise(rows: Iterable[Sequence[Any]], *, crm_ids: bool = True) -> list[AccountRow]:
    """Rows from either driver: ids as hex strings, dates as `date`, repeated values shared.

    Without `crm_ids` the external id is left out (None): the app's list never shows it, and at
    100,000 accounts it is 7 MB of unique strings."""
    shared = _Shared()
    value, day = shared.value, shared.day
    out: list[AccountRow] = []
    append = out.append
    for r in rows:
        name, owner, tags = r[1], value(r[2]), value(r[14])
        append((
            _as_id(r[0]), name, owner, value(r[3]), r[4], value(r[5]), day(r[6]),
            value(r[7]), value(r[8]), value(r[9]), day(r[10]), r[11], r[12], value(r[13]), tags,
            value(r[15]), value(r[16]), bool(r[17]), r[18] if crm_ids else None,
            search_text(name, owner, tags),
        ))  # fmt: skip
    return out


def fetch_account_rows(
    db: "Database",
    *,
    owner: str | None = None,
    limit: int | None = None,
    ordered: bool = True,
    crm_ids: bool = True,
) -> list[AccountRow]:
    """Every live account's list row (or one owner's), by name unless `ordered` is False."""
    if db.sqlite_path is not None:
        return _fetch_with_driver(db, owner=owner, limit=limit, ordered=ordered, crm_ids=crm_ids)
    from sqlalchemy import text

    params: dict[str, Any] = {}
    if owner is not None:
        params["owner"] = owner
    if limit is not None:
        params["limit"] = limit
    statement = text(list_sql(owner=owner is not None, limit=limit is not None, ordered=ordered))
    with db.engine.connect() as connection:
        return normalise(connection.execute(statement, params), crm_ids=crm_ids)


def fetch_rows_of(db: "Database", account_ids: Sequence[str]) -> list[AccountRow]:
    """The app's list rows of some accounts (after the user changed them), deleted ones left out."""
    if not account_ids:
        return []
    from sqlalchemy import Uuid, bindparam, text

    sql = _SELECT.format(where="AND a.id IN :ids", order="", limit="")
    statement = text(sql).bindparams(bindparam("ids", expanding=True, type_=Uuid()))
    ids = [uuid.UUID(hex=account_id) for account_id in account_ids]
    with db.engine.connect() as connection:
        return normalise(connection.execute(statement, {"ids": ids}), crm_ids=False)


def _fetch_with_driver(
    db: "Database", *, owner: str | None, limit: int | None, ordered: bool, crm_ids: bool
) -> list[AccountRow]:
    """SQLite rows straight from the driver's cursor: no per-row result objects at 100,000 rows."""
    params = [p for p in (owner, limit) if p is not None]
    sql = list_sql(owner=owner is not None, limit=limit is not None, named=False, ordered=ordered)
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            return normalise(cursor.execute(sql, params), crm_ids=crm_ids)
        finally:
            cursor.close()
    finally:
        connection.close()


def fetch_first_page_sqlite(path: Path, *, limit: int) -> list[AccountRow]:
    """The first `limit` rows straight from an SQLite file at head schema (read-only)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return normalise(connection.execute(list_sql(limit=True, named=False), (limit,)))
    finally:
        connection.close()
