"""Every write of a synced table records its field ops in the outbox, in the same transaction.

ORM writes are captured in one place (a session event); the Core bulk paths call `record_inserts`
and `record_updates` themselves. A database that is not in a team records nothing. Ops received
from teammates are written by `apply`, which never comes through here, so they are not re-sent.
"""

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, and_, event, func, select, text
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm import attributes as orm_attributes

from cs_tui.data.sync import device as devices
from cs_tui.data.sync.tables import ROW_KEY, SYNCED_TABLES
from cs_tui.data.sync.values import encode
from cs_tui.models.sync import SyncOp

OPS: Table = SyncOp.__table__  # type: ignore[attr-defined]
OUTBOX = text("local AND seq IS NULL")
"""This device's ops not published yet (the condition of the outbox's partial index)."""
OP_COLUMNS = ("table_name", "row_id", "field", "clock", "value", "base", "author", "local", "seq")
_CHUNK = 500
_installed = False


def install() -> None:
    global _installed
    if not _installed:
        event.listen(Session, "after_flush", _capture_flush)
        _installed = True


def _now(info: Mapping[str, Any]) -> datetime:
    clock: Callable[[], datetime] | None = info.get("clock")
    return clock() if clock is not None else datetime.now(UTC)


def record_inserts(connection: Connection, table: Table, rows: Iterable[Mapping[str, Any]]) -> int:
    """Ops for new rows (every column); returns how many were recorded (0 outside a team)."""
    if table.name not in SYNCED_TABLES:
        return 0
    recorder = _Recorder.start(connection)
    if recorder is None:
        return 0
    for row in rows:
        recorder.add(table.name, row[ROW_KEY], row, new=True)
    return recorder.finish()


def record_updates(
    connection: Connection, table: Table, changes: Iterable[tuple[Any, Mapping[str, Any]]]
) -> int:
    """Ops for changed fields of existing rows, given as (row id, {field: new value})."""
    if table.name not in SYNCED_TABLES:
        return 0
    recorder = _Recorder.start(connection)
    if recorder is None:
        return 0
    for row_id, fields in changes:
        recorder.add(table.name, row_id, fields, new=False)
    return recorder.finish()


class _Recorder:
    def __init__(self, connection: Connection, author: str, clock: str) -> None:
        self._connection = connection
        self._author = author
        self._clock = clock
        self._ops: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._needs_base: dict[str, set[str]] = {}

    @classmethod
    def start(cls, connection: Connection) -> "_Recorder | None":
        device = devices.load(connection)
        if device is None:
            return None
        info = connection.info
        clock = devices.advance(connection, device, _now(info))
        return cls(connection, str(info.get("user", "")), clock.encode())

    def add(self, table: str, row_id: Any, fields: Mapping[str, Any], *, new: bool) -> None:
        row = str(row_id)
        for name, value in fields.items():
            if name == ROW_KEY:
                continue
            self._ops[(table, row, name)] = {
                "table_name": table,
                "row_id": row,
                "field": name,
                "clock": self._clock,
                "value": json.dumps(encode(value)),
                "base": "",
                "author": self._author,
                "local": True,
                "seq": None,
            }
        if not new:
            self._needs_base.setdefault(table, set()).add(row)

    def finish(self) -> int:
        if not self._ops:
            return 0
        for table, rows in self._needs_base.items():
            for key, base in self._bases(table, sorted(rows)).items():
                if key in self._ops:
                    self._ops[key]["base"] = base
        insert_ops(self._connection, [tuple(op.values()) for op in self._ops.values()])
        return len(self._ops)

    def _bases(self, table: str, rows: list[str]) -> dict[tuple[str, str, str], str]:
        """The clock of each field's current value: what these ops replace."""
        found: dict[tuple[str, str, str], str] = {}
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            statement = (
                select(OPS.c.row_id, OPS.c.field, func.max(OPS.c.clock))
                .where(and_(OPS.c.table_name == table, OPS.c.row_id.in_(chunk)))
                .group_by(OPS.c.row_id, OPS.c.field)
            )
            for row_id, field, clock in self._connection.execute(statement):
                found[(table, row_id, field)] = clock
        return found


def insert_ops(connection: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Insert op rows given as tuples in OP_COLUMNS order, through the driver's executemany.

    (Every column is text, a flag or a number, so no value needs its type's bind processing.)
    """
    if not rows:
        return
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(OPS.name)} ({', '.join(quote(c) for c in OP_COLUMNS)}) "
        f"VALUES ({', '.join([marker] * len(OP_COLUMNS))})"
    )
    for start in range(0, len(rows), 10_000):
        connection.exec_driver_sql(sql, rows[start : start + 10_000])


def _capture_flush(session: Session, _flush: UOWTransaction) -> None:
    new: list[tuple[Table, dict[str, Any]]] = []
    changed: list[tuple[Table, Any, dict[str, Any]]] = []
    for obj in session.new:
        table = _synced_table(obj)
        if table is not None:
            new.append((table, {c.name: getattr(obj, c.name) for c in table.c}))
    for obj in session.dirty:
        table = _synced_table(obj)
        if table is None:
            continue
        fields = {
            c.name: getattr(obj, c.name)
            for c in table.c
            if orm_attributes.get_history(obj, c.name).has_changes()
        }
        if fields:
            changed.append((table, getattr(obj, ROW_KEY), fields))
    if not new and not changed:
        return
    connection = session.connection()
    connection.info["user"] = session.info.get("user", "")
    connection.info["clock"] = session.info.get("clock")
    recorder = _Recorder.start(connection)
    if recorder is None:
        return
    for table, row in new:
        recorder.add(table.name, row[ROW_KEY], row, new=True)
    for table, row_id, fields in changed:
        recorder.add(table.name, row_id, fields, new=False)
    recorder.finish()


def _synced_table(obj: object) -> Table | None:
    table = getattr(type(obj), "__table__", None)
    if isinstance(table, Table) and table.name in SYNCED_TABLES:
        return table
    return None


def record_existing(connection: Connection, tables: Iterable[str]) -> int:
    """Ops for every row already in `tables` (a book written before it was shared, the demo)."""
    from cs_tui.data.sync.values import table as table_named

    if devices.load(connection) is None:
        return 0
    recorded = 0
    for name in tables:
        if name not in SYNCED_TABLES:
            continue
        table = table_named(name)
        result = connection.execute(select(table))
        while batch := result.fetchmany(10_000):
            recorded += record_inserts(connection, table, (dict(row._mapping) for row in batch))
    return recorded
