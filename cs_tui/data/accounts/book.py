"""Questions about the book as a whole."""

from sqlalchemy import func
from sqlmodel import col, select

from cs_tui.data.store.database import Database
from cs_tui.models import Account


def account_count(db: Database) -> int:
    with db.read() as session:
        return session.exec(
            select(func.count()).select_from(Account).where(col(Account.deleted_at).is_(None))
        ).one()


def owners(db: Database) -> list[str]:
    with db.read() as session:
        rows = session.exec(
            select(Account.owner)
            .where(col(Account.deleted_at).is_(None), Account.owner != "")
            .distinct()
            .order_by(Account.owner)
        ).all()
    return list(rows)
