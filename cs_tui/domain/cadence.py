"""Check-in cadence: how often each segment expects a customer touch, and how late one is.

The scorecard configures the cadences (see `Cadences`); `DEFAULT_CADENCE_DAYS` are the shipped ones.
A touch is due once the cadence has passed (yellow) and overdue past 1.5x the cadence (red).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

DEFAULT_CADENCE_DAYS: Mapping[str, int] = MappingProxyType(
    {"Enterprise": 14, "Mid-Market": 30, "SMB": 60}
)
FALLBACK_CADENCE_DAYS = 30
OVERDUE_FACTOR = 1.5  # past cadence: yellow; past 1.5x cadence: red


class TouchStatus(StrEnum):
    """Where an account stands against its cadence."""

    ON_CADENCE = "on_cadence"
    DUE = "due"  # past the cadence: yellow
    OVERDUE = "overdue"  # past the cadence times the overdue factor: red
    NEVER = "never"  # no customer touch recorded


def days_since(last_touch: date | None, today: date) -> int | None:
    return None if last_touch is None else (today - last_touch).days


@dataclass(frozen=True)
class Cadences:
    """Days between customer touches per segment, with a fallback for other segments."""

    days: Mapping[str, int] = field(default_factory=lambda: DEFAULT_CADENCE_DAYS)
    fallback_days: int = FALLBACK_CADENCE_DAYS
    overdue_factor: float = OVERDUE_FACTOR

    def for_segment(self, segment: str) -> int:
        return self.days.get(segment, self.fallback_days)

    def status(self, last_touch: date | None, today: date, segment: str) -> TouchStatus:
        days = days_since(last_touch, today)
        if days is None:
            return TouchStatus.NEVER
        cadence = self.for_segment(segment)
        if days > cadence * self.overdue_factor:
            return TouchStatus.OVERDUE
        if days > cadence:
            return TouchStatus.DUE
        return TouchStatus.ON_CADENCE


DEFAULT_CADENCES = Cadences()
