"""Merging two accounts: children move to the survivor, one-per-account things do not collide."""

import uuid
from datetime import date

import pytest
from sqlmodel import col, select

from cs_tui.data.accounts.merge import MergeError, merge_accounts
from cs_tui.data.accounts.records import add_stakeholder, create_account
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import NotFoundError
from cs_tui.models import (
    Account,
    AccountCreate,
    CheckIn,
    MetricSample,
    PlanObjective,
    StakeholderCreate,
    SuccessPlan,
)


def _book(db: Database) -> tuple[str, str]:
    first = str(create_account(db, AccountCreate(name="Acme", owner="al", external_id="A-1")))
    second = str(create_account(db, AccountCreate(name="Acme Corp", owner="bo")))
    add_stakeholder(db, second, StakeholderCreate(name="Jo Park"))
    one, two = uuid.UUID(first), uuid.UUID(second)
    with db.write() as session:
        for account, metric_value in ((one, 1.0), (two, 2.0)):
            session.add(MetricSample(account_id=account, metric="logins", value=metric_value,
                                     observed_on=date(2026, 6, 1)))  # fmt: skip
        session.add(MetricSample(account_id=two, metric="logins", value=3.0,
                                 observed_on=date(2026, 6, 2)))  # fmt: skip
        session.add(CheckIn(account_id=two, occurred_on=date(2026, 6, 3), summary="Kickoff"))
        for account in (one, two):
            plan = SuccessPlan(account_id=account)
            session.add(plan)
            session.flush()
            session.add(PlanObjective(plan_id=plan.id, title=f"Goal of {str(account)[:4]}"))
    return first, second


def test_children_move_and_the_merged_account_is_deleted(db: Database) -> None:
    first, second = _book(db)
    report = merge_accounts(db, first, second)
    assert (report.survivor, report.merged) == ("Acme", "Acme Corp")
    assert report.moved == {
        "stakeholder": 1,
        "check_in": 1,
        "metric_sample": 1,
        "plan_objective": 1,
    }
    with db.read() as session:
        live = session.exec(select(Account).where(col(Account.deleted_at).is_(None))).all()
        assert [a.name for a in live] == ["Acme"] and live[0].owner == "al"
        samples = session.exec(
            select(MetricSample).where(MetricSample.account_id == uuid.UUID(first))
        ).all()
        assert sorted(s.value for s in samples) == [1.0, 3.0]  # the survivor's day is kept
        plans = session.exec(select(SuccessPlan).where(col(SuccessPlan.deleted_at).is_(None))).all()
        assert [str(p.account_id) for p in plans] == [first]
        objectives = session.exec(select(PlanObjective)).all()
        assert {o.plan_id for o in objectives} == {plans[0].id}


@pytest.mark.parametrize(
    ("survivor", "merged", "error"),
    [("Acme", "Acme", MergeError), ("Acme", "Nowhere Ltd", NotFoundError)],
)
def test_merging_an_account_with_itself_or_nothing_is_refused(
    db: Database, survivor: str, merged: str, error: type[Exception]
) -> None:
    _book(db)
    with pytest.raises(error):
        merge_accounts(db, "A-1" if survivor == "Acme" else survivor,
                       "A-1" if merged == "Acme" else merged)  # fmt: skip
    with db.read() as session:
        assert (
            len(session.exec(select(Account).where(col(Account.deleted_at).is_(None))).all()) == 2
        )
