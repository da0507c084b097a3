"""Dates as people type them: ISO dates and a few short relative forms, always against a given day.

Accepted forms (case-insensitive):

* ``2026-07-01`` - an ISO date;
* ``today``, ``tomorrow``, ``yesterday``;
* ``+3`` / ``+3d`` (three days on), ``+2w`` (two weeks on), ``-4d`` (four days back), ``-1w``;
* a weekday, ``fri`` or ``friday``: the next such day after today (1 to 7 days on, never today).

Nothing else is guessed: "next month" or "7/1" are refused, because they mean different days to
different people.
"""

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OFFSET = re.compile(r"^([+-])(\d{1,4})([dw]?)$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DAY_FORMS_HELP = "YYYY-MM-DD, today, tomorrow, yesterday, +Nd, +Nw, -Nd, or a weekday such as fri"


class DayWordError(ValueError):
    """The text is not one of the accepted date forms."""


def _weekday(word: str) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def parse_day(text: str, today: date) -> date:
    """The day `text` names, relative to `today`; `DayWordError` says which forms are accepted."""
    word = text.strip().lower()
    if _ISO.match(word):
        try:
            return date.fromisoformat(word)
        except ValueError as error:
            raise DayWordError(f"{text.strip()!r} is not a calendar date") from error
    fixed = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if word in fixed:
        return today + timedelta(days=fixed[word])
    offset = _OFFSET.match(word)
    if offset:
        sign, amount, unit = offset.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        return today + timedelta(days=days if sign == "+" else -days)
    weekday = _weekday(word)
    if weekday is not None:
        ahead = (weekday - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    raise DayWordError(f"{text.strip()!r} is not a date; use {DAY_FORMS_HELP}")


def is_day_word(text: str, today: date) -> bool:
    try:
        parse_day(text, today)
    except DayWordError:
        return False
    return True
