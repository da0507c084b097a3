"""Display names, and the QBR pack's rules: the trend, done and due, wins, misses, risks."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.metrics.periods import quarter
from cs_tui.domain.qbr import rules
from cs_tui.domain.qbr.pack import (
    HealthPoint,
    MilestoneLine,
    ObjectiveLine,
    RevenueLine,
    SurveyLine,
    Voice,
)


@pytest.mark.parametrize(
    ("person", "shown"),
    [("tess", "Tess"), ("sam.lee", "Sam Lee"), ("bob.smith@acme.com", "Bob Smith"), ("Dana Reyes", "Dana Reyes"),
     ("  Ana   de  Souza ", "Ana de Souza"), ("", ""), ("jo_anne-k", "Jo Anne K")],
)  # fmt: skip
def test_people_appear_by_display_name(person: str, shown: str) -> None:
    assert rules.display_name(person) == shown


def test_attendees_are_split_and_named_once() -> None:
    assert rules.people("Dana Reyes, sam.lee; Dana Reyes\n") == ("Dana Reyes", "Sam Lee")


def _point(day: int, score: float | None, band: str = "yellow") -> HealthPoint:
    return HealthPoint(date(2026, 4, 1) + timedelta(days=day), score, band)


def test_the_health_trend_runs_from_the_first_to_the_last_scored_day() -> None:
    trend = rules.health_trend(
        [_point(20, 70, "green"), _point(0, None, "insufficient"), _point(10, 55)]
    )
    assert (trend.start, trend.end, trend.delta, trend.low, trend.high, trend.band) == (
        55,
        70,
        15,
        55,
        70,
        "green",
    )
    empty = rules.health_trend([])
    assert (empty.delta, empty.band) == (None, "")


@given(
    st.lists(st.tuples(st.integers(0, 90), st.floats(0, 100)), min_size=1, unique_by=lambda t: t[0])
)
def test_the_trend_is_bounded_by_its_scores(points: list[tuple[int, float]]) -> None:
    trend = rules.health_trend(_point(d, s) for d, s in points)
    assert (
        trend.low is not None
        and trend.high is not None
        and trend.start is not None
        and trend.end is not None
    )
    assert trend.low <= min(trend.start, trend.end) <= max(trend.start, trend.end) <= trend.high
    assert [p.day for p in trend.points] == sorted(p.day for p in trend.points)


def _milestone(
    title: str, status: str, due: date | None, done: date | None = None
) -> MilestoneLine:
    return MilestoneLine(title, "Objective", "Tess", "ours", due, status, done)


def test_done_due_and_planned_milestones() -> None:
    q2 = quarter(2026, 2)
    milestones = [
        _milestone("done in Q2", "done", date(2026, 5, 1), date(2026, 5, 2)),
        _milestone("done in Q1", "done", date(2026, 3, 1), date(2026, 3, 2)),
        _milestone("late", "in_progress", date(2026, 3, 15)),
        _milestone("due in Q2", "todo", date(2026, 6, 20)),
        _milestone("due in Q3", "todo", date(2026, 8, 1)),
        _milestone("due in Q4", "todo", date(2026, 11, 1)),
        _milestone("undated", "todo", None),
    ]
    assert [m.title for m in rules.done_in(milestones, q2)] == ["done in Q2"]
    assert [m.title for m in rules.due_by(milestones, q2)] == ["late", "due in Q2"]
    assert [m.title for m in rules.planned_for(milestones, q2.next())] == [
        "late",
        "due in Q2",
        "due in Q3",
        "undated",
    ]


def _objective(title: str, status: str, progress: float | None) -> ObjectiveLine:
    return ObjectiveLine(title, "", "", None, None, None, progress, status, None, "")


def test_wins_and_misses() -> None:
    trend = rules.health_trend([_point(0, 80), _point(30, 60)])
    voice = Voice(None, 0, None, 0, ())
    objectives = [
        _objective("Adopt", "achieved", 100),
        _objective("Tickets", "missed", 40),
        _objective("Users", "on_track", 50),
    ]
    revenue = [
        RevenueLine(date(2026, 4, 2), "upsell", 1_000_00, "USD"),
        RevenueLine(date(2026, 4, 3), "churn", -2_000_00, "EUR"),
    ]
    late = [_milestone("Workshop", "todo", date(2026, 5, 1))]
    assert rules.wins(objectives, [], revenue, trend, voice) == (
        "Objective achieved: Adopt",
        "Upsell: $1,000",
    )
    assert rules.misses(objectives, late, revenue, trend, date(2026, 6, 15)) == (
        "Objective missed: Tickets (40%)",
        "Milestone late: Workshop (due 2026-05-01)",
        "Churn: €2,000",
        "Health down 20 points to 60",
    )
    assert (
        rules.misses([], late, [], rules.health_trend([]), date(2026, 4, 30)) == ()
    )  # not late yet


def test_risks_come_from_meetings_follow_ups_the_score_and_unhappy_answers() -> None:
    trend = rules.health_trend([_point(0, 30, "red")])
    voice = Voice(-100, 1, 0, 1, (
        SurveyLine(date(2026, 5, 2), "nps", 3, "Bob Smith", ""),
        SurveyLine(date(2026, 5, 3), "csat", 2, "", ""),
        SurveyLine(date(2026, 5, 4), "nps", 9, "Dana", ""),
    ))  # fmt: skip
    assert rules.risks(["Budget freeze\n\nNew CTO", "Budget freeze"], ["Champion may leave"], trend, voice) == (
        "Budget freeze", "New CTO", "Champion may leave", "Health is red (30)",
        "NPS 3 from Bob Smith on 2026-05-02", "CSAT 2 on 2026-05-03",
    )  # fmt: skip


@given(
    st.sampled_from(["renewal", "upsell", "downsell", "churn", "new", "cross_sell"]),
    st.integers(0, 10**9),
)
def test_losses_are_negative_and_the_rest_positive(kind: str, amount: int) -> None:
    signed = rules.signed_amount(kind, amount)
    assert abs(signed) == amount
    assert (signed <= 0) if kind in ("downsell", "churn") else (signed >= 0)
