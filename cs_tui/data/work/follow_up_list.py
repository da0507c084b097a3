"""Follow-up lists, per account and across the book, as read-models built from Core tuples."""

import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, or_, select

from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.store.database import Database
from cs_tui.data.work.views import FollowUpRow
from cs_tui.models import Account, FollowUp

if TYPE_CHECKING:
    from sqlalchemy import Table

FOLLOW_UP: "Table" = FollowUp.__table__  # type: ignore[attr-defined]
ACCOUNT: "Table" = Account.__table__  # type: ignore[attr-defined]


class StatusFilter(StrEnum):
    OPEN = "open"  # open, snoozed included
    ACTIVE = "active"  # open and not snoozed past today
    DONE = "done"
    CANCELLED = "cancelled"
    ALL = "all"


_COLUMNS = (
    FOLLOW_UP.c.id,
    FOLLOW_UP.c.account_id,
    ACCOUNT.c.name,
    FOLLOW_UP.c.title,
    FOLLOW_UP.c.kind,
    FOLLOW_UP.c.priority,
    FOLLOW_UP.c.owner,
    FOLLOW_UP.c.due_on,
    FOLLOW_UP.c.status,
    FOLLOW_UP.c.snoozed_until,
    FOLLOW_UP.c.snooze_reason,
    FOLLOW_UP.c.origin,
    FOLLOW_UP.c.check_in_id,
    FOLLOW_UP.c.completed_at,
    FOLLOW_UP.c.deleted_at,
)


def _hex(value: uuid.UUID | None) -> str | None:
    return value.hex if value is not None else None


def row_from_tuple(r: Sequence[Any]) -> FollowUpRow:
    return FollowUpRow(
        id=r[0].hex,
        account_id=r[1].hex,
        account_name=r[2],
        title=r[3],
        kind=str(r[4]),
        priority=str(r[5]),
        owner=r[6],
        due_on=r[7],
        status=str(r[8]),
        snoozed_until=r[9],
        snooze_reason=r[10],
        origin=str(r[11]),
        check_in_id=_hex(r[12]),
        completed_at=r[13],
        deleted=r[14] is not None,
    )


def follow_up_row(f: FollowUp, account_name: str) -> FollowUpRow:
    completed: datetime | None = f.completed_at
    return row_from_tuple((
        f.id, f.account_id, account_name, f.title, f.kind, f.priority, f.owner, f.due_on,
        f.status, f.snoozed_until, f.snooze_reason, f.origin, f.check_in_id, completed,
        f.deleted_at,
    ))  # fmt: skip


def follow_up_query(
    *,
    today: date,
    account_id: uuid.UUID | None = None,
    owner: str | None = None,
    due_before: date | None = None,
    status: StatusFilter = StatusFilter.OPEN,
    overdue: bool = False,
) -> Select[Any]:
    """Live follow-ups of live accounts matching every filter given, soonest due first."""
    f = FOLLOW_UP.c
    query = (
        select(*_COLUMNS)
        .join_from(FOLLOW_UP, ACCOUNT, ACCOUNT.c.id == f.account_id)
        .where(f.deleted_at.is_(None), ACCOUNT.c.deleted_at.is_(None))
    )
    if status is StatusFilter.ACTIVE or overdue:
        query = query.where(
            f.status == "open", or_(f.snoozed_until.is_(None), f.snoozed_until <= today)
        )
    elif status is not StatusFilter.ALL:
        query = query.where(f.status == status.value)
    if overdue:
        query = query.where(f.due_on < today)
    if account_id is not None:
        query = query.where(f.account_id == account_id)
    if owner is not None:
        query = query.where(f.owner == owner)
    if due_before is not None:
        query = query.where(and_(f.due_on.is_not(None), f.due_on < due_before))
    return query.order_by(f.due_on.is_(None), f.due_on, ACCOUNT.c.name, f.title, f.id)


def list_follow_ups(
    db: Database,
    *,
    account: str | None = None,
    owner: str | None = None,
    due_before: date | None = None,
    status: StatusFilter = StatusFilter.OPEN,
    overdue: bool = False,
    limit: int | None = None,
) -> list[FollowUpRow]:
    """Follow-ups of one account (`account`: a name, CRM id or id) or across the book."""
    account_id = None
    if account is not None:
        with db.read() as session:
            account_id = resolve_account(session, account).id
    query = follow_up_query(
        today=db.today(),
        account_id=account_id,
        owner=owner,
        due_before=due_before,
        status=status,
        overdue=overdue,
    )
    if limit is not None:
        query = query.limit(limit)
    with db.engine.connect() as connection:
        return rows_from(connection.execute(query))


def rows_from(result: Iterable[Sequence[Any]]) -> list[FollowUpRow]:
    return [row_from_tuple(r) for r in result]
