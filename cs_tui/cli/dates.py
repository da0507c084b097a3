"""A click parameter type for dates as people type them (see `domain.day_words`)."""

from datetime import date
from typing import Any

import click

from cs_tui.domain.day_words import DAY_FORMS_HELP, DayWordError, parse_day


class DayWord(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    """ISO dates and relative forms, resolved against today's local date when the command runs."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_day(str(value), date.today())
        except DayWordError as error:
            self.fail(str(error), param, ctx)


DAY = DayWord()
DAY_HELP = f"Dates: {DAY_FORMS_HELP}."
