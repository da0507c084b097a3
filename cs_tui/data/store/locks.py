"""Row locks that serialise one account's single-row rules across concurrent writers.

On PostgreSQL `lock_account` takes the account row's lock (SELECT ... FOR UPDATE) for the rest of
the transaction, so two people setting an override or creating a plan at once take turns: the
second reads what the first committed. On SQLite the write transaction (BEGIN IMMEDIATE) already
holds the file's write lock from its start; the statement is a plain read there. The unique
indexes behind the rules stay as the backstop.
"""

import uuid

from sqlalchemy import Table, select
from sqlmodel import Session

from cs_tui.models import Account

ACCOUNT: Table = Account.__table__  # type: ignore[attr-defined]


def lock_account(session: Session, account_id: uuid.UUID) -> None:
    session.connection().execute(
        select(ACCOUNT.c.id).where(ACCOUNT.c.id == account_id).with_for_update()
    )
