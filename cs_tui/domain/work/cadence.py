"""Check-in cadence: how often each segment expects a customer touch, and how late one is.

The scorecard configures the cadences (its `[cadence]` table, see `Cadences`); `DEFAULT_CADENCE_DAYS`
are the shipped ones. A touch is due once the cadence has passed (yellow) and overdue past the
overdue factor times the cadence (1.5x by default: red). Segments are compared loosely, so
"Mid-Market", "mid market" and "MID_MARKET" share a cadence.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

DEFAULT_CADENCE_DAYS: Mapping[str, int] = MappingProxyType(
    {"Enterprise": 14, "Mid-Market": 30, "SMB": 60}
)
FALLBACK_CADENCE_DAYS = 30
OVERDUE_FACTOR = 1.5  # past cadence: yellow; past 1.5x cadence: red
SEGMENT_SEPARATORS = ("-", " ", "_")


class TouchStatus(StrEnum):
    """Where an account stands against its cadence."""

    ON_CADENCE = "on_cadence"
    DUE = "due"  # past the cadence: yellow
    OVERDUE = "overdue"  # past the cadence times the overdue factor: red
    NEVER = "never"  # no customer touch recorded: red

    @property
    def severity(self) -> str:
        """The band this status shows as: green, yellow or red."""
        return {"on_cadence": "green", "due": "yellow"}.get(self.value, "red")


def days_since(last_touch: date | None, today: date) -> int | None:
    return None if last_touch is None else (today - last_touch).days


def segment_key(segment: str) -> str:
    """A segment compared loosely: lower case without hyphens, spaces or underscores.

    (The Today query normalises segments in SQL the same way.)
    """
    key = segment.lower()
    for separator in SEGMENT_SEPARATORS:
        key = key.replace(separator, "")
    return key


def touch_status(
    last_touch: date | None, today: date, cadence_days: int, overdue_factor: float = OVERDUE_FACTOR
) -> TouchStatus:
    since = days_since(last_touch, today)
    if since is None:
        return TouchStatus.NEVER
    if since > cadence_days * overdue_factor:
        return TouchStatus.OVERDUE
    if since > cadence_days:
        return TouchStatus.DUE
    return TouchStatus.ON_CADENCE


@dataclass(frozen=True)
class Cadences:
    """Days between customer touches per segment, with a fallback for other or blank segments."""

    days: Mapping[str, int] = field(default_factory=lambda: DEFAULT_CADENCE_DAYS)
    fallback_days: int = FALLBACK_CADENCE_DAYS
    overdue_factor: float = OVERDUE_FACTOR

    def __post_init__(self) -> None:
        for segment, days in {**self.days, "(fallback)": self.fallback_days}.items():
            if days < 1:
                raise ValueError(f"cadence for {segment} must be at least 1 day, not {days}")
        if self.overdue_factor < 1:
            raise ValueError(f"the overdue factor must be at least 1, not {self.overdue_factor}")

    def for_segment(self, segment: str) -> int:
        wanted = segment_key(segment)
        for name, days in self.days.items():
            if segment_key(name) == wanted:
                return days
        return self.fallback_days

    def status(self, last_touch: date | None, today: date, segment: str) -> TouchStatus:
        return touch_status(last_touch, today, self.for_segment(segment), self.overdue_factor)

    def overdue_days(self, cadence_days: int) -> int:
        """Days without a touch after which an account of this cadence is overdue (red)."""
        return int(cadence_days * self.overdue_factor)


DEFAULT_CADENCES = Cadences()


def late_after(today: date, cadence_days: int) -> date:
    """A touch on or before this date is past the cadence today."""
    return today - timedelta(days=cadence_days + 1)


def default_due_on(today: date, segment: str, cadences: Cadences = DEFAULT_CADENCES) -> date:
    """When a next step is due unless the user says otherwise: before the next touch is due."""
    return today + timedelta(days=cadences.for_segment(segment))
