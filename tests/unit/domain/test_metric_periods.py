"""Periods as people name them, their neighbours, and the default (the last full quarter)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.metrics.periods import (
    Period,
    PeriodError,
    default_period,
    parse_period,
    trailing,
)


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "2026-Q3"),
        ("2026q1", date(2026, 1, 1), date(2026, 3, 31), "2026-Q1"),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "2026-Q4"),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026"),
        ("2026-09", date(2026, 9, 1), date(2026, 9, 30), "2026-09"),
        ("2024-2", date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("2026-07-01..2026-09-30", date(2026, 7, 1), date(2026, 9, 30), "2026-07-01..2026-09-30"),
        (" 2026-07-15 .. 2026-07-15 ", date(2026, 7, 15), date(2026, 7, 15),
         "2026-07-15..2026-07-15"),
    ],
)  # fmt: skip
def test_periods_people_write(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "give a period"),
        ("2026-Q5", "is not a period"),
        ("2026-13", "no month 13"),
        ("last quarter", "is not a period"),
        ("2026-09-30..2026-07-01", "ends (2026-07-01) before it starts"),
        ("2026-02-30..2026-03-01", "not a date of the calendar"),
        ("2026-7-1..2026-09-30", "is not a date (YYYY-MM-DD)"),
    ],
)
def test_bad_periods_name_the_flag_and_the_problem(text: str, words: str) -> None:
    with pytest.raises(PeriodError) as raised:
        parse_period(text, flag="--period")
    assert str(raised.value).startswith("--period: ")
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 6, 15), "2026-Q1"),
        (date(2026, 7, 1), "2026-Q2"),
        (date(2026, 1, 1), "2025-Q4"),
        (date(2026, 12, 31), "2026-Q3"),
    ],
)
def test_the_default_is_the_last_full_quarter(today: date, expected: str) -> None:
    assert default_period(today).label == expected


@pytest.mark.parametrize(
    ("text", "previous", "following"),
    [
        ("2026-Q1", "2025-Q4", "2026-Q2"),
        ("2026", "2025", "2027"),
        ("2026-01", "2025-12", "2026-02"),
        ("2026-07-01..2026-07-10", "2026-06-21..2026-06-30", "2026-07-11..2026-07-20"),
    ],
)
def test_neighbours(text: str, previous: str, following: str) -> None:
    period = parse_period(text)
    assert period.previous().label == previous
    assert period.next().label == following


def test_trailing_periods_end_with_the_period_oldest_first() -> None:
    labels = [p.label for p in trailing(parse_period("2026-Q2"), 4)]
    assert labels == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]


@given(
    st.sampled_from(["quarter", "year", "month"]),
    st.integers(2000, 2090),
    st.integers(1, 12),
    st.integers(-30, 30),
)
def test_calendar_periods_tile_the_calendar(kind: str, year: int, month: int, steps: int) -> None:
    text = {"quarter": f"{year}-Q{(month - 1) // 3 + 1}", "year": str(year),
            "month": f"{year}-{month:02d}"}[kind]  # fmt: skip
    period = parse_period(text)
    moved = period.shifted(steps)
    assert moved.shifted(-steps) == period
    assert (moved.next().start - moved.end).days == 1
    assert parse_period(moved.label) == moved


@given(st.dates(date(2000, 1, 1), date(2090, 1, 1)), st.integers(0, 400), st.integers(-20, 20))
def test_ranges_step_by_their_length(start: date, length: int, steps: int) -> None:
    period = parse_period(f"{start.isoformat()}..{start.fromordinal(start.toordinal() + length)}")
    moved = period.shifted(steps)
    assert moved.days == period.days
    assert isinstance(moved, Period)
    assert (moved.next().start - moved.end).days == 1
