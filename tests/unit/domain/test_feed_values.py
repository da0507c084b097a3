"""What a metric feed's value may be: finite, shares 0-1, counts and hours never negative."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.scoring.scorecard import SignalSettings
from cs_tui.domain.signals.feed_values import ValueKind, kind_of, metric_kinds, value_problem

KINDS = metric_kinds(SignalSettings())


@pytest.mark.parametrize(
    ("metric", "value", "problem"),
    [
        ("feature_adoption", 0.62, None),
        ("feature_adoption", 0.0, None),
        ("feature_adoption", 1.0, None),
        ("feature_adoption", 62.0, "feature_adoption is a share between 0 and 1, not 62 "
         "(write 0.62 for 62%)"),
        ("feature_adoption", -0.1, "feature_adoption is a share between 0 and 1, not -0.1"),
        ("feature_adoption", 250.0, "feature_adoption is a share between 0 and 1, not 250"),
        ("seat_share", 1.01, "seat_share is a share between 0 and 1, not 1.01"),
        ("churn_ratio", 2.0, "churn_ratio is a share between 0 and 1, not 2 (write 0.02 for 2%)"),
        ("open_tickets", 0.0, None),
        ("open_tickets", -1.0, "open_tickets is a count and cannot be negative"),
        ("active_users", -3.0, "active_users is a count and cannot be negative"),
        ("logins_30d", -1.0, "logins_30d is a count and cannot be negative"),
        ("seats_count", -1.0, "seats_count is a count and cannot be negative"),
        ("first_response_hours", -0.5, "first_response_hours is a number of hours and cannot "
         "be negative"),
        ("usage_trend", -40.0, None),
        ("health_score", 1e300, None),
        ("health_score", math.nan, "not a finite number"),
        ("health_score", math.inf, "not a finite number"),
        ("open_tickets", -math.inf, "not a finite number"),
    ],
)  # fmt: skip
def test_value_rules(metric: str, value: float, problem: str | None) -> None:
    assert value_problem(metric, value, KINDS) == problem


def test_a_scorecard_that_renames_its_feeds_renames_the_rules() -> None:
    kinds = metric_kinds(SignalSettings(adoption_metric="adoption", tickets_metric="tickets"))
    assert kind_of("adoption", kinds) is ValueKind.SHARE
    assert kind_of("tickets", kinds) is ValueKind.COUNT
    assert kind_of("feature_adoption", kinds) is ValueKind.NUMBER


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([*sorted(KINDS), "x"]))
def test_a_value_passes_only_inside_its_kinds_range(value: float, metric: str) -> None:
    problem = value_problem(metric, value, KINDS)
    kind = kind_of(metric, KINDS)
    inside = (
        math.isfinite(value)
        and {
            ValueKind.SHARE: 0 <= value <= 1,
            ValueKind.COUNT: value >= 0,
            ValueKind.HOURS: value >= 0,
            ValueKind.NUMBER: True,
        }[kind]
    )
    assert (problem is None) is inside
