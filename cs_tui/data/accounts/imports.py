"""Loading a CRM export into the book: upsert by external id (else by name), all or nothing.

With any invalid row nothing is written, unless the caller asks to skip invalid rows; a dry run
reports what would change and writes nothing. New accounts go to the driver's `executemany` as
tuples (see `bulk_insert.py`), changes through Core, all in one transaction. The cyclic garbage
collector rests meanwhile (see `bulk_work.py`).
"""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Literal, Protocol

from sqlalchemy import Connection, bindparam, select, update

from cs_tui.data.accounts.owner_history import OwnerMove, record_owner_changes
from cs_tui.data.accounts.summary import refresh_summaries
from cs_tui.data.store.audit import stamp
from cs_tui.data.store.bulk_insert import TupleInserter
from cs_tui.data.store.database import Database
from cs_tui.data.sync.capture import record_updates
from cs_tui.io.bulk_work import collector_paused
from cs_tui.models import Account, AccountCreate

Action = Literal["create", "update", "unchanged"]
ACCOUNT = Account.__table__  # type: ignore[attr-defined]
COMPARED_FIELDS = tuple(AccountCreate.model_fields)
_field_values = attrgetter(*COMPARED_FIELDS)
SUMMARY_REFRESH_ALL_ABOVE = 2000


class ParsedRow(Protocol):
    """One valid row read from a file (see `io.account_file`)."""

    @property
    def line(self) -> int: ...
    @property
    def account(self) -> AccountCreate: ...


class ParsedError(Protocol):
    """One problem found while reading a file: where, which column, the value and why."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def message(self) -> str: ...


class ParsedFile(Protocol):
    @property
    def rows(self) -> Sequence[ParsedRow]: ...
    @property
    def errors(self) -> Sequence[ParsedError]: ...


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    value: str
    message: str


@dataclass(frozen=True)
class PlannedChange:
    line: int
    action: Action
    name: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    dry_run: bool
    written: bool
    changes: tuple[PlannedChange, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    account_ids: tuple[uuid.UUID, ...] = ()  # the accounts written (created or changed)

    def count(self, action: Action) -> int:
        return sum(1 for change in self.changes if change.action == action)

    @property
    def refused(self) -> bool:
        return bool(self.problems) and not self.written and not self.dry_run


@dataclass
class _Existing:
    by_external_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_name: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _load_existing(connection: Connection) -> _Existing:
    columns = [ACCOUNT.c.id, *(ACCOUNT.c[name] for name in COMPARED_FIELDS)]
    existing = _Existing()
    for row in connection.execute(select(*columns).where(ACCOUNT.c.deleted_at.is_(None))):
        record = dict(row._mapping)
        if record["external_id"]:
            existing.by_external_id[record["external_id"]] = record
        existing.by_name.setdefault(record["name"].lower(), []).append(record)
    return existing


def _match(existing: _Existing, account: AccountCreate) -> tuple[dict[str, Any] | None, str | None]:
    """The stored account this row updates (or None to create), or a reason it is ambiguous."""
    if account.external_id and account.external_id in existing.by_external_id:
        return existing.by_external_id[account.external_id], None
    namesakes = existing.by_name.get(account.name.lower(), [])
    if account.external_id:
        namesakes = [r for r in namesakes if not r["external_id"]]
    if len(namesakes) > 1:
        return None, (
            f"{len(namesakes)} accounts are named {account.name!r}; add an external id column "
            "to say which one"
        )
    return (namesakes[0] if namesakes else None), None


def _changed_fields(stored: dict[str, Any], account: AccountCreate) -> tuple[str, ...]:
    """The fields the file gives whose values differ from the stored ones."""
    given = account.model_fields_set & set(COMPARED_FIELDS)
    return tuple(sorted(name for name in given if getattr(account, name) != stored[name]))


def import_accounts(
    db: Database,
    parsed: ParsedFile,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Plan every row's change, then (unless refused or a dry run) write them in one transaction."""
    with collector_paused():
        return _import(db, parsed, dry_run, skip_invalid, progress)


