"""The periods a plan pays for: a month (`2026-06`), a quarter (`2026-Q2`) or a year (`2026`).

Periods are the book metrics' (`domain.metrics.periods`); a plan pays per month, quarter or year,
so a custom range of days is refused here, and `current` / `previous` name the plan's own kind.
"""

from datetime import date, timedelta
from enum import StrEnum

from cs_tui.domain.metrics.periods import Period, PeriodError, quarter_containing
from cs_tui.domain.metrics.periods import parse_period as parse_metrics_period

__all__ = ["PERIODS_PER_YEAR", "PERIOD_FORMS", "Period", "PeriodError", "PeriodKind",
           "parse_period", "period_of", "so_far"]  # fmt: skip


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


PERIODS_PER_YEAR = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}
PERIOD_FORMS = "2026-06 (a month), 2026-Q2 (a quarter), 2026 (a year), current, previous"


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def period_of(day: date, kind: PeriodKind) -> Period:
    """The period of `kind` that contains `day`."""
    if kind is PeriodKind.YEAR:
        return Period(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    if kind is PeriodKind.QUARTER:
        return quarter_containing(day)
    return Period(date(day.year, day.month, 1), _month_end(day.year, day.month), "month")


def parse_period(text: str, today: date, expected: PeriodKind | None = None) -> Period:
    """`2026-Q2`, `2026-06`, `2026`, `current` or `previous` (of the `expected` kind)."""
    value = text.strip()
    if value.lower() in ("current", "previous"):
        if expected is None:
            raise PeriodError("", f"{value!r} needs the plan's period kind; give e.g. 2026-Q2")
        found = period_of(today, expected)
        return found.previous() if value.lower() == "previous" else found
    try:
        period = parse_metrics_period(value, flag="")
    except PeriodError as error:
        raise PeriodError("", f"{error.problem}; or current, previous") from None
    if period.kind == "range":
        raise PeriodError(
            "", f"{value!r} is a range of days; a plan pays per month, quarter or year"
        )
    if expected is not None and period.kind != expected.value:
        raise PeriodError(
            "", f"{value!r} is a {period.kind}, but the plan pays per {expected.value}"
        )
    return period


def so_far(period: Period, today: date) -> date:
    """The last day counted now: the period's end, or today while it runs."""
    return min(period.end, max(today, period.start))
