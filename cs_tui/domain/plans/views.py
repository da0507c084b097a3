"""Read-models of a success plan: the plan, its objectives with progress, their milestones.

Plain frozen values (no ORM objects, no database library imported).
"""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from cs_tui.domain.jsonable import jsonable


@dataclass(frozen=True)
class MilestoneView:
    id: str
    title: str
    side: str  # "ours" or "customer"
    owner: str  # the team member, or the stakeholder's name
    stakeholder_id: str | None  # set when a named customer contact owns it
    due_on: date | None
    status: str  # todo, in_progress, done, blocked
    completed_on: date | None
    position: int


@dataclass(frozen=True)
class ObjectiveView:
    id: str
    title: str
    metric: str
    baseline: float | None
    target: float | None
    unit: str
    due_on: date | None
    owner: str
    status: str
    position: int
    current: float | None  # the metric's latest value (tracked) or the value recorded by hand
    current_on: date | None  # the day of the latest sample, when tracked
    tracked: bool  # the metric has samples for this account
    progress: float | None  # 0..100
    progress_source: str  # achieved, metric, milestones, none
    milestones: tuple[MilestoneView, ...]


@dataclass(frozen=True)
class PlanView:
    id: str
    account_id: str
    account_name: str
    account_owner: str
    status: str
    why_bought: str
    pain_points: str
    success_definition: str
    actions: str
    started_on: date | None
    agreed_on: date | None
    review_on: date | None
    template: str
    progress: float | None  # mean of the objectives' known progress, 0..100
    objectives: tuple[ObjectiveView, ...]

    @property
    def agreed(self) -> bool:
        return self.status in ("agreed", "active", "achieved")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        return data