def _import(
    db: Database,
    parsed: ParsedFile,
    dry_run: bool,
    skip_invalid: bool,
    progress: Callable[[int, int], None] | None,
) -> ImportReport:
    problems = [RowProblem(e.line, e.column, e.value, e.message) for e in parsed.errors]
    with db.engine.connect() as connection:
        existing = _load_existing(connection)
    changes: list[PlannedChange] = []
    creates: list[AccountCreate] = []
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    moves: list[OwnerMove] = []
    for row in parsed.rows:
        stored, ambiguity = _match(existing, row.account)
        if ambiguity:
            problems.append(RowProblem(row.line, "name", row.account.name, ambiguity))
            continue
        if stored is None:
            changes.append(PlannedChange(row.line, "create", row.account.name))
            creates.append(row.account)
            continue
        fields = _changed_fields(stored, row.account)
        changes.append(
            PlannedChange(row.line, "update" if fields else "unchanged", row.account.name, fields)
        )
        if fields:
            values = {name: getattr(row.account, name) for name in fields}
            updates.setdefault(fields, []).append({"_id": stored["id"], **values})
            if "owner" in fields:
                moves.append((stored["id"], stored["owner"], row.account.owner))
    problems.sort(key=lambda p: p.line)
    if dry_run or (problems and not skip_invalid) or not (creates or updates):
        return ImportReport(dry_run, False, tuple(changes), tuple(problems))
    created = _write(db, creates, updates, moves, progress)
    changed = [row["_id"] for rows in updates.values() for row in rows]
    return ImportReport(dry_run, True, tuple(changes), tuple(problems), (*created, *changed))


def _write(
    db: Database,
    creates: list[AccountCreate],
    updates: dict[tuple[str, ...], list[dict[str, Any]]],
    moves: list[OwnerMove],
    progress: Callable[[int, int], None] | None,
    batch: int = 10_000,
) -> list[uuid.UUID]:
    """Insert the new accounts and apply the changes; the new accounts' ids."""
    now, user = db.now(), db.user
    total = len(creates) + sum(len(rows) for rows in updates.values())
    done = 0
    new_ids: list[uuid.UUID] = []
    audit = stamp({}, user=user, now=now)
    with db.write_connection() as connection:
        inserter = TupleInserter(connection, ACCOUNT, ("id", *COMPARED_FIELDS), audit)
        for start in range(0, len(creates), batch):
            chunk = creates[start : start + batch]
            ids = [uuid.uuid4() for _ in chunk]
            new_ids += ids
            inserter.insert(
                (account_id, *_field_values(account))
                for account_id, account in zip(ids, chunk, strict=True)
            )
            done += len(chunk)
            if progress:
                progress(done, total)
        for fields, rows in updates.items():
            statement = (
                update(ACCOUNT)
                .where(ACCOUNT.c.id == bindparam("_id"))
                .values(
                    {
                        **{name: bindparam(f"v_{name}") for name in fields},
                        "updated_at": bindparam("_now"),
                        "updated_by": bindparam("_user"),
                    }
                )
            )
            rows = [
                {"_id": row["_id"], "_now": now, "_user": user}
                | {f"v_{name}": row[name] for name in fields}
                for row in rows
            ]
            connection.execute(statement, rows)
            record_updates(
                connection,
                ACCOUNT,
                (
                    (
                        row["_id"],
                        {name: row[f"v_{name}"] for name in fields}
                        | {"updated_at": now, "updated_by": user},
                    )
                    for row in rows
                ),
            )
            done += len(rows)
            if progress:
                progress(done, total)
        record_owner_changes(connection, moves, on=db.today(), user=user, now=now)
        everyone = len(new_ids) > SUMMARY_REFRESH_ALL_ABOVE
        refresh_summaries(connection, today=db.today(), account_ids=None if everyone else new_ids)
    return new_ids
