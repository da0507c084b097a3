"""Incentive arithmetic: attainment, the payout curve, commission tiers, proration, whole payouts."""

from datetime import date
from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.incentives.calc import (
    MetricActual,
    WhatIfError,
    compute_payout,
    parse_what_if,
    what_if,
)
from cs_tui.domain.incentives.catalogue import Direction
from cs_tui.domain.incentives.parse import parse_plan
from cs_tui.domain.incentives.payout import (
    MAX_ATTAINMENT,
    band_attainment,
    commission,
    payout_factor,
    proration,
    ratio_attainment,
)
from cs_tui.domain.incentives.periods import PeriodKind, parse_period
from cs_tui.domain.incentives.plan import Curve

Q2 = parse_period("2026-Q2", date(2026, 6, 15))


@pytest.mark.parametrize(
    ("actual", "target", "direction", "expected"),
    [
        (F("0.9"), F("0.9"), Direction.MORE, F(1)),
        (F("0.45"), F("0.9"), Direction.MORE, F("0.5")),
        (F("1.8"), F("0.9"), Direction.MORE, F(2)),
        (F(-10), F(40), Direction.MORE, F(0)),  # a negative NPS attains nothing
        (F(12), F(8), Direction.LESS, F(2, 3)),  # 12 h response against an 8 h target
        (F(4), F(8), Direction.LESS, F(2)),
        (F(0), F(8), Direction.LESS, MAX_ATTAINMENT),
        (F(1000), F(1), Direction.MORE, MAX_ATTAINMENT),
    ],
)
def test_ratio_attainment(actual: F, target: F, direction: Direction, expected: F) -> None:
    assert ratio_attainment(actual, target, direction) == expected


@pytest.mark.parametrize(
    ("actual", "floor", "target", "expected"),
    [
        (F("0.95"), F("0.75"), F("0.95"), F(1)),
        (F("0.85"), F("0.75"), F("0.95"), F("0.5")),
        (F("0.70"), F("0.75"), F("0.95"), F(0)),  # below the floor
        (F("1.00"), F("0.75"), F("0.95"), F(5, 4)),
        (F(36), F(48), F(24), F("0.5")),  # less is better: floor 48 h, target 24 h
        (F(60), F(48), F(24), F(0)),
    ],
)
def test_band_attainment(actual: F, floor: F, target: F, expected: F) -> None:
    assert band_attainment(actual, floor, target) == expected


CURVE = Curve(threshold=F("0.4"), accelerator=F(2), cap=F("1.8"))


@pytest.mark.parametrize(
    ("attainment", "expected"),
    [
        (F("0.39"), F(0)),  # below the threshold: nothing
        (F("0.4"), F("0.4")),  # at the threshold: linear
        (F("0.8"), F("0.8")),
        (F(1), F(1)),
        (F("1.2"), F("1.4")),  # accelerated: 1 + 2 x 0.2
        (F("1.4"), F("1.8")),  # reaches the cap
        (F(3), F("1.8")),  # capped
    ],
)
def test_payout_curve(attainment: F, expected: F) -> None:
    assert payout_factor(attainment, CURVE) == expected


def test_an_uncapped_curve_keeps_accelerating() -> None:
    assert payout_factor(F(2), Curve(accelerator=F("1.5"))) == F("2.5")


TIERS = ((2_000_000, F("0.05")), (None, F("0.10")))  # 5% up to 20,000.00, 10% above


@pytest.mark.parametrize(
    ("amount", "cap", "earned", "paid", "withheld"),
    [
        (0, None, 0, 0, 0),
        (1_000_000, None, 50_000, 50_000, 0),  # 10,000: 5% = 500.00
        (2_000_000, None, 100_000, 100_000, 0),
        (3_000_000, None, 200_000, 200_000, 0),  # 1,000 + 10% of 10,000 = 2,000.00
        (3_000_000, F(150_000), 200_000, 150_000, 50_000),  # the cap keeps 500.00 back
    ],
)
def test_marginal_commission(
    amount: int, cap: F | None, earned: int, paid: int, withheld: int
) -> None:
    result = commission(amount, TIERS, cap)
    assert (result.earned, result.paid, result.withheld) == (earned, paid, withheld)
    assert sum(line.amount_minor for line in result.tiers) == amount


