"""The customer QBR pack: one read-model of an account's quarter that every format renders.

Plain frozen values (no ORM objects, no database library); people appear by display name, and
nothing written as an internal note is ever put in it.
"""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from cs_tui.domain.jsonable import jsonable


@dataclass(frozen=True)
class HealthPoint:
    day: date
    score: float | None
    band: str


@dataclass(frozen=True)
class HealthTrend:
    points: tuple[HealthPoint, ...]  # the quarter's snapshots, oldest first
    start: float | None  # the first scored snapshot of the quarter
    end: float | None  # the last one
    low: float | None
    high: float | None
    band: str  # the band at the end ("" without snapshots)

    @property
    def delta(self) -> float | None:
        if self.start is None or self.end is None:
            return None
        return self.end - self.start


@dataclass(frozen=True)
class ObjectiveLine:
    title: str
    metric: str
    unit: str
    baseline: float | None
    target: float | None
    current: float | None
    progress: float | None  # 0..100
    status: str
    due_on: date | None
    owner: str


@dataclass(frozen=True)
class MilestoneLine:
    title: str
    objective: str
    owner: str
    side: str  # "ours" or "customer"
    due_on: date | None
    status: str
    completed_on: date | None


@dataclass(frozen=True)
class Touch:
    day: date
    kind: str
    summary: str
    attendees: tuple[str, ...]
    sentiment: int | None


@dataclass(frozen=True)
class SurveyLine:
    day: date
    kind: str  # nps or csat
    score: int
    contact: str
    comment: str


@dataclass(frozen=True)
class Voice:
    nps: float | None
    nps_responses: int
    csat: float | None
    csat_responses: int
    responses: tuple[SurveyLine, ...]


@dataclass(frozen=True)
class RevenueLine:
    day: date
    kind: str
    amount_minor: int  # signed: contraction and churn are negative
    currency: str


@dataclass(frozen=True)
class Renewal:
    renewal_on: date | None
    days_to_go: int | None
    auto_renew: bool
    arr_minor: int
    currency: str
    renewed_on: date | None  # a renewal recorded in the quarter


@dataclass(frozen=True)
class FollowUpLine:
    title: str
    owner: str
    due_on: date | None
    kind: str


@dataclass(frozen=True)
class QbrPack:
    account_name: str
    owner: str
    segment: str
    stage: str
    period: str  # the period's label: 2026-Q3 (or 2026-09, 2026, a range)
    period_start: date
    period_end: date
    as_of: date  # the day the pack was made; a period still running is shown up to it
    health: HealthTrend
    objectives: tuple[ObjectiveLine, ...]
    milestones_done: tuple[MilestoneLine, ...]
    milestones_due: tuple[MilestoneLine, ...]  # due by the quarter's end and not done
    touches: tuple[Touch, ...]  # customer touches only, newest first
    touch_counts: tuple[tuple[str, int], ...]  # kind, count
    voice: Voice
    revenue: tuple[RevenueLine, ...]
    renewal: Renewal
    risks: tuple[str, ...]
    wins: tuple[str, ...]
    misses: tuple[str, ...]
    next_period: str
    next_milestones: tuple[MilestoneLine, ...]
    next_follow_ups: tuple[FollowUpLine, ...]

    @property
    def highlights(self) -> tuple[Touch, ...]:
        """The touches with something said, at most five."""
        return tuple(t for t in self.touches if t.summary)[:5]

    @property
    def revenue_net_minor(self) -> int:
        return sum(line.amount_minor for line in self.revenue)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        data["health"]["delta"] = self.health.delta
        return data
