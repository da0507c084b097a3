"""Check-in cadence: how often each segment expects a customer touch, and how late one is."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

DEFAULT_CADENCE_DAYS: Mapping[str, int] = {"Enterprise": 14, "Mid-Market": 30, "SMB": 60}
FALLBACK_CADENCE_DAYS = 30
OVERDUE_FACTOR = 1.5  # past cadence: yellow; past 1.5x cadence: red


def days_since(last_touch: date | None, today: date) -> int | None:
    return None if last_touch is None else (today - last_touch).days


SEGMENT_SEPARATORS = ("-", " ", "_")


def segment_key(segment: str) -> str:
    """Segments compared loosely: "Mid-Market", "mid market" and "MID_MARKET" are one segment.

    (Lower case without hyphens, spaces or underscores; the Today query normalises the same way.)
    """
    key = segment.lower()
    for separator in SEGMENT_SEPARATORS:
        key = key.replace(separator, "")
    return key


@dataclass(frozen=True)
class Cadences:
    """Days between customer touches per segment, with a fallback for unknown or blank segments."""

    by_segment: Mapping[str, int]
    fallback: int = FALLBACK_CADENCE_DAYS

    def __post_init__(self) -> None:
        for segment, days in {**self.by_segment, "(fallback)": self.fallback}.items():
            if days < 1:
                raise ValueError(f"cadence for {segment} must be at least 1 day, not {days}")

    def days_for(self, segment: str) -> int:
        wanted = segment_key(segment)
        for name, days in self.by_segment.items():
            if segment_key(name) == wanted:
                return days
        return self.fallback


DEFAULT_CADENCES = Cadences(DEFAULT_CADENCE_DAYS)


class CadenceState(StrEnum):
    """How late the last customer touch is against the segment's cadence."""

    ON_TIME = "on_time"
    LATE = "late"  # past the cadence: yellow
    VERY_LATE = "very_late"  # past 1.5x the cadence, or never touched: red

    @property
    def band(self) -> str:
        return {"on_time": "green", "late": "yellow", "very_late": "red"}[self.value]


def cadence_state(last_touch: date | None, today: date, cadence_days: int) -> CadenceState:
    since = days_since(last_touch, today)
    if since is None or since > cadence_days * OVERDUE_FACTOR:
        return CadenceState.VERY_LATE
    if since > cadence_days:
        return CadenceState.LATE
    return CadenceState.ON_TIME


def late_after(today: date, cadence_days: int) -> date:
    """A touch on or before this date is past the cadence today."""
    return today - timedelta(days=cadence_days + 1)


def default_due_on(today: date, segment: str, cadences: Cadences = DEFAULT_CADENCES) -> date:
    """When a next step is due unless the user says otherwise: before the next touch is due."""
    return today + timedelta(days=cadences.days_for(segment))
