"""Scorecards resolved per account kind and compiled into one fast scoring function each.

`resolve()` layers the profiles that apply to a segment and lifecycle stage on the base scorecard and
turns the cadence measure's thresholds into days. `compile_profile()` then writes that resolved card
out as straight-line Python (only numbers from the validated scorecard go into the source), so
scoring an account is a few comparisons and additions per measure: no loops, lookups or objects.
`evaluate()` is the same arithmetic written plainly; tests hold the two to the same results.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

from cs_tui.domain.enums import HealthBand
from cs_tui.domain.scoring.catalogue import CADENCE_MEASURE, MEASURE_INDEX, Values
from cs_tui.domain.scoring.scorecard import Bands, Curve, CurveKind, Direction, Scorecard

STANDARD_PROFILE = "standard"
COVERAGE_TOLERANCE = 1e-9  # a coverage equal to the minimum passes despite float rounding

Score = tuple[float | None, str, float]
"""(score 0..100, or None when data is insufficient; band; coverage 0..1). Scores are not rounded
here (rounding costs more than the rest of scoring); people see them rounded to whole numbers, and
the band is that of the rounded score."""

ScoreFunction = Callable[[Values], Score]


@dataclass(frozen=True)
class ResolvedMeasure:
    name: str
    index: int  # position in the catalogue's Values
    weight: float
    share: float  # its share of the whole score when every measure has data
    curve: Curve  # thresholds in the raw value's unit (the cadence measure's in days)


@dataclass(frozen=True)
class ResolvedGroup:
    name: str
    label: str
    weight: float
    measures: tuple[ResolvedMeasure, ...]

    @property
    def measure_weight(self) -> float:
        return sum(m.weight for m in self.measures)


@dataclass(frozen=True)
class ResolvedProfile:
    """The scorecard as it applies to one segment and lifecycle stage."""

    key: str  # "standard", or the applied profiles' names joined by "+"
    label: str
    segment: str
    stage: str
    cadence_days: int
    groups: tuple[ResolvedGroup, ...]
    bands: Bands
    min_coverage: float

    @property
    def total_weight(self) -> float:
        return sum(g.weight for g in self.groups)


def resolve(card: Scorecard, segment: str, stage: str) -> ResolvedProfile:
    applied = [p for p in card.profiles if p.applies_to(segment, stage)]
    excluded = {name for p in applied for name in p.exclude}
    group_weights = {g.name: g.weight for g in card.groups}
    weights = {m.name: m.weight for m in card.measures}
    curves = {m.name: m.curve for m in card.measures}
    for profile in applied:
        group_weights.update(profile.group_weights)
        for name, change in profile.measures.items():
            weights[name] = change.weight or weights[name]
            curves[name] = change.curve or curves[name]
    cadence = card.cadences.for_segment(segment)
    chosen = [
        (group, [m for m in card.measures if m.group == group.name and m.name not in excluded])
        for group in card.groups
    ]
    chosen = [(group, members) for group, members in chosen if members]
    total = sum(group_weights[group.name] for group, _ in chosen)
    groups = []
    for group, members in chosen:
        within = sum(weights[m.name] for m in members)
        group_share = group_weights[group.name] / total
        groups.append(
            ResolvedGroup(
                group.name,
                group.label,
                group_weights[group.name],
                tuple(
                    ResolvedMeasure(
                        m.name,
                        MEASURE_INDEX[m.name],
                        weights[m.name],
                        group_share * weights[m.name] / within,
                        curves[m.name].scaled(cadence)
                        if m.name == CADENCE_MEASURE
                        else curves[m.name],
                    )
                    for m in members
                ),
            )
        )
    return ResolvedProfile(
        key="+".join(p.name for p in applied) or STANDARD_PROFILE,
        label=" · ".join(p.label for p in applied) or "Standard",
        segment=segment,
        stage=stage,
        cadence_days=cadence,
        groups=tuple(groups),
        bands=card.bands,
        min_coverage=card.min_coverage,
    )


def curve_score(curve: Curve, raw: float) -> float:
    """A sub-score, computed exactly as the compiled function computes it."""
    xs, ys = curve.thresholds, curve.scores
    if curve.kind is CurveKind.STEPS:
        return curve.score(raw)
    if raw <= xs[0]:
        return ys[0]
    for k in range(1, len(xs)):
        if raw < xs[k]:
            intercept, slope = _line(xs, ys, k)
            return intercept + raw * slope
    return ys[-1]


def _line(xs: tuple[float, ...], ys: tuple[float, ...], k: int) -> tuple[float, float]:
    """The segment ending at threshold k as intercept and slope (one multiply and one add)."""
    slope = (ys[k] - ys[k - 1]) / (xs[k] - xs[k - 1])
    return ys[k - 1] - xs[k - 1] * slope, slope


def weighted(profile: ResolvedProfile, values: Values) -> tuple[float | None, float]:
    """The unrounded weighted mean of the groups with data (None without any), and the coverage.

    Coverage is the weight of the groups with data, less the share of their missing measures,
    over the profile's total weight; the compiled function adds it up in the same order.
    """
    total = weights = missing = 0.0
    for group in profile.groups:
        if len(group.measures) == 1:  # its mean is the measure's own sub-score
            (measure,) = group.measures
            raw = values[measure.index]
            if raw is not None:
                total += curve_score(measure.curve.times(group.weight), raw)
                weights += group.weight
            continue
        group_sum = group_weight = 0.0
        for measure in group.measures:
            raw = values[measure.index]
            if raw is None:
                continue
            group_sum += curve_score(measure.curve.times(measure.weight), raw)
            group_weight += measure.weight
        if group_weight:
            total += group.weight * (group_sum / group_weight)
            weights += group.weight
            missing += group.weight - group.weight / group.measure_weight * group_weight
    coverage = (weights - missing) / profile.total_weight if profile.total_weight else 0.0
    return (total / weights if weights else None), coverage


def evaluate(profile: ResolvedProfile, values: Values) -> Score:
    """The reference implementation of scoring: plain loops over the resolved profile."""
    mean, coverage = weighted(profile, values)
    if mean is None or coverage < profile.min_coverage - COVERAGE_TOLERANCE:
        return None, HealthBand.INSUFFICIENT.value, coverage
    score = min(max(mean, 0.0), 100.0)  # a mean of sub-scores up to 100 can round past it
    return score, profile.bands.band_for(score).value, coverage


def _curve_lines(curve: Curve, x: str, target: str) -> list[str]:
    """`target += sub-score of x`, found by halving the segments (adding nothing where it is 0).

    Segment j lies below threshold j: `x <= t0` for the first of a linear curve, else `x < tj`
    (`x <= tj` on a step curve where less is better), exactly as `curve_score` tests them.
    """
    xs, ys = curve.thresholds, curve.scores
    linear = curve.kind is CurveKind.LINEAR

    def below(j: int) -> str:
        inclusive = (linear and j == 0) or (not linear and curve.direction is Direction.LOWER)
        return f"{x} {'<=' if inclusive else '<'} {xs[j]!r}"

    def add(segment: int) -> str:
        if linear and 0 < segment < len(xs):
            intercept, slope = _line(xs, ys, segment)
            return f"{target} += {intercept!r} + {x} * {slope!r}"
        value = ys[min(segment, len(ys) - 1)] if linear else ys[segment]
        return f"{target} += {value!r}" if value else "pass"

    def segments(low: int, high: int, indent: str) -> list[str]:
        if low == high:
            return [f"{indent}{add(low)}"]
        middle = (low + high) // 2
        return [
            f"{indent}if {below(middle)}:",
            *segments(low, middle, indent + "    "),
            f"{indent}else:",
            *segments(middle + 1, high, indent + "    "),
        ]

    return segments(0, len(xs), "")


def _at_least(cutoff: float) -> str:
    """A test on `result` equal to `round(result) >= cutoff` (Python rounds half to even)."""
    whole = math.ceil(cutoff)
    return f"result {'>=' if whole % 2 == 0 else '>'} {whole - 0.5!r}"


def _measure_lines(measure: ResolvedMeasure, single: bool, weight: float) -> list[str]:
    x = f"v{measure.index}"
    lines = [f"    if {x} is not None:"]
    if single:  # the group's weight is folded into the curve's scores
        curve = _curve_lines(measure.curve.times(weight), x, "total")
        return [*lines, *(f"        {line}" for line in curve), f"        weights += {weight!r}"]
    curve = _curve_lines(measure.curve.times(measure.weight), x, "group_sum")
    return [*lines, *(f"        {line}" for line in curve),
            f"        group_weight += {measure.weight!r}"]  # fmt: skip


def _source(profile: ResolvedProfile) -> str:
    """The scoring function as Python source: one straight block per measure, no loops."""
    bands = profile.bands
    unpacked = ", ".join(f"v{n}" for n in range(len(MEASURE_INDEX)))
    lines = ["def score(v):", f"    {unpacked}, = v", "    total = 0.0", "    weights = 0.0",
             "    missing = 0.0"]  # fmt: skip
    for group in profile.groups:
        if len(group.measures) == 1:
            lines += _measure_lines(group.measures[0], True, group.weight)
            continue
        lines += ["    group_sum = 0.0", "    group_weight = 0.0"]
        for m in group.measures:
            lines += _measure_lines(m, False, group.weight)
        lines += [
            "    if group_weight:",
            f"        total += {group.weight!r} * (group_sum / group_weight)",
            f"        weights += {group.weight!r}",
            f"        missing += {group.weight!r} - {group.weight / group.measure_weight!r}"
            " * group_weight",
        ]
    total_weight = profile.total_weight
    lines += [
        f"    coverage = (weights - missing) / {total_weight!r}"
        if total_weight
        else "    coverage = 0.0",
        f"    if not weights or coverage < {profile.min_coverage - COVERAGE_TOLERANCE!r}:",
        f"        return None, {HealthBand.INSUFFICIENT.value!r}, coverage",
        "    result = total / weights",
        "    if result > 100.0:",  # a mean of sub-scores up to 100 can round past it
        "        result = 100.0",
        "    elif result < 0.0:",
        "        result = 0.0",
        f"    if {_at_least(bands.green.lower)}:",
        f"        return result, {HealthBand.GREEN.value!r}, coverage",
        f"    if {_at_least(bands.yellow.lower)}:",
        f"        return result, {HealthBand.YELLOW.value!r}, coverage",
        f"    return result, {HealthBand.RED.value!r}, coverage",
    ]
    return "\n".join(lines) + "\n"


def compile_profile(profile: ResolvedProfile) -> ScoreFunction:
    """The profile's scoring function: `score(values) -> (score, band, coverage)`."""
    namespace: dict[str, object] = {}
    code = compile(_source(profile), f"<scorecard profile {profile.key}>", "exec")
    exec(code, {"__builtins__": {}}, namespace)
    function = namespace["score"]
    assert callable(function)
    return function
