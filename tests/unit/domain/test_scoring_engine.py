"""The scoring engine on hand-checked examples: curves, weights, missing data, bands, profiles."""

from datetime import date

import pytest

from cs_tui.domain.enums import HealthBand
from cs_tui.domain.scoring import (
    AccountFacts,
    Override,
    Scorer,
    evaluate,
    movers,
    parse_scorecard,
    resolve,
)
from cs_tui.domain.scoring.scorecard import Curve, CurveKind, Direction
from tests.scoring_helpers import linear, small_card, small_card_data, values

AS_OF = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(-5, 0), (0, 0), (10, 40), (15, 60), (20, 80), (25, 90), (30, 100), (99, 100)],
)
def test_a_linear_curve_draws_straight_lines_and_stays_flat_beyond_its_ends(
    raw: float, expected: float
) -> None:
    curve = Curve(CurveKind.LINEAR, Direction.HIGHER, (0, 20, 30), (0, 80, 100))
    assert curve.score(raw) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("direction", "raw", "expected"),
    [
        # more is better: reaching a threshold earns the next score
        ("higher", 9.9, 0), ("higher", 10, 50), ("higher", 19, 50), ("higher", 20, 100),
        # less is better: a value on a threshold keeps the better (lower-side) score
        ("lower", 10, 100), ("lower", 10.1, 50), ("lower", 20, 50), ("lower", 20.1, 0),
    ],
)  # fmt: skip
def test_on_a_step_curve_a_value_on_a_threshold_gets_the_better_score(
    direction: str, raw: float, expected: float
) -> None:
    scores = (0, 50, 100) if direction == "higher" else (100, 50, 0)
    curve = Curve(CurveKind.STEPS, Direction(direction), (10, 20), scores)
    assert curve.score(raw) == expected


def test_groups_are_weighted_means_of_their_measures_and_the_score_of_its_groups() -> None:
    scorer = Scorer(small_card())
    profile = scorer.profile("SMB", "value")
    assert profile is not None
    # usage = (2 x 80 + 1 x 50) / 3 = 70; voice = 75; engagement = 100 -> (3x70 + 75 + 100) / 5
    score, band, coverage = profile.score(
        values(licence_utilisation=0.8, feature_adoption=0.5, nps=50, last_touch=10)
    )
    assert score == pytest.approx(77.0)
    assert band == "green"
    assert coverage == pytest.approx(1.0)


def test_a_missing_measure_is_left_out_and_its_weight_shared_within_its_group() -> None:
    profile = Scorer(small_card()).profile("SMB", "value")
    assert profile is not None
    score, _band, coverage = profile.score(values(licence_utilisation=0.8, nps=50, last_touch=10))
    # usage = 80 alone; (3 x 80 + 75 + 100) / 5 = 83
    assert score == pytest.approx(83.0)
    assert coverage == pytest.approx(1 - 3 / 5 * 1 / 3)


def test_a_group_without_data_shares_its_weight_among_the_other_groups() -> None:
    profile = Scorer(small_card()).profile("SMB", "value")
    assert profile is not None
    score, _band, coverage = profile.score(
        values(licence_utilisation=0.8, feature_adoption=0.5, last_touch=10)
    )
    assert score == pytest.approx((3 * 70 + 100) / 4, abs=0.05)
    assert coverage == pytest.approx(4 / 5)


def test_below_the_minimum_coverage_there_is_no_score_only_insufficient_data() -> None:
    profile = Scorer(small_card()).profile("SMB", "value")
    assert profile is not None
    assert profile.score(values(nps=100)) == (None, "insufficient", pytest.approx(0.2))
    assert profile.score(values()) == (None, "insufficient", 0.0)


def test_a_coverage_exactly_at_the_minimum_is_enough() -> None:
    profile = Scorer(small_card(min_coverage=0.6)).profile("SMB", "value")
    assert profile is not None
    score, band, coverage = profile.score(values(licence_utilisation=1.0, feature_adoption=1.0))
    assert coverage == pytest.approx(0.6)
    assert (score, band) == (pytest.approx(100.0), "green")


