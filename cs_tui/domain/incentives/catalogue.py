"""The metrics an incentive plan can pay on, each computed from the book for an owner and a period.

Results are attributed to the owner at the period's start (the book metrics' owner history),
process metrics to today's owner. Units: `share` is a fraction 0..1 (0.95 is 95%), `score` a
number on the metric's own scale (NPS -100..100, health 0..100), `percent` 0..100, `money` major
units of the plan's currency (targets and tiers are written in major units, amounts are computed
in minor units), `hours` a duration.
"""

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    PROCESS = "process"  # leading: service, delivery, usage
    RESULT = "result"  # lagging: renewal, retention, upsell


class Direction(StrEnum):
    MORE = "more"  # more is better
    LESS = "less"  # less is better


class Unit(StrEnum):
    SHARE = "share"
    SCORE = "score"
    PERCENT = "percent"
    MONEY = "money"
    HOURS = "hours"


@dataclass(frozen=True)
class MetricDef:
    key: str
    label: str
    category: Category
    direction: Direction
    unit: Unit
    computed: str  # how the store computes it, for people


_P, _R = Category.PROCESS, Category.RESULT
_MORE, _LESS = Direction.MORE, Direction.LESS

METRICS: tuple[MetricDef, ...] = (
    MetricDef("grr", "Gross revenue retention", _R, _MORE, Unit.SHARE,
              "(starting ARR - contraction - churn) / starting ARR, at most 100%, on the accounts "
              "present at the period start"),
    MetricDef("nrr", "Net revenue retention", _R, _MORE, Unit.SHARE,
              "(starting ARR + expansion - contraction - churn) / starting ARR, on the accounts "
              "present at the period start"),
    MetricDef("logo_retention", "Logo retention", _R, _MORE, Unit.SHARE,
              "1 - accounts churned in the period / accounts present at the period start"),
    MetricDef("renewal_rate", "Renewal rate", _R, _MORE, Unit.SHARE,
              "renewed / decided renewals: accounts due in the period (contract ending in it, "
              "or renewed or churned in it) that renewed or were lost; open ones wait"),
    MetricDef("expansion_arr", "Expansion ARR", _R, _MORE, Unit.MONEY,
              "upsell and cross-sell (and win-backs) on the accounts present at the period start"),
    MetricDef("nps", "NPS", _P, _MORE, Unit.SCORE,
              "% promoters (9-10) - % detractors (0-6) of NPS responses in the period"),
    MetricDef("csat", "CSAT", _P, _MORE, Unit.PERCENT,
              "responses of 4 or 5 / all CSAT responses in the period x 100"),
    MetricDef("check_in_cadence_kept", "Check-in cadence kept", _P, _MORE, Unit.SHARE,
              "share of live accounts never left longer than their segment's cadence without a "
              "customer touch during the period"),
    MetricDef("plan_coverage", "Success-plan coverage", _P, _MORE, Unit.SHARE,
              "share of the renewals due in the period (decided or open) whose account has an "
              "agreed, active or achieved success plan"),
    MetricDef("average_health", "Average health", _P, _MORE, Unit.SCORE,
              "mean of each live account's latest health score on or before the period's end"),
    MetricDef("first_response_time", "First response time", _P, _LESS, Unit.HOURS,
              "mean of the support feed's first_response_hours samples observed in the period"),
)  # fmt: skip

BY_KEY: dict[str, MetricDef] = {m.key: m for m in METRICS}
METRIC_KEYS: tuple[str, ...] = tuple(BY_KEY)
