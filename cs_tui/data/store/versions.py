"""Optimistic concurrency: a stale update becomes a `RecordChangedError` saying what changed.

Shared records carry a version counter (`models.base.Versioned`): the ORM's UPDATE checks the
version it read and bumps it, and raises `StaleDataError` when the row has moved on. Before each
flush, `remember_reads` notes, for every versioned record about to be updated, the version and the
values it was read with; when the UPDATE matches nothing, `changed_error` reads the rows as they
are now (on a connection of its own) and names the record and the fields that differ.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event, inspect, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm.exc import StaleDataError

from cs_tui.data.store.errors import RecordChangedError

READS_KEY = "cs_tui_versioned_reads"
AUDIT_FIELDS = frozenset({"created_at", "updated_at", "updated_by"})


@dataclass(frozen=True)
class VersionedRead:
    table: Any
    key: Any
    name: str
    version: int
    read: dict[str, object]  # the fields this write changes, as they were read


def _record_name(table: str, instance: Any) -> str:
    label = getattr(instance, "name", None) or getattr(instance, "title", None)
    kind = table.replace("_", " ")
    return f"{kind} {label!r}" if label else f"{kind} {instance.id}"


def remember_reads(session: OrmSession, _context: Any, _instances: Any) -> None:
    reads: list[VersionedRead] = []
    for instance in session.dirty:
        state = inspect(instance)
        mapper = state.mapper
        if mapper.version_id_col is None or state.key is None:
            continue
        read: dict[str, object] = {}
        version = None
        for attr in state.attrs:
            history = attr.history
            if attr.key == "version":
                version = (history.deleted or history.unchanged or [None])[0]
            elif history.deleted and attr.key not in AUDIT_FIELDS:
                read[attr.key] = history.deleted[0]
        if read and version is not None:
            table = mapper.local_table
            reads.append(
                VersionedRead(
                    table, state.key[1], _record_name(table.name, instance), version, read
                )
            )
    session.info[READS_KEY] = reads


def install(session_class: Any) -> None:
    event.listen(session_class, "before_flush", remember_reads)


def changed_error(engine: Engine, session: OrmSession, error: StaleDataError) -> RecordChangedError:
    """What the stale update ran into, read from the rows as they are now."""
    reads: list[VersionedRead] = session.info.get(READS_KEY, [])
    with engine.connect() as connection:
        for read in reads:
            table = read.table
            key_column = next(iter(table.primary_key.columns))
            row = connection.execute(select(table).where(key_column == read.key[0])).first()
            if row is None:
                return RecordChangedError(
                    f"{read.name} was deleted by someone else since you read it; nothing was saved.",
                    record=read.name,
                )
            now = row._mapping
            if now["version"] == read.version:
                continue
            changes = tuple(
                (field, before, now[field])
                for field, before in read.read.items()
                if field in now and now[field] != before
            )
            listed = "; ".join(f"{field}: now {after!r}" for field, _b, after in changes)
            said = f": {listed}" if listed else " (other fields)"
            return RecordChangedError(
                f"{read.name} was changed by someone else since you read it{said}. "
                "Nothing was saved.",
                record=read.name,
                changes=changes,
                hint="Open it again to see the current values, then make your change.",
            )
    return RecordChangedError(
        f"a record was changed by someone else since you read it ({error}); nothing was saved.",
        hint="Open it again to see the current values, then make your change.",
    )
