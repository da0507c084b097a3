"""Objectives and milestones of a success plan: add, edit, complete, reorder, delete and restore.

Ids are the hex ids the plan read-model carries. Deleting an objective tombstones its milestones
with the same stamp, so restoring it brings back exactly those (not milestones deleted earlier).
"""

import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from cs_tui.data.accounts.changes import AccountWrite, account_write
from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.plans.plan import plan_for_account
from cs_tui.data.plans.read import live_plan
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.data.store.ids import by_short_id
from cs_tui.domain.enums import MilestoneStatus, ObjectiveStatus, Side
from cs_tui.models import (
    MilestoneCreate,
    ObjectiveCreate,
    PlanMilestone,
    PlanObjective,
    Stakeholder,
    SuccessPlan,
)
from cs_tui.models.plan import MilestoneUpdate, ObjectiveUpdate

Item = TypeVar("Item", PlanObjective, PlanMilestone)


def _get(session: Session, model: type[Item], item_id: str, *, deleted: bool = False) -> Item:
    what = "an objective" if model is PlanObjective else "a milestone"
    return by_short_id(session, model, item_id, what=what, deleted=deleted)


def _account_of_objective(session: Session, objective: PlanObjective) -> uuid.UUID:
    plan = session.get(SuccessPlan, objective.plan_id)
    assert plan is not None
    return plan.account_id


def _siblings(session: Session, item: Item) -> Sequence[Item]:
    model = type(item)
    if isinstance(item, PlanObjective):
        parent = col(PlanObjective.plan_id) == item.plan_id
    else:
        parent = col(PlanMilestone.objective_id) == item.objective_id
    return session.exec(
        select(model)
        .where(parent, col(model.deleted_at).is_(None))
        .order_by(col(model.position), col(model.created_at), col(model.id))
    ).all()


def _next_position(session: Session, item: Item) -> int:
    return max((s.position for s in _siblings(session, item) if s.id != item.id), default=-1) + 1


def _check_objective(objective: PlanObjective) -> None:
    """The whole row stays valid after a partial edit (e.g. target must differ from baseline)."""
    from pydantic import ValidationError

    from cs_tui.data.store.validation import invalid_input

    try:
        ObjectiveCreate.model_validate(objective.model_dump(warnings=False))
    except ValidationError as error:
        raise invalid_input(error) from error


def add_objective(db: Database, account_reference: str, data: ObjectiveCreate) -> str:
    """A new objective at the end of the account's plan (a draft plan is created if needed)."""
    with account_write(db) as write:
        account = resolve_account(write.session, account_reference)
        plan = plan_for_account(write.session, account, started_on=db.today())
        objective = PlanObjective.model_validate(data, update={"plan_id": plan.id})
        objective.position = _next_position(write.session, objective)
        write.session.add(objective)
        write.touch(account.id)
        return objective.id.hex


def _edit_objective(db: Database, objective_id: str, values: dict[str, Any]) -> None:
    with account_write(db) as write:
        objective = _get(write.session, PlanObjective, objective_id)
        for name, value in values.items():
            setattr(objective, name, value)
        _check_objective(objective)
        write.touch(_account_of_objective(write.session, objective))


def update_objective(db: Database, objective_id: str, changes: ObjectiveUpdate) -> None:
    values = changes.model_dump(exclude_unset=True)
    for text_field in ("metric", "unit", "owner"):
        if text_field in values and values[text_field] is None:
            values[text_field] = ""
    if values.get("title", "") is None:
        raise InvalidInputError("title: an objective needs a title", field="title")
    _edit_objective(db, objective_id, values)


def complete_objective(db: Database, objective_id: str) -> None:
    _edit_objective(db, objective_id, {"status": ObjectiveStatus.ACHIEVED})


def _customer_owner(
    session: Session, account_id: uuid.UUID, owner: str
) -> tuple[str, uuid.UUID | None]:
    """A customer-side owner is one of the account's stakeholders, named as they are stored."""
    if not owner:
        return "", None
    person = session.exec(
        select(Stakeholder).where(
            Stakeholder.account_id == account_id, col(Stakeholder.deleted_at).is_(None)
        )
    ).all()
    for candidate in person:
        if candidate.name.casefold() == owner.casefold():
            return candidate.name, candidate.id
    names = ", ".join(sorted(p.name for p in person)) or "none yet"
    raise InvalidInputError(
        f"owner: {owner!r} is not a stakeholder of this account (stakeholders: {names})",
        field="owner",
    )


def _assign_owner(write: AccountWrite, milestone: PlanMilestone, account_id: uuid.UUID) -> None:
    if milestone.owner_side == Side.CUSTOMER:
        milestone.owner, milestone.stakeholder_id = _customer_owner(
            write.session, account_id, milestone.owner
        )
    else:
        milestone.stakeholder_id = None


