"""Loading usage and support signals: each sample is matched to an account or reported, never dropped.

Samples are upserted by (account, metric, date): importing the same feed twice changes nothing.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cs_tui.data.accounts.imports import ParsedError, RowProblem
from cs_tui.data.store.audit import stamp
from cs_tui.data.store.database import Database
from cs_tui.io.bulk_work import collector_paused
from cs_tui.models import Account, MetricSample, MetricSampleCreate

ACCOUNT = Account.__table__  # type: ignore[attr-defined]
SAMPLE = MetricSample.__table__  # type: ignore[attr-defined]


class ParsedMetricRow(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def account_ref(self) -> str: ...
    @property
    def sample(self) -> MetricSampleCreate: ...


class ParsedMetricFile(Protocol):
    @property
    def rows(self) -> Sequence[ParsedMetricRow]: ...
    @property
    def errors(self) -> Sequence[ParsedError]: ...


@dataclass(frozen=True)
class MetricImportReport:
    dry_run: bool
    written: bool
    samples: int
    problems: tuple[RowProblem, ...]
    account_ids: tuple[uuid.UUID, ...]  # the accounts the samples are for

    @property
    def accounts(self) -> int:
        return len(self.account_ids)


class _AccountIndex:
    """Account references as feeds write them: an external id, else the exact name."""

    def __init__(self, db: Database) -> None:
        self.by_external_id: dict[str, uuid.UUID] = {}
        self.by_name: dict[str, list[uuid.UUID]] = {}
        statement = select(ACCOUNT.c.id, ACCOUNT.c.external_id, ACCOUNT.c.name).where(
            ACCOUNT.c.deleted_at.is_(None)
        )
        with db.engine.connect() as connection:
            for account_id, external_id, name in connection.execute(statement):
                if external_id:
                    self.by_external_id[external_id] = account_id
                self.by_name.setdefault(name, []).append(account_id)

    def resolve(self, reference: str) -> uuid.UUID | str:
        """The account id, or why the reference does not name exactly one account."""
        if reference in self.by_external_id:
            return self.by_external_id[reference]
        named = self.by_name.get(reference, [])
        if len(named) == 1:
            return named[0]
        if named:
            return f"{len(named)} accounts are named {reference!r}; use the external id"
        return f"no account has the external id or name {reference!r}"


LINE = "_line"  # where a row came from, dropped before writing


def _one_value_per_day(
    rows: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    """One sample per account, metric and day: a repeat of the same value is dropped; another
    value for the same day is a problem on the later line (the feed contradicts itself), and
    with invalid rows skipped the first line's value is the one kept."""
    first: dict[tuple[Any, str, Any], dict[str, Any]] = {}
    problems: list[RowProblem] = []
    for row in rows:
        key = (row["account_id"], row["metric"], row["observed_on"])
        earlier = first.setdefault(key, row)
        if earlier is not row and earlier["value"] != row["value"]:
            problems.append(
                RowProblem(
                    row[LINE],
                    "value",
                    f"{row['value']:g}",
                    f"line {earlier[LINE]} gives this account's {row['metric']} on "
                    f"{row['observed_on'].isoformat()} as {earlier['value']:g}; a feed gives one "
                    "value per account, metric and day",
                )
            )
    kept = list(first.values())
    for row in kept:
        del row[LINE]
    return kept, problems


def import_metrics(
    db: Database, parsed: ParsedMetricFile, *, dry_run: bool = False, skip_invalid: bool = False
) -> MetricImportReport:
    """Store the feed's samples (a sample for the same account, metric and day is replaced)."""
    with collector_paused():
        return _import_metrics(db, parsed, dry_run, skip_invalid)


def _import_metrics(
    db: Database, parsed: ParsedMetricFile, dry_run: bool, skip_invalid: bool
) -> MetricImportReport:
    problems = [RowProblem(e.line, e.column, e.value, e.message) for e in parsed.errors]
    index = _AccountIndex(db)
    rows: list[dict[str, Any]] = []
    now, user = db.now(), db.user
    for row in parsed.rows:
        found = index.resolve(row.account_ref)
        if isinstance(found, str):
            problems.append(RowProblem(row.line, "account", row.account_ref, found))
            continue
        record = {"id": uuid.uuid4(), "account_id": found, **row.sample.model_dump()}
        record[LINE] = row.line
        rows.append(stamp(record, user=user, now=now))
    rows, conflicts = _one_value_per_day(rows)
    problems += conflicts
    problems.sort(key=lambda p: p.line)
    touched = tuple(dict.fromkeys(r["account_id"] for r in rows))
    if dry_run or (problems and not skip_invalid) or not rows:
        return MetricImportReport(dry_run, False, len(rows), tuple(problems), touched)
    insert = pg_insert if db.backend == "postgresql" else sqlite_insert
    statement = insert(SAMPLE)
    statement = statement.on_conflict_do_update(
        index_elements=["account_id", "metric", "observed_on"],
        set_={
            "value": statement.excluded.value,
            "source": statement.excluded.source,
            "updated_at": statement.excluded.updated_at,
            "updated_by": statement.excluded.updated_by,
            "deleted_at": None,
        },
    )
    with db.write_connection() as connection:
        for start in range(0, len(rows), 10_000):
            connection.execute(statement, rows[start : start + 10_000])
    return MetricImportReport(dry_run, True, len(rows), tuple(problems), touched)
