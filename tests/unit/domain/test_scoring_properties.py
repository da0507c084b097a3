"""Properties of the score over random scorecards and random accounts."""

import copy
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cs_tui.domain.scoring import Scorer, evaluate, parse_scorecard, resolve
from cs_tui.domain.scoring.catalogue import MEASURE_INDEX, MEASURE_NAMES
from cs_tui.domain.scoring.compiled import weighted
from tests.scoring_helpers import BANDS

weights = st.floats(min_value=0.1, max_value=50, allow_nan=False)
raw_values = st.one_of(st.none(), st.floats(min_value=-200, max_value=200, allow_nan=False))


@st.composite
def curves(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["linear", "steps"]))
    direction = draw(st.sampled_from(["higher", "lower"]))
    count = draw(st.integers(min_value=2 if kind == "linear" else 1, max_value=5))
    thresholds = sorted(
        draw(st.lists(st.integers(-150, 150), min_size=count, max_size=count, unique=True))
    )
    scores = sorted(
        draw(st.lists(st.integers(0, 100), min_size=count + (kind == "steps"),
                      max_size=count + (kind == "steps")))
    )  # fmt: skip
    if direction == "lower":
        scores.reverse()
    return {"curve": kind, "direction": direction, "thresholds": thresholds, "scores": scores}


@st.composite
def scorecards(draw: st.DrawFn) -> dict[str, Any]:
    """TOML-like scorecard data: 1-4 groups over a random subset of the catalogue."""
    names = draw(st.lists(st.sampled_from(MEASURE_NAMES), min_size=1, max_size=8, unique=True))
    group_count = draw(st.integers(1, min(4, len(names))))
    groups = {f"g{n}": {"label": f"G{n}", "weight": draw(weights)} for n in range(group_count)}
    measures = {}
    for position, name in enumerate(names):
        group = f"g{position % group_count}"
        measures[name] = {"group": group, "weight": draw(weights), **draw(curves())}
    return {
        "min_coverage": draw(st.sampled_from([0.0, 0.3, 0.5])),
        "bands": BANDS,
        "groups": groups,
        "measures": measures,
    }


def account_values(draw: st.DrawFn) -> list[float | None]:
    return draw(st.lists(raw_values, min_size=len(MEASURE_NAMES), max_size=len(MEASURE_NAMES)))


def score_of(data: dict[str, Any], sample: list[float | None]) -> tuple[float | None, str, float]:
    profile = Scorer(parse_scorecard(data)).profile("SMB", "value")
    assert profile is not None
    return profile.score(sample)


def same(first: float | None, second: float | None) -> bool:
    """Equal, up to float rounding in a different order of additions."""
    if first is None or second is None:
        return first is second
    return abs(first - second) < 1e-9


def mean_of(data: dict[str, Any], sample: list[float | None]) -> float | None:
    return weighted(resolve(parse_scorecard(data), "SMB", "value"), sample)[0]


@settings(max_examples=100, deadline=None)
@given(scorecards(), st.data())
def test_the_score_stays_between_0_and_100_and_matches_the_reference(
    data: dict[str, Any], draws: st.DataObject
) -> None:
    sample = account_values(draws.draw)
    card = parse_scorecard(data)
    profile = Scorer(card).profile("SMB", "value")
    assert profile is not None
    score, band, coverage = profile.score(sample)
    assert score is None or 0 <= score <= 100
    assert 0 <= coverage <= 1 + 1e-9
    assert (score is None) == (band == "insufficient")
    assert (score, band, coverage) == evaluate(resolve(card, "SMB", "value"), sample)


@settings(max_examples=100, deadline=None)
@given(scorecards(), st.data(), st.floats(min_value=0, max_value=300, allow_nan=False))
def test_improving_one_measure_in_its_favourable_direction_never_lowers_the_score(
    data: dict[str, Any], draws: st.DataObject, step: float
) -> None:
    sample = account_values(draws.draw)
    name = draws.draw(st.sampled_from(sorted(data["measures"])))
    index = MEASURE_INDEX[name]
    if sample[index] is None:
        sample[index] = 0.0
    better = list(sample)
    sign = 1 if data["measures"][name]["direction"] == "higher" else -1
    better[index] = sample[index] + sign * step  # type: ignore[operator]
    profile = Scorer(parse_scorecard(data)).profile("SMB", "value")
    assert profile is not None
    before, after = profile.score(sample)[0], profile.score(better)[0]
    if before is not None:
        assert after is not None and after >= before - 1e-9  # float rounding at a threshold


@settings(max_examples=100, deadline=None)
@given(scorecards(), st.data(), st.floats(min_value=0.01, max_value=1000, allow_nan=False))
def test_scaling_every_weight_leaves_the_score_unchanged(
    data: dict[str, Any], draws: st.DataObject, factor: float
) -> None:
    sample = account_values(draws.draw)
    scaled = copy.deepcopy(data)
    for table in (*scaled["groups"].values(), *scaled["measures"].values()):
        table["weight"] *= factor
    assert same(mean_of(data, sample), mean_of(scaled, sample))
    assert same(score_of(data, sample)[2], score_of(scaled, sample)[2])


@settings(max_examples=100, deadline=None)
@given(scorecards(), st.data())
def test_removing_a_measure_equals_giving_it_no_value(
    data: dict[str, Any], draws: st.DataObject
) -> None:
    sample = account_values(draws.draw)
    name = draws.draw(st.sampled_from(sorted(data["measures"])))
    without = copy.deepcopy(data)
    group = without["measures"].pop(name)["group"]
    if not any(m["group"] == group for m in without["measures"].values()):
        del without["groups"][group]
    if not without["measures"]:
        return
    missing = list(sample)
    missing[MEASURE_INDEX[name]] = None
    assert same(mean_of(without, sample), mean_of(data, missing))


@settings(max_examples=100, deadline=None)
@given(scorecards(), st.data(), st.randoms())
def test_the_order_of_groups_and_measures_does_not_matter(
    data: dict[str, Any], draws: st.DataObject, shuffler: random.Random
) -> None:
    sample = account_values(draws.draw)
    shuffled = copy.deepcopy(data)
    for key in ("groups", "measures"):
        items = list(shuffled[key].items())
        shuffler.shuffle(items)
        shuffled[key] = dict(items)
    assert same(mean_of(data, sample), mean_of(shuffled, sample))
