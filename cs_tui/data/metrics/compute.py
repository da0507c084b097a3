"""The book metrics of a period, and of the periods before it for a trend: one load, then pure
formulas (`domain/metrics`). The CLI and the Book screen both call these."""

from dataclasses import dataclass

from cs_tui.data.metrics.load import BookData, load_book
from cs_tui.data.store.database import Database
from cs_tui.domain.metrics.book import BookMetrics, Grouping, book_metrics
from cs_tui.domain.metrics.periods import Period, trailing

TREND_PERIODS = 4


@dataclass(frozen=True)
class MetricsTrend:
    """The metrics of `count` periods, oldest first; the last is the one asked about."""

    periods: tuple[BookMetrics, ...]

    @property
    def current(self) -> BookMetrics:
        return self.periods[-1]


def metrics_for(
    db: Database,
    period: Period,
    *,
    by: Grouping | None = None,
    moment: str | None = None,
    at_risk_ids: frozenset[str] = frozenset(),
) -> BookMetrics:
    """The period's metrics, for the book and per owner (at the period's start) or segment."""
    data = load_book(db, since=period.start, until=period.end)
    return _metrics(data, period, db, by, moment, at_risk_ids)


def metrics_trend(
    db: Database,
    period: Period,
    *,
    count: int = TREND_PERIODS,
    by: Grouping | None = None,
    moment: str | None = None,
    at_risk_ids: frozenset[str] = frozenset(),
) -> MetricsTrend:
    """The metrics of `period` and the `count - 1` periods before it, from one read of the store."""
    periods = trailing(period, count)
    data = load_book(db, since=periods[0].start, until=period.end)
    return MetricsTrend(tuple(_metrics(data, p, db, by, moment, at_risk_ids) for p in periods))


def _metrics(
    data: BookData,
    period: Period,
    db: Database,
    by: Grouping | None,
    moment: str | None,
    at_risk_ids: frozenset[str],
) -> BookMetrics:
    return book_metrics(
        data.accounts, data.responses, period, today=db.today(), by=by, moment=moment,
        at_risk_ids=at_risk_ids,
    )  # fmt: skip
