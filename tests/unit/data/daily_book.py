"""Small books for the daily-work tests: accounts, stakeholders and signals, written as a user would."""

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlmodel import col

from cs_tui.data.accounts.records import add_stakeholder, create_account
from cs_tui.data.store.database import Database
from cs_tui.models import AccountCreate, HealthSnapshot, MetricSample, StakeholderCreate
from tests.conftest import FROZEN_TODAY, TEST_USER


def add_account(
    db: Database,
    name: str = "Acme",
    *,
    owner: str = TEST_USER,
    segment: str = "Enterprise",
    renews_in: int | None = None,
    stage: str = "adoption",
) -> uuid.UUID:
    contract_end = None if renews_in is None else FROZEN_TODAY + timedelta(days=renews_in)
    return create_account(
        db,
        AccountCreate(
            name=name, owner=owner, segment=segment, contract_end=contract_end,
            lifecycle_stage=stage, arr_minor=50_000_00,
        ),
    )  # fmt: skip


def add_person(db: Database, account: str, name: str, role: str = "champion") -> uuid.UUID:
    return add_stakeholder(db, account, StakeholderCreate(name=name, role=role))


def add_metric(
    db: Database, account_id: uuid.UUID, metric: str, value: float, days_ago: int
) -> None:
    with db.write() as session:
        session.add(
            MetricSample(
                account_id=account_id, metric=metric, value=value,
                observed_on=FROZEN_TODAY - timedelta(days=days_ago),
            )
        )  # fmt: skip


def add_snapshot(
    db: Database, account_id: uuid.UUID, band: str, days_ago: int, score: float = 50
) -> None:
    """That day's health snapshot of the account (replacing one rescoring may have written)."""
    taken_on = FROZEN_TODAY - timedelta(days=days_ago)
    with db.write() as session:
        session.execute(
            delete(HealthSnapshot).where(
                col(HealthSnapshot.account_id) == account_id,
                col(HealthSnapshot.taken_on) == taken_on,
            )
        )
        session.add(
            HealthSnapshot(account_id=account_id, band=band, score=score, taken_on=taken_on)
        )


def count(db: Database, model: Any) -> int:
    with db.read() as session:
        return int(session.exec(select(func.count()).select_from(model)).one()[0])


def day(offset: int) -> date:
    return FROZEN_TODAY + timedelta(days=offset)
