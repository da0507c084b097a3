"""Merging received ops into the store: the field history first, then the rows the winners change.

Rows are written through Core, not through the capture hooks, so received ops are never re-sent.
A row whose parent has not arrived yet, or that has fields this version does not know, is kept as
pending and written by a later sync: nothing received is dropped.
"""

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from json.encoder import encode_basestring_ascii
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError

from cs_tui.data.sync.capture import OPS, insert_ops
from cs_tui.data.sync.tables import AUDIT_FIELDS, ROW_KEY, SYNCED_TABLES
from cs_tui.data.sync.values import decoders, table
from cs_tui.domain.sync.clock import Hlc
from cs_tui.domain.sync.ops import Op, is_conflict, wins
from cs_tui.models.sync import SyncConflict, SyncPending

CONFLICTS: Table = SyncConflict.__table__  # type: ignore[attr-defined]
PENDING: Table = SyncPending.__table__  # type: ignore[attr-defined]
_CHUNK = 500

RowKey = tuple[str, str]


@dataclass
class Applied:
    new_ops: int = 0
    rows_written: int = 0
    conflicts: int = 0
    pending: int = 0
    accounts: set[uuid.UUID] = field(default_factory=set)


def op_from_wire(data: dict[str, Any]) -> Op:
    """A journal line as an op (a join decodes hundreds of thousands: kept to the bare minimum)."""
    base = data.get("b") or None
    return Op(
        _text(data["t"]),
        _text(data["r"]),
        _text(data["f"]),
        data.get("v"),
        Hlc.decode(_text(data["c"])),
        _text(data.get("a", "")),
        Hlc.decode(_text(base)) if base else None,
    )


def _text(value: Any) -> str:
    return value if type(value) is str else str(value)


def _json(value: Any) -> str:
    """`json.dumps(value)` for an op's scalar, without its per-call overhead for text."""
    if type(value) is str:
        return encode_basestring_ascii(value)
    return json.dumps(value)


def op_to_wire(row: Any) -> dict[str, Any]:
    """A stored op (a `sync_op` row) as a journal line."""
    return {
        "t": row.table_name,
        "r": row.row_id,
        "f": row.field,
        "v": json.loads(row.value),
        "c": row.clock,
        "b": row.base,
        "a": row.author,
    }


def _stored(row: Any) -> Op:
    return Op(
        row.table_name,
        row.row_id,
        row.field,
        json.loads(row.value),
        Hlc.decode(row.clock),
        row.author,
        Hlc.decode(row.base) if row.base else None,
    )


def apply_ops(connection: Connection, ops: Iterable[Op], *, now: datetime) -> Applied:
    """Merge `ops` (any order, duplicates allowed) and write what they change, in this transaction.

    The ops are grouped per row first: a row this device has never seen (the whole book, on a
    join) has no history to compare with, so its ops only need ordering among themselves.
    """
    result = Applied()
    by_row: dict[RowKey, dict[tuple[str, Hlc], Op]] = {}
    for op in ops:
        key = (op.table, op.row)
        row_ops = by_row.get(key)
        if row_ops is None:
            by_row[key] = {(op.field, op.clock): op}
        elif (op.field, op.clock) not in row_ops:
            row_ops[(op.field, op.clock)] = op
    known = _known_ops(connection, list(by_row))
    new_rows: list[tuple[Any, ...]] = []
    conflicts: list[dict[str, Any]] = []
    changed: dict[RowKey, dict[str, Op]] = defaultdict(dict)
    winners: dict[RowKey, dict[str, Op]] = {}
    clocks: dict[Hlc | None, str] = {None: ""}
    for key, row_ops in by_row.items():
        history = known.get(key)
        if history is None:
            history = {}
            current: dict[str, Op] = {}
        else:
            current = _winners(history.values())
        row_changed = changed[key]
        entries = row_ops.items() if len(row_ops) < 2 else sorted(row_ops.items(), key=_by_clock)
        for ident, op in entries:
            if ident in history:
                continue
            history[ident] = op
            new_rows.append(_op_row(op, clocks))
            local = current.get(op.field)
            if local is None:
                current[op.field] = row_changed[op.field] = op
                continue
            if op.field not in AUDIT_FIELDS and is_conflict(op, local):
                winner, loser = (op, local) if wins(op, local) else (local, op)
                conflicts.append(_conflict_row(op, winner, loser, now))
            if wins(op, local):
                current[op.field] = row_changed[op.field] = op
        if not row_changed:
            del changed[key]
        winners[key] = current
    new_rows.sort()  # in primary-key order: the index grows at its end, not at random pages
    insert_ops(connection, new_rows)
    result.new_ops = len(new_rows)
    _insert_conflicts(connection, conflicts)
    result.conflicts = len(conflicts)
    retry = _pending_rows(connection)
    for key in retry:
        if key not in winners:
            winners[key] = _winners(_known_ops(connection, [key]).get(key, {}).values())
        changed.setdefault(key, {})
    _materialise(connection, changed, winners, set(retry), result)
    return result


