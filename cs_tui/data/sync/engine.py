"""`team init`, `join` and `sync`: publishing this device's outbox and merging the teammates' files.

Publishing holds the database's write lock while it writes the journal file, so the app and the CLI
on one device never publish the same ops under two numbers at once; a crash after the file is
written and before the outbox is marked only publishes the same ops again (harmless: merging is
idempotent).
"""

import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update

from cs_tui import __version__
from cs_tui.config import ENV_DATABASE_URL
from cs_tui.data.store.database import Database
from cs_tui.data.sync import device as devices
from cs_tui.data.sync.apply import PENDING, Applied, apply_ops, op_from_wire, op_to_wire
from cs_tui.data.sync.capture import OPS, OUTBOX, record_existing
from cs_tui.data.sync.device import DEVICE, Device
from cs_tui.data.sync.tables import SYNCED_TABLES
from cs_tui.domain.sync.clock import ClockError, Hlc, too_far_ahead
from cs_tui.domain.sync.ops import Op
from cs_tui.io.sync import journal
from cs_tui.io.sync.folder import (
    FolderFormat,
    TeamFolderError,
    create_format,
    is_older,
    read_format,
)
from cs_tui.io.sync.moved import FolderMoved, read_moved
from cs_tui.models.sync import SyncSegment

SEGMENTS = SyncSegment.__table__  # type: ignore[attr-defined]
OPS_PER_FILE = 50_000
MIN_APP_VERSION = "0.1.0"
"""The oldest app that may write to a folder this version creates (raise it with a format change)."""


class TeamError(Exception):
    """Team sync cannot go on; the message says why and what to do."""


class TeamMovedError(TeamError):
    """The team folder was moved to a PostgreSQL server: nothing is published to it any more."""

    def __init__(self, folder: Path, moved: FolderMoved) -> None:
        self.folder = folder
        self.moved = moved
        super().__init__(moved_message(moved))


def moved_message(moved: FolderMoved) -> str:
    by = f" by {moved.moved_by}" if moved.moved_by else ""
    return (
        f"The team moved to the PostgreSQL server {moved.server}{by} on "
        f"{moved.moved_at:%Y-%m-%d %H:%M}; nothing is published to the folder any more. "
        f"Point cs-tui at the server with your login there: cs-tui config set database_url "
        f"'{moved.url('YOUR_USER')}' (the password from PGPASSWORD or ~/.pgpass), or set "
        f"{ENV_DATABASE_URL}."
    )


def check_not_moved(folder: Path) -> None:
    """Raise TeamMovedError when the folder carries a move mark."""
    try:
        moved = read_moved(folder)
    except TeamFolderError as error:
        raise TeamError(str(error)) from error
    if moved is not None:
        raise TeamMovedError(folder, moved)


@dataclass(frozen=True)
class SyncReport:
    sent: int = 0
    files_sent: int = 0
    applied: int = 0
    files_applied: int = 0
    held: int = 0
    held_files: tuple[str, ...] = ()
    conflicts: int = 0
    damaged: tuple[str, ...] = ()
    pending: int = 0
    copies_ignored: int = 0
    upgrade: str = ""
    accounts: tuple[str, ...] = field(default=(), repr=False)


def init_team(db: Database, folder: Path, *, team: str = "") -> SyncReport:
    """Make `folder` a team folder and publish this device's whole book into it."""
    folder = _usable_folder(db, folder, creating=True)
    with db.write_connection() as connection:
        _refuse_other_team(connection, folder)
    create_format(folder, team=team or folder.name, min_app_version=MIN_APP_VERSION)
    with db.write_connection() as connection:
        devices.register(connection, folder=str(folder), team=team or folder.name, now=db.now())
        record_existing(connection, SYNCED_TABLES)
    return sync(db)


def join_team(db: Database, folder: Path) -> SyncReport:
    """Join the team folder: merge what it holds and publish what this device already has."""
    folder = _usable_folder(db, folder, creating=False)
    found = read_format(folder)
    check_not_moved(folder)
    with db.write_connection() as connection:
        current = devices.load(connection)
        if current is not None and Path(current.folder) == folder:
            pass
        else:
            _refuse_other_team(connection, folder)
            devices.register(connection, folder=str(folder), team=found.team, now=db.now())
            record_existing(connection, SYNCED_TABLES)
    return sync(db)


def sync(db: Database) -> SyncReport:
    """Publish what this device wrote since the last sync, then merge what the others published."""
    with db.read() as session:
        device = devices.load(session.connection(), writing=False)
    if device is None:
        raise TeamError(
            "This database is not in a team: create one with `cs-tui team init FOLDER` or join "
            "one with `cs-tui team join FOLDER`."
        )
    folder = Path(device.folder)
    try:
        found = read_format(folder)
    except TeamFolderError as error:
        raise TeamError(str(error)) from error
    check_not_moved(folder)
    upgrade = _upgrade_needed(found)
    sent, files_sent = (0, 0) if upgrade else _publish(db, folder)
    report = _pull(db, folder)
    return SyncReport(
        sent=sent,
        files_sent=files_sent,
        applied=report.applied,
        files_applied=report.files_applied,
        held=report.held,
        held_files=report.held_files,
        conflicts=report.conflicts,
        damaged=report.damaged,
        pending=report.pending,
        copies_ignored=report.copies_ignored,
        upgrade=upgrade,
        accounts=report.accounts,
    )


