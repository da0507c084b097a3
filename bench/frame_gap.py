"""How long the event loop stalls while a worker runs: the longest gap between timer ticks.

`FrameGapProbe` starts a Textual interval timer (10 ms by default) on any app, screen or widget and
records when each tick really ran. A tick can only run when the event loop is free, so the longest
gap between two ticks is the longest time the UI could not have painted a frame or handled a key:
a worker thread holding the GIL, or work done on the loop itself. Use it around any operation:

    probe = FrameGapProbe()
    probe.start(app)
    ...  # start the worker, wait for it to finish
    probe.stop()
    probe.longest_gap_ms
"""

import time
from dataclasses import dataclass, field
from typing import Any

from textual.timer import Timer

DEFAULT_INTERVAL = 0.01


@dataclass
class FrameGapProbe:
    interval: float = DEFAULT_INTERVAL
    ticks: list[float] = field(default_factory=list)
    _timer: Timer | None = field(default=None, repr=False)

    def start(self, node: Any) -> None:
        """Start ticking on `node` (an App, Screen or Widget: anything with `set_interval`)."""
        if self._timer is not None:
            raise RuntimeError("the probe is already running")
        self.ticks = [time.perf_counter()]
        self._timer = node.set_interval(self.interval, self._tick, name="frame-gap-probe")

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def stop(self) -> None:
        """Stop ticking; the gap from the last tick to now counts too."""
        if self._timer is None:
            return
        self._timer.stop()
        self._timer = None
        self.ticks.append(time.perf_counter())

    @property
    def gaps_ms(self) -> list[float]:
        return [
            (later - earlier) * 1000
            for earlier, later in zip(self.ticks, self.ticks[1:], strict=False)
        ]

    @property
    def longest_gap_ms(self) -> float:
        return max(self.gaps_ms, default=0.0)

    @property
    def running(self) -> bool:
        return self._timer is not None
