"""Merging two accounts that are the same customer (say, created on two teammates' devices).

The survivor keeps its own fields; every row of the merged account moves to it, and the merged
account is deleted. Where the survivor already has the one-per-account thing (a live success plan,
a metric sample of the same day), the merged account's plan hands its objectives over and is
deleted, and its duplicate samples stay behind with it.
"""

import uuid
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from cs_tui.data.accounts.changes import account_changed
from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import StoreError
from cs_tui.models import (
    CheckIn,
    FollowUp,
    MetricSample,
    PlanObjective,
    RevenueEvent,
    ScoreOverride,
    SentimentEntry,
    Stakeholder,
    SuccessPlan,
    SurveyResponse,
)

MOVED_WITH_THE_ACCOUNT = (
    Stakeholder,
    CheckIn,
    FollowUp,
    SentimentEntry,
    ScoreOverride,
    SurveyResponse,
    RevenueEvent,
)


class MergeError(StoreError):
    """Two references that cannot be merged (the same account, say)."""


@dataclass(frozen=True)
class MergeReport:
    survivor_id: str
    survivor: str
    merged_id: str
    merged: str
    moved: dict[str, int] = field(default_factory=dict)


def merge_accounts(db: Database, survivor_reference: str, merged_reference: str) -> MergeReport:
    """Move everything of the merged account to the survivor, then delete the merged one."""
    with db.write() as session:
        survivor = resolve_account(session, survivor_reference)
        merged = resolve_account(session, merged_reference)
        if survivor.id == merged.id:
            raise MergeError(
                f"{survivor_reference!r} and {merged_reference!r} are the same account "
                f"({survivor.name}); give two different accounts."
            )
        moved: dict[str, int] = {}
        for model in MOVED_WITH_THE_ACCOUNT:
            rows = session.exec(select(model).where(model.account_id == merged.id)).all()
            for row in rows:
                row.account_id = survivor.id
                session.add(row)
            if rows:
                moved[model.__tablename__] = len(rows)
        moved.update(_move_samples(session, survivor.id, merged.id))
        moved.update(_move_plan(session, survivor.id, merged.id, db))
        merged.deleted_at = db.now()
        session.add(merged)
        report = MergeReport(str(survivor.id), survivor.name, str(merged.id), merged.name, moved)
    account_changed(db, [survivor.id, merged.id])
    return report


def _move_samples(session: Session, survivor: uuid.UUID, merged: uuid.UUID) -> dict[str, int]:
    taken = {
        (s.metric, s.observed_on)
        for s in session.exec(select(MetricSample).where(MetricSample.account_id == survivor))
    }
    count = 0
    for sample in session.exec(select(MetricSample).where(MetricSample.account_id == merged)):
        if (sample.metric, sample.observed_on) not in taken:
            sample.account_id = survivor
            session.add(sample)
            count += 1
    return {"metric_sample": count} if count else {}


def _move_plan(
    session: Session, survivor: uuid.UUID, merged: uuid.UUID, db: Database
) -> dict[str, int]:
    def live_plan(account: uuid.UUID) -> SuccessPlan | None:
        return session.exec(
            select(SuccessPlan).where(
                SuccessPlan.account_id == account, col(SuccessPlan.deleted_at).is_(None)
            )
        ).first()

    theirs = live_plan(merged)
    if theirs is None:
        return {}
    ours = live_plan(survivor)
    if ours is None:
        theirs.account_id = survivor
        session.add(theirs)
        return {"success_plan": 1}
    objectives = session.exec(select(PlanObjective).where(PlanObjective.plan_id == theirs.id)).all()
    for objective in objectives:
        objective.plan_id = ours.id
        session.add(objective)
    theirs.deleted_at = db.now()
    session.add(theirs)
    return {"plan_objective": len(objectives)} if objectives else {}
