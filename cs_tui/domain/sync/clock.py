"""The hybrid logical clock: wall milliseconds, a counter, the device id; ordered in that order.

Every op a device writes gets a clock greater than every clock it has written or received, so a
device's own edit always wins over what it has already seen, and clocks from different devices are
comparable without trusting their wall clocks more than the drift allowed.
"""

from functools import lru_cache
from typing import NamedTuple

MAX_AHEAD_MS = 5 * 60 * 1000
"""Ops whose clock is further ahead of this device's wall time are held, not applied."""

_WALL_DIGITS = 13
_COUNTER_DIGITS = 6


class ClockError(ValueError):
    """A clock string that is not one this format writes."""


class Hlc(NamedTuple):
    """(A named tuple: clocks are compared and hashed by the million during a merge.)"""

    wall: int
    counter: int
    device: str

    def encode(self) -> str:
        """A string whose text order is the clock order (fixed-width numbers)."""
        return f"{self.wall:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> "Hlc":
        return _decode(text)

    def __str__(self) -> str:
        return self.encode()


@lru_cache(maxsize=65_536)
def _decode(text: str) -> Hlc:
    """(Cached: the ops of one write share their clock, so a journal repeats few clocks.)"""
    parts = text.split("-", 2)
    if (
        len(parts) != 3
        or len(parts[0]) != _WALL_DIGITS
        or len(parts[1]) != _COUNTER_DIGITS
        or not parts[0].isdigit()
        or not parts[1].isdigit()
        or not parts[2]
    ):
        raise ClockError(f"{text!r} is not a clock (wall-counter-device)")
    return Hlc(int(parts[0]), int(parts[1]), parts[2])


def tick(last: Hlc | None, now_ms: int, device: str) -> Hlc:
    """The clock of a new local write: after `last` (written or received), at `now_ms` if later."""
    if last is None or now_ms > last.wall:
        return Hlc(now_ms, 0, device)
    return Hlc(last.wall, last.counter + 1, device)


def receive(last: Hlc | None, remote: Hlc, now_ms: int, device: str) -> Hlc:
    """The local clock after seeing `remote`: never behind it, so the next tick comes after it."""
    wall = max(now_ms, remote.wall, last.wall if last else 0)
    if last is not None and wall == last.wall and wall == remote.wall:
        counter = max(last.counter, remote.counter) + 1
    elif last is not None and wall == last.wall:
        counter = last.counter + 1
    elif wall == remote.wall:
        counter = remote.counter + 1
    else:
        counter = 0
    return Hlc(wall, counter, device)


def too_far_ahead(remote: Hlc, now_ms: int) -> bool:
    return remote.wall - now_ms > MAX_AHEAD_MS
