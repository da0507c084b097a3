"""Check-in cadence: how often each segment expects a customer touch, and how late one is."""

from collections.abc import Mapping
from datetime import date

DEFAULT_CADENCE_DAYS: Mapping[str, int] = {"Enterprise": 14, "Mid-Market": 30, "SMB": 60}
FALLBACK_CADENCE_DAYS = 30
OVERDUE_FACTOR = 1.5  # past cadence: yellow; past 1.5x cadence: red


def days_since(last_touch: date | None, today: date) -> int | None:
    return None if last_touch is None else (today - last_touch).days
