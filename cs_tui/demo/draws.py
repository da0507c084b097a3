"""Seeded draws, ids and dates for the demo generator: small, fast, and the same for the same seed.

Values come out in the form every backend binds alike: ids as 32-digit lower-case hex (how the `Uuid`
type stores them on SQLite; PostgreSQL reads the same text as a uuid) and dates as ISO text.
"""

import itertools
import random
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

T = TypeVar("T")

PAST_DAYS = 4000  # the calendar reaches this far back from as_of ...
FUTURE_DAYS = 1200  # ... and this far ahead
_IDS_PER_MILLISECOND = 4096


def uuid7_hex_stream(rng: random.Random, start: datetime) -> Iterator[str]:
    """Time-ordered UUIDv7 ids as hex: each later id sorts after the earlier ones.

    Ordered keys let SQLite append to its indexes instead of inserting at random places. Layout: 48
    bits of milliseconds from `start`, version 7, a 12-bit counter, variant 0b10, 62 bits of which
    the last 60 come from the seeded RNG (drawn 4,096 ids at a time), so ids are reproducible.
    """
    millis = int(start.timestamp() * 1000)
    counters = [f"7{n:03x}8" for n in range(_IDS_PER_MILLISECOND)]
    for block in itertools.count():
        prefix = f"{millis + block:012x}"
        noise = f"{rng.getrandbits(60 * _IDS_PER_MILLISECOND):0{15 * _IDS_PER_MILLISECOND}x}"
        for n, counter in enumerate(counters):
            yield prefix + counter + noise[15 * n : 15 * n + 15]


class Dice:
    """The generator's source of chance: one seeded `random.Random`, drawn in a fixed order."""

    def __init__(self, rng: random.Random, as_of: date) -> None:
        self.rng = rng
        self.random: Callable[[], float] = rng.random
        id_start = datetime.combine(as_of, time(), tzinfo=UTC)
        self.new_id: Callable[[], str] = uuid7_hex_stream(rng, id_start).__next__

    def chance(self, odds: float) -> bool:
        return self.random() < odds

    def between(self, low: int, high: int) -> int:
        """An int in low..high, both included."""
        return low + int(self.random() * (high - low + 1))

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def weighted(self, items: Sequence[T], cumulative: Sequence[float]) -> T:
        """An item by cumulative weights ending at 1.0."""
        roll = self.random()
        for item, bound in zip(items, cumulative, strict=True):
            if roll < bound:
                return item
        return items[-1]


class Calendar:
    """ISO dates by day offset from as_of (negative = past), computed once per book."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        first = as_of - timedelta(days=PAST_DAYS)
        self._iso = [
            (first + timedelta(days=n)).isoformat() for n in range(PAST_DAYS + FUTURE_DAYS)
        ]

    def iso(self, offset: int) -> str:
        if not -PAST_DAYS <= offset < FUTURE_DAYS:
            raise ValueError(f"day {offset} is outside the demo calendar")
        return self._iso[PAST_DAYS + offset]

    def table(self) -> tuple[list[str], int]:
        """The raw list and the index of as_of, for hot loops: `table[base + offset]`."""
        return self._iso, PAST_DAYS

    def moment(self, offset: int, minute_of_day: int) -> datetime:
        """A timezone-aware UTC timestamp on that day."""
        day = self.as_of + timedelta(days=offset)
        return datetime.combine(day, time(minute_of_day // 60, minute_of_day % 60), tzinfo=UTC)
