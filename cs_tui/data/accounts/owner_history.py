"""The owner history: a row whenever an account changes hands, so the book metrics count accounts
for the owner they had at a period's start.

Every ORM write that changes an account's owner (an edit on Account 360, `update_account`, any
later path) is caught where it is flushed: `install()` adds the history row to the same
transaction, dated the user's day. Bulk paths that update through Core (the account import) call
`record_owner_changes` themselves.
"""

import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from cs_tui.data.store.audit import stamp
from cs_tui.data.sync.capture import record_inserts
from cs_tui.models import Account, AccountOwnerChange

OWNER_CHANGE = AccountOwnerChange.__table__  # type: ignore[attr-defined]

OwnerMove = tuple[uuid.UUID, str, str]  # account, previous owner, new owner
_installed = False


def record_owner_changes(
    connection: Connection, moves: Iterable[OwnerMove], *, on: date, user: str, now: datetime
) -> int:
    """Record each real change of owner (same owner: nothing); how many were recorded."""
    rows = [
        stamp(
            {"id": uuid.uuid4(), "account_id": account_id, "changed_on": on, "owner": new,
             "previous_owner": previous},
            user=user, now=now,
        )
        for account_id, previous, new in moves
        if previous != new
    ]  # fmt: skip
    if rows:
        connection.execute(insert(OWNER_CHANGE), rows)
        record_inserts(connection, OWNER_CHANGE, rows)
    return len(rows)


def install() -> None:
    """Record owner changes of every ORM session's flush (once per process)."""
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _owner_moves)
        _installed = True


def _owner_moves(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    clock: Callable[[], datetime] | None = session.info.get("clock")
    if clock is None:
        return
    for obj in list(session.dirty):
        if not isinstance(obj, Account):
            continue
        history = inspect(obj).attrs.owner.history
        if not history.added:
            continue
        previous = str(history.deleted[0]) if history.deleted else ""
        if previous == obj.owner:
            continue
        now = clock()
        session.add(
            AccountOwnerChange(
                account_id=obj.id, changed_on=now.astimezone().date(), owner=obj.owner,
                previous_owner=previous, created_at=now, updated_at=now,
                updated_by=str(session.info.get("user", "")),
            )
        )  # fmt: skip
