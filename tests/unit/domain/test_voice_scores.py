"""NPS, CSAT, their windows and trend, and reading scores as survey tools write them."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.enums import SurveyKind
from cs_tui.domain.voice.scores import csat, nps, nps_category, parse_score, percent, signed
from cs_tui.domain.voice.windows import (
    csat_as_of,
    in_window,
    nps_as_of,
    quarter_of,
    quarterly_trend,
    window_start,
)

NPS, CSAT = SurveyKind.NPS, SurveyKind.CSAT
DAY = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("9", NPS, 9),
        (" 10 ", NPS, 10),
        ("9.0", NPS, 9),
        ("0 - Not at all likely", NPS, 0),
        ("10 - Extremely likely", NPS, 10),
        ("Extremely likely", NPS, 10),
        ("Not at all likely", NPS, 0),
        ("4", CSAT, 4),
        ("Very satisfied", CSAT, 5),
        ("very dissatisfied", CSAT, 1),
        ("Neither satisfied nor dissatisfied", CSAT, 3),
        ("5 - Very satisfied", CSAT, 5),
    ],
)
def test_scores_as_tools_write_them(text: str, kind: SurveyKind, expected: int) -> None:
    assert parse_score(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("11", NPS, "NPS score must be 0-10, not 11"),
        ("0", CSAT, "CSAT score must be 1-5, not 0"),
        ("6", CSAT, "CSAT score must be 1-5, not 6"),
        ("great", NPS, r"not an NPS score \(expected 0-10\)"),
        ("7 or 8", NPS, "not an NPS score"),
        ("9.5", NPS, "not an NPS score"),
    ],
)
def test_unreadable_scores_say_why(text: str, kind: SurveyKind, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_score(text, kind)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([], None),
        ([10, 9, 8, 7, 6], 20.0),
        ([0, 0, 0], -100.0),
        ([9, 10], 100.0),
        ([7, 8], 0.0),
        ([10, 10, 10, 0, 6, 7, 8, 9, 5, 3], 0.0),
    ],
)
def test_nps_is_promoters_minus_detractors(scores: list[int], expected: float | None) -> None:
    assert nps(scores).score == expected


def test_nps_categories_at_their_edges() -> None:
    assert [nps_category(s) for s in (0, 6, 7, 8, 9, 10)] == [
        "detractor", "detractor", "passive", "passive", "promoter", "promoter",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("scores", "expected"), [([], None), ([5, 4, 3, 2], 50.0), ([1, 2], 0.0), ([4], 100.0)]
)
def test_csat_is_the_share_of_fours_and_fives(scores: list[int], expected: float | None) -> None:
    assert csat(scores).score == expected


def test_how_the_numbers_read() -> None:
    assert [signed(v) for v in (42.4, -7.0, 0.0, None)] == ["+42", "-7", "0", "-"]
    assert [percent(v) for v in (66.66, None)] == ["67%", "-"]


@given(st.lists(st.integers(0, 10), max_size=60))
def test_nps_stays_within_bounds_and_counts_everyone(scores: list[int]) -> None:
    result = nps(scores)
    assert result.promoters + result.passives + result.detractors == len(scores)
    assert result.score is None or -100.0 <= result.score <= 100.0


@given(st.lists(st.integers(1, 5), max_size=60), st.integers(1, 5))
def test_adding_a_satisfied_answer_never_lowers_csat(scores: list[int], extra: int) -> None:
    before, after = csat(scores).score, csat([*scores, 5]).score
    assert after is not None and (before is None or after >= before)


@given(st.integers(0, 10))
def test_every_nps_score_reads_back(score: int) -> None:
    assert parse_score(str(score), NPS) == score


def test_windows_end_on_and_include_the_day() -> None:
    assert window_start(DAY, 1) == DAY
    assert in_window(DAY - timedelta(days=179), DAY, 180)
    assert not in_window(DAY - timedelta(days=180), DAY, 180)
    assert not in_window(DAY + timedelta(days=1), DAY, 180)
    with pytest.raises(ValueError, match="at least one day"):
        window_start(DAY, 0)


def test_nps_over_180_days_and_csat_over_90() -> None:
    responses = [
        (DAY, NPS, 10),
        (DAY - timedelta(days=170), NPS, 0),
        (DAY - timedelta(days=200), NPS, 0),  # too old for NPS
        (DAY - timedelta(days=80), CSAT, 5),
        (DAY - timedelta(days=100), CSAT, 1),  # too old for CSAT
        (DAY + timedelta(days=3), NPS, 0),  # after the day asked about
    ]
    assert nps_as_of(responses, DAY).score == 0.0
    assert csat_as_of(responses, DAY).score == 100.0


def test_the_trend_runs_by_quarter_oldest_first() -> None:
    responses = [
        (date(2026, 4, 2), NPS, 10),
        (date(2026, 1, 9), NPS, 3),
        (date(2025, 2, 1), NPS, 9),
    ]
    trend = quarterly_trend(responses, DAY, quarters=3)
    assert [p.label for p in trend] == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert [p.nps.score for p in trend] == [None, -100.0, 100.0]
    assert quarter_of(date(2026, 12, 31)) == (2026, 4)


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)), st.integers(1, 12))
def test_the_trend_has_as_many_consecutive_quarters_as_asked(day: date, quarters: int) -> None:
    trend = quarterly_trend([], day, quarters)
    assert len(trend) == quarters and len({p.label for p in trend}) == quarters
    assert trend[-1].label == f"{day.year}-Q{(day.month - 1) // 3 + 1}"
