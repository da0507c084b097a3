"""The writes the plan panel makes, each one call into `data/` run on the open store in a worker.

A change returns the id of the item the cursor should rest on afterwards (the new or moved item),
or None to leave the cursor where it was. Kept free of Textual so each can be read at a glance.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from cs_tui.data.plans import items as plan_items
from cs_tui.data.plans import plan as plans
from cs_tui.data.plans import templates as plan_templates
from cs_tui.data.store.database import Database
from cs_tui.domain.enums import MilestoneStatus, ObjectiveStatus
from cs_tui.domain.plans.views import MilestoneView, ObjectiveView
from cs_tui.models import MilestoneCreate, ObjectiveCreate, SuccessPlanUpdate
from cs_tui.models.plan import MilestoneUpdate, ObjectiveUpdate

Change = Callable[[Database], str | None]
Item = ObjectiveView | MilestoneView
OBJECTIVE_FIELDS = ("title", "metric", "baseline", "target", "current", "unit", "due_on", "owner",
                    "status")  # fmt: skip
MILESTONE_FIELDS = ("title", "owner_side", "owner", "due_on", "status")


@dataclass(frozen=True)
class Deleted:
    """An item the user deleted, kept so `undo` can restore it."""

    kind: Literal["objective", "milestone"]
    item_id: str
    title: str


def kind_of(item: Item) -> Literal["objective", "milestone"]:
    return "objective" if isinstance(item, ObjectiveView) else "milestone"


def add_objective(account_id: str, data: ObjectiveCreate) -> Change:
    return lambda db: plan_items.add_objective(db, account_id, data)


def edit_objective(objective_id: str, data: ObjectiveCreate) -> Change:
    changes = ObjectiveUpdate(**{name: getattr(data, name) for name in OBJECTIVE_FIELDS})

    def change(db: Database) -> str:
        plan_items.update_objective(db, objective_id, changes)
        return objective_id

    return change


def add_milestone(objective_id: str, data: MilestoneCreate) -> Change:
    return lambda db: plan_items.add_milestone(db, objective_id, data)


def edit_milestone(milestone_id: str, data: MilestoneCreate) -> Change:
    changes = MilestoneUpdate(**{name: getattr(data, name) for name in MILESTONE_FIELDS})

    def change(db: Database) -> str:
        plan_items.update_milestone(db, milestone_id, changes)
        return milestone_id

    return change


def is_done(item: Item) -> bool:
    if isinstance(item, ObjectiveView):
        return item.status == ObjectiveStatus.ACHIEVED
    return item.status == MilestoneStatus.DONE


def toggle_done(item: Item) -> Change:
    """Complete an open item; reopen a completed one (an objective goes back to on track)."""

    def change(db: Database) -> str:
        if isinstance(item, ObjectiveView):
            if is_done(item):
                reopened = ObjectiveUpdate(status=ObjectiveStatus.ON_TRACK)
                plan_items.update_objective(db, item.id, reopened)
            else:
                plan_items.complete_objective(db, item.id)
        elif is_done(item):
            plan_items.reopen_milestone(db, item.id)
        else:
            plan_items.complete_milestone(db, item.id)
        return item.id

    return change


def delete(item: Item) -> Change:
    def change(db: Database) -> None:
        if isinstance(item, ObjectiveView):
            plan_items.delete_objective(db, item.id)
        else:
            plan_items.delete_milestone(db, item.id)

    return change


def restore(deleted: Deleted) -> Change:
    def change(db: Database) -> str:
        if deleted.kind == "objective":
            plan_items.restore_objective(db, deleted.item_id)
        else:
            plan_items.restore_milestone(db, deleted.item_id)
        return deleted.item_id

    return change


def move(item: Item, offset: int) -> Change:
    def change(db: Database) -> str:
        if isinstance(item, ObjectiveView):
            plan_items.move_objective(db, item.id, offset)
        else:
            plan_items.move_milestone(db, item.id, offset)
        return item.id

    return change


def update_plan(account_id: str, changes: SuccessPlanUpdate) -> Change:
    def change(db: Database) -> None:
        plans.update_plan(db, account_id, changes)

    return change


def apply_template(
    account_id: str, template: str, start_on: date, objectives_before: int
) -> Change:
    """Lay out the template; the cursor goes to its first objective."""

    def change(db: Database) -> str | None:
        view = plan_templates.apply_template(db, account_id, template, start_on)
        added = view.objectives[objectives_before:]
        return added[0].id if added else None

    return change
