"""Success-plan templates as plain values, and how one is laid out from a start date.

A template gives the prompts for the customer's expectations, the actions text, and objectives with
their metric and hints, each with milestones on our side or the customer's, due a number of days
after the plan's start. Reading and checking template files is `io.plan_templates`' job.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta

FRACTIONAL_UNITS = frozenset({"share", "ratio", "rate", "%", "percent", "pct", "score", "hours",
                              "days", "minutes", "usd", "eur", "gbp", "$", "€", "£"})  # fmt: skip
"""Units whose values are naturally fractional; any other unit over a whole baseline counts things
(users, tickets, seats), so a target drawn from it is a whole number too."""


@dataclass(frozen=True)
class TemplateMilestone:
    title: str
    side: str  # "ours" or "customer"
    due_days: int
    owner: str = ""  # ours: a team member; empty means the account's CSM
    owner_role: str = ""  # customer: a stakeholder role to pick the owner by (e.g. "champion")


@dataclass(frozen=True)
class TemplateObjective:
    title: str
    due_days: int
    metric: str = ""
    unit: str = ""
    baseline: float | None = None  # None: the metric's latest value at the start, when tracked
    target: float | None = None
    target_change: float | None = None  # a share of the baseline, e.g. 0.2 for +20%
    hint: str = ""
    milestones: tuple[TemplateMilestone, ...] = ()


@dataclass(frozen=True)
class PlanTemplate:
    key: str  # the file name without .toml: what users type
    name: str
    description: str = ""
    why_bought_prompt: str = ""
    pain_points_prompt: str = ""
    success_prompt: str = ""
    actions: str = ""
    review_days: int | None = None
    objectives: tuple[TemplateObjective, ...] = ()
    source: str = ""  # "shipped" or the user file's path


def due_after(start: date, days: int) -> date:
    return start + timedelta(days=days)


def template_target(objective: TemplateObjective, baseline: float | None) -> float | None:
    """The objective's target: given outright, or as a change from the baseline.

    A change from a whole count ("users", "tickets") gives a whole count; other values keep two
    decimals.
    """
    if objective.target is not None:
        return objective.target
    if objective.target_change is not None and baseline is not None:
        target = baseline * (1 + objective.target_change)
        if baseline.is_integer() and objective.unit.strip().lower() not in FRACTIONAL_UNITS:
            # 18 users +35% is 25 users, not 24.3; rounded away from the baseline, so the
            # objective still asks for the change
            return float(math.ceil(target) if target > baseline else math.floor(target))
        return round(target, 2)
    return None
