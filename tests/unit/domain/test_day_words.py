"""Dates as people type them, and next steps typed on one line."""

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.day_words import DayWordError, parse_day
from cs_tui.domain.work.next_steps import NextStep, NextStepError, parse_next_step, parse_next_steps

MONDAY = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-07-01", date(2026, 7, 1)),
        ("today", MONDAY),
        ("Tomorrow", date(2026, 6, 16)),
        ("yesterday", date(2026, 6, 14)),
        ("+3", date(2026, 6, 18)),
        ("+3d", date(2026, 6, 18)),
        ("+2w", date(2026, 6, 29)),
        ("-4d", date(2026, 6, 11)),
        ("fri", date(2026, 6, 19)),
        ("Friday", date(2026, 6, 19)),
        ("mon", date(2026, 6, 22)),  # the next Monday, never today
        ("sun", date(2026, 6, 21)),
    ],
)
def test_accepted_forms(typed: str, expected: date) -> None:
    assert parse_day(typed, MONDAY) == expected


@pytest.mark.parametrize("typed", ["next month", "7/1", "2026-02-30", "fr", "+3m", "", "soon"])
def test_anything_else_is_refused_with_the_forms_listed(typed: str) -> None:
    with pytest.raises(DayWordError, match=r"YYYY-MM-DD|calendar date"):
        parse_day(typed, MONDAY)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 6))
def test_a_weekday_is_always_one_to_seven_days_ahead(today: date, weekday: int) -> None:
    names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    day = parse_day(names[weekday], today)
    assert day.weekday() == weekday
    assert timedelta(days=1) <= day - today <= timedelta(days=7)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 999))
def test_offsets_move_by_exactly_that_many_days(today: date, days: int) -> None:
    assert parse_day(f"+{days}d", today) == today + timedelta(days=days)
    assert parse_day(f"-{days}", today) == today - timedelta(days=days)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Send the pricing deck", NextStep("Send the pricing deck")),
        ("Send the pricing deck @fri", NextStep("Send the pricing deck", date(2026, 6, 19))),
        ("Call Ana@2026-07-01", NextStep("Call Ana", date(2026, 7, 1))),
        ("Renewal prep @ +2w", NextStep("Renewal prep", date(2026, 6, 29))),
        ("write to ana@acme.com", NextStep("write to ana@acme.com")),
        ("ask @Ana for the logo", NextStep("ask @Ana for the logo")),
        ("  trimmed  ", NextStep("trimmed")),
    ],
)
def test_next_step_lines(line: str, expected: NextStep) -> None:
    assert parse_next_step(line, MONDAY) == expected


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Send deck @fir", "next step 'Send deck @fir': 'fir' is not a date; use YYYY-MM-DD"),
        ("@fri", "next step '@fri' has a date but no text"),
        ("", "a next step needs some text"),
        ("   ", "a next step needs some text"),
    ],
)
def test_a_mistyped_date_or_missing_text_is_an_error_not_a_title(line: str, problem: str) -> None:
    with pytest.raises(NextStepError, match=re.escape(problem)):
        parse_next_step(line, MONDAY)


def test_a_next_steps_box_gives_one_step_per_line_and_names_a_bad_line() -> None:
    box = "Send deck @fri\n\n  Book QBR @+2w\nCall Ana"
    assert parse_next_steps(box, MONDAY) == [
        NextStep("Send deck", date(2026, 6, 19)),
        NextStep("Book QBR", date(2026, 6, 29)),
        NextStep("Call Ana"),
    ]
    with pytest.raises(NextStepError, match="line 2"):
        parse_next_steps("ok\nbad @fir", MONDAY)
