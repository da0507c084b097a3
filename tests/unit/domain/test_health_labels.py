"""One vocabulary for a health score: the band's label, "Insufficient data", and the override mark."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.health_labels import (
    BAND_LABELS,
    OVERRIDE_LABEL,
    band_label,
    health_cell,
    health_label,
)
from cs_tui.domain.scoring.scorecard import Bands


@pytest.mark.parametrize(
    ("score", "band", "delta", "overridden", "cell", "label"),
    [
        (82.4, "green", 5.0, False, "82 Healthy ▲", "Healthy"),
        (35.0, "red", None, True, "35 At risk · override", "At risk (override)"),
        (60.0, "yellow", -3.0, True, "60 Watch ▼ override", "Watch (override)"),
        (None, "insufficient", None, False, "Insufficient data", "Insufficient data"),
        (None, "", None, False, "Not scored", "Not scored"),
    ],
)
def test_cells_and_labels(
    score: float | None, band: str, delta: float | None, overridden: bool, cell: str, label: str
) -> None:
    assert health_cell(score, band, delta, overridden=overridden) == cell
    assert health_label(band, overridden=overridden) == label


def test_the_shipped_scorecard_uses_the_same_words() -> None:
    from cs_tui.io.scorecard_file import DEFAULT_SCORECARD_FILE, read_scorecard

    bands: Bands = read_scorecard(DEFAULT_SCORECARD_FILE).bands
    for band in ("red", "yellow", "green", "insufficient"):
        assert bands.label(band) == band_label(band)


@given(
    score=st.floats(0, 100),
    band=st.sampled_from(sorted(BAND_LABELS)),
    delta=st.none() | st.floats(-100, 100),
    overridden=st.booleans(),
)
def test_a_cell_always_names_its_band_and_says_when_it_is_an_override(
    score: float, band: str, delta: float | None, overridden: bool
) -> None:
    cell = health_cell(score, band, delta, overridden=overridden)
    assert band_label(band) in cell
    assert cell.endswith(OVERRIDE_LABEL) is overridden
    assert "\n" not in cell
