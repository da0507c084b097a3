"""Reading a success plan with its objectives, milestones and computed progress."""

import uuid
from collections import defaultdict
from datetime import date

from sqlmodel import Session, col, select

from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.store.database import Database
from cs_tui.domain.enums import MilestoneStatus, ObjectiveStatus
from cs_tui.domain.plans.progress import objective_progress, plan_progress
from cs_tui.domain.plans.views import MilestoneView, ObjectiveView, PlanView
from cs_tui.models import (
    Account,
    MetricSample,
    PlanMilestone,
    PlanObjective,
    Stakeholder,
    SuccessPlan,
)


def live_plan(session: Session, account_id: uuid.UUID) -> SuccessPlan | None:
    return session.exec(
        select(SuccessPlan).where(
            SuccessPlan.account_id == account_id, col(SuccessPlan.deleted_at).is_(None)
        )
    ).first()


def latest_metric_values(
    session: Session, account_id: uuid.UUID, metrics: set[str], *, on_or_before: date | None = None
) -> dict[str, tuple[date, float]]:
    """The latest sample of each named metric for the account (indexed by account and metric)."""
    if not metrics:
        return {}
    query = select(
        col(MetricSample.metric), col(MetricSample.observed_on), col(MetricSample.value)
    ).where(
        MetricSample.account_id == account_id,
        col(MetricSample.metric).in_(sorted(metrics)),
        col(MetricSample.deleted_at).is_(None),
    )
    if on_or_before is not None:
        query = query.where(MetricSample.observed_on <= on_or_before)
    samples = session.exec(query).all()
    latest: dict[str, tuple[date, float]] = {}
    for metric, observed_on, value in samples:
        if metric not in latest or observed_on > latest[metric][0]:
            latest[metric] = (observed_on, value)
    return latest


def _milestones(
    session: Session, objective_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[MilestoneView]]:
    grouped: dict[uuid.UUID, list[MilestoneView]] = defaultdict(list)
    if not objective_ids:
        return grouped
    rows = session.exec(
        select(PlanMilestone, Stakeholder.name)
        .join(Stakeholder, col(PlanMilestone.stakeholder_id) == Stakeholder.id, isouter=True)
        .where(
            col(PlanMilestone.objective_id).in_(objective_ids),
            col(PlanMilestone.deleted_at).is_(None),
        )
        .order_by(col(PlanMilestone.position), col(PlanMilestone.created_at), col(PlanMilestone.id))
    ).all()
    for milestone, stakeholder_name in rows:
        grouped[milestone.objective_id].append(
            MilestoneView(
                id=milestone.id.hex,
                title=milestone.title,
                side=str(milestone.owner_side),
                owner=stakeholder_name or milestone.owner,
                stakeholder_id=milestone.stakeholder_id.hex if milestone.stakeholder_id else None,
                due_on=milestone.due_on,
                status=str(milestone.status),
                completed_on=milestone.completed_on,
                position=milestone.position,
            )
        )
    return grouped


def _objective_view(
    objective: PlanObjective,
    milestones: list[MilestoneView],
    latest: dict[str, tuple[date, float]],
) -> ObjectiveView:
    sample = latest.get(objective.metric) if objective.metric else None
    current = sample[1] if sample else objective.current
    progress = objective_progress(
        achieved=objective.status == ObjectiveStatus.ACHIEVED,
        baseline=objective.baseline,
        target=objective.target,
        value=current,
        milestones_done=sum(1 for m in milestones if m.status == MilestoneStatus.DONE),
        milestones_total=len(milestones),
    )
    return ObjectiveView(
        id=objective.id.hex,
        title=objective.title,
        metric=objective.metric,
        baseline=objective.baseline,
        target=objective.target,
        unit=objective.unit,
        due_on=objective.due_on,
        owner=objective.owner,
        status=str(objective.status),
        position=objective.position,
        current=current,
        current_on=sample[0] if sample else None,
        tracked=sample is not None,
        progress=progress.percent,
        progress_source=progress.source.value,
        milestones=tuple(milestones),
    )


def plan_view(session: Session, account: Account) -> PlanView | None:
    plan = live_plan(session, account.id)
    if plan is None:
        return None
    objectives = session.exec(
        select(PlanObjective)
        .where(PlanObjective.plan_id == plan.id, col(PlanObjective.deleted_at).is_(None))
        .order_by(col(PlanObjective.position), col(PlanObjective.created_at), col(PlanObjective.id))
    ).all()
    milestones = _milestones(session, [o.id for o in objectives])
    latest = latest_metric_values(session, account.id, {o.metric for o in objectives if o.metric})
    views = tuple(_objective_view(o, milestones[o.id], latest) for o in objectives)
    return PlanView(
        id=plan.id.hex,
        account_id=account.id.hex,
        account_name=account.name,
        account_owner=account.owner,
        status=str(plan.status),
        why_bought=plan.why_bought,
        pain_points=plan.pain_points,
        success_definition=plan.success_definition,
        actions=plan.actions,
        started_on=plan.started_on,
        agreed_on=plan.agreed_on,
        review_on=plan.review_on,
        template=plan.template,
        progress=plan_progress(v.progress for v in views),
        objectives=views,
    )


def get_plan(db: Database, account_reference: str) -> PlanView | None:
    """The account's success plan, or None when it has none."""
    with db.read() as session:
        return plan_view(session, resolve_account(session, account_reference))
