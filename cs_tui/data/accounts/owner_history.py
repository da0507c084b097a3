"""The owner history: a row whenever an account changes hands, written by every path that changes
an account's owner (an edit, an import), so the book metrics count accounts for the owner they had
at a period's start."""

import uuid
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import Connection, insert

from cs_tui.data.store.audit import stamp
from cs_tui.models import AccountOwnerChange

OWNER_CHANGE = AccountOwnerChange.__table__  # type: ignore[attr-defined]

OwnerMove = tuple[uuid.UUID, str, str]  # account, previous owner, new owner


def record_owner_changes(
    connection: Connection, moves: Iterable[OwnerMove], *, on: date, user: str, now: datetime
) -> int:
    """Record each real change of owner (same owner: nothing); how many were recorded."""
    rows = [
        stamp(
            {
                "id": uuid.uuid4(),
                "account_id": account_id,
                "changed_on": on,
                "owner": new,
                "previous_owner": previous,
            },
            user=user,
            now=now,
        )
        for account_id, previous, new in moves
        if previous != new
    ]
    if rows:
        connection.execute(insert(OWNER_CHANGE), rows)
    return len(rows)
