"""Importing a revenue export: rows matched to accounts, stored once, effects applied in date order.

Accounts are matched by the row's account id (the CRM id) and else by name; rows of accounts the
book does not know are listed and left out. A row's id comes from its stable key (the CRM's deal
id, else a hash of what it says), so a second import of the same export adds nothing. Each
account's new events are replayed in date order from its current ARR, stage and contract end; an
event that cannot apply (a contraction above the ARR) is a problem on its line.

All or nothing: with any problem nothing is written unless `skip_invalid`; a dry run writes nothing.
"""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import Connection, bindparam, func, select, update

from cs_tui.data.accounts.imports import ParsedError, RowProblem
from cs_tui.data.accounts.summary import refresh_summaries
from cs_tui.data.revenue.events import amount_in_minor
from cs_tui.data.store.bulk_insert import TupleInserter
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.data.sync.capture import record_updates
from cs_tui.domain.enums import LifecycleStage, RevenueKind
from cs_tui.domain.revenue.effects import AccountState, EffectError, EventInput, effect_of
from cs_tui.io.bulk_work import collector_paused
from cs_tui.models import Account, RevenueEvent

REVENUE = RevenueEvent.__table__  # type: ignore[attr-defined]
ACCOUNT = Account.__table__  # type: ignore[attr-defined]
REVENUE_NAMESPACE = uuid.UUID("8d6c0b52-4f7e-4a8e-b1f3-2f6a3c9e7d15")
EVENT_COLUMNS = ("id", "account_id", "kind", "amount_minor", "currency", "occurred_on",
                 "reason_code", "note", "competitor", "source", "external_id")  # fmt: skip
LOOKUP_CHUNK = 5_000


class ParsedRevenueRow(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def account(self) -> str: ...
    @property
    def account_id(self) -> str: ...
    @property
    def kind(self) -> RevenueKind: ...
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def currency(self) -> str | None: ...
    @property
    def occurred_on(self) -> date: ...
    @property
    def reason_code(self) -> str: ...
    @property
    def competitor(self) -> str: ...
    @property
    def note(self) -> str: ...


class ParsedRevenueFile(Protocol):
    @property
    def layout(self) -> str: ...
    @property
    def columns(self) -> dict[str, str] | Any: ...
    @property
    def rows(self) -> Sequence[ParsedRevenueRow]: ...
    @property
    def errors(self) -> Sequence[ParsedError]: ...


@dataclass(frozen=True)
class Unmatched:
    line: int
    account: str
    reason: str


@dataclass(frozen=True)
class AccountChange:
    """One account's ARR and stage before and after the import's events."""

    account_id: uuid.UUID
    name: str
    currency: str
    arr_before: int
    arr_after: int
    stage_before: str
    stage_after: str
    contract_end_before: date | None
    contract_end_after: date | None
    events: int


@dataclass(frozen=True)
class RevenueImportReport:
    dry_run: bool
    written: bool
    new: int
    already: int
    history: int  # dated before a later event of the account: stored, ARR unchanged
    by_kind: dict[str, int]
    problems: tuple[RowProblem, ...]
    unmatched: tuple[Unmatched, ...]
    changes: tuple[AccountChange, ...]
    refused: bool

    @property
    def account_ids(self) -> tuple[uuid.UUID, ...]:
        return tuple(c.account_id for c in self.changes) if self.written else ()


def event_id(key: str) -> uuid.UUID:
    return uuid.uuid5(REVENUE_NAMESPACE, key)


@dataclass
class _Stored:
    id: uuid.UUID
    name: str
    external_id: str | None
    state: AccountState


def _accounts(connection: Connection) -> tuple[dict[str, _Stored], dict[str, list[_Stored]]]:
    latest = (
        select(REVENUE.c.account_id, func.max(REVENUE.c.occurred_on).label("latest"))
        .where(REVENUE.c.deleted_at.is_(None))
        .group_by(REVENUE.c.account_id)
        .subquery()
    )
    query = (
        select(ACCOUNT.c.id, ACCOUNT.c.name, ACCOUNT.c.external_id, ACCOUNT.c.arr_minor,
               ACCOUNT.c.lifecycle_stage, ACCOUNT.c.contract_end, ACCOUNT.c.currency,
               latest.c.latest)
        .outerjoin(latest, latest.c.account_id == ACCOUNT.c.id)
        .where(ACCOUNT.c.deleted_at.is_(None))
    )  # fmt: skip
    by_external: dict[str, _Stored] = {}
    by_name: dict[str, list[_Stored]] = defaultdict(list)
    for row in connection.execute(query):
        state = AccountState(int(row.arr_minor), LifecycleStage(row.lifecycle_stage),
                             row.contract_end, row.currency, row.latest)  # fmt: skip
        stored = _Stored(row.id, row.name, row.external_id, state)
        if row.external_id:
            by_external[row.external_id] = stored
        by_name[row.name.casefold()].append(stored)
    return by_external, by_name


def _existing(connection: Connection, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), LOOKUP_CHUNK):
        chunk = ids[start : start + LOOKUP_CHUNK]
        found.update(
            connection.execute(select(REVENUE.c.id).where(REVENUE.c.id.in_(chunk))).scalars()
        )
    return found


def import_revenue(
    db: Database, parsed: ParsedRevenueFile, *, dry_run: bool = False, skip_invalid: bool = False
) -> RevenueImportReport:
    """Store the export's events and apply them; see the module docstring."""
    with collector_paused():
        return _import(db, parsed, dry_run, skip_invalid)


