"""From what the store knows about an account to its measure values: the formulas.

The store aggregates (latest samples, survey counts, the last touch...) into `AccountFacts`; this
module turns them into the raw value of each measure, in catalogue order. NPS and CSAT follow the
standard definitions (see the domain brief); sentiment counts only until it expires.
"""

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from cs_tui.domain.enums import ObjectiveStatus, PlanStatus


class AccountFacts(NamedTuple):
    """One account's signals on a day, aggregated by the store (a tuple: cheap by the 100,000)."""

    segment: str
    stage: str
    licensed_users: float | None
    active_users: float | None
    usage_recent: float | None  # mean usage sample in the last window
    usage_previous: float | None  # ... and in the window before it
    feature_adoption: float | None
    open_tickets: float | None
    first_response_hours: float | None
    nps_promoters: int = 0
    nps_detractors: int = 0
    nps_responses: int = 0
    csat_satisfied: int = 0
    csat_responses: int = 0
    last_touch_on: date | None = None
    plan_progress: float | None = None  # 0..100, see `plan_progress`
    overdue_followups: int = 0
    sentiment: int | None = None
    sentiment_on: date | None = None


class ObjectiveFacts(NamedTuple):
    status: str
    baseline: float | None
    target: float | None
    current: float | None
    milestones_done: int
    milestones: int


def nps(promoters: int, detractors: int, responses: int) -> float | None:
    """% promoters (9-10) minus % detractors (0-6); passives count only in the denominator."""
    return 100.0 * (promoters - detractors) / responses if responses else None


def csat(satisfied: int, responses: int) -> float | None:
    """Answers of 4 or 5 on a 1-5 scale, as a percentage of all answers."""
    return 100.0 * satisfied / responses if responses else None


def usage_change(recent: float | None, previous: float | None) -> float | None:
    """The change in percent from the previous window to the recent one."""
    if recent is None or previous is None:
        return None
    if previous <= 0:
        return 0.0 if recent <= 0 else 100.0
    return 100.0 * (recent / previous - 1.0)


def objective_progress(objective: ObjectiveFacts) -> float | None:
    """0..1: from the metric (baseline to target) when tracked, else from the milestones done."""
    if objective.status == ObjectiveStatus.ACHIEVED:
        return 1.0
    baseline, target, current = objective.baseline, objective.target, objective.current
    if baseline is not None and target is not None and current is not None and target != baseline:
        return min(1.0, max(0.0, (current - baseline) / (target - baseline)))
    if objective.milestones:
        return objective.milestones_done / objective.milestones
    return None


def plan_progress(status: str | None, objectives: Iterable[ObjectiveFacts]) -> float | None:
    """0..100 for an agreed plan; None without one (no plan yet, or still a draft)."""
    if status is None or status == PlanStatus.DRAFT:
        return None
    if status == PlanStatus.ACHIEVED:
        return 100.0
    if status == PlanStatus.ABANDONED:
        return 0.0
    known = [p for p in map(objective_progress, objectives) if p is not None]
    return 100.0 * sum(known) / len(known) if known else None


def measure_values(
    facts: AccountFacts, as_of: date, sentiment_days: int
) -> tuple[float | None, ...]:
    """The raw value of every catalogue measure, in catalogue order (see `catalogue.MEASURES`)."""
    (
        _segment, _stage, licensed, active, recent, previous, adoption, tickets, response,
        promoters, detractors, nps_responses, satisfied, csat_responses, touched_on, progress,
        overdue, sentiment, sentiment_on,
    ) = facts  # fmt: skip
    sentiment_value = None
    if sentiment is not None and sentiment_on is not None:
        age = (as_of - sentiment_on).days
        if 0 <= age <= sentiment_days:
            sentiment_value = float(sentiment)
    return (
        active / licensed if active is not None and licensed else None,
        usage_change(recent, previous),
        adoption,
        tickets,
        response,
        nps(promoters, detractors, nps_responses),
        csat(satisfied, csat_responses),
        float((as_of - touched_on).days) if touched_on is not None else None,
        progress,
        float(overdue),
        sentiment_value,
    )
