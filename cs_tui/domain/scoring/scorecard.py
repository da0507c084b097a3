"""The scorecard: groups of weighted measures, their thresholds, bands, profiles and cadences.

Plain frozen values, validated when parsed (see `parse.py`). Weights are any positive numbers: a
group is the weighted mean of its measures and the score the weighted mean of the groups, so only
the ratios between weights matter.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from cs_tui.domain.enums import HealthBand
from cs_tui.domain.health_labels import INSUFFICIENT_LABEL
from cs_tui.domain.work.cadence import Cadences


class CurveKind(StrEnum):
    LINEAR = "linear"  # straight lines between the (threshold, score) points
    STEPS = "steps"  # the thresholds cut the line into len(thresholds) + 1 scores


class Direction(StrEnum):
    HIGHER = "higher"  # more is better
    LOWER = "lower"  # less is better


@dataclass(frozen=True)
class Curve:
    """How a raw value maps to a 0-100 sub-score.

    Linear: one score per threshold, straight lines in between, flat beyond the ends. Steps: one more
    score than thresholds; a value exactly on a threshold gets the better of the two scores.
    """

    kind: CurveKind
    direction: Direction
    thresholds: tuple[float, ...]
    scores: tuple[float, ...]

    def score(self, raw: float) -> float:
        xs, ys = self.thresholds, self.scores
        if self.kind is CurveKind.STEPS:
            if self.direction is Direction.HIGHER:
                return ys[bisect_right(xs, raw)]
            return ys[bisect_left(xs, raw)]
        if raw <= xs[0]:
            return ys[0]
        if raw >= xs[-1]:
            return ys[-1]
        k = bisect_right(xs, raw)
        x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
        return y0 + (raw - x0) * (y1 - y0) / (x1 - x0)

    def times(self, factor: float) -> "Curve":
        """The same curve with every score multiplied by `factor` (a weight folded in)."""
        return replace(self, scores=tuple(y * factor for y in self.scores))

    def scaled(self, factor: float) -> "Curve":
        """The same curve with thresholds multiplied by `factor` (cadences to days)."""
        return replace(self, thresholds=tuple(t * factor for t in self.thresholds))


@dataclass(frozen=True)
class MeasureSpec:
    name: str
    group: str
    weight: float
    curve: Curve


@dataclass(frozen=True)
class GroupSpec:
    name: str
    label: str
    weight: float


@dataclass(frozen=True)
class Band:
    """Scores from `lower` (included) to `upper` (excluded, except 100 for the top band)."""

    name: HealthBand
    label: str
    lower: float
    upper: float


@dataclass(frozen=True)
class Bands:
    red: Band
    yellow: Band
    green: Band
    insufficient_label: str = INSUFFICIENT_LABEL

    def band_for(self, score: float) -> HealthBand:
        """The band of a score as people read it: rounded to a whole number first."""
        shown = round(score)
        if shown >= self.green.lower:
            return HealthBand.GREEN
        if shown >= self.yellow.lower:
            return HealthBand.YELLOW
        return HealthBand.RED

    def label(self, band: str) -> str:
        for candidate in (self.red, self.yellow, self.green):
            if candidate.name == band:
                return candidate.label
        return self.insufficient_label if band == HealthBand.INSUFFICIENT else band


@dataclass(frozen=True)
class MeasureChange:
    """A profile's change to one measure: a different weight and/or curve."""

    weight: float | None = None
    curve: Curve | None = None


@dataclass(frozen=True)
class Profile:
    """Adjustments for accounts of some segments and/or lifecycle stages.

    Every profile that applies to an account is layered on the base scorecard in file order.
    """

    name: str
    label: str
    segments: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    group_weights: Mapping[str, float] = field(default_factory=dict)
    measures: Mapping[str, MeasureChange] = field(default_factory=dict)

    def applies_to(self, segment: str, stage: str) -> bool:
        return (not self.segments or segment in self.segments) and (
            not self.stages or stage in self.stages
        )


@dataclass(frozen=True)
class SignalSettings:
    """Which metric feeds and time windows the measures are computed from."""

    active_users_metric: str = "active_users"
    usage_metric: str = "logins_30d"
    adoption_metric: str = "feature_adoption"
    tickets_metric: str = "open_tickets"
    response_metric: str = "first_response_hours"
    metric_max_age_days: int = 60  # older samples are stale and left out
    usage_window_days: int = 30
    nps_window_days: int = 180
    csat_window_days: int = 90
    sentiment_expires_after_days: int = 60

    @property
    def metrics(self) -> tuple[str, ...]:
        return (
            self.active_users_metric,
            self.usage_metric,
            self.adoption_metric,
            self.tickets_metric,
            self.response_metric,
        )


@dataclass(frozen=True)
class Scorecard:
    groups: tuple[GroupSpec, ...]
    measures: tuple[MeasureSpec, ...]
    bands: Bands
    min_coverage: float
    profiles: tuple[Profile, ...] = ()
    cadences: Cadences = field(default_factory=Cadences)
    signals: SignalSettings = field(default_factory=SignalSettings)
    unscored_stages: frozenset[str] = frozenset({"churned"})
    fingerprint: str = ""
    source: str = ""

    def group(self, name: str) -> GroupSpec:
        return next(g for g in self.groups if g.name == name)
