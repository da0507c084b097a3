"""Row locks that serialise the writes of one account across concurrent writers.

On PostgreSQL `lock_accounts` takes the accounts' row locks (SELECT ... FOR NO KEY UPDATE, in id
order, so two writers never wait on each other in a circle) for the rest of the transaction.
Every transaction that writes an account's single-row data (its open override, its plan, its
snapshot and summary) takes them first, so two people setting an override or creating a plan at
once take turns and the second reads what the first committed. The lock does not block inserts
of child rows (a check-in's foreign-key check takes a weaker lock). On SQLite the write
transaction (BEGIN IMMEDIATE) already holds the file's write lock from its start and the
statement is a plain read. The unique indexes behind the rules stay as the backstop.
"""

import uuid
from collections.abc import Iterable

from sqlalchemy import Connection, Table, select
from sqlmodel import Session

from cs_tui.models import Account

ACCOUNT: Table = Account.__table__  # type: ignore[attr-defined]


def lock_accounts(connection: Connection, account_ids: Iterable[uuid.UUID]) -> None:
    ids = sorted(set(account_ids))
    if ids:
        connection.execute(
            select(ACCOUNT.c.id)
            .where(ACCOUNT.c.id.in_(ids))
            .order_by(ACCOUNT.c.id)
            .with_for_update(key_share=True)
        )


def lock_account(session: Session, account_id: uuid.UUID) -> None:
    lock_accounts(session.connection(), [account_id])