def _by_clock(item: tuple[tuple[str, Hlc], Op]) -> Hlc:
    return item[0][1]


def _winners(ops: Iterable[Op]) -> dict[str, Op]:
    found: dict[str, Op] = {}
    for op in ops:
        if wins(op, found.get(op.field)):
            found[op.field] = op
    return found


def _op_row(op: Op, clocks: dict[Hlc | None, str]) -> tuple[Any, ...]:
    """An op as a `sync_op` row, in OP_COLUMNS order (`clocks` caches encoded clocks)."""
    clock = clocks.get(op.clock)
    if clock is None:
        clock = clocks[op.clock] = op.clock.encode()
    base = clocks.get(op.base)
    if base is None:
        assert op.base is not None
        base = clocks[op.base] = op.base.encode()
    return (op.table, op.row, op.field, clock, _json(op.value), base, op.author, False, None)


def _conflict_row(op: Op, winner: Op, loser: Op, now: datetime) -> dict[str, Any]:
    return {
        "table_name": op.table,
        "row_id": op.row,
        "field": op.field,
        "winner_clock": winner.clock.encode(),
        "loser_clock": loser.clock.encode(),
        "found_at": now,
    }


_CONFLICT_KEY = ("table_name", "row_id", "field", "winner_clock", "loser_clock")


def _insert_conflicts(connection: Connection, rows: list[dict[str, Any]]) -> None:
    unique = {tuple(r[name] for name in _CONFLICT_KEY): r for r in rows}
    for row in unique.values():
        match = and_(*(CONFLICTS.c[name] == row[name] for name in _CONFLICT_KEY))
        if connection.execute(select(CONFLICTS.c.field).where(match)).first() is None:
            connection.execute(CONFLICTS.insert().values(row))


def _known_ops(
    connection: Connection, rows: Sequence[RowKey]
) -> dict[RowKey, dict[tuple[str, Hlc], Op]]:
    """Every stored op of these rows, by row, then by (field, clock)."""
    found: dict[RowKey, dict[tuple[str, Hlc], Op]] = defaultdict(dict)
    by_table: dict[str, list[str]] = defaultdict(list)
    for name, row_id in rows:
        by_table[name].append(row_id)
    for name, ids in by_table.items():
        for start in range(0, len(ids), _CHUNK):
            statement = select(OPS).where(
                and_(OPS.c.table_name == name, OPS.c.row_id.in_(ids[start : start + _CHUNK]))
            )
            for row in connection.execute(statement):
                op = _stored(row)
                found[(name, op.row)][(op.field, op.clock)] = op
    return found


def _pending_rows(connection: Connection) -> list[RowKey]:
    return [(r.table_name, r.row_id) for r in connection.execute(select(PENDING))]


