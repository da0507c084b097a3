"""A tiny book with signals, written through the ORM, for the rescoring and health panel tests."""

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from cs_tui.data.accounts.records import create_account
from cs_tui.data.store.database import Database
from cs_tui.models import (
    AccountCreate,
    AccountSummary,
    CheckIn,
    FollowUp,
    HealthSnapshot,
    MetricSample,
    SurveyResponse,
)
from tests.conftest import FROZEN_TODAY

TODAY = FROZEN_TODAY


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def add_account(db: Database, name: str, **fields: Any) -> uuid.UUID:
    fields.setdefault("segment", "SMB")
    fields.setdefault("lifecycle_stage", "value")
    fields.setdefault("licensed_seats", 100)
    return create_account(db, AccountCreate(name=name, **fields))


def add_metrics(
    db: Database, account_id: uuid.UUID, metric: str, *points: tuple[int, float]
) -> None:
    """Samples of one metric, each given as (days ago, value)."""
    with db.write() as session:
        for ago, value in points:
            session.add(MetricSample(account_id=account_id, metric=metric,
                                     observed_on=days_ago(ago), value=value))  # fmt: skip


def add_touch(db: Database, account_id: uuid.UUID, ago: int, kind: str = "call") -> None:
    with db.write() as session:
        session.add(CheckIn(account_id=account_id, occurred_on=days_ago(ago), kind=kind))


def add_survey(db: Database, account_id: uuid.UUID, kind: str, score: int, ago: int) -> None:
    with db.write() as session:
        session.add(SurveyResponse(account_id=account_id, kind=kind, score=score,
                                   responded_on=days_ago(ago)))  # fmt: skip


def add_overdue_followup(db: Database, account_id: uuid.UUID, due_ago: int) -> None:
    with db.write() as session:
        session.add(
            FollowUp(account_id=account_id, title="Send the deck", due_on=days_ago(due_ago))
        )


def healthy_account(db: Database, name: str = "Acme", **fields: Any) -> uuid.UUID:
    """An account with strong signals in every group but the plan and sentiment."""
    account_id = add_account(db, name, **fields)
    add_metrics(db, account_id, "active_users", (40, 80.0), (5, 90.0))
    add_metrics(db, account_id, "logins_30d", (40, 1000.0), (5, 1100.0))
    add_metrics(db, account_id, "feature_adoption", (5, 0.8))
    add_metrics(db, account_id, "open_tickets", (3, 1.0))
    add_metrics(db, account_id, "first_response_hours", (3, 3.0))
    add_survey(db, account_id, "nps", 10, 20)
    add_survey(db, account_id, "csat", 5, 10)
    add_touch(db, account_id, 7)
    return account_id


def snapshots(db: Database, account_id: uuid.UUID) -> list[HealthSnapshot]:
    with db.read() as session:
        rows = session.execute(
            select(HealthSnapshot)
            .where(HealthSnapshot.account_id == account_id)  # type: ignore[arg-type]
            .order_by(HealthSnapshot.taken_on)  # type: ignore[arg-type]
        ).scalars()
        return list(rows)


def summary(db: Database, account_id: uuid.UUID) -> AccountSummary:
    with db.read() as session:
        found = session.get(AccountSummary, account_id)
        assert found is not None
        return found