def test_proration_counts_the_days_on_the_plan() -> None:
    assert proration(Q2, None, None) == 1
    assert proration(Q2, date(2026, 5, 1), None) == F(61, 91)
    assert proration(Q2, None, date(2026, 4, 30)) == F(30, 91)
    assert proration(Q2, date(2026, 7, 1), None) == 0


PLAN = {
    "name": "CSM plan", "period": "quarter", "currency": "USD", "on_target_earnings": 120000,
    "mix": {"base": 60, "performance": 30, "commission": 10},
    "components": [
        {"key": "retention", "kind": "performance", "metric": "grr", "category": "result",
         "weight": 40, "attainment": "band", "floor": 0.75, "target": 0.95, "threshold": 0.4,
         "accelerator": 2.0, "cap": 1.8},
        {"key": "voice", "kind": "performance", "metric": "nps", "weight": 60,
         "attainment": "ratio", "target": 40},
        {"key": "upsell", "kind": "commission", "metric": "expansion_arr",
         "tiers": [{"up_to": 30000, "rate": 0.04}, {"rate": 0.08}], "cap": 2.5},
    ],
    "owners": {"Dana": {"targets": {"retention": 0.9}, "starts_on": date(2026, 5, 1)}},
}  # fmt: skip


def _actuals(grr: str, nps: int | None, expansion_minor: int) -> dict[str, MetricActual]:
    return {
        "grr": MetricActual("grr", F(grr)),
        "nps": MetricActual("nps", None if nps is None else F(nps)),
        "expansion_arr": MetricActual("expansion_arr", F(expansion_minor)),
    }


def test_a_worked_quarter() -> None:
    """120,000 a year, 60:30:10, a quarter: base 18,000, performance 9,000, commission 3,000."""
    plan = parse_plan(PLAN)
    payout = compute_payout(plan, "Sam", Q2, _actuals("0.97", 30, 4_000_000), date(2026, 6, 30))
    assert payout.on_target_minor == 3_000_000
    assert payout.base.paid_minor == 1_800_000
    retention, voice = payout.performance
    # band (0.97 - 0.75) / (0.95 - 0.75) = 1.1, accelerated to 1.2; 40% of 9,000 = 3,600
    assert (retention.attainment, retention.factor) == (F("1.1"), F("1.2"))
    assert (retention.on_target_minor, retention.amount_minor) == (360_000, 432_000)
    # ratio 30 / 40 = 0.75 of 5,400
    assert (voice.attainment, voice.amount_minor) == (F("0.75"), 405_000)
    assert payout.performance_total.paid_minor == 837_000
    (upsell,) = payout.commission
    # 4% of 30,000 + 8% of 10,000 = 2,000, under the cap of 2.5 x 3,000
    assert (upsell.paid_minor, upsell.withheld_minor) == (200_000, 0)
    assert payout.total_minor == 1_800_000 + 837_000 + 200_000


def test_the_commission_cap_withholds_and_says_how_much() -> None:
    plan = parse_plan(PLAN)
    payout = compute_payout(plan, "Sam", Q2, _actuals("0.95", 40, 12_000_000), date(2026, 6, 30))
    (upsell,) = payout.commission
    # 1,200 + 8% of 90,000 = 8,400 earned; the cap is 2.5 x 3,000 = 7,500
    assert (upsell.result.earned, upsell.paid_minor, upsell.withheld_minor) == (
        840_000,
        750_000,
        90_000,
    )


def test_own_targets_and_a_part_period() -> None:
    plan = parse_plan(PLAN)
    payout = compute_payout(plan, "Dana", Q2, _actuals("0.9", None, 0), date(2026, 6, 30))
    assert payout.proration == F(61, 91)
    retention, voice = payout.performance
    assert retention.target == F("0.9") and retention.attainment == 1
    assert voice.attainment is None and voice.amount_minor == 0 and "no data" in voice.note
    assert payout.base.paid_minor == round(F(1_800_000) * F(61, 91))


