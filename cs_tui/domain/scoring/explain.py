"""Why an account has its score: every group and measure, the biggest detractor, what moved.

Built on demand for one account (the bulk path only needs the score). Effective weights are each
measure's share of the score after the weight of missing measures (and of groups without data) was
redistributed; contributions are the points each measure adds, so they sum to the score.
"""

from dataclasses import dataclass

from cs_tui.domain.scoring.catalogue import BY_NAME, CADENCE_MEASURE, Values
from cs_tui.domain.scoring.compiled import ResolvedProfile, curve_score, evaluate
from cs_tui.domain.scoring.formats import shown

MOVER_MIN_POINTS = 0.05  # smaller changes in contribution are noise, not "what changed"


@dataclass(frozen=True)
class MeasureResult:
    name: str
    label: str
    group: str
    unit: str
    raw: float | None  # None: no data, left out of the score
    shown: str  # the raw value for people ("82%", "18 days", "no data")
    detail: str  # context for the raw value ("cadence 14 days"), or ""
    sub_score: float | None  # 0..100
    weight: float  # configured weight within its group
    effective_weight: float  # share of the whole score, 0..1 (0 without data)
    contribution: float  # points of the score: sub_score x effective_weight
    points_lost: float  # points below a perfect sub-score: (100 - sub_score) x effective_weight

    @property
    def has_data(self) -> bool:
        return self.raw is not None


@dataclass(frozen=True)
class GroupResult:
    name: str
    label: str
    weight: float
    effective_weight: float  # share of the whole score, 0..1 (0 without data)
    score: float | None  # weighted mean of its measures with data
    contribution: float
    measures: tuple[MeasureResult, ...]


@dataclass(frozen=True)
class Mover:
    """A measure whose contribution to the score changed since the previous snapshot."""

    name: str
    label: str
    before: float  # contribution then (points)
    after: float  # contribution now
    change: float
    shown_before: str
    shown_after: str


@dataclass(frozen=True)
class Explanation:
    profile: str
    profile_label: str
    score: float | None  # None: coverage below the minimum, no score is made up
    band: str
    band_label: str
    coverage: float
    min_coverage: float
    cadence_days: int
    groups: tuple[GroupResult, ...]
    biggest_detractor: MeasureResult | None

    def measures(self) -> tuple[MeasureResult, ...]:
        return tuple(m for g in self.groups for m in g.measures)


def explain(profile: ResolvedProfile, values: Values) -> Explanation:
    score, band, coverage = evaluate(profile, values)
    present = {}
    for group in profile.groups:
        weight = sum(m.weight for m in group.measures if values[m.index] is not None)
        if weight:
            present[group.name] = weight
    total = sum(g.weight for g in profile.groups if g.name in present)
    groups = []
    for group in profile.groups:
        group_share = group.weight / total if group.name in present else 0.0
        results = []
        for m in group.measures:
            raw = values[m.index]
            info = BY_NAME[m.name]
            sub = None if raw is None else curve_score(m.curve, raw)
            share = 0.0 if sub is None else group_share * m.weight / present[group.name]
            detail = f"cadence {profile.cadence_days} days" if m.name == CADENCE_MEASURE else ""
            results.append(
                MeasureResult(
                    name=m.name,
                    label=info.label,
                    group=group.name,
                    unit=info.unit.value,
                    raw=raw,
                    shown=shown(info.unit, raw),
                    detail=detail,
                    sub_score=sub,
                    weight=m.weight,
                    effective_weight=share,
                    contribution=0.0 if sub is None else sub * share,
                    points_lost=0.0 if sub is None else (100.0 - sub) * share,
                )
            )
        scored = [r for r in results if r.sub_score is not None]
        group_score = (
            sum(r.weight * (r.sub_score or 0.0) for r in scored) / present[group.name]
            if scored
            else None
        )
        groups.append(
            GroupResult(
                name=group.name,
                label=group.label,
                weight=group.weight,
                effective_weight=group_share,
                score=group_score,
                contribution=sum(r.contribution for r in results),
                measures=tuple(results),
            )
        )
    candidates = [m for g in groups for m in g.measures if m.points_lost > 0]
    detractor = None
    if candidates and score is not None:
        detractor = max(candidates, key=lambda m: m.points_lost)
    return Explanation(
        profile=profile.key,
        profile_label=profile.label,
        score=score,
        band=band,
        band_label=profile.bands.label(band),
        coverage=coverage,
        min_coverage=profile.min_coverage,
        cadence_days=profile.cadence_days,
        groups=tuple(groups),
        biggest_detractor=detractor,
    )


def movers(now: Explanation, before: Explanation, *, limit: int = 3) -> tuple[Mover, ...]:
    """The measures whose contribution changed most, biggest change first."""
    after_by_name = {m.name: m for m in now.measures()}
    before_by_name = {m.name: m for m in before.measures()}
    found = []
    for name in dict.fromkeys([*after_by_name, *before_by_name]):
        after, earlier = after_by_name.get(name), before_by_name.get(name)
        change = (after.contribution if after else 0.0) - (earlier.contribution if earlier else 0.0)
        if abs(change) < MOVER_MIN_POINTS:
            continue
        info = BY_NAME[name]
        found.append(
            Mover(
                name=name,
                label=info.label,
                before=earlier.contribution if earlier else 0.0,
                after=after.contribution if after else 0.0,
                change=change,
                shown_before=earlier.shown if earlier else shown(info.unit, None),
                shown_after=after.shown if after else shown(info.unit, None),
            )
        )
    found.sort(key=lambda m: (-abs(m.change), m.name))
    return tuple(found[:limit])
