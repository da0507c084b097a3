"""Reporting periods as people write them: `2026-Q3`, `2026`, `2026-09`, `2026-07-01..2026-09-30`."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
PERIOD_FORMS = "2026-Q3, 2026, 2026-09 or 2026-07-01..2026-09-30"


class PeriodError(ValueError):
    """Not a period; the message shows the forms that are."""


@dataclass(frozen=True)
class Period:
    """The days from `start` to `end`, both included."""

    start: date
    end: date
    label: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(f"{text.strip()!r} is not a date (write it as 2026-07-01)") from None


def parse_period(text: str) -> Period:
    """The period `text` names; `PeriodError` otherwise."""
    given = text.strip()
    if ".." in given:
        first, _, last = given.partition("..")
        start, end = _day(first), _day(last)
        if end < start:
            raise PeriodError(f"{given!r}: the period ends before it starts")
        return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")
    if found := _QUARTER.fullmatch(given):
        year, quarter = int(found[1]), int(found[2])
        first_month = 3 * quarter - 2
        return Period(
            date(year, first_month, 1), _month_end(year, first_month + 2), f"{year}-Q{quarter}"
        )
    if found := _MONTH.fullmatch(given):
        year, month = int(found[1]), int(found[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"{given!r}: there is no month {month}")
        return Period(date(year, month, 1), _month_end(year, month), f"{year}-{month:02d}")
    if found := _YEAR.fullmatch(given):
        year = int(found[1])
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    raise PeriodError(f"{given!r} is not a period (use {PERIOD_FORMS})")


def next_days(today: date, days: int) -> Period:
    """Today and the `days` days after it."""
    if days < 0:
        raise PeriodError("the number of days cannot be negative")
    end = today + timedelta(days=days)
    return Period(today, end, f"next {days} days")
