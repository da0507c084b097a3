"""The book metrics of a period, and of the periods before it for a trend: one load, then pure
formulas (`domain/metrics`). The CLI and the Book screen both call these."""

import threading

from cs_tui.data.metrics.load import BookData, load_book
from cs_tui.data.metrics.views import MetricsTrend
from cs_tui.data.revenue.forecasts import accounts_forecast_at_risk
from cs_tui.data.store.database import Database
from cs_tui.domain.metrics.book import BookMetrics, Grouping, book_metrics
from cs_tui.domain.metrics.periods import Period, trailing

TREND_PERIODS = 8


def metrics_for(
    db: Database,
    period: Period,
    *,
    by: Grouping | None = None,
    moment: str | None = None,
    at_risk_ids: frozenset[str] | None = None,
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
    at_risk_ids: frozenset[str] | None = None,
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
    at_risk_ids: frozenset[str] | None,
) -> BookMetrics:
    """`at_risk_ids` None: the accounts whose next renewal is forecast at risk, read now."""
    if at_risk_ids is None:
        at_risk_ids = accounts_forecast_at_risk(db)
    return book_metrics(
        data.accounts, data.responses, period, today=db.today(), by=by, moment=moment,
        at_risk_ids=at_risk_ids,
    )  # fmt: skip


class MetricsCache:
    """The book's rows read once and each period's metrics computed once, for a screen that steps
    through periods and groupings: stepping back one period computes one period, not the whole
    trend again. The rows read reach `margin` periods beyond the ones asked for, so a few steps
    either way read nothing. Make a new one when the book changes. Safe to share between threads.
    """

    def __init__(
        self, db: Database, *, margin: int = 8, at_risk_ids: frozenset[str] | None = None
    ) -> None:
        self._db = db
        self._margin = margin
        self._at_risk_ids = accounts_forecast_at_risk(db) if at_risk_ids is None else at_risk_ids
        self._data: BookData | None = None
        self._computed: dict[tuple[Period, Grouping | None], BookMetrics] = {}
        self._lock = threading.Lock()

    def metrics(self, period: Period, *, by: Grouping | None = None) -> BookMetrics:
        with self._lock:
            found = self._computed.get((period, by))
            if found is None:
                data = self._covering(period)
                found = _metrics(data, period, self._db, by, None, self._at_risk_ids)
                self._computed[(period, by)] = found
            return found

    def trend(
        self, period: Period, *, count: int = TREND_PERIODS, by: Grouping | None = None
    ) -> MetricsTrend:
        return MetricsTrend(tuple(self.metrics(p, by=by) for p in trailing(period, count)))

    def _covering(self, period: Period) -> BookData:
        data = self._data
        if data is None or period.start < data.since or period.end > data.until:
            since = period.shifted(-self._margin).start
            until = period.shifted(self._margin).end
            if data is not None:
                since, until = min(since, data.since), max(until, data.until)
            data = self._data = load_book(self._db, since=since, until=until)
        return data
