"""Rows inserted as tuples read back exactly as rows the ORM writes, on both backends."""

import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from cs_tui.data.store.bulk_insert import TupleInserter
from cs_tui.data.store.database import Database
from cs_tui.domain.enums import LifecycleStage
from cs_tui.models import Account

ACCOUNT = Account.__table__  # type: ignore[attr-defined]
COLUMNS = ("id", "name", "lifecycle_stage", "arr_minor", "contract_end", "auto_renew", "deleted_at")
TEXTS = {
    "domain": "",
    "owner": "tess",
    "segment": "SMB",
    "industry": "",
    "currency": "USD",
    "tags": "",
}


def test_values_are_stored_as_the_orm_stores_them(db: Database) -> None:
    account_id = uuid.uuid4()
    stamped = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    audit = {"created_at": stamped, "updated_at": stamped, "updated_by": "tess"}
    with db.write_connection() as connection:
        TupleInserter(connection, ACCOUNT, COLUMNS, audit | TEXTS).insert(
            [
                (account_id, "Acme", LifecycleStage.ADOPTION, 12_000_00, date(2027, 3, 31), True,
                 None),
                (uuid.uuid4(), "Globex", LifecycleStage.RENEWAL, 0, None, False, stamped),
            ]
        )  # fmt: skip
    with db.read() as session:
        acme = session.exec(select(Account).where(Account.name == "Acme")).one()
        globex = session.exec(select(Account).where(Account.name == "Globex")).one()
    assert acme.id == account_id
    assert acme.lifecycle_stage == LifecycleStage.ADOPTION
    assert (acme.arr_minor, acme.contract_end, acme.auto_renew) == (
        12_000_00,
        date(2027, 3, 31),
        True,
    )
    assert acme.created_at == acme.updated_at == datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
    assert acme.updated_by == "tess" and acme.deleted_at is None
    assert globex.contract_end is None and globex.deleted_at == stamped


def test_no_rows_writes_nothing(db: Database) -> None:
    with db.write_connection() as connection:
        TupleInserter(connection, ACCOUNT, COLUMNS).insert([])
    with db.read() as session:
        assert session.exec(select(Account)).all() == []


def test_an_unknown_column_is_named(db: Database) -> None:
    with db.write_connection() as connection, pytest.raises(ValueError, match="no column colour"):
        TupleInserter(connection, ACCOUNT, ("id", "colour"))
