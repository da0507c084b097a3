"""The rules of the Today queue, as plain values: what needs a CSM today and how urgent it is.

The data layer turns these into set-based queries; the functions here decide single cases so that
the queries and the screens agree (and can be tested without a database).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from cs_tui.domain.plans.coverage import DEFAULT_COVERAGE_TARGET, DEFAULT_COVERAGE_WINDOW_DAYS
from cs_tui.domain.work.cadence import DEFAULT_CADENCES, Cadences

DEFAULT_RENEWAL_WINDOW_DAYS = 120
DEFAULT_SURVEY_WINDOW_DAYS = 14
BAND_DROP_LOOKBACK_DAYS = 7
DETRACTOR_MAX_NPS = 6  # NPS 0-6 is a detractor
LOW_CSAT_MAX = 2  # CSAT 1-2 is an unhappy customer
BAND_RANK = {"red": 0, "yellow": 1, "green": 2}  # "insufficient" and "" are not ranked


@dataclass(frozen=True)
class TodayRules:
    """The configurable windows and thresholds of the Today queue."""

    cadences: Cadences = DEFAULT_CADENCES
    renewal_window_days: int = DEFAULT_RENEWAL_WINDOW_DAYS
    coverage_window_days: int = DEFAULT_COVERAGE_WINDOW_DAYS
    coverage_target: float = DEFAULT_COVERAGE_TARGET
    survey_window_days: int = DEFAULT_SURVEY_WINDOW_DAYS
    band_drop_lookback_days: int = BAND_DROP_LOOKBACK_DAYS
    sections: tuple[str, ...] = field(default=())  # empty: every section

    def __post_init__(self) -> None:
        for name in (
            "renewal_window_days",
            "coverage_window_days",
            "survey_window_days",
            "band_drop_lookback_days",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
        if not 0.0 <= self.coverage_target <= 1.0:
            raise ValueError(f"coverage_target {self.coverage_target} is not between 0 and 1")

    def renewal_horizon(self, today: date) -> date:
        return today + timedelta(days=self.renewal_window_days)

    def coverage_horizon(self, today: date) -> date:
        return today + timedelta(days=self.coverage_window_days)

    def survey_since(self, today: date) -> date:
        return today - timedelta(days=self.survey_window_days)


def follow_up_needs_me(
    due_on: date | None, snoozed_until: date | None, today: date, *, open_: bool = True
) -> bool:
    """An open follow-up is in Today when it is due today or earlier and not snoozed past today."""
    if not open_ or due_on is None or due_on > today:
        return False
    return snoozed_until is None or snoozed_until <= today


def band_dropped(before: str, now: str) -> bool:
    """True when the band went down a step or more (green -> yellow, yellow -> red, green -> red)."""
    if before not in BAND_RANK or now not in BAND_RANK:
        return False
    return BAND_RANK[now] < BAND_RANK[before]


def survey_alert(kind: str, score: int) -> str | None:
    """'detractor' for NPS 0-6, 'low_csat' for CSAT 1-2, else None."""
    if kind == "nps" and score <= DETRACTOR_MAX_NPS:
        return "detractor"
    if kind == "csat" and score <= LOW_CSAT_MAX:
        return "low_csat"
    return None


def renewal_needs_plan(plan_status: str, agreed_statuses: frozenset[str]) -> bool:
    return plan_status not in agreed_statuses
