"""Health scoring: an explainable, configurable 0-100 score per account. Pure: no I/O, no clock.

- `catalogue`: the measures the store can compute, in a fixed order (`Values` tuples follow it).
- `scorecard` / `parse` / `reader`: groups, weighted measures with thresholds, bands, profiles, cadences,
  validated from TOML data.
- `compiled`: a scorecard resolved per segment and lifecycle stage and compiled to a fast function.
- `facts`: from the store's aggregates (`AccountFacts`) to raw measure values (NPS, CSAT, ...).
- `explain`: groups, measures, contributions, the biggest detractor and what moved.
- `engine`: `Scorer`, overrides and the one-account `assess()`.
"""

from cs_tui.domain.scoring.catalogue import MEASURE_NAMES, MEASURES, Values
from cs_tui.domain.scoring.compiled import ResolvedProfile, Score, evaluate, resolve
from cs_tui.domain.scoring.engine import (
    Assessment,
    CompiledProfile,
    Override,
    Scorer,
    shown_result,
)
from cs_tui.domain.scoring.explain import Explanation, GroupResult, MeasureResult, Mover, movers
from cs_tui.domain.scoring.facts import AccountFacts, ObjectiveFacts, plan_progress
from cs_tui.domain.scoring.parse import parse_scorecard
from cs_tui.domain.scoring.reader import ScorecardError
from cs_tui.domain.scoring.scorecard import Scorecard

__all__ = [
    "MEASURES",
    "MEASURE_NAMES",
    "AccountFacts",
    "Assessment",
    "CompiledProfile",
    "Explanation",
    "GroupResult",
    "MeasureResult",
    "Mover",
    "ObjectiveFacts",
    "Override",
    "ResolvedProfile",
    "Score",
    "Scorecard",
    "ScorecardError",
    "Scorer",
    "Values",
    "evaluate",
    "movers",
    "parse_scorecard",
    "plan_progress",
    "resolve",
    "shown_result",
]
