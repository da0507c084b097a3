"""Audit stamps for every ORM write, in one place: who changed a row and when; no hard deletes.

Bulk paths that bypass the ORM call `stamp()` on their row dicts instead.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from cs_tui.models.base import Tracked

_installed = False


def install() -> None:
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _stamp_changes)
        _installed = True


def _stamp_changes(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    clock: Callable[[], datetime] | None = session.info.get("clock")
    if clock is None:
        return
    now = clock()
    user = str(session.info.get("user", ""))
    for obj in session.deleted:
        if isinstance(obj, Tracked):
            raise RuntimeError(
                f"{type(obj).__name__} rows are never deleted outright; set deleted_at instead"
            )
    for obj in session.new:
        if isinstance(obj, Tracked):
            obj.created_at = now
            obj.updated_at = now
            obj.updated_by = user
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
            obj.updated_by = user


def stamp(row: dict[str, Any], *, user: str, now: datetime, new: bool = True) -> dict[str, Any]:
    """Fill the audit columns of a row written through Core."""
    if new:
        row.setdefault("created_at", now)
        row.setdefault("deleted_at", None)
    row["updated_at"] = now
    row["updated_by"] = user
    return row
