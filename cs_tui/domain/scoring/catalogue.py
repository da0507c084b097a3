"""The measures cs-tui can compute from the store, in a fixed order.

A scorecard picks from these by name. Every account's measure values travel as a plain tuple in this
order (`Values`), so the hot scoring path indexes instead of looking names up; new measures are only
ever appended, so stored breakdowns stay readable.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

Values = Sequence[float | None]
"""One account's raw measure values, in catalogue order; None where the store has no data."""


class Unit(StrEnum):
    """How a raw value reads to people (see `formats.py`)."""

    RATIO = "ratio"  # 0..1, shown as a percentage
    PERCENT = "percent"  # 0..100
    PERCENT_CHANGE = "percent_change"  # signed change in percent
    COUNT = "count"
    HOURS = "hours"
    DAYS = "days"
    NPS = "nps"  # -100..+100
    PULSE = "pulse"  # the CSM's 1..5 sentiment


@dataclass(frozen=True)
class MeasureInfo:
    name: str
    label: str
    unit: Unit
    description: str


MEASURES: tuple[MeasureInfo, ...] = (
    MeasureInfo(
        "licence_utilisation", "Licence utilisation", Unit.RATIO,
        "Active users over licensed seats, from the latest usage sample.",
    ),
    MeasureInfo(
        "usage_trend", "Usage trend", Unit.PERCENT_CHANGE,
        "Usage in the last 30 days against the 30 days before.",
    ),
    MeasureInfo(
        "feature_adoption", "Feature adoption", Unit.RATIO,
        "Share of the product's key features in use, from the latest sample.",
    ),
    MeasureInfo(
        "open_tickets", "Open support tickets", Unit.COUNT,
        "Open support tickets, from the latest helpdesk sample.",
    ),
    MeasureInfo(
        "first_response_hours", "First response time", Unit.HOURS,
        "Hours to the first support response, from the latest helpdesk sample.",
    ),
    MeasureInfo(
        "nps", "NPS", Unit.NPS,
        "Net promoter score of the survey answers in the NPS window (promoters minus detractors).",
    ),
    MeasureInfo(
        "csat", "CSAT", Unit.PERCENT,
        "Share of satisfied answers (4 or 5 of 5) in the CSAT window.",
    ),
    MeasureInfo(
        "last_touch", "Last customer touch", Unit.DAYS,
        "Days since the last customer touch (internal notes excluded), judged against the "
        "segment's cadence.",
    ),
    MeasureInfo(
        "plan_progress", "Success-plan progress", Unit.PERCENT,
        "Progress of the agreed success plan's objectives (abandoned plans count as none).",
    ),
    MeasureInfo(
        "overdue_followups", "Overdue follow-ups", Unit.COUNT,
        "Open follow-ups past their due date and not snoozed.",
    ),
    MeasureInfo(
        "csm_sentiment", "CSM sentiment", Unit.PULSE,
        "The CSM's latest 1-5 pulse on the account, until it expires.",
    ),
)  # fmt: skip

MEASURE_NAMES: tuple[str, ...] = tuple(m.name for m in MEASURES)
MEASURE_INDEX: dict[str, int] = {name: index for index, name in enumerate(MEASURE_NAMES)}
BY_NAME: dict[str, MeasureInfo] = {m.name: m for m in MEASURES}

(
    LICENCE_UTILISATION, USAGE_TREND, FEATURE_ADOPTION, OPEN_TICKETS, FIRST_RESPONSE_HOURS, NPS,
    CSAT, LAST_TOUCH, PLAN_PROGRESS, OVERDUE_FOLLOWUPS, CSM_SENTIMENT,
) = range(len(MEASURES))  # fmt: skip

CADENCE_MEASURE = "last_touch"
"""The measure whose thresholds are written in cadences (1.0 = the segment's cadence)."""