@pytest.mark.parametrize(
    ("utilisation", "band"),
    [
        (0.494, "red"),
        (0.496, "yellow"),
        (0.744, "yellow"),
        (0.746, "green"),
        # exactly half way, the score rounds to even, as its display does: 49.5 -> 50, 74.5 -> 74
        (0.495, "yellow"),
        (0.745, "yellow"),
        (0.755, "green"),
        (0.485, "red"),
    ],
)
def test_bands_follow_the_score_as_people_read_it_rounded_to_a_whole_number(
    utilisation: float, band: str
) -> None:
    data = small_card_data()
    data["groups"] = {"usage": {"label": "Usage", "weight": 1}}
    data["measures"] = {"licence_utilisation": linear("usage", 1, [0, 1], [0, 100])}
    profile = Scorer(small_card(**data)).profile("SMB", "value")
    assert profile is not None
    assert profile.score(values(licence_utilisation=utilisation))[1] == band


@pytest.mark.parametrize(
    ("segment", "days", "sub_score"),
    [("Enterprise", 14, 100), ("Enterprise", 15, 50), ("Enterprise", 21, 50),
     ("Enterprise", 22, 0), ("SMB", 60, 100), ("SMB", 61, 50), ("SMB", 91, 0),
     ("Unknown segment", 30, 100), ("Unknown segment", 31, 50)],
)  # fmt: skip
def test_days_since_the_last_touch_are_judged_against_the_segments_cadence(
    segment: str, days: int, sub_score: float
) -> None:
    profile = Scorer(small_card()).profile(segment, "value")
    assert profile is not None
    explained = profile.explain(values(licence_utilisation=1.0, last_touch=days))
    touch = next(m for m in explained.measures() if m.name == "last_touch")
    assert touch.sub_score == sub_score
    assert touch.shown == f"{days} days"
    assert touch.detail == f"cadence {profile.resolved.cadence_days} days"


def test_profiles_layer_on_the_scorecard_for_their_segments_and_stages() -> None:
    data = small_card_data()
    data["profiles"] = {
        "enterprise": {"segments": ["Enterprise"], "measures": {"nps": {"weight": 3}}},
        "onboarding": {"stages": ["onboarding"], "exclude": ["nps"], "groups": {"usage": 9}},
    }
    card = small_card(**data)
    assert resolve(card, "SMB", "value").key == "standard"
    both = resolve(card, "Enterprise", "onboarding")
    assert both.key == "enterprise+onboarding"
    assert [g.name for g in both.groups] == ["usage", "engagement"]  # voice had only NPS
    assert both.groups[0].weight == 9
    enterprise = resolve(card, "Enterprise", "value")
    assert [m.weight for g in enterprise.groups for m in g.measures if m.name == "nps"] == [3]


def test_an_onboarding_account_is_not_judged_on_renewal_signals_in_the_shipped_scorecard() -> None:
    from cs_tui.io.scorecard_file import DEFAULT_SCORECARD_FILE, read_scorecard

    card = read_scorecard(DEFAULT_SCORECARD_FILE)
    onboarding = {m.name for g in resolve(card, "SMB", "onboarding").groups for m in g.measures}
    established = {m.name for g in resolve(card, "SMB", "value").groups for m in g.measures}
    assert "nps" in established and "usage_trend" in established
    assert "nps" not in onboarding and "usage_trend" not in onboarding


def test_churned_accounts_are_not_scored() -> None:
    scorer = Scorer(small_card())
    assert scorer.profile("SMB", "churned") is None
    facts = AccountFacts("SMB", "churned", 10, 10, None, None, None, None, None)
    assert scorer.assess(facts, AS_OF) is None


