"""Reading the scoring signals of many accounts at once: a few queries, plain tuples, no ORM objects.

`read_signals()` runs the queries of `scoring_sql` for every account (or some) and returns the rows
with the small per-account lookups (sentiment, overrides, plan progress) as dicts keyed by the
account id exactly as the driver returns it (hex text on SQLite, `UUID` on PostgreSQL).
"""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Date, Uuid, bindparam, text
from sqlalchemy.sql.elements import BindParameter, TextClause

from cs_tui.data.scoring import signals_sql as q
from cs_tui.domain.scoring.facts import AccountFacts, ObjectiveFacts, plan_progress
from cs_tui.domain.scoring.scorecard import SignalSettings

AccountKey = Any  # an account id as the driver returns it

(
    ID, SEGMENT, STAGE, LICENSED, ACTIVE, USAGE_RECENT, USAGE_PREVIOUS, ADOPTION, TICKETS, RESPONSE,
    PROMOTERS, DETRACTORS, NPS_ANSWERS, SATISFIED, CSAT_ANSWERS, LAST_TOUCH_ON, OVERDUE,
    PREVIOUS_ON, PREVIOUS_SCORE, PREVIOUS_BAND, PREVIOUS_OVERRIDE,
) = range(21)  # fmt: skip
"""Positions in a row of `scoring_sql.ACCOUNT_FACTS`."""


def as_date(value: Any) -> date | None:
    """A date from either driver (SQLite returns ISO text)."""
    if value is None or type(value) is date:
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class BookSignals:
    """Everything rescoring reads, for every account asked about."""

    rows: list[Sequence[Any]]  # ACCOUNT_FACTS rows
    sentiment: dict[AccountKey, tuple[int, date | None]]  # in force: value, recorded on
    overrides: dict[AccountKey, int]  # the override score in force
    plan_progress: dict[AccountKey, float | None]  # 0..100, None when not measurable

    def facts(self, row: Sequence[Any]) -> AccountFacts:
        """The domain's view of one account row."""
        key = row[ID]
        sentiment, sentiment_on = self.sentiment.get(key, (None, None))
        return AccountFacts(
            row[SEGMENT], row[STAGE], row[LICENSED], row[ACTIVE], row[USAGE_RECENT],
            row[USAGE_PREVIOUS], row[ADOPTION], row[TICKETS], row[RESPONSE], row[PROMOTERS],
            row[DETRACTORS], row[NPS_ANSWERS], row[SATISFIED], row[CSAT_ANSWERS],
            as_date(row[LAST_TOUCH_ON]), self.plan_progress.get(key), row[OVERDUE], sentiment,
            sentiment_on,
        )  # fmt: skip


SQLITE_MMAP_BYTES = 2**31
"""Rescoring reads most of the file; mapped pages cost SQLite far less than copied ones."""


def _statement(sql: str, some_accounts: bool) -> TextClause:
    binds: list[BindParameter[Any]] = [
        bindparam(name, type_=Date()) for name in q.DATE_PARAMS if f":{name}" in sql
    ]
    if some_accounts:
        binds.append(bindparam("ids", expanding=True, type_=Uuid()))
    return text(sql).bindparams(*binds)


def read_signals(
    connection: Connection,
    windows: q.Windows,
    signals: SignalSettings,
    account_ids: Sequence[uuid.UUID] | None = None,
    *,
    past: bool = False,
) -> BookSignals:
    """The signals of every live account (or of `account_ids`) on `windows.as_of`.

    `past`: as_of is before today, so follow-ups done since then still count as open on it.
    """
    params = windows.params(signals)
    some = account_ids is not None
    if some:
        params["ids"] = list(account_ids or ())
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")

    def run(template: str) -> Iterable[Sequence[Any]]:
        sql = q.statement(template, some_accounts=some, past=past)
        used = {k: v for k, v in params.items() if f":{k}" in sql}
        return connection.execute(_statement(sql, some), used)

    rows = list(run(q.ACCOUNT_FACTS))
    sentiment = {key: (value, as_date(on)) for key, value, on in run(q.SENTIMENT)}
    overrides = {key: score for key, score in run(q.OVERRIDES)}
    return BookSignals(rows, sentiment, overrides, _plans(run(q.PLANS)))


def _plans(rows: Iterable[Sequence[Any]]) -> dict[AccountKey, float | None]:
    statuses: dict[AccountKey, str] = {}
    objectives: dict[AccountKey, list[ObjectiveFacts]] = {}
    for key, status, objective_status, baseline, target, current, done, total in rows:
        statuses[key] = status
        if objective_status is not None:
            objectives.setdefault(key, []).append(
                ObjectiveFacts(objective_status, baseline, target, current, done, total)
            )
    return {key: plan_progress(status, objectives.get(key, ())) for key, status in statuses.items()}
