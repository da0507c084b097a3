"""Helpers for the team-sync data tests: a database in a team, and what its outbox holds."""

import json
from typing import Any

from sqlalchemy import and_, select

from cs_tui.data.store.database import Database
from cs_tui.data.sync import device as devices
from cs_tui.data.sync.capture import OPS
from cs_tui.data.sync.tables import ROW_KEY, SYNCED_TABLES
from cs_tui.data.sync.values import encode, table


def join(db: Database, folder: str = "") -> devices.Device:
    with db.write_connection() as connection:
        return devices.register(connection, folder=folder, team="test", now=db.now())


def outbox(db: Database) -> list[Any]:
    with db.read() as session:
        statement = select(OPS).where(and_(OPS.c.local.is_(True), OPS.c.seq.is_(None)))
        return list(session.connection().execute(statement))


def winners(db: Database) -> dict[tuple[str, str, str], Any]:
    """The value of every field as the field history says (greatest clock)."""
    found: dict[tuple[str, str, str], tuple[str, Any]] = {}
    with db.read() as session:
        for op in session.connection().execute(select(OPS)):
            key = (op.table_name, op.row_id, op.field)
            if key not in found or op.clock > found[key][0]:
                found[key] = (op.clock, json.loads(op.value))
    return {key: value for key, (_clock, value) in found.items()}


def uncaptured(db: Database) -> list[str]:
    """Every stored value of a synced table that its field history does not hold."""
    history = winners(db)
    problems = []
    with db.read() as session:
        connection = session.connection()
        for name in SYNCED_TABLES:
            for row in connection.execute(select(table(name))):
                values = row._mapping
                row_id = str(values[ROW_KEY])
                for column, value in values.items():
                    if column == ROW_KEY:
                        continue
                    key = (name, row_id, column)
                    if key not in history:
                        problems.append(f"{name} {row_id[:8]} {column}: no op")
                    elif history[key] != encode(value):
                        problems.append(
                            f"{name} {row_id[:8]} {column}: stored {encode(value)!r}, "
                            f"history {history[key]!r}"
                        )
    return problems
