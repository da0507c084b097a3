"""The suite's statistics: median, p95 and the median of per-pair ratios."""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench import stats

finite = st.floats(min_value=0.001, max_value=1e6, allow_nan=False, allow_infinity=False)
samples = st.lists(finite, min_size=1, max_size=40)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([5.0], 5.0),
        ([3.0, 1.0, 2.0], 2.0),
        ([4.0, 1.0, 3.0, 2.0], 2.5),
        ([1.0, 1.0, 100.0], 1.0),
    ],
)
def test_median(values: list[float], expected: float) -> None:
    assert stats.median(values) == expected


@pytest.mark.parametrize(
    ("values", "share", "expected"),
    [
        ([7.0], 0.95, 7.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 0.5, 3.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 1.0, 5.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 0.0, 1.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 0.95, 4.8),
        ([10.0, 20.0], 0.95, 19.5),
    ],
)
def test_percentile_interpolates_between_ranks(
    values: list[float], share: float, expected: float
) -> None:
    assert stats.percentile(values, share) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("candidate", "baseline", "expected"),
    [
        ([2.0, 4.0, 6.0], [1.0, 2.0, 3.0], 2.0),
        ([10.0, 30.0, 12.0], [10.0, 10.0, 10.0], 1.2),
        ([1.0, 1.0], [2.0, 4.0], 0.375),
        ([5.0, 5.0, 5.0], [1.0, 1.0], 5.0),  # only whole pairs count
    ],
)
def test_median_ratio_is_the_median_of_pair_ratios(
    candidate: list[float], baseline: list[float], expected: float
) -> None:
    assert stats.median_ratio(candidate, baseline) == pytest.approx(expected)


def test_ratio_of_pairs_differs_from_ratio_of_medians() -> None:
    # a noisy moment slows both sides of one pair: the pair ratio cancels it
    candidate, baseline = [10.0, 11.0, 50.0], [5.0, 5.5, 25.0]
    assert stats.median_ratio(candidate, baseline) == pytest.approx(2.0)


def test_no_pairs_no_ratio_and_empty_inputs_are_refused() -> None:
    assert stats.median_ratio([1.0], []) is None
    assert stats.pair_ratios([1.0], [0.0]) == [math.inf]
    with pytest.raises(ValueError, match="of no values is undefined"):
        stats.median([])
    with pytest.raises(ValueError, match="the percentile of no values is undefined"):
        stats.p95([])
    with pytest.raises(ValueError, match=r"share must be within 0 and 1, not 1\.5"):
        stats.percentile([1.0], 1.5)


@given(samples)
def test_median_and_p95_lie_within_the_samples(values: list[float]) -> None:
    low, high = min(values), max(values)
    assert low <= stats.median(values) <= high
    assert low <= stats.p95(values) <= high
    assert stats.p95(values) >= stats.median(values) - 1e-9


@given(samples, st.randoms())
def test_order_of_samples_does_not_matter(values: list[float], rng: random.Random) -> None:
    shuffled = list(values)
    rng.shuffle(shuffled)
    assert stats.median(shuffled) == stats.median(values)
    assert stats.p95(shuffled) == stats.p95(values)


@given(samples, st.floats(min_value=0.01, max_value=100))
def test_scaling_the_candidate_scales_the_ratio(values: list[float], factor: float) -> None:
    scaled = [value * factor for value in values]
    assert stats.median_ratio(values, values) == pytest.approx(1.0)
    assert stats.median_ratio(scaled, values) == pytest.approx(factor, rel=1e-9)


@given(st.lists(st.tuples(finite, finite), min_size=1, max_size=30))
def test_swapping_sides_inverts_the_ratio_for_odd_pair_counts(
    pairs: list[tuple[float, float]],
) -> None:
    if len(pairs) % 2 == 0:
        pairs = pairs[:-1] or pairs
    candidate = [c for c, _ in pairs]
    baseline = [b for _, b in pairs]
    forward = stats.median_ratio(candidate, baseline)
    backward = stats.median_ratio(baseline, candidate)
    assert forward is not None and backward is not None
    if len(pairs) % 2:
        assert forward * backward == pytest.approx(1.0)