def _materialise(
    connection: Connection,
    changed: dict[RowKey, dict[str, Op]],
    winners: dict[RowKey, dict[str, Op]],
    retry: set[RowKey],
    result: Applied,
) -> None:
    pending: dict[RowKey, str] = {}
    cleared: list[RowKey] = []
    by_table: dict[str, list[RowKey]] = defaultdict(list)
    for key in changed:
        by_table[key[0]].append(key)
    for name in [*SYNCED_TABLES, *sorted(set(by_table) - set(SYNCED_TABLES))]:
        keys = by_table.get(name, [])
        if not keys:
            continue
        if name not in SYNCED_TABLES:
            pending.update(dict.fromkeys(keys, f"{name} is a table this version does not know"))
            continue
        target = table(name)
        known_fields = decoders(name)
        existing = _existing_ids(connection, target, [k[1] for k in keys])
        updates: list[tuple[RowKey, dict[str, Any]]] = []
        inserts: list[tuple[RowKey, dict[str, Any]]] = []
        for key in keys:
            fields = winners[key] if key in retry or key[1] not in existing else changed[key]
            unknown = sorted(set(fields) - set(known_fields))
            values = {f: known_fields[f](op.value) for f, op in fields.items() if f in known_fields}
            if unknown:
                pending[key] = f"fields this version does not know: {', '.join(unknown)}"
            elif key in retry:
                cleared.append(key)
            if key[1] in existing:
                if values:
                    updates.append((key, values))
            else:
                inserts.append((key, values))
        _update(connection, target, updates)
        result.rows_written += len(updates)
        for key, problem in _insert(connection, target, inserts).items():
            pending[key] = problem
        result.rows_written += len(inserts) - sum(1 for k, _ in inserts if k in pending)
        for key, values in [*updates, *inserts]:
            if key in pending:
                continue
            account = key[1] if name == "account" else values.get("account_id")
            if isinstance(account, uuid.UUID):
                result.accounts.add(account)
            elif isinstance(account, str):
                result.accounts.add(uuid.UUID(account))
    for key in cleared:
        if key not in pending:
            connection.execute(
                delete(PENDING).where(
                    and_(PENDING.c.table_name == key[0], PENDING.c.row_id == key[1])
                )
            )
    for key, reason in pending.items():
        connection.execute(
            delete(PENDING).where(and_(PENDING.c.table_name == key[0], PENDING.c.row_id == key[1]))
        )
        connection.execute(
            PENDING.insert().values(table_name=key[0], row_id=key[1], reason=reason[:300])
        )
    result.pending = len(pending)


def _existing_ids(connection: Connection, target: Table, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = [uuid.UUID(i) for i in ids[start : start + _CHUNK]]
        statement = select(target.c[ROW_KEY]).where(target.c[ROW_KEY].in_(chunk))
        found.update(str(value) for value in connection.execute(statement).scalars())
    return found


def _update(
    connection: Connection, target: Table, rows: list[tuple[RowKey, dict[str, Any]]]
) -> None:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for key, values in rows:
        names = tuple(sorted(values))
        groups[names].append({"_id": uuid.UUID(key[1])} | {f"v_{n}": values[n] for n in names})
    for names, params in groups.items():
        statement = (
            update(target)
            .where(target.c[ROW_KEY] == bindparam("_id"))
            .values({n: bindparam(f"v_{n}") for n in names})
        )
        connection.execute(statement, params)


def _insert(
    connection: Connection, target: Table, rows: list[tuple[RowKey, dict[str, Any]]]
) -> dict[RowKey, str]:
    """Insert the new rows whose parents exist; the others, with why, to retry later."""
    problems: dict[RowKey, str] = {}
    required = [
        c.name for c in target.c if not c.nullable and c.default is None and c.name != ROW_KEY
    ]
    ready: list[tuple[RowKey, dict[str, Any]]] = []
    for key, values in rows:
        missing = [name for name in required if name not in values]
        if missing:
            problems[key] = f"waiting for the fields {', '.join(missing)}"
        else:
            ready.append((key, values))
    for column in target.c:
        for foreign in column.foreign_keys:
            parent = foreign.column.table
            wanted = [str(v[column.name]) for _, v in ready if v.get(column.name) is not None]
            present = _existing_ids(connection, parent, sorted(set(wanted)))
            still: list[tuple[RowKey, dict[str, Any]]] = []
            for key, values in ready:
                value = values.get(column.name)
                if value is not None and str(value) not in present:
                    problems[key] = f"waiting for its {parent.name} {value}"
                else:
                    still.append((key, values))
            ready = still
    if not ready:
        return problems
    params = [{ROW_KEY: uuid.UUID(key[1])} | values for key, values in ready]
    try:
        with connection.begin_nested():
            _insert_rows(connection, target, params)
    except IntegrityError:
        for (key, _values), row in zip(ready, params, strict=True):
            try:
                with connection.begin_nested():
                    _insert_rows(connection, target, [row])
            except IntegrityError as error:
                problems[key] = f"cannot be written: {str(error.orig).splitlines()[0]}"
    return problems


def _insert_rows(connection: Connection, target: Table, params: list[dict[str, Any]]) -> None:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in params:
        groups[tuple(sorted(row))].append(row)
    for group in groups.values():
        for start in range(0, len(group), 10_000):
            connection.execute(target.insert(), group[start : start + 10_000])
