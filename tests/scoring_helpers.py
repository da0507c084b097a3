"""Small scorecards and measure values for the scoring tests."""

import copy
from typing import Any

from cs_tui.domain.scoring import Scorecard, parse_scorecard
from cs_tui.domain.scoring.catalogue import MEASURE_INDEX, MEASURE_NAMES

BANDS = {
    "red": {"from": 0, "to": 50, "label": "At risk"},
    "yellow": {"from": 50, "to": 75, "label": "Watch"},
    "green": {"from": 75, "to": 100, "label": "Healthy"},
}


def linear(group: str, weight: float, thresholds: list[float], scores: list[float],
           direction: str = "higher") -> dict[str, Any]:  # fmt: skip
    return {"group": group, "weight": weight, "curve": "linear", "direction": direction,
            "thresholds": thresholds, "scores": scores}  # fmt: skip


def steps(group: str, weight: float, thresholds: list[float], scores: list[float],
          direction: str = "lower") -> dict[str, Any]:  # fmt: skip
    return {"group": group, "weight": weight, "curve": "steps", "direction": direction,
            "thresholds": thresholds, "scores": scores}  # fmt: skip


def small_card_data() -> dict[str, Any]:
    """Two groups: usage (utilisation x2, adoption x1) and voice (NPS), plus the touch cadence."""
    return copy.deepcopy(
        {
            "min_coverage": 0.5,
            "bands": BANDS,
            "cadence": {"days": {"Enterprise": 14, "SMB": 60}, "default_days": 30},
            "groups": {
                "usage": {"label": "Usage", "weight": 3},
                "voice": {"label": "Voice", "weight": 1},
                "engagement": {"label": "Engagement", "weight": 1},
            },
            "measures": {
                "licence_utilisation": linear("usage", 2, [0.0, 1.0], [0, 100]),
                "feature_adoption": linear("usage", 1, [0.0, 1.0], [0, 100]),
                "nps": linear("voice", 1, [-100, 100], [0, 100]),
                "last_touch": steps("engagement", 1, [1.0, 1.5], [100, 50, 0]),
            },
        }
    )


def small_card(**changes: Any) -> Scorecard:
    data = small_card_data()
    data.update(changes)
    return parse_scorecard(data)


def values(**given: float | None) -> tuple[float | None, ...]:
    """A Values tuple with the named measures set and every other one missing."""
    found: list[float | None] = [None] * len(MEASURE_NAMES)
    for name, value in given.items():
        found[MEASURE_INDEX[name]] = value
    return tuple(found)
