"""A click parameter type for reporting periods (see `domain.metrics.periods`)."""

from typing import Any

import click

from cs_tui.domain.metrics.periods import PERIOD_FORMS_HELP, Period, PeriodError, parse_period


class PeriodParam(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    name = "PERIOD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Period:
        if isinstance(value, Period):
            return value
        try:
            return parse_period(str(value), flag="")
        except PeriodError as error:
            self.fail(error.problem, param, ctx)


PERIOD = PeriodParam()
PERIOD_HELP = f"Period: {PERIOD_FORMS_HELP}"
