"""The few statistics the suite reports: median, p95, and the median of per-pair ratios.

Runs alternate between the candidate and its baseline, so the i-th candidate sample and the i-th
baseline sample were taken moments apart, under the same load. The ratio of each such pair cancels
most of what a shared, noisy machine does to both; the median of those ratios is what is reported.
"""

import math
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    if not values:
        raise ValueError("the median of no values is undefined")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` (0-1) percentile, linearly interpolated between the closest ranks."""
    if not values:
        raise ValueError("the percentile of no values is undefined")
    if not 0 <= share <= 1:
        raise ValueError(f"share must be within 0 and 1, not {share}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    below = math.floor(position)
    above = math.ceil(position)
    fraction = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * fraction


def p95(values: Sequence[float]) -> float:
    return percentile(values, 0.95)


def pair_ratios(candidate: Sequence[float], baseline: Sequence[float]) -> list[float]:
    """candidate[i] / baseline[i] for each pair; the shorter list bounds the pairs."""
    pairs = zip(candidate, baseline, strict=False)
    return [c / b if b > 0 else math.inf for c, b in pairs]


def median_ratio(candidate: Sequence[float], baseline: Sequence[float]) -> float | None:
    """The median of the per-pair ratios, or None when there are no pairs."""
    ratios = pair_ratios(candidate, baseline)
    return median(ratios) if ratios else None
