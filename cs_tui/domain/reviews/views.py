"""Read-models of book reviews: the review with its expectations, facts, sections and actions.

Plain frozen values (no ORM objects, no database library imported).
"""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from cs_tui.domain.jsonable import jsonable
from cs_tui.domain.reviews.template import Expectations

SECTIONS = ("worked", "failed", "learned", "next_plan")
SECTION_TITLES = {
    "worked": "What worked",
    "failed": "What failed",
    "learned": "What we learned",
    "next_plan": "Next quarter's plan",
}
ACTION_STATES = ("done", "cancelled", "late", "due", "check", "open")


@dataclass(frozen=True)
class MetricRow:
    label: str
    kind: str  # count, share (a fraction), money (minor units), nps, score (0-100)
    current: float | None
    previous: float | None
    currency: str = ""


@dataclass(frozen=True)
class DiscussAccount:
    account_id: str
    name: str
    detail: str


@dataclass(frozen=True)
class DiscussSection:
    key: str  # renewed, churned, contracted, at_risk, health_drops, plans_missing
    title: str
    accounts: tuple[DiscussAccount, ...]


@dataclass(frozen=True)
class ActionView:
    id: str
    review_id: str
    title: str
    owner: str
    due_on: date
    check_on: date | None
    status: str  # open, done, cancelled
    completed_on: date | None

    def state(self, today: date) -> str:
        """done, cancelled; else late (past due), due (today), check (its check day has come),
        or open."""
        if self.status != "open":
            return self.status
        if self.due_on < today:
            return "late"
        if self.due_on == today:
            return "due"
        if self.check_on is not None and self.check_on <= today:
            return "check"
        return "open"


@dataclass(frozen=True)
class ReviewView:
    id: str
    owner: str
    period: str
    period_start: date
    period_end: date
    previous_period: str
    status: str  # prepared, held, closed
    held_on: date | None
    template: str
    expectations: Expectations
    metrics: tuple[MetricRow, ...]
    discuss: tuple[DiscussSection, ...]
    worked: str
    failed: str
    learned: str
    next_plan: str
    actions: tuple[ActionView, ...]

    def section(self, key: str) -> str:
        if key not in SECTIONS:
            raise ValueError(f"no section {key!r} (one of {', '.join(SECTIONS)})")
        return str(getattr(self, key))

    @property
    def actions_done(self) -> int:
        return sum(1 for a in self.actions if a.status == "done")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        data["expectations"]["total_minutes"] = self.expectations.total_minutes
        return data


@dataclass(frozen=True)
class ReviewRow:
    """One line of the reviews list."""

    id: str
    owner: str
    period: str
    status: str
    held_on: date | None
    actions_open: int
    actions_done: int

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        return data


@dataclass(frozen=True)
class ActionDue:
    """A review action on Today: due (or late), or its check day has come."""

    action: ActionView
    review_owner: str
    review_period: str
    state: str
