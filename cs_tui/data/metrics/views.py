"""Read-models of the book metrics (no store imports: screens load this when they open)."""

from dataclasses import dataclass

from cs_tui.domain.metrics.book import BookMetrics


@dataclass(frozen=True)
class MetricsTrend:
    """The metrics of several periods, oldest first; the last is the one asked about."""

    periods: tuple[BookMetrics, ...]

    @property
    def current(self) -> BookMetrics:
        return self.periods[-1]
