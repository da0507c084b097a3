"""Plain-text renderings used by the CLI and the screens."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.present import (
    SPARK_BLOCKS,
    days_phrase,
    health_cell,
    number,
    renewal_cell,
    sparkline,
    trend_glyph,
)


@pytest.mark.parametrize(
    ("delta", "glyph"), [(None, "·"), (0.0, "▶"), (2.0, "▶"), (2.1, "▲"), (-2.1, "▼"), (-30, "▼")]
)
def test_trend_glyph(delta: float | None, glyph: str) -> None:
    assert trend_glyph(delta) == glyph


@pytest.mark.parametrize(
    ("score", "band", "delta", "text"),
    [
        (82.4, "green", 5.0, "82 Healthy ▲"),
        (49.6, "red", -3.0, "50 At risk ▼"),
        (None, "insufficient", None, "Insufficient data"),
        (None, "", None, "Not scored"),
    ],
)
def test_health_cell_never_relies_on_colour(
    score: float | None, band: str, delta: float | None, text: str
) -> None:
    assert health_cell(score, band, delta) == text


@pytest.mark.parametrize(("days", "text"), [(0, "today"), (12, "in 12d"), (-3, "3d ago")])
def test_days_phrase(days: int, text: str) -> None:
    assert days_phrase(days) == text


def test_renewal_cell() -> None:
    assert renewal_cell(date(2026, 7, 1), date(2026, 6, 15)) == "2026-07-01 (in 16d)"
    assert renewal_cell(None, date(2026, 6, 15)) == "-"


@pytest.mark.parametrize(
    ("value", "text"), [(1234.0, "1,234"), (0.42, "0.42"), (12.5, "12.5"), (3.0, "3")]
)
def test_number(value: float, text: str) -> None:
    assert number(value) == text


def test_sparkline_spans_lowest_to_highest_block() -> None:
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == SPARK_BLOCKS
    assert sparkline([5, 5, 5]) == "▅▅▅"
    assert sparkline([]) == ""
    assert sparkline([1, 2, 3, 4], width=2) == "▁█"


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=60))
def test_sparkline_has_one_block_per_value(values: list[float]) -> None:
    line = sparkline(values)
    assert len(line) == len(values)
    assert set(line) <= set(SPARK_BLOCKS)


def test_a_score_history_is_drawn_on_the_whole_0_to_100_scale() -> None:
    assert sparkline([86, 86, 92], bounds=(0, 100)) == "▇▇▇"  # a small rise stays small
    assert sparkline([0, 50, 100], bounds=(0, 100)) == "▁▅█"
    assert sparkline([-5, 120], bounds=(0, 100)) == "▁█"  # out of range is clamped
