"""Scorecards resolved per account kind and compiled into one fast scoring function each.

`resolve()` layers the profiles that apply to a segment and lifecycle stage on the base scorecard and
turns the cadence measure's thresholds into days. `compile_profile()` then writes that resolved card
out as straight-line Python (only numbers from the validated scorecard go into the source), so
scoring an account is a few comparisons and additions per measure: no loops, lookups or objects.
`evaluate()` is the same arithmetic written plainly; tests hold the two to the same results.
"""

from collections.abc import Callable
from dataclasses import dataclass

from cs_tui.domain.enums import HealthBand
from cs_tui.domain.scoring.catalogue import CADENCE_MEASURE, MEASURE_INDEX, Values
from cs_tui.domain.scoring.scorecard import Bands, Curve, CurveKind, Direction, Scorecard

STANDARD_PROFILE = "standard"
COVERAGE_TOLERANCE = 1e-9  # a coverage equal to the minimum passes despite float rounding

Score = tuple[float | None, str, float]
"""(score rounded to 0.1 or None when data is insufficient, band, coverage 0..1)."""

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
            slope = (ys[k] - ys[k - 1]) / (xs[k] - xs[k - 1])
            return ys[k - 1] + (raw - xs[k - 1]) * slope
    return ys[-1]


def weighted(profile: ResolvedProfile, values: Values) -> tuple[float | None, float]:
    """The unrounded weighted mean of the groups with data (None without any), and the coverage."""
    total = weights = coverage = 0.0
    for group in profile.groups:
        group_sum = group_weight = 0.0
        for measure in group.measures:
            raw = values[measure.index]
            if raw is None:
                continue
            group_sum += measure.weight * curve_score(measure.curve, raw)
            group_weight += measure.weight
            coverage += measure.share
        if group_weight:
            total += group.weight * (group_sum / group_weight)
            weights += group.weight
    return (total / weights if weights else None), coverage


def evaluate(profile: ResolvedProfile, values: Values) -> Score:
    """The reference implementation of scoring: plain loops over the resolved profile."""
    mean, coverage = weighted(profile, values)
    if mean is None or coverage < profile.min_coverage - COVERAGE_TOLERANCE:
        return None, HealthBand.INSUFFICIENT.value, coverage
    score = round(mean, 1)
    return score, profile.bands.band_for(score).value, coverage


def _curve_lines(curve: Curve) -> list[str]:
    xs, ys = curve.thresholds, curve.scores
    if curve.kind is CurveKind.STEPS:
        test = "<" if curve.direction is Direction.HIGHER else "<="
        lines = [f"if x {test} {xs[0]!r}: s = {ys[0]!r}"]
        lines += [f"elif x {test} {xs[k]!r}: s = {ys[k]!r}" for k in range(1, len(xs))]
        return [*lines, f"else: s = {ys[-1]!r}"]
    lines = [f"if x <= {xs[0]!r}: s = {ys[0]!r}"]
    for k in range(1, len(xs)):
        slope = (ys[k] - ys[k - 1]) / (xs[k] - xs[k - 1])
        lines.append(f"elif x < {xs[k]!r}: s = {ys[k - 1]!r} + (x - {xs[k - 1]!r}) * {slope!r}")
    return [*lines, f"else: s = {ys[-1]!r}"]


def _source(profile: ResolvedProfile) -> str:
    bands = profile.bands
    lines = ["def score(v):", "    total = 0.0", "    weights = 0.0", "    coverage = 0.0"]
    for group in profile.groups:
        lines += ["    group_sum = 0.0", "    group_weight = 0.0"]
        for m in group.measures:
            lines += [f"    x = v[{m.index}]", "    if x is not None:"]
            lines += [f"        {line}" for line in _curve_lines(m.curve)]
            lines += [
                f"        group_sum += {m.weight!r} * s",
                f"        group_weight += {m.weight!r}",
                f"        coverage += {m.share!r}",
            ]
        lines += [
            "    if group_weight:",
            f"        total += {group.weight!r} * (group_sum / group_weight)",
            f"        weights += {group.weight!r}",
        ]
    lines += [
        f"    if not weights or coverage < {profile.min_coverage - COVERAGE_TOLERANCE!r}:",
        f"        return None, {HealthBand.INSUFFICIENT.value!r}, coverage",
        "    result = round(total / weights, 1)",
        "    shown = round(result)",
        f"    if shown >= {bands.green.lower!r}:",
        f"        return result, {HealthBand.GREEN.value!r}, coverage",
        f"    if shown >= {bands.yellow.lower!r}:",
        f"        return result, {HealthBand.YELLOW.value!r}, coverage",
        f"    return result, {HealthBand.RED.value!r}, coverage",
    ]
    return "\n".join(lines) + "\n"


def compile_profile(profile: ResolvedProfile) -> ScoreFunction:
    """The profile's scoring function: `score(values) -> (score, band, coverage)`."""
    namespace: dict[str, object] = {}
    code = compile(_source(profile), f"<scorecard profile {profile.key}>", "exec")
    exec(code, {"__builtins__": {"round": round}}, namespace)
    function = namespace["score"]
    assert callable(function)
    return function
