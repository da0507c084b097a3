"""Read-models: plain frozen values the store hands to the CLI and the screens (no ORM objects).

This module imports no database library, so screens can name these types without loading the ORM.
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from cs_tui.domain.health_labels import health_label
from cs_tui.domain.jsonable import jsonable


@dataclass(frozen=True)
class StakeholderView:
    id: str
    name: str
    email: str
    title: str
    role: str
    is_primary: bool
    left_on: date | None


@dataclass(frozen=True)
class AccountDetail:
    id: str
    name: str
    external_id: str | None
    domain: str
    owner: str
    segment: str
    industry: str
    lifecycle_stage: str
    arr_minor: int
    currency: str
    contract_start: date | None
    contract_end: date | None
    auto_renew: bool
    licensed_seats: int | None
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    updated_by: str
    score: float | None
    band: str
    score_delta: float | None
    coverage: float
    overridden: bool
    last_touch_on: date | None
    open_followups: int
    overdue_followups: int
    plan_status: str
    stakeholders: tuple[StakeholderView, ...]

    def days_to_renewal(self, today: date) -> int | None:
        return (self.contract_end - today).days if self.contract_end else None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        data["health_label"] = health_label(self.band, overridden=self.overridden)
        return data


def split_tags(tags: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in tags.split(",") if t.strip())


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[date, float], ...]

    @property
    def latest(self) -> tuple[date, float] | None:
        return self.points[-1] if self.points else None

    def values(self) -> list[float]:
        return [value for _, value in self.points]


@dataclass(frozen=True)
class HealthPoint:
    taken_on: date
    score: float | None
    band: str
