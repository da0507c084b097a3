"""A column value as it travels in an op (JSON scalars, exact for floats) and back."""

import uuid
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Integer, Table, Uuid
from sqlmodel import SQLModel

from cs_tui.domain.sync.ops import Scalar
from cs_tui.models.base import UTCDateTime

Decode = Callable[[Scalar], Any]


def encode(value: Any) -> Scalar:
    """What an op carries for `value`: ISO text for dates and times, text for UUIDs and enums."""
    if value is None or (
        isinstance(value, bool | int | float | str) and not isinstance(value, Enum)
    ):
        return value
    if isinstance(value, Enum):
        return encode(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"cannot sync a value of type {type(value).__name__}")


def _decoder(column: Column[Any]) -> Decode:
    kind = column.type
    if isinstance(kind, Uuid):
        return lambda v: None if v is None else uuid.UUID(str(v))
    if isinstance(kind, UTCDateTime):
        return lambda v: None if v is None else datetime.fromisoformat(str(v))
    if isinstance(kind, Date):
        return lambda v: None if v is None else date.fromisoformat(str(v))
    if isinstance(kind, Boolean):
        return lambda v: None if v is None else bool(v)
    if isinstance(kind, Float):
        return lambda v: None if v is None else float(v)
    if isinstance(kind, Integer):
        return lambda v: None if v is None else int(v)
    return lambda v: v


@cache
def table(name: str) -> Table:
    found = SQLModel.metadata.tables.get(name)
    if found is None:
        raise KeyError(name)
    return found


@cache
def decoders(name: str) -> dict[str, Decode]:
    """Each column's decoder; a field missing here is one this version does not know."""
    return {column.name: _decoder(column) for column in table(name).c}
