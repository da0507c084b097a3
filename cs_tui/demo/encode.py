"""Generated rows as the backend binds them: audit columns appended, timestamps in storage form.

The demo writes through the DB-API's `executemany`, not SQLAlchemy's per-row parameter processing
(about four times the cost of the insert itself at 100,000 accounts). Most values already bind alike
on both backends (see `draws.py`); the timestamps go through their columns' own SQLAlchemy types, so
they are stored exactly as the ORM stores them. This runs wherever the rows are drawn: in the
generating subprocess for a large book, so the writing process only inserts.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect, make_url

from cs_tui.data.store.audit import stamp
from cs_tui.data.store.bulk_insert import column_encoder
from cs_tui.demo.generate import FIELDS, Row, Rows
from cs_tui.models import (
    Account,
    CheckIn,
    FollowUp,
    MetricSample,
    PlanMilestone,
    PlanObjective,
    RenewalForecast,
    RevenueEvent,
    ScoreOverride,
    SentimentEntry,
    Stakeholder,
    SuccessPlan,
    SurveyResponse,
)
from cs_tui.models.base import UTCDateTime

TABLES: dict[str, Table] = {
    str(model.__tablename__): model.__table__  # type: ignore[union-attr]
    for model in (
        Account, Stakeholder, CheckIn, FollowUp, SuccessPlan, PlanObjective, PlanMilestone,
        MetricSample, SurveyResponse, RevenueEvent, SentimentEntry, ScoreOverride,
        RenewalForecast,
    )
}  # fmt: skip

Encoder = Callable[[Any], Any]


def dialect_named(spec: str) -> Dialect:
    """A dialect from its `backend+driver` name (e.g. "sqlite+pysqlite"), without connecting."""
    dialect: Dialect = make_url(f"{spec}://").get_dialect()()
    return dialect


def columns_of(table: str, audit_columns: list[str]) -> list[str]:
    """The generated columns then the audit ones, checked against the table's real columns."""
    columns = [*FIELDS[table], *audit_columns]
    expected = {column.name for column in TABLES[table].columns}
    if set(columns) != expected or len(columns) != len(expected):
        raise RuntimeError(
            f"the demo rows for {table} do not match its columns: missing "
            f"{sorted(expected - set(columns))}, unknown {sorted(set(columns) - expected)}"
        )
    return columns


class BookEncoder:
    """Encodes every table's rows for one backend, stamped by `user` at `now`."""

    def __init__(self, dialect: Dialect, *, user: str, now: datetime) -> None:
        audit = stamp({}, user=user, now=now)
        self.audit_columns = list(audit)
        self._audit: dict[str, Row] = {}
        self._timestamps: dict[str, dict[int, Encoder]] = {}
        for name in FIELDS:
            columns = columns_of(name, self.audit_columns)
            table = TABLES[name]
            encoders = {
                position: encoder
                for position, column in enumerate(columns)
                if isinstance(table.c[column].type, UTCDateTime)
                and (encoder := column_encoder(table, column, dialect))
            }
            first_audit = len(FIELDS[name])
            self._audit[name] = tuple(
                encoders[first_audit + n](value) if first_audit + n in encoders else value
                for n, value in enumerate(audit.values())
            )
            self._timestamps[name] = {p: e for p, e in encoders.items() if p < first_audit}

    def encode(self, batch: Rows) -> Rows:
        return {name: self._encode_table(name, rows) for name, rows in batch.items()}

    def _encode_table(self, name: str, rows: list[Row]) -> list[Row]:
        audit, timestamps = self._audit[name], self._timestamps[name]
        if not timestamps:
            return [row + audit for row in rows]
        encoded = []
        for row in rows:
            values = list(row)
            for position, encoder in timestamps.items():
                if values[position] is not None:
                    values[position] = encoder(values[position])
            encoded.append((*values, *audit))
        return encoded