def add_milestone(db: Database, objective_id: str, data: MilestoneCreate) -> str:
    """A milestone at the end of the objective; a customer-side owner must be a stakeholder."""
    with account_write(db) as write:
        objective = _get(write.session, PlanObjective, objective_id)
        account_id = _account_of_objective(write.session, objective)
        milestone = PlanMilestone.model_validate(data, update={"objective_id": objective.id})
        if milestone.owner_side == Side.OURS and not milestone.owner:
            milestone.owner = db.user
        _assign_owner(write, milestone, account_id)
        if milestone.status == MilestoneStatus.DONE and milestone.completed_on is None:
            milestone.completed_on = db.today()
        milestone.position = _next_position(write.session, milestone)
        write.session.add(milestone)
        write.touch(account_id)
        return milestone.id.hex


def update_milestone(db: Database, milestone_id: str, changes: MilestoneUpdate) -> None:
    values = changes.model_dump(exclude_unset=True)
    if values.get("title", "") is None:
        raise InvalidInputError("title: a milestone needs a title", field="title")
    with account_write(db) as write:
        milestone = _get(write.session, PlanMilestone, milestone_id)
        objective = _get(write.session, PlanObjective, milestone.objective_id.hex)
        account_id = _account_of_objective(write.session, objective)
        for name, value in values.items():
            setattr(milestone, name, "" if value is None and name == "owner" else value)
        if "owner" in values or "owner_side" in values:
            _assign_owner(write, milestone, account_id)
        if "status" in values:
            done = milestone.status == MilestoneStatus.DONE
            milestone.completed_on = (milestone.completed_on or db.today()) if done else None
        write.touch(account_id)


def complete_milestone(db: Database, milestone_id: str) -> None:
    update_milestone(db, milestone_id, MilestoneUpdate(status=MilestoneStatus.DONE))


def reopen_milestone(db: Database, milestone_id: str) -> None:
    update_milestone(db, milestone_id, MilestoneUpdate(status=MilestoneStatus.TODO))


def _move(write: AccountWrite, item: Item, offset: int) -> None:
    siblings = list(_siblings(write.session, item))
    index = next(i for i, s in enumerate(siblings) if s.id == item.id)
    siblings.pop(index)
    siblings.insert(max(0, min(len(siblings), index + offset)), item)
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position


def move_objective(db: Database, objective_id: str, offset: int) -> None:
    """Move an objective up (negative offset) or down (positive) among the plan's objectives."""
    with account_write(db) as write:
        objective = _get(write.session, PlanObjective, objective_id)
        _move(write, objective, offset)
        write.touch(_account_of_objective(write.session, objective))


def move_milestone(db: Database, milestone_id: str, offset: int) -> None:
    with account_write(db) as write:
        milestone = _get(write.session, PlanMilestone, milestone_id)
        _move(write, milestone, offset)
        objective = write.session.get(PlanObjective, milestone.objective_id)
        assert objective is not None
        write.touch(_account_of_objective(write.session, objective))


def delete_objective(db: Database, objective_id: str) -> None:
    """Tombstone the objective and its live milestones; `restore_objective` undoes it."""
    with account_write(db) as write:
        objective = _get(write.session, PlanObjective, objective_id)
        stamp = db.now()
        objective.deleted_at = stamp
        for milestone in write.session.exec(
            select(PlanMilestone).where(
                PlanMilestone.objective_id == objective.id, col(PlanMilestone.deleted_at).is_(None)
            )
        ):
            milestone.deleted_at = stamp
        write.touch(_account_of_objective(write.session, objective))


def restore_objective(db: Database, objective_id: str) -> None:
    with account_write(db) as write:
        objective = _get(write.session, PlanObjective, objective_id, deleted=True)
        stamp = objective.deleted_at
        account_id = _account_of_objective(write.session, objective)
        plan = live_plan(write.session, account_id)
        if plan is None or plan.id != objective.plan_id:
            raise NotFoundError("the plan this objective belonged to no longer exists")
        objective.deleted_at = None
        for milestone in write.session.exec(
            select(PlanMilestone).where(
                PlanMilestone.objective_id == objective.id, PlanMilestone.deleted_at == stamp
            )
        ):
            milestone.deleted_at = None
        write.touch(account_id)


def delete_milestone(db: Database, milestone_id: str) -> None:
    """Tombstone the milestone; `restore_milestone` undoes it."""
    _set_milestone_tombstone(db, milestone_id, restore=False)


def restore_milestone(db: Database, milestone_id: str) -> None:
    _set_milestone_tombstone(db, milestone_id, restore=True)


def _set_milestone_tombstone(db: Database, milestone_id: str, *, restore: bool) -> None:
    with account_write(db) as write:
        milestone = _get(write.session, PlanMilestone, milestone_id, deleted=restore)
        objective = write.session.get(PlanObjective, milestone.objective_id)
        assert objective is not None
        if restore and objective.deleted_at is not None:
            raise NotFoundError("restore the milestone's objective first")
        milestone.deleted_at = None if restore else db.now()
        write.touch(_account_of_objective(write.session, objective))
