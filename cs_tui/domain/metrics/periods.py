"""Reporting periods as people name them: `2026-Q3`, `2026`, `2026-09`, `2026-07-01..2026-09-30`.

A period is a closed range of days with a kind; quarters, years and months step to their
neighbours on the calendar, a custom range steps by its own length. The default period is the last
full quarter before today.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

PeriodKind = Literal["quarter", "year", "month", "range"]
PERIOD_FORMS_HELP = "2026-Q3, 2026, 2026-09 or 2026-07-01..2026-09-30"

_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PeriodError(ValueError):
    """A period that cannot be read; the message names the flag (if given) and what is wrong."""

    def __init__(self, flag: str, problem: str) -> None:
        super().__init__(f"{flag}: {problem}" if flag else problem)
        self.problem = problem


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    kind: PeriodKind

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period ends on or after its start ({self.start} > {self.end})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def short_label(self) -> str:
        """For chart axes: `Q3 26`, `2026`, `Sep 26`, or the range's start."""
        if self.kind == "quarter":
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start:%y}"
        if self.kind == "month":
            return f"{self.start:%b %y}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start:%d %b}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> "Period":
        return self.shifted(-1)

    def next(self) -> "Period":
        return self.shifted(1)

    def shifted(self, steps: int) -> "Period":
        """The period `steps` places later (earlier when negative), of the same kind."""
        if self.kind == "range":
            offset = timedelta(days=self.days * steps)
            return Period(self.start + offset, self.end + offset, "range")
        months = {"quarter": 3, "year": 12, "month": 1}[self.kind] * steps
        return _months_from(_add_months(self.start, months), self.kind)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _months_from(start: date, kind: PeriodKind) -> Period:
    length = {"quarter": 3, "year": 12, "month": 1}[kind]
    return Period(start, _add_months(start, length) - timedelta(days=1), kind)


def quarter(year: int, number: int) -> Period:
    return _months_from(date(year, 3 * (number - 1) + 1, 1), "quarter")


def quarter_containing(day: date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def default_period(today: date) -> Period:
    """The last full quarter before today."""
    return quarter_containing(today).previous()


def _day(text: str, flag: str) -> date:
    if not _DAY.match(text):
        raise PeriodError(flag, f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PeriodError(flag, f"{text!r} is not a date of the calendar") from None


def parse_period(text: str, *, flag: str = "--period") -> Period:
    """Read a period; PeriodError names the flag and what is wrong."""
    value = text.strip()
    if not value:
        raise PeriodError(flag, f"give a period ({PERIOD_FORMS_HELP})")
    if ".." in value:
        first, _, last = value.partition("..")
        start, end = _day(first.strip(), flag), _day(last.strip(), flag)
        if end < start:
            raise PeriodError(flag, f"{value!r} ends ({end}) before it starts ({start})")
        return Period(start, end, "range")
    if found := _QUARTER.match(value):
        return quarter(int(found[1]), int(found[2]))
    if found := _YEAR.match(value):
        return _months_from(date(int(found[1]), 1, 1), "year")
    if found := _MONTH.match(value):
        month = int(found[2])
        if not 1 <= month <= 12:
            raise PeriodError(flag, f"{value!r} has no month {month} (01-12)")
        return _months_from(date(int(found[1]), month, 1), "month")
    raise PeriodError(flag, f"{value!r} is not a period (use {PERIOD_FORMS_HELP})")


def trailing(period: Period, count: int) -> tuple[Period, ...]:
    """`count` periods ending with `period`, oldest first."""
    if count < 1:
        raise ValueError(f"a trend needs at least one period, not {count}")
    return tuple(period.shifted(-steps) for steps in range(count - 1, -1, -1))


def days_from(today: date, days: int) -> Period:
    """Today and the `days` days after it (`--within DAYS`)."""
    if days < 0:
        raise PeriodError("", "the number of days cannot be negative")
    return Period(today, today + timedelta(days=days), "range")
