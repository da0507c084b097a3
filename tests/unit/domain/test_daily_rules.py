"""Cadence, coverage, progress and the Today rules: the pure decisions behind daily work."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.plans.coverage import PlanCoverage
from cs_tui.domain.plans.progress import (
    ProgressSource,
    measured_progress,
    objective_progress,
    plan_progress,
)
from cs_tui.domain.work.cadence import (
    DEFAULT_CADENCES,
    Cadences,
    TouchStatus,
    default_due_on,
    segment_key,
    touch_status,
)
from cs_tui.domain.work.today_rules import (
    TodayRules,
    band_dropped,
    follow_up_needs_me,
    survey_alert,
)

TODAY = date(2026, 6, 15)
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@pytest.mark.parametrize(
    ("days_ago", "cadence", "state", "severity"),
    [
        (0, 14, TouchStatus.ON_CADENCE, "green"),
        (14, 14, TouchStatus.ON_CADENCE, "green"),
        (15, 14, TouchStatus.DUE, "yellow"),
        (21, 14, TouchStatus.DUE, "yellow"),
        (22, 14, TouchStatus.OVERDUE, "red"),
        (45, 30, TouchStatus.DUE, "yellow"),
        (46, 30, TouchStatus.OVERDUE, "red"),
        (None, 60, TouchStatus.NEVER, "red"),
    ],
)
def test_cadence_yellow_past_cadence_red_past_one_and_a_half(
    days_ago: int | None, cadence: int, state: TouchStatus, severity: str
) -> None:
    last = None if days_ago is None else TODAY - timedelta(days=days_ago)
    assert touch_status(last, TODAY, cadence) is state
    assert state.severity == severity


def test_segments_match_loosely_and_unknown_ones_fall_back() -> None:
    assert segment_key("Mid-Market") == segment_key("mid market") == segment_key("MID_MARKET")
    assert DEFAULT_CADENCES.for_segment("mid market") == 30
    assert DEFAULT_CADENCES.for_segment("enterprise") == 14
    assert DEFAULT_CADENCES.for_segment("Startups") == 30
    assert Cadences({"SMB": 90}, fallback_days=45).for_segment("") == 45


def test_a_cadence_must_be_at_least_a_day() -> None:
    with pytest.raises(ValueError, match="at least 1 day"):
        Cadences({"SMB": 0})


@given(
    st.sampled_from(["Enterprise", "Mid-Market", "SMB", "", "Other"]),
    st.dates(max_value=date(9000, 1, 1)),
)
def test_default_due_date_is_today_plus_the_segment_cadence(segment: str, today: date) -> None:
    due = default_due_on(today, segment)
    assert (due - today).days == DEFAULT_CADENCES.for_segment(segment)
    assert due > today


@pytest.mark.parametrize(
    ("renewing", "agreed", "share", "meets", "missing"),
    [
        (0, 0, None, True, 0),
        (4, 2, 0.5, True, 0),
        (5, 2, 0.4, False, 1),  # half of 5 is 3 plans
        (10, 7, 0.7, True, 0),
        (3, 0, 0.0, False, 2),
    ],
)
def test_coverage_against_the_half_target(
    renewing: int, agreed: int, share: float | None, meets: bool, missing: int
) -> None:
    coverage = PlanCoverage(renewing=renewing, with_agreed_plan=agreed)
    assert coverage.share == share
    assert coverage.meets_target is meets
    assert coverage.missing == missing


@given(st.integers(0, 10_000), st.data(), st.floats(0, 1))
def test_coverage_is_a_share_between_zero_and_one(
    renewing: int, data: st.DataObject, target: float
) -> None:
    agreed = data.draw(st.integers(0, renewing))
    coverage = PlanCoverage(renewing=renewing, with_agreed_plan=agreed, target=target)
    assert coverage.share is None or 0.0 <= coverage.share <= 1.0
    assert coverage.meets_target == (coverage.missing == 0)


def test_more_agreed_plans_than_renewals_is_refused() -> None:
    with pytest.raises(ValueError, match="3 agreed plans among 2 renewing accounts"):
        PlanCoverage(renewing=2, with_agreed_plan=3)


@pytest.mark.parametrize(
    ("baseline", "target", "value", "expected"),
    [
        (100, 200, 150, 50.0),
        (100, 200, 250, 100.0),  # past the target: done, not 150%
        (100, 200, 80, 0.0),  # below the baseline: nothing yet, not negative
        (30, 10, 20, 50.0),  # less is better: hours of first response
        (30, 10, 5, 100.0),
        (None, 200, 150, None),
        (100, 100, 150, None),  # no change to measure
        (100, 200, None, None),
    ],
)
def test_measured_progress(
    baseline: float | None, target: float | None, value: float | None, expected: float | None
) -> None:
    assert measured_progress(baseline, target, value) == expected


def test_objective_progress_prefers_achieved_then_metric_then_milestones() -> None:
    common = {"baseline": 0.0, "target": 10.0, "milestones_done": 1, "milestones_total": 4}
    achieved = objective_progress(achieved=True, value=2.0, **common)
    assert (achieved.percent, achieved.source) == (100.0, ProgressSource.ACHIEVED)
    measured = objective_progress(achieved=False, value=2.0, **common)
    assert (measured.percent, measured.source) == (20.0, ProgressSource.METRIC)
    by_milestones = objective_progress(achieved=False, value=None, **common)
    assert (by_milestones.percent, by_milestones.source) == (25.0, ProgressSource.MILESTONES)
    nothing = objective_progress(
        achieved=False,
        baseline=None,
        target=None,
        value=None,
        milestones_done=0,
        milestones_total=0,
    )
    assert nothing.percent is None and nothing.source is ProgressSource.NONE


@given(finite, finite, finite, st.integers(0, 50), st.integers(0, 50))
def test_progress_always_stays_within_0_and_100(
    baseline: float, target: float, value: float, done: int, total: int
) -> None:
    done = min(done, total)
    progress = objective_progress(
        achieved=False, baseline=baseline, target=target, value=value,
        milestones_done=done, milestones_total=total,
    )  # fmt: skip
    assert progress.percent is None or 0.0 <= progress.percent <= 100.0


@given(st.lists(st.one_of(st.none(), st.floats(0, 100))))
def test_plan_progress_is_the_mean_of_what_is_known(percents: list[float | None]) -> None:
    known = [p for p in percents if p is not None]
    result = plan_progress(percents)
    if not known:
        assert result is None
    else:
        assert result is not None
        assert min(known) - 1e-9 <= result <= max(known) + 1e-9


@pytest.mark.parametrize(
    ("due_in", "snoozed_in", "shown"),
    [
        (-3, None, True),
        (0, None, True),
        (1, None, False),
        (-3, 2, False),
        (-3, 0, True),
        (None, None, False),
    ],
)
def test_follow_ups_in_today_are_due_and_not_snoozed(
    due_in: int | None, snoozed_in: int | None, shown: bool
) -> None:
    due = None if due_in is None else TODAY + timedelta(days=due_in)
    snoozed = None if snoozed_in is None else TODAY + timedelta(days=snoozed_in)
    assert follow_up_needs_me(due, snoozed, TODAY) is shown


@pytest.mark.parametrize(
    ("before", "now", "dropped"),
    [
        ("green", "yellow", True),
        ("green", "red", True),
        ("yellow", "red", True),
        ("red", "yellow", False),
        ("green", "green", False),
        ("green", "insufficient", False),
        ("insufficient", "red", False),
    ],
)
def test_band_drops(before: str, now: str, dropped: bool) -> None:
    assert band_dropped(before, now) is dropped


@pytest.mark.parametrize(
    ("kind", "score", "alert"),
    [
        ("nps", 0, "detractor"),
        ("nps", 6, "detractor"),
        ("nps", 7, None),
        ("csat", 2, "low_csat"),
        ("csat", 3, None),
    ],
)
def test_survey_alerts(kind: str, score: int, alert: str | None) -> None:
    assert survey_alert(kind, score) == alert


def test_today_rules_refuse_empty_windows() -> None:
    with pytest.raises(ValueError, match="renewal_window_days"):
        TodayRules(renewal_window_days=0)
    with pytest.raises(ValueError, match="coverage_target"):
        TodayRules(coverage_target=1.5)
