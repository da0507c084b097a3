"""The health panel's read-model: everything the panel shows, as plain frozen values.

A widget renders a `HealthPanel` without further queries. This module imports no database library
(screens may name these types without loading the ORM). Measures and groups are the explanation's
own values (`MeasureResult`, `GroupResult`, `Mover` in `cs_tui.domain.scoring.explain`):

- `MeasureResult`: name, label, group, unit, raw (None: no data), shown ("82%", "18 days",
  "no data"), detail ("cadence 14 days"), sub_score 0..100, weight (configured, in its group),
  effective_weight (share of the score, 0..1, after missing weight was redistributed),
  contribution (points of the score), points_lost (points below a perfect sub-score), has_data.
- `GroupResult`: name, label, weight, effective_weight, score, contribution, measures.
- `Mover`: name, label, before and after (contributions, points), change, shown_before/after.
"""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from cs_tui.domain.scoring.explain import GroupResult, MeasureResult, Mover


@dataclass(frozen=True)
class OverrideView:
    """A manual score in force: it is what the list shows, next to the computed score."""

    score: int
    reason: str
    set_on: date
    expires_on: date  # the last day it applies
    author: str


@dataclass(frozen=True)
class SentimentView:
    """The CSM's latest pulse; once expired it no longer counts in the score."""

    value: int  # 1 very worried .. 5 very confident
    reason: str
    recorded_on: date
    expires_on: date  # the last day it counts
    author: str
    expired: bool


@dataclass(frozen=True)
class ScoreChange:
    """The shown score against the previous snapshot (on an earlier day)."""

    previous_on: date
    previous_score: float | None
    previous_band: str
    change: float | None  # None when either side had no score


@dataclass(frozen=True)
class HistoryPoint:
    """One day's shown score, for the sparkline (oldest first)."""

    taken_on: date
    score: float | None
    band: str
    overridden: bool


@dataclass(frozen=True)
class HealthPanel:
    account_id: str
    account_name: str
    scored_on: date | None  # the snapshot shown; None: never scored, computed now, not stored
    profile: str  # "standard" or the applied profiles, e.g. "enterprise+renewal"
    profile_label: str
    score: float | None  # what the list shows: the override's score while one is in force
    band: str  # red / yellow / green / insufficient, or "" when the account is not scored
    band_label: str
    computed_score: float | None  # the scorecard's own result, always shown beside an override
    computed_band: str
    computed_band_label: str
    coverage: float  # share of the scorecard's weight that had data, 0..1
    min_coverage: float
    override: OverrideView | None
    sentiment: SentimentView | None
    groups: tuple[GroupResult, ...]
    biggest_detractor: MeasureResult | None
    change: ScoreChange | None
    movers: tuple[Mover, ...]  # the measures that moved the score most since the previous one
    history: tuple[HistoryPoint, ...]
    scorecard_changed: bool  # the snapshot predates the scorecard in force: rescore to refresh
    not_scored_reason: str  # e.g. "churned accounts are not scored"; "" otherwise

    @property
    def overridden(self) -> bool:
        return self.override is not None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON of `cs-tui score explain --json` (see `cs_tui.cli.score`)."""
        data = _jsonable(asdict(self))
        for group, source in zip(data["groups"], self.groups, strict=True):
            for measure, result in zip(group["measures"], source.measures, strict=True):
                measure["has_data"] = result.has_data
        data["overridden"] = self.overridden
        return data  # type: ignore[no-any-return]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value
