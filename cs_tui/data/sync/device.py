"""This database's device id and clock, kept in `sync_device` and advanced inside each write."""

import os
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Table, select, update

from cs_tui.domain.sync.clock import Hlc, receive, tick
from cs_tui.models.sync import SyncDevice

DEVICE: Table = SyncDevice.__table__  # type: ignore[attr-defined]


def new_device_id() -> str:
    return uuid.uuid4().hex[:16]


def database_identity(connection: Connection) -> str:
    """The database file's identity (device and inode): a copy or a restored file has another."""
    if connection.dialect.name != "sqlite" or not connection.engine.url.database:
        return ""
    try:
        status = os.stat(connection.engine.url.database)
    except OSError:
        return ""
    return f"{status.st_dev}:{status.st_ino}"


def millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True)
class Device:
    device_id: str
    folder: str
    team: str
    clock: Hlc | None
    last_synced_at: datetime | None


def load(connection: Connection, *, writing: bool = True) -> Device | None:
    """This database's team membership; in a write, with a new device id first if the file is
    a copy (a read leaves that to the next write)."""
    row = connection.execute(select(DEVICE)).first()
    if row is None:
        return None
    device_id = row.device_id
    identity = database_identity(connection) if writing else ""
    if identity and row.identity != identity:
        device_id = new_device_id()
        connection.execute(
            update(DEVICE)
            .where(DEVICE.c.device_id == row.device_id)
            .values(device_id=device_id, identity=identity)
        )
    clock = Hlc.decode(row.clock) if row.clock else None
    return Device(device_id, row.folder, row.team, clock, row.last_synced_at)


def advance(connection: Connection, device: Device, now: datetime) -> Hlc:
    """The clock of a new local write, stored as the device's last clock."""
    clock = tick(device.clock, millis(now), device.device_id)
    _store(connection, device.device_id, clock)
    return clock


def observe(connection: Connection, device: Device, remote: Hlc, now: datetime) -> Hlc:
    """Move the device's clock past a received one, so its next write comes after it."""
    clock = receive(device.clock, remote, millis(now), device.device_id)
    _store(connection, device.device_id, clock)
    return clock


def register(connection: Connection, *, folder: str, team: str, now: datetime) -> Device:
    """Make this database a member of the team folder (a new device id)."""
    connection.execute(DEVICE.delete())
    device_id = new_device_id()
    connection.execute(
        DEVICE.insert().values(
            device_id=device_id,
            identity=database_identity(connection),
            folder=folder,
            team=team,
            clock="",
            joined_at=now,
        )
    )
    return Device(device_id, folder, team, None, None)


def _store(connection: Connection, device_id: str, clock: Hlc) -> None:
    connection.execute(
        update(DEVICE).where(DEVICE.c.device_id == device_id).values(clock=clock.encode())
    )