def _upgrade_needed(found: FolderFormat) -> str:
    if found.format_version > journal.JOURNAL_FORMAT or is_older(
        __version__, found.min_app_version
    ):
        return (
            f"The team folder needs cs-tui {found.min_app_version} or later (this is "
            f"{__version__}); nothing was published. Upgrade cs-tui, then sync again."
        )
    return ""


def _usable_folder(db: Database, folder: Path, *, creating: bool) -> Path:
    if db.backend != "sqlite":
        raise TeamError(
            "A PostgreSQL database is already shared by everyone who connects to it; team "
            "folders are for teams that each keep their own SQLite file."
        )
    folder = folder.expanduser().resolve()
    if not creating and not folder.is_dir():
        raise TeamError(f"{folder} is not a folder (is the shared drive mounted?)")
    database = db.sqlite_path
    if database is not None and folder in database.resolve().parents:
        raise TeamError(
            f"The database {database} is inside the team folder {folder}; keep the database "
            "in the data folder and give the team folder to `team join`."
        )
    return folder


def _refuse_other_team(connection: Connection, folder: Path) -> None:
    current = devices.load(connection)
    if current is not None and Path(current.folder) != folder:
        raise TeamError(
            f"This database is already in the team folder {current.folder}; it can be in one "
            "team at a time."
        )


def _publish(db: Database, folder: Path) -> tuple[int, int]:
    """Write the whole outbox as journal files, then mark it sent, in one write transaction.

    The outbox is read and marked inside the same transaction, so a write that commits meanwhile
    (another process on this device) waits for the next sync instead of being marked unsent.
    """
    sent = files = 0
    order = {name: index for index, name in enumerate(SYNCED_TABLES)}
    with db.write_connection() as connection:
        device = devices.load(connection)
        assert device is not None
        outbox = select(OPS).where(OUTBOX).order_by(OPS.c.clock)
        result = connection.execute(outbox)
        last_seq = 0
        while rows := list(result.fetchmany(OPS_PER_FILE)):
            rows.sort(key=lambda r: (r.clock, order.get(r.table_name, len(order))))
            try:
                last_seq, _path = journal.write(
                    folder, device.device_id, [op_to_wire(r) for r in rows], author=db.user
                )
            except OSError as error:
                raise TeamError(f"Cannot write to the team folder {folder}: {error}") from error
            sent += len(rows)
            files += 1
        if files:
            connection.execute(update(OPS).where(OUTBOX).values(seq=last_seq))
    return sent, files


@dataclass
class _Pulled:
    applied: int = 0
    files_applied: int = 0
    held: int = 0
    held_files: tuple[str, ...] = ()
    conflicts: int = 0
    damaged: tuple[str, ...] = ()
    pending: int = 0
    copies_ignored: int = 0
    accounts: tuple[str, ...] = ()


def _pull(db: Database, folder: Path) -> _Pulled:
    now = db.now()
    with db.read() as session:
        connection = session.connection()
        device = devices.load(connection, writing=False)
        assert device is not None
        done = {(r.device_id, r.seq) for r in connection.execute(select(SEGMENTS))}
    candidates: dict[tuple[str, int], list[journal.JournalFile]] = defaultdict(list)
    for found in journal.list_files(folder):
        if found.device != device.device_id and (found.device, found.seq) not in done:
            candidates[(found.device, found.seq)].append(found)
    ready: list[tuple[journal.JournalFile, journal.Journal, list[Op]]] = []
    damaged: list[str] = []
    held: list[str] = []
    held_ops = copies = 0
    for (name, _seq), files in sorted(candidates.items()):
        chosen, problems = _first_readable(files)
        copies += len(files) - 1
        if chosen is None:
            damaged.append(f"{name}/{problems[0]}")
            continue
        file, content, ops = chosen
        if any(too_far_ahead(op.clock, devices.millis(now)) for op in ops):
            held.append(f"{name}/{file.path.name}")
            held_ops += len(ops)
            continue
        ready.append(chosen)
    total = Applied()
    with db.write_connection() as connection:
        current = devices.load(connection)
        assert current is not None
        for file, content, ops in ready:
            applied = apply_ops(connection, ops, now=now)
            _add(total, applied)
            connection.execute(
                SEGMENTS.insert().values(
                    device_id=file.device,
                    seq=file.seq,
                    op_count=len(ops),
                    checksum=content.checksum,
                    applied_at=now,
                )
            )
            if ops:
                current = _observe(connection, current, max(op.clock for op in ops), now)
        final = apply_ops(connection, [], now=now)
        _add(total, final)
        total.pending = final.pending if ready else total.pending
        connection.execute(
            update(DEVICE).where(DEVICE.c.device_id == current.device_id).values(last_synced_at=now)
        )
        pending = connection.execute(select(func.count()).select_from(PENDING)).scalar_one()
    _refresh(db, total.accounts)
    return _Pulled(
        applied=total.new_ops,
        files_applied=len(ready),
        held=held_ops,
        held_files=tuple(held),
        conflicts=total.conflicts,
        damaged=tuple(damaged),
        pending=int(pending),
        copies_ignored=copies,
        accounts=tuple(sorted(str(a) for a in total.accounts)),
    )


