"""A calendar date on the command line: `2026-07-01` (ISO 8601), with a clear message otherwise."""

from datetime import date
from typing import Any

import click


class IsoDate(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(
                f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-07-01", param, ctx
            )


DATE = IsoDate()
