"""The periods a plan pays for: a month (`2026-06`), a quarter (`2026-Q2`) or a year (`2026`)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


PERIODS_PER_YEAR = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}
PERIOD_FORMS = "2026-06 (a month), 2026-Q2 (a quarter), 2026 (a year), current, previous"

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-?[qQ]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    kind: PeriodKind

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.YEAR:
            return f"{self.start.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year}-{self.start.month:02d}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> "Period":
        return period_of(self.start - timedelta(days=1), self.kind)

    def so_far(self, today: date) -> date:
        """The last day counted now: the period's end, or today while it runs."""
        return min(self.end, max(today, self.start))


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def period_of(day: date, kind: PeriodKind) -> Period:
    """The period of `kind` that contains `day`."""
    if kind is PeriodKind.YEAR:
        return Period(date(day.year, 1, 1), date(day.year, 12, 31), kind)
    if kind is PeriodKind.QUARTER:
        first = (day.month - 1) // 3 * 3 + 1
        return Period(date(day.year, first, 1), _month_end(day.year, first + 2), kind)
    return Period(date(day.year, day.month, 1), _month_end(day.year, day.month), kind)


def parse_period(text: str, today: date, expected: PeriodKind | None = None) -> Period:
    """`2026-Q2`, `2026-06`, `2026`, `current` or `previous` (of the `expected` kind)."""
    value = text.strip()
    if value.lower() in ("current", "previous"):
        if expected is None:
            raise PeriodError(f"{value!r} needs the plan's period kind; give e.g. 2026-Q2")
        found = period_of(today, expected)
        return found.previous() if value.lower() == "previous" else found
    period: Period | None = None
    if match := _QUARTER.match(value):
        year, quarter = int(match[1]), int(match[2])
        period = period_of(date(year, quarter * 3, 1), PeriodKind.QUARTER)
    elif match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"{value!r}: month {month} does not exist; expected 01-12")
        period = period_of(date(year, month, 1), PeriodKind.MONTH)
    elif match := _YEAR.match(value):
        period = period_of(date(int(match[1]), 1, 1), PeriodKind.YEAR)
    if period is None:
        raise PeriodError(f"{value!r} is not a period; expected {PERIOD_FORMS}")
    if expected is not None and period.kind is not expected:
        raise PeriodError(
            f"{value!r} is a {period.kind.value}, but the plan pays per {expected.value}"
        )
    return period