def _observe(connection: Connection, device: Device, remote: Hlc, now: datetime) -> Device:
    clock = devices.observe(connection, device, remote, now)
    return Device(device.device_id, device.folder, device.team, clock, device.last_synced_at)


def _add(total: Applied, part: Applied) -> None:
    total.new_ops += part.new_ops
    total.rows_written += part.rows_written
    total.conflicts += part.conflicts
    total.accounts |= part.accounts


def _first_readable(
    files: list[journal.JournalFile],
) -> tuple[tuple[journal.JournalFile, journal.Journal, list[Op]] | None, list[str]]:
    problems: list[str] = []
    for file in files:
        try:
            content = journal.read(file.path)
            if content.device != file.device or content.seq != file.seq:
                raise journal.DamagedJournalError(
                    f"{file.path.name}: its header names {content.device}/{content.seq}"
                )
            ops = [op_from_wire(op) for op in content.ops]
        except journal.DamagedJournalError as error:
            problems.append(str(error))
            continue
        except (ClockError, KeyError, TypeError, ValueError) as error:
            problems.append(f"{file.path.name}: an op is malformed ({error})")
            continue
        except OSError as error:
            problems.append(f"{file.path.name}: cannot be read ({error})")
            continue
        return (file, content, ops), problems
    return None, problems


def _refresh(db: Database, accounts: set[uuid.UUID]) -> None:
    """Recompute the derived data (the list's summaries, scores) of the accounts that changed.

    Like `account_changed`, a problem here is a warning: what was merged stays merged, and the
    scores catch up on the next rescore.
    """
    from cs_tui.data.accounts.changes import LOG, account_changed
    from cs_tui.data.accounts.imports import SUMMARY_REFRESH_ALL_ABOVE
    from cs_tui.data.accounts.summary import refresh_book
    from cs_tui.data.scoring.book_scoring import rescore_written
    from cs_tui.data.store.errors import StoreError
    from cs_tui.domain.scoring import ScorecardError
    from cs_tui.io.scorecard_file import current_scorer

    ids = sorted(accounts)
    if not ids:
        return
    if len(ids) <= SUMMARY_REFRESH_ALL_ABOVE:
        account_changed(db, ids)
        return
    try:
        refresh_book(db)
        rescore_written(db, ids, scorer=current_scorer())
    except ScorecardError as error:
        LOG.warning("Merged, but the health scores were not refreshed: %s", error)
    except StoreError as error:
        LOG.warning("Merged, but the list and scores were not refreshed: %s", error)


@dataclass(frozen=True)
class CompactReport:
    files_removed: int = 0
    ops_before: int = 0
    ops_kept: int = 0
    bytes_before: int = 0
    bytes_after: int = 0


def compact(db: Database, *, older_than: timedelta = timedelta(days=30)) -> CompactReport:
    """Replace this device's own files older than `older_than` by one file of their latest values.

    Teammates that applied the old files find nothing new in the replacement (merging is
    idempotent); one who joins later gets each field's latest value from this device, not the
    values this device itself overwrote. Other devices' files are never touched.
    """
    with db.write_connection() as connection:  # this device's only publisher while it runs
        device = devices.load(connection)
        if device is None:
            raise TeamError("This database is not in a team.")
        folder = Path(device.folder)
        cutoff = time.time() - older_than.total_seconds()  # file times are the system's
        own = [f for f in journal.list_files(folder) if f.device == device.device_id and not f.copy]
        newest = max((f.seq for f in own), default=0)
        old = [f for f in own if f.seq != newest and f.path.stat().st_mtime <= cutoff]
        if len(old) < 2:
            return CompactReport()
        latest: dict[tuple[str, str, str], dict[str, Any]] = {}
        before = size = 0
        for file in old:
            content = journal.read(file.path)
            size += file.path.stat().st_size
            before += len(content.ops)
            for op in content.ops:
                key = (str(op["t"]), str(op["r"]), str(op["f"]))
                if key not in latest or str(op["c"]) > str(latest[key]["c"]):
                    latest[key] = op
        order = {name: index for index, name in enumerate(SYNCED_TABLES)}
        kept = sorted(latest.values(), key=lambda o: (o["c"], order.get(o["t"], len(order))))
        _seq, path = journal.write(folder, device.device_id, kept, author=db.user)
        for file in old:
            file.path.unlink(missing_ok=True)
        return CompactReport(len(old), before, len(kept), size, path.stat().st_size)
