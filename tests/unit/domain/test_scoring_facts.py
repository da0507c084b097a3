"""From the store's aggregates to measure values: NPS, CSAT, usage trend, plan progress, sentiment."""

from datetime import date, timedelta

import pytest

from cs_tui.domain.scoring import AccountFacts, ObjectiveFacts, plan_progress
from cs_tui.domain.scoring.catalogue import MEASURE_INDEX
from cs_tui.domain.scoring.facts import csat, measure_values, nps, usage_change
from cs_tui.domain.work.cadence import Cadences, TouchStatus

AS_OF = date(2026, 6, 15)


def test_nps_is_promoters_minus_detractors_over_all_answers() -> None:
    assert nps(promoters=5, detractors=2, responses=10) == 30.0  # 3 passives count only below
    assert nps(0, 3, 3) == -100.0
    assert nps(0, 0, 0) is None


def test_csat_is_the_share_of_fours_and_fives() -> None:
    assert csat(satisfied=3, responses=4) == 75.0
    assert csat(0, 0) is None


@pytest.mark.parametrize(
    ("recent", "previous", "change"),
    [(120, 100, 20.0), (50, 100, -50.0), (0, 0, 0.0), (10, 0, 100.0), (None, 5, None)],
)
def test_usage_trend_compares_the_last_window_with_the_one_before(
    recent: float | None, previous: float | None, change: float | None
) -> None:
    assert usage_change(recent, previous) == (pytest.approx(change) if change is not None else None)


def test_plan_progress_comes_from_metrics_else_milestones() -> None:
    by_metric = ObjectiveFacts("on_track", baseline=10, target=30, current=25, milestones_done=0,
                               milestones=0)  # fmt: skip
    by_milestones = ObjectiveFacts("on_track", None, None, None, milestones_done=1, milestones=4)
    beyond_target = ObjectiveFacts("on_track", 10, 30, 50, 0, 0)
    unknown = ObjectiveFacts("not_started", None, None, None, 0, 0)
    assert plan_progress("active", [by_metric, by_milestones]) == pytest.approx(50.0)
    assert plan_progress("active", [beyond_target, unknown]) == 100.0
    assert plan_progress("agreed", [unknown]) is None
    assert plan_progress("achieved", []) == 100.0
    assert plan_progress("abandoned", [by_metric]) == 0.0
    assert plan_progress("draft", [by_metric]) is None
    assert plan_progress(None, []) is None


def _facts(**changes: object) -> AccountFacts:
    base = AccountFacts("SMB", "value", 20, 15, 100.0, 80.0, 0.5, 2.0, 6.0)
    return base._replace(**changes)


@pytest.mark.parametrize(("age", "counted"), [(0, True), (60, True), (61, False), (-1, False)])
def test_sentiment_counts_until_it_expires(age: int, counted: bool) -> None:
    facts = _facts(sentiment=4, sentiment_on=AS_OF - timedelta(days=age))
    value = measure_values(facts, AS_OF, sentiment_days=60)[MEASURE_INDEX["csm_sentiment"]]
    assert value == (4.0 if counted else None)


def test_measure_values_follow_the_catalogue() -> None:
    facts = _facts(nps_promoters=1, nps_responses=2, csat_satisfied=1, csat_responses=1,
                   last_touch_on=AS_OF - timedelta(days=9), overdue_followups=2)  # fmt: skip
    found = dict(zip(MEASURE_INDEX, measure_values(facts, AS_OF, 60), strict=True))
    assert found == {
        "licence_utilisation": 0.75, "usage_trend": pytest.approx(25.0), "feature_adoption": 0.5,
        "open_tickets": 2.0, "first_response_hours": 6.0, "nps": 50.0, "csat": 100.0,
        "last_touch": 9.0, "plan_progress": None, "overdue_followups": 2.0, "csm_sentiment": None,
    }  # fmt: skip
    assert measure_values(_facts(licensed_users=0), AS_OF, 60)[0] is None


@pytest.mark.parametrize(
    ("days_ago", "status"),
    [(14, TouchStatus.ON_CADENCE), (15, TouchStatus.DUE), (21, TouchStatus.DUE),
     (22, TouchStatus.OVERDUE), (None, TouchStatus.NEVER)],
)  # fmt: skip
def test_a_touch_is_due_past_the_cadence_and_overdue_past_one_and_a_half(
    days_ago: int | None, status: TouchStatus
) -> None:
    last = None if days_ago is None else AS_OF - timedelta(days=days_ago)
    assert Cadences().status(last, AS_OF, "Enterprise") is status
    assert Cadences().for_segment("Strategic") == 30
