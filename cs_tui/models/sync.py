"""Team sync's local bookkeeping: this device, every field value it knows, what it applied, conflicts.

These tables are never synced themselves: each device keeps its own.
"""

from datetime import datetime

from sqlalchemy import Index, Text, text
from sqlmodel import Field, SQLModel

from cs_tui.models.base import UTCDateTime, utcnow


class SyncDevice(SQLModel, table=True):
    """This database's membership of a team folder (one row; none when it is not in a team).

    `identity` is the database file's identity when the device id was chosen: a restored or copied
    file has another one and gets a new device id before it writes anything.
    """

    __tablename__ = "sync_device"

    device_id: str = Field(primary_key=True, max_length=40)
    identity: str = Field(default="", max_length=200)
    folder: str = Field(default="", sa_type=Text)
    team: str = Field(default="", max_length=200)
    clock: str = Field(default="", max_length=80)
    last_synced_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    joined_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SyncOp(SQLModel, table=True):
    """Every value a synced field has had, local or received: the field history.

    The winning value of a field is the op with the greatest clock. This device's ops with no `seq`
    yet are the outbox: written in the same transaction as the change, published by the next sync.
    """

    __tablename__ = "sync_op"
    __table_args__ = (
        Index(
            "ix_sync_op_outbox",
            "clock",
            sqlite_where=text("local AND seq IS NULL"),
            postgresql_where=text("local AND seq IS NULL"),
        ),
    )

    table_name: str = Field(primary_key=True, max_length=80)
    row_id: str = Field(primary_key=True, max_length=40)
    field: str = Field(primary_key=True, max_length=80)
    clock: str = Field(primary_key=True, max_length=80)
    value: str = Field(sa_type=Text)  # JSON
    base: str = Field(default="", max_length=80)
    author: str = Field(default="", max_length=120)
    local: bool = False
    seq: int | None = None


class SyncSegment(SQLModel, table=True):
    """A journal file of another device that was applied (the version vector's raw data)."""

    __tablename__ = "sync_segment"

    device_id: str = Field(primary_key=True, max_length=40)
    seq: int = Field(primary_key=True)
    op_count: int = 0
    checksum: str = Field(default="", max_length=80)
    applied_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SyncConflict(SQLModel, table=True):
    """Two values of one field written concurrently by different people (the later clock won)."""

    __tablename__ = "sync_conflict"

    table_name: str = Field(primary_key=True, max_length=80)
    row_id: str = Field(primary_key=True, max_length=40)
    field: str = Field(primary_key=True, max_length=80)
    winner_clock: str = Field(primary_key=True, max_length=80)
    loser_clock: str = Field(primary_key=True, max_length=80)
    found_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SyncPending(SQLModel, table=True):
    """A row whose values arrived but could not be written yet (its parent row has not arrived,
    or it has fields this version does not know); retried by every sync."""

    __tablename__ = "sync_pending"

    table_name: str = Field(primary_key=True, max_length=80)
    row_id: str = Field(primary_key=True, max_length=40)
    reason: str = Field(default="", max_length=300)
