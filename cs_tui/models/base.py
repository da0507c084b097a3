"""What every stored row has: a UUID key, UTC audit stamps, the last author, a tombstone."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime, Dialect, TypeDecorator
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def one_of(column: str, allowed: list[str]) -> str:
    """The SQL of a CHECK constraint limiting `column` to `allowed`."""
    return f"{column} IN ({', '.join(repr(v) for v in allowed)})"


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores it naive, in UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: timestamps must carry a timezone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        stamp = datetime.fromisoformat(value) if isinstance(value, str) else value
        assert isinstance(stamp, datetime)
        return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


class Tracked(SQLModel):
    """Audit columns shared by every user-data table (set by the data layer, never by callers)."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_by: str = Field(default="", max_length=120)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)


VERSION_COLUMN = "version"


class Versioned(SQLModel):
    """A shared record's version counter: every ORM update checks the version it read in its
    WHERE clause and bumps it, so an update from a stale read matches no row (SQLAlchemy's
    `version_id_col`) and becomes a conflict instead of a lost update. Bulk inserts leave it to
    the column's default (1)."""

    version: int = Field(default=1, nullable=False, sa_column_kwargs={"server_default": "1"})

    @declared_attr  # type: ignore[arg-type]
    def __mapper_args__(cls) -> dict[str, Any]:
        column: Column[int] = cls.__table__.c[VERSION_COLUMN]  # type: ignore[attr-defined]
        return {"version_id_col": column}
