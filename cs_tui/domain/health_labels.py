"""The words for a health score, one vocabulary for the app, the command line and the exports.

A band is named by its label ("At risk", "Watch", "Healthy"), an account without enough data by
"Insufficient data", one never scored by "Not scored"; a score a CSM set by hand is marked
"override" wherever the score appears, so nobody mistakes it for the computed one.
"""

from collections.abc import Mapping

BAND_LABELS: Mapping[str, str] = {
    "red": "At risk",
    "yellow": "Watch",
    "green": "Healthy",
    "insufficient": "Insufficient data",
    "": "Not scored",
}
INSUFFICIENT_LABEL = BAND_LABELS["insufficient"]
NOT_SCORED_LABEL = BAND_LABELS[""]
OVERRIDE_LABEL = "override"
"""The mark of a manual score, after the score it marks: `72 Healthy ▶ override`."""
TREND_STEADY_POINTS = 2.0


def band_label(band: str) -> str:
    """`red` -> "At risk"; an unknown band shows as itself."""
    return BAND_LABELS.get(band, band)


def trend_glyph(delta: float | None) -> str:
    if delta is None:
        return "·"
    if delta > TREND_STEADY_POINTS:
        return "▲"
    if delta < -TREND_STEADY_POINTS:
        return "▼"
    return "▶"


def health_label(band: str, *, overridden: bool = False) -> str:
    """The band's label, marked when the score behind it was set by hand: `Healthy (override)`."""
    label = band_label(band)
    return f"{label} ({OVERRIDE_LABEL})" if overridden else label


def health_cell(
    score: float | None, band: str, delta: float | None, *, overridden: bool = False
) -> str:
    """`72 Healthy ▲`, `40 At risk ▼ override`, or the label alone when there is no score."""
    if score is None:
        return band_label(band)
    cell = f"{score:.0f} {band_label(band)} {trend_glyph(delta)}"
    return f"{cell} {OVERRIDE_LABEL}" if overridden else cell
