"""What the team screen and `cs-tui team status/conflicts/history` show: read-models only."""

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from cs_tui.data.store.database import Database
from cs_tui.data.sync import device as devices
from cs_tui.data.sync.apply import CONFLICTS, PENDING
from cs_tui.data.sync.capture import OPS, OUTBOX
from cs_tui.data.sync.engine import SEGMENTS, TeamError, moved_message
from cs_tui.data.sync.values import table
from cs_tui.domain.sync.clock import Hlc
from cs_tui.domain.sync.ops import Scalar
from cs_tui.io.sync import journal
from cs_tui.io.sync.folder import TeamFolderError
from cs_tui.io.sync.moved import read_moved


def clock_time(clock: Hlc) -> datetime:
    return datetime.fromtimestamp(clock.wall / 1000, UTC)


@dataclass(frozen=True)
class Teammate:
    device_id: str
    author: str
    files: int
    last_seq: int
    applied_seq: int
    last_published_at: datetime | None


@dataclass(frozen=True)
class TeamStatus:
    folder: str
    team: str
    device_id: str
    last_synced_at: datetime | None
    outbox: int
    conflicts: int
    pending: int
    waiting_files: int
    teammates: tuple[Teammate, ...]
    moved_to: str = ""
    """The server the team moved to (`host:port/database`), or "" while it syncs here."""
    moved_message: str = ""


@dataclass(frozen=True)
class Version:
    value: Scalar
    author: str
    at: datetime
    device: str
    clock: str


@dataclass(frozen=True)
class ConflictView:
    table: str
    row_id: str
    record: str
    field: str
    winner: Version
    loser: Version
    found_at: datetime


@dataclass(frozen=True)
class HistoryEntry:
    table: str
    row_id: str
    field: str
    version: Version
    current: bool


def _device(connection: Connection) -> devices.Device:
    found = devices.load(connection, writing=False)
    if found is None:
        raise TeamError(
            "This database is not in a team: create one with `cs-tui team init FOLDER` or join "
            "one with `cs-tui team join FOLDER`."
        )
    return found


def in_team(db: Database) -> bool:
    with db.read() as session:
        return devices.load(session.connection(), writing=False) is not None


def team_status(db: Database) -> TeamStatus:
    with db.read() as session:
        connection = session.connection()
        me = _device(connection)
        outbox = connection.execute(
            select(func.count()).select_from(OPS).where(OUTBOX)
        ).scalar_one()
        conflicts = connection.execute(select(func.count()).select_from(CONFLICTS)).scalar_one()
        pending = connection.execute(select(func.count()).select_from(PENDING)).scalar_one()
        applied: dict[str, set[int]] = {}
        for row in connection.execute(select(SEGMENTS.c.device_id, SEGMENTS.c.seq)):
            applied.setdefault(row.device_id, set()).add(row.seq)
    files: dict[str, list[journal.JournalFile]] = {}
    for found in journal.list_files(Path(me.folder)):
        if not found.copy:
            files.setdefault(found.device, []).append(found)
    moved_to = moved_text = ""
    try:
        moved = read_moved(Path(me.folder))
    except TeamFolderError as error:
        moved, moved_text = None, str(error)
    if moved is not None:
        moved_to, moved_text = moved.server, moved_message(moved)
    teammates = []
    waiting = 0
    for device_id, owned in sorted(files.items()):
        if device_id == me.device_id:
            continue
        seqs = sorted(f.seq for f in owned)
        done = applied.get(device_id, set())
        waiting += sum(1 for s in seqs if s not in done)
        contiguous = 0
        while contiguous + 1 in done:
            contiguous += 1
        newest = max(owned, key=lambda f: f.seq)
        teammates.append(
            Teammate(
                device_id,
                _author(newest.path),
                len(owned),
                seqs[-1],
                contiguous,
                _mtime(newest.path),
            )
        )
    return TeamStatus(
        me.folder,
        me.team,
        me.device_id,
        me.last_synced_at,
        int(outbox),
        int(conflicts),
        int(pending),
        waiting,
        tuple(teammates),
        moved_to,
        moved_text,
    )


def _author(path: Path) -> str:
    try:
        return journal.read(path).author
    except (journal.DamagedJournalError, OSError):
        return "?"


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return None


def _version(row: Any) -> Version:
    clock = Hlc.decode(row.clock)
    return Version(json.loads(row.value), row.author, clock_time(clock), clock.device, row.clock)