def test_the_compiled_function_and_the_plain_reference_agree() -> None:
    card = small_card()
    profile = Scorer(card).profile("Enterprise", "value")
    assert profile is not None
    sample = values(licence_utilisation=0.37, feature_adoption=0.91, nps=-12, last_touch=17)
    assert profile.score(sample) == evaluate(resolve(card, "Enterprise", "value"), sample)


def test_the_explanation_adds_up_to_the_score_and_names_the_biggest_detractor() -> None:
    profile = Scorer(small_card()).profile("SMB", "value")
    assert profile is not None
    explained = profile.explain(values(licence_utilisation=0.9, feature_adoption=0.4, nps=-60))
    measures = {m.name: m for m in explained.measures()}
    assert explained.score is not None
    assert sum(m.contribution for m in measures.values()) == pytest.approx(
        explained.score, abs=0.05
    )
    assert sum(m.effective_weight for m in measures.values()) == pytest.approx(1.0)
    assert measures["last_touch"].has_data is False
    assert measures["last_touch"].shown == "no data"
    assert measures["last_touch"].effective_weight == 0
    assert measures["licence_utilisation"].shown == "90%"
    assert measures["nps"].shown == "-60"
    # no touch data: usage has 3/4 of the weight, voice 1/4. NPS -60 scores 20 on 1/4 of the
    # weight and loses 20 points; adoption (40 on 3/4 x 1/3) loses 15; utilisation 5
    assert explained.biggest_detractor is not None
    assert explained.biggest_detractor.name == "nps"
    assert explained.biggest_detractor.points_lost == pytest.approx(20.0)


def test_movers_are_the_measures_whose_contribution_changed_most() -> None:
    profile = Scorer(small_card()).profile("SMB", "value")
    assert profile is not None
    before = profile.explain(values(licence_utilisation=0.9, feature_adoption=0.5, nps=60))
    after = profile.explain(values(licence_utilisation=0.5, feature_adoption=0.5, nps=70))
    moved = movers(after, before)
    assert [m.name for m in moved] == ["licence_utilisation", "nps"]
    assert moved[0].change == pytest.approx(-0.4 * 100 * 0.75 * 2 / 3)
    assert (moved[0].shown_before, moved[0].shown_after) == ("90%", "50%")


def test_an_override_is_shown_but_never_replaces_the_computed_score() -> None:
    scorer = Scorer(small_card())
    facts = AccountFacts("SMB", "value", 10, 9, None, None, 0.9, None, None)
    override = Override(40, "Exec sponsor leaving", date(2026, 6, 1), date(2026, 7, 1))
    assessed = scorer.assess(facts, AS_OF, override)
    assert assessed is not None
    assert (assessed.score, assessed.band) == (90.0, "green")
    assert (assessed.shown_score, assessed.shown_band) == (40.0, "red")
    assert assessed.overridden
    expired = scorer.assess(facts, date(2026, 7, 2), override)
    assert expired is not None and not expired.overridden
    assert (expired.shown_score, expired.shown_band) == (90.0, HealthBand.GREEN.value)


def test_a_perfect_account_scores_exactly_100_whatever_the_weights() -> None:
    """0.1, 0.2 and 2.3 of 100 add up to a hair over 100 in floating point: never shown as 100.00…1."""
    data = small_card_data()
    data["groups"] = {
        "usage": {"label": "Usage", "weight": 0.1},
        "voice": {"label": "Voice", "weight": 0.2},
        "engagement": {"label": "Engagement", "weight": 2.3},
    }
    profile = Scorer(parse_scorecard(data)).profile("SMB", "value")
    assert profile is not None
    best = values(licence_utilisation=1.0, feature_adoption=1.0, nps=100, last_touch=0.5)
    score, band, coverage = profile.score(best)
    assert (score, band, coverage) == (100.0, "green", 1.0)
    assert evaluate(resolve(parse_scorecard(data), "SMB", "value"), best) == (100.0, "green", 1.0)
