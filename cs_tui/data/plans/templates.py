"""Applying a success-plan template to an account: objectives and milestones dated from a start day.

The plan is created as a draft when the account has none; an existing plan keeps its expectations,
status and objectives, and gets the template's objectives after its own. An objective's baseline
is the template's, else the metric's latest value on the start day when the account tracks it.
"""

import uuid
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from cs_tui.data.accounts.changes import account_write
from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.plans.plan import plan_for_account
from cs_tui.data.plans.read import latest_metric_values, plan_view
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.domain.enums import MilestoneStatus, ObjectiveStatus, Side
from cs_tui.domain.plans.template import PlanTemplate, due_after, template_target
from cs_tui.domain.plans.views import PlanView
from cs_tui.io.plan_templates import TemplateError, load_template
from cs_tui.models import PlanMilestone, PlanObjective, Stakeholder


def _contact_for_role(people: Sequence[Stakeholder], role: str) -> Stakeholder | None:
    """The primary contact with that role, else the first one by name; people who left are skipped."""
    matching = [p for p in people if str(p.role) == role and p.left_on is None]
    matching.sort(key=lambda p: (not p.is_primary, p.name))
    return matching[0] if matching else None


def _next_objective_position(session: Session, plan_id: uuid.UUID) -> int:
    positions = session.exec(
        select(PlanObjective.position).where(
            PlanObjective.plan_id == plan_id, col(PlanObjective.deleted_at).is_(None)
        )
    ).all()
    return max(positions, default=-1) + 1


def apply_template(
    db: Database,
    account_reference: str,
    template: str | PlanTemplate,
    start_on: date | None = None,
) -> PlanView:
    """Lay the template out on the account's plan from `start_on` (default: today)."""
    try:
        chosen = load_template(template) if isinstance(template, str) else template
    except TemplateError as error:
        raise InvalidInputError(str(error), field="template") from error
    start = start_on or db.today()
    with account_write(db) as write:
        session = write.session
        account = resolve_account(session, account_reference)
        plan = plan_for_account(session, account, started_on=start)
        plan.template = chosen.key[:60]
        plan.started_on = plan.started_on or start
        plan.actions = plan.actions or chosen.actions
        if chosen.review_days is not None and plan.review_on is None:
            plan.review_on = due_after(start, chosen.review_days)
        people = session.exec(
            select(Stakeholder).where(
                Stakeholder.account_id == account.id, col(Stakeholder.deleted_at).is_(None)
            )
        ).all()
        metrics = {o.metric for o in chosen.objectives if o.metric}
        latest = latest_metric_values(session, account.id, metrics, on_or_before=start)
        position = _next_objective_position(session, plan.id)
        csm = account.owner or db.user
        objectives = []
        for offset, spec in enumerate(chosen.objectives):
            sample = latest.get(spec.metric)
            baseline = (
                spec.baseline if spec.baseline is not None else (sample[1] if sample else None)
            )
            target = template_target(spec, baseline)
            objective = PlanObjective(
                plan_id=plan.id,
                title=spec.title,
                metric=spec.metric,
                baseline=baseline,
                target=None if target == baseline else target,
                unit=spec.unit,
                due_on=due_after(start, spec.due_days),
                owner=csm,
                status=ObjectiveStatus.NOT_STARTED,
                position=position + offset,
            )
            objectives.append(objective)
        session.add_all(objectives)
        session.flush()  # objectives before their milestones (no ORM relationship orders them)
        for objective, spec in zip(objectives, chosen.objectives, strict=True):
            for index, step in enumerate(spec.milestones):
                contact = (
                    _contact_for_role(people, step.owner_role)
                    if step.side == Side.CUSTOMER and step.owner_role
                    else None
                )
                owner = (
                    contact.name
                    if contact
                    else (step.owner or (csm if step.side == Side.OURS else ""))
                )
                session.add(
                    PlanMilestone(
                        objective_id=objective.id,
                        title=step.title,
                        owner_side=Side(step.side),
                        owner=owner,
                        stakeholder_id=contact.id if contact else None,
                        due_on=due_after(start, step.due_days),
                        status=MilestoneStatus.TODO,
                        position=index,
                    )
                )
        session.flush()
        write.touch(account.id)
        view = plan_view(session, account)
    assert view is not None
    return view