def _import(
    db: Database, parsed: ParsedRevenueFile, dry_run: bool, skip_invalid: bool
) -> RevenueImportReport:
    problems = [RowProblem(e.line, e.column, e.value, e.message) for e in parsed.errors]
    columns: dict[str, str] = dict(parsed.columns)
    with db.engine.connect() as connection:
        by_external, by_name = _accounts(connection)
        ids = [event_id(row.key) for row in parsed.rows]
        existing = _existing(connection, ids)
    unmatched: list[Unmatched] = []
    planned: dict[uuid.UUID, list[tuple[uuid.UUID, ParsedRevenueRow]]] = defaultdict(list)
    stored_by_id: dict[uuid.UUID, _Stored] = {}
    already = 0
    for rid, row in zip(ids, parsed.rows, strict=True):
        if rid in existing:
            already += 1
            continue
        account, why = _match(row, by_external, by_name)
        if account is None:
            if why.startswith("several"):
                problems.append(RowProblem(row.line, columns.get("account", ""), row.account, why))
            else:
                unmatched.append(Unmatched(row.line, row.account or row.account_id, why))
            continue
        stored_by_id[account.id] = account
        planned[account.id].append((rid, row))
    events: list[tuple[Any, ...]] = []
    changes: list[AccountChange] = []
    history = 0
    by_kind: dict[str, int] = defaultdict(int)
    for account_id, rows in planned.items():
        account = stored_by_id[account_id]
        state = start = account.state
        count = 0
        for rid, row in sorted(rows, key=lambda item: (item[1].occurred_on, item[1].line)):
            currency = (row.currency or state.currency).upper()
            if currency != state.currency:
                column = columns.get("currency") or columns.get("amount", "")
                why = (
                    f"the amount is in {currency}, but {account.name}'s ARR is in {state.currency}"
                )
                problems.append(RowProblem(row.line, column, currency, why))
                continue
            try:
                amount = 0 if row.amount is None else amount_in_minor(row.amount, currency)
                effect = effect_of(state, EventInput(row.kind, amount, row.occurred_on))
            except (InvalidInputError, EffectError) as problem:
                text = problem.message if isinstance(problem, InvalidInputError) else str(problem)
                problems.append(RowProblem(row.line, columns.get("amount", ""), "", text))
                continue
            history += effect.history
            state = effect.after
            count += 1
            by_kind[row.kind.value] += 1
            events.append((rid, account_id, row.kind.value, effect.amount_minor, currency,
                           row.occurred_on, row.reason_code, row.note[:20_000],
                           row.competitor[:200], parsed.layout, row.key[:200]))  # fmt: skip
        if count:
            changes.append(AccountChange(
                account_id, account.name, start.currency, start.arr_minor, state.arr_minor,
                start.stage.value, state.stage.value, start.contract_end, state.contract_end,
                count,
            ))  # fmt: skip
    problems.sort(key=lambda p: p.line)
    refused = bool(problems) and not skip_invalid and not dry_run
    write = bool(events) and not dry_run and not refused
    if write:
        _write(db, events, changes)
    return RevenueImportReport(
        dry_run=dry_run, written=write, new=len(events), already=already, history=history,
        by_kind=dict(by_kind), problems=tuple(problems), unmatched=tuple(unmatched),
        changes=tuple(changes), refused=refused,
    )  # fmt: skip


def _match(
    row: ParsedRevenueRow, by_external: dict[str, _Stored], by_name: dict[str, list[_Stored]]
) -> tuple[_Stored | None, str]:
    if row.account_id and row.account_id in by_external:
        return by_external[row.account_id], ""
    namesakes = by_name.get(row.account.casefold(), []) if row.account else []
    if len(namesakes) == 1:
        return namesakes[0], ""
    if len(namesakes) > 1:
        return None, (
            f"several accounts are named {row.account!r}; add an account id column to say which"
        )
    if row.account_id and not row.account:
        return None, f"no account has the CRM id {row.account_id!r}"
    return None, f"no account is named {row.account!r}" + (
        f" or has the CRM id {row.account_id!r}" if row.account_id else ""
    )


def _write(db: Database, events: list[tuple[Any, ...]], changes: list[AccountChange]) -> None:
    now, user = db.now(), db.user
    stamps = {"created_at": now, "updated_at": now, "updated_by": user, "deleted_at": None}
    with db.write_connection() as connection:
        TupleInserter(connection, REVENUE, EVENT_COLUMNS, same_for_all=stamps).insert(events)
        moved = [c for c in changes if (c.arr_before, c.stage_before, c.contract_end_before)
                 != (c.arr_after, c.stage_after, c.contract_end_after)]  # fmt: skip
        if moved:
            statement = (
                update(ACCOUNT)
                .where(ACCOUNT.c.id == bindparam("_id"))
                .values(arr_minor=bindparam("_arr"), lifecycle_stage=bindparam("_stage"),
                        contract_end=bindparam("_end"), updated_at=bindparam("_now"),
                        updated_by=bindparam("_user"))
            )  # fmt: skip
            connection.execute(statement, [
                {"_id": c.account_id, "_arr": c.arr_after, "_stage": c.stage_after,
                 "_end": c.contract_end_after, "_now": now, "_user": user}
                for c in moved
            ])  # fmt: skip
            record_updates(connection, ACCOUNT, [
                (c.account_id, {"arr_minor": c.arr_after, "lifecycle_stage": c.stage_after,
                                "contract_end": c.contract_end_after, "updated_at": now,
                                "updated_by": user})
                for c in moved
            ])  # fmt: skip
        refresh_summaries(connection, today=db.today(), account_ids=[c.account_id for c in changes])
