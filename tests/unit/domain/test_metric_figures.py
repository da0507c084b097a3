"""The figures as shown: percentages, sparklines and arrows, and one figure per kind for a group."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.metrics.book import book_metrics
from cs_tui.domain.metrics.figures import (
    FIGURE_IDS,
    PER_CURRENCY,
    SPARKS,
    direction,
    figures,
    share_text,
    sparkline,
)
from cs_tui.domain.metrics.flows import AccountFacts
from cs_tui.domain.metrics.periods import parse_period


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, "-"), (0.85, "85%"), (1.0303, "103%"), (0.8531, "85.3%"), (0.0, "0%")],
)
def test_shares_read_as_percentages(value: float | None, text: str) -> None:
    assert share_text(value) == text


@pytest.mark.parametrize(
    ("values", "line", "arrow"),
    [
        ([1.0, 2.0, 3.0], "▁▅█", "▲"),
        ([3.0, 2.0, 1.0], "█▅▁", "▼"),
        ([2.0, 2.0], "▄▄", "▶"),
        ([None, 1.0, None], " ▄ ", "·"),
        ([], "", "·"),
    ],
)
def test_sparklines_and_arrows(values: list[float | None], line: str, arrow: str) -> None:
    assert sparkline(values) == line
    assert direction(values) == arrow


@given(st.lists(st.none() | st.floats(-1e12, 1e12), max_size=12))
def test_a_sparkline_has_one_mark_per_period(values: list[float | None]) -> None:
    line = sparkline(values)
    assert len(line) == len(values)
    for value, mark in zip(values, line, strict=True):
        assert (mark == " ") == (value is None)
        assert mark == " " or mark in SPARKS


def test_every_figure_of_a_group() -> None:
    account = AccountFacts("a", "A", "ana", "SMB", "EUR", 120_000, None, "red", False)
    total = book_metrics([account], [], parse_period("2026-Q1"), today=date(2026, 6, 1)).total
    shown = {f.kind.id: f for f in figures(total, "EUR")}
    assert tuple(shown) == FIGURE_IDS
    assert set(FIGURE_IDS) > PER_CURRENCY
    assert shown["starting"].text == "€1,200"
    assert shown["grr"].text == "100%"
    assert shown["at_risk"].text == "€1,200" and shown["at_risk"].detail == "1 account"
    assert shown["nps"].text == "-" and shown["nps"].detail == "0 responses"
    assert shown["accounts"].text == "1" and shown["accounts"].detail == "1 at the start"