def test_below_the_threshold_pays_nothing() -> None:
    plan = parse_plan(PLAN)
    payout = compute_payout(plan, "Sam", Q2, _actuals("0.80", 40, 0), date(2026, 6, 30))
    retention = payout.performance[0]
    assert retention.attainment == F(1, 4) and retention.amount_minor == 0
    assert "threshold" in retention.note


def test_what_if_values() -> None:
    assert parse_what_if(("grr=0.9", "nps=35", "expansion_arr=25,000", "nrr=104%"), "USD") == {
        "grr": F("0.9"), "nps": F(35), "expansion_arr": F(2_500_000), "nrr": F("1.04"),
    }  # fmt: skip
    changed = what_if(_actuals("0.8", 10, 0), {"grr": F("0.95")})
    assert changed["grr"].value == F("0.95") and changed["nps"].value == 10
    for bad, said in (
        ("grr", "metric=value"),
        ("gross=0.9", "unknown metric"),
        ("nps=lots", "not a number"),
    ):
        with pytest.raises(WhatIfError, match=said):
            parse_what_if((bad,), "USD")


def test_periods() -> None:
    today = date(2026, 6, 15)
    assert parse_period("2026-Q2", today).start == date(2026, 4, 1)
    assert parse_period("2026-q2", today).end == date(2026, 6, 30)
    assert parse_period("2026-02", today).end == date(2026, 2, 28)
    assert parse_period("2026", today).days == 365
    assert parse_period("current", today, PeriodKind.QUARTER).label == "2026-Q2"
    assert parse_period("previous", today, PeriodKind.MONTH).label == "2026-05"
    assert parse_period("2026-12", today).previous().label == "2026-11"
    with pytest.raises(ValueError, match="pays per quarter"):
        parse_period("2026-06", today, PeriodKind.QUARTER)
    with pytest.raises(ValueError, match="month 13"):
        parse_period("2026-13", today)
    with pytest.raises(ValueError, match="not a period"):
        parse_period("Q2", today)


fractions = st.fractions(min_value=0, max_value=20, max_denominator=1000)
curves = st.builds(
    Curve,
    threshold=st.fractions(min_value=0, max_value=1, max_denominator=100),
    accelerator=st.fractions(min_value=0, max_value=5, max_denominator=100),
    cap=st.none() | st.fractions(min_value=1, max_value=5, max_denominator=100),
)


@given(fractions, fractions, curves)
def test_the_factor_is_never_negative_never_above_the_cap_and_monotonic(
    a: F, b: F, curve: Curve
) -> None:
    low, high = sorted((a, b))
    f_low, f_high = payout_factor(low, curve), payout_factor(high, curve)
    assert 0 <= f_low <= f_high
    if curve.cap is not None:
        assert f_high <= curve.cap


@given(
    st.integers(min_value=0, max_value=10**10),
    st.integers(min_value=0, max_value=10**10),
    st.none() | st.fractions(min_value=0, max_value=10**8, max_denominator=10),
)
def test_commission_is_never_negative_never_above_its_cap_and_monotonic(
    a: int, b: int, cap: F | None
) -> None:
    low, high = sorted((a, b))
    paid_low, paid_high = commission(low, TIERS, cap), commission(high, TIERS, cap)
    assert 0 <= paid_low.paid <= paid_high.paid
    assert paid_high.paid + paid_high.withheld == paid_high.earned
    if cap is not None:
        assert paid_high.paid <= cap


@given(
    st.fractions(min_value=0, max_value=2, max_denominator=1000),
    st.fractions(min_value=0, max_value=2, max_denominator=1000),
)
def test_a_payout_grows_with_the_metric_and_stays_under_its_caps(a: F, b: F) -> None:
    plan = parse_plan(PLAN)
    low, high = sorted((a, b))
    payouts = [
        compute_payout(plan, "Sam", Q2, _actuals(str(v), 40, 0), date(2026, 6, 30))
        for v in (low, high)
    ]
    assert 0 <= payouts[0].total_minor <= payouts[1].total_minor
    retention = payouts[1].performance[0]
    assert retention.amount_minor <= round(retention.on_target_minor * F("1.8"))