def list_conflicts(db: Database) -> tuple[ConflictView, ...]:
    with db.read() as session:
        connection = session.connection()
        _device(connection)
        found = []
        for row in connection.execute(select(CONFLICTS).order_by(CONFLICTS.c.found_at.desc())):
            versions = {}
            for clock in (row.winner_clock, row.loser_clock):
                op = connection.execute(
                    select(OPS).where(
                        and_(
                            OPS.c.table_name == row.table_name,
                            OPS.c.row_id == row.row_id,
                            OPS.c.field == row.field,
                            OPS.c.clock == clock,
                        )
                    )
                ).first()
                if op is not None:
                    versions[clock] = _version(op)
            if len(versions) < 2:
                continue
            found.append(
                ConflictView(
                    row.table_name,
                    row.row_id,
                    _record_label(connection, row.table_name, row.row_id),
                    row.field,
                    versions[row.winner_clock],
                    versions[row.loser_clock],
                    row.found_at,
                )
            )
    return tuple(found)


def field_history(
    db: Database, record: str, *, field: str | None = None
) -> tuple[HistoryEntry, ...]:
    """Every value the record's fields had, oldest first, with who and when.

    `record` is a row id (or its first 8+ characters) or an account's name.
    """
    with db.read() as session:
        connection = session.connection()
        _device(connection)
        rows = _matching_rows(connection, record.strip())
        if not rows:
            raise TeamError(
                f"No record {record!r} in the team history (give a row id or an account name)."
            )
        if len(rows) > 1:
            raise TeamError(
                f"{record!r} matches {len(rows)} records; give more of the id "
                f"({', '.join(sorted(r[1][:12] for r in rows)[:5])})"
            )
        ((table_name, row_id),) = rows
        statement = select(OPS).where(and_(OPS.c.table_name == table_name, OPS.c.row_id == row_id))
        if field:
            statement = statement.where(OPS.c.field == field)
        ops = list(connection.execute(statement))
    if field and not ops:
        raise TeamError(f"{table_name} {row_id} has no field {field!r} in its history")
    latest: dict[str, str] = {}
    for op in ops:
        latest[op.field] = max(latest.get(op.field, ""), op.clock)
    return tuple(
        HistoryEntry(op.table_name, op.row_id, op.field, _version(op), latest[op.field] == op.clock)
        for op in sorted(ops, key=lambda o: (o.field, o.clock))
    )


def _matching_rows(connection: Connection, record: str) -> list[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    prefix = _id_prefix(record)
    if prefix:
        statement = (
            select(OPS.c.table_name, OPS.c.row_id).where(OPS.c.row_id.like(f"{prefix}%")).distinct()
        )
        found.update((r.table_name, r.row_id) for r in connection.execute(statement))
    if not found:
        account = table("account")
        statement = select(account.c.id).where(
            or_(func.lower(account.c.name) == record.lower(), account.c.external_id == record)
        )
        found.update(("account", str(i)) for i in connection.execute(statement).scalars())
    return sorted(found)


def _id_prefix(record: str) -> str:
    """A row id or its start, written as stored (with dashes); "" when it cannot be one."""
    digits = record.lower().replace("-", "")
    if len(digits) < 8 or len(digits) > 32 or any(c not in "0123456789abcdef" for c in digits):
        return ""
    parts, start = [], 0
    for size in (8, 4, 4, 4, 12):
        if start < len(digits):
            parts.append(digits[start : start + size])
        start += size
    return "-".join(parts)


def _record_label(connection: Connection, table_name: str, row_id: str) -> str:
    account = table("account")
    try:
        key = uuid.UUID(row_id)
    except ValueError:
        return f"{table_name} {row_id}"
    if table_name == "account":
        name = connection.execute(select(account.c.name).where(account.c.id == key)).scalar()
        return str(name) if name else f"account {row_id[:8]}"
    try:
        target = table(table_name)
    except KeyError:
        return f"{table_name} {row_id[:8]}"
    if "account_id" in target.c:
        statement = (
            select(account.c.name)
            .select_from(target.join(account, target.c.account_id == account.c.id))
            .where(target.c.id == key)
        )
        name = connection.execute(statement).scalar()
        if name:
            return f"{table_name.replace('_', ' ')} of {name}"
    return f"{table_name.replace('_', ' ')} {row_id[:8]}"
