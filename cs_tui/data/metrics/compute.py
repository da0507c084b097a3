"""The book metrics of a period, and of the periods before it for a trend: one load, then pure
formulas (`domain/metrics`). The CLI and the Book screen both call these."""

import threading
from collections.abc import Sequence

from cs_tui.data.metrics.load import BookData, load_book
from cs_tui.data.metrics.views import MetricsTrend
from cs_tui.data.revenue.forecasts import accounts_forecast_at_risk
from cs_tui.data.store.database import Database
from cs_tui.domain.metrics.book import BookMetrics, Grouping, book_metrics_trend
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
    return _metrics(data, (period,), db, by, moment, at_risk_ids)[0]


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
    return MetricsTrend(_metrics(data, periods, db, by, moment, at_risk_ids))


def _metrics(
    data: BookData,
    periods: Sequence[Period],
    db: Database,
    by: Grouping | None,
    moment: str | None,
    at_risk_ids: frozenset[str] | None,
) -> tuple[BookMetrics, ...]:
    """Every period's metrics in one pass over the book; `at_risk_ids` None: the accounts whose
    next renewal is forecast at risk, read now (once for all the periods)."""
    if at_risk_ids is None:
        at_risk_ids = accounts_forecast_at_risk(db)
    return book_metrics_trend(
        data.accounts, data.responses, periods, today=db.today(), by=by, moment=moment,
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
        return self._all((period,), by)[0]

    def trend(
        self, period: Period, *, count: int = TREND_PERIODS, by: Grouping | None = None
    ) -> MetricsTrend:
        return MetricsTrend(self._all(trailing(period, count), by))

    def _all(self, periods: Sequence[Period], by: Grouping | None) -> tuple[BookMetrics, ...]:
        """The periods' metrics, the ones not computed yet in one pass (from one read)."""
        with self._lock:
            missing = [p for p in periods if (p, by) not in self._computed]
            if missing:
                data = self._covering(missing[0], missing[-1])
                found = _metrics(data, missing, self._db, by, None, self._at_risk_ids)
                for p, metrics in zip(missing, found, strict=True):
                    self._computed[(p, by)] = metrics
            return tuple(self._computed[(p, by)] for p in periods)

    def _covering(self, first: Period, last: Period) -> BookData:
        data = self._data
        if data is None or first.start < data.since or last.end > data.until:
            since = first.shifted(-self._margin).start
            until = last.shifted(self._margin).end
            if data is not None:
                since, until = min(since, data.since), max(until, data.until)
            data = self._data = load_book(self._db, since=since, until=until)
        return data
