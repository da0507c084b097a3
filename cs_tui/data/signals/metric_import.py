"""Loading usage and support signals: each sample is matched to an account or reported, never dropped.

Samples are upserted by (account, metric, date): importing the same feed twice changes nothing.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, bindparam, select, tuple_, update

from cs_tui.data.accounts.imports import ParsedError, RowProblem
from cs_tui.data.store.audit import stamp
from cs_tui.data.store.database import Database
from cs_tui.data.sync.capture import record_inserts, record_updates
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
    with db.write_connection() as connection:
        _write_samples(connection, rows)
    return MetricImportReport(dry_run, True, len(rows), tuple(problems), touched)


_REPLACED = ("value", "source", "updated_at", "updated_by")


def _write_samples(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """New samples are inserted; a sample already stored for the day gets the new value and source.

    A sample someone deleted stays deleted: a re-import never brings it back.
    """
    existing: dict[tuple[Any, str, Any], Any] = {}
    keys = [(r["account_id"], r["metric"], r["observed_on"]) for r in rows]
    for start in range(0, len(keys), 300):
        chunk = keys[start : start + 300]
        statement = select(SAMPLE.c.account_id, SAMPLE.c.metric, SAMPLE.c.observed_on, SAMPLE.c.id)
        statement = statement.where(
            tuple_(SAMPLE.c.account_id, SAMPLE.c.metric, SAMPLE.c.observed_on).in_(chunk)
        )
        for account_id, metric, observed_on, sample_id in connection.execute(statement):
            existing[(account_id, metric, observed_on)] = sample_id
    new = [r for r, key in zip(rows, keys, strict=True) if key not in existing]
    changed = [
        (existing[key], {name: r[name] for name in _REPLACED})
        for r, key in zip(rows, keys, strict=True)
        if key in existing
    ]
    for start in range(0, len(new), 10_000):
        connection.execute(SAMPLE.insert(), new[start : start + 10_000])
    record_inserts(connection, SAMPLE, new)
    if changed:
        replace = (
            update(SAMPLE)
            .where(SAMPLE.c.id == bindparam("_id"))
            .values({name: bindparam(f"v_{name}") for name in _REPLACED})
        )
        connection.execute(
            replace,
            [{"_id": i} | {f"v_{n}": v for n, v in fields.items()} for i, fields in changed],
        )
        record_updates(connection, SAMPLE, changed)
