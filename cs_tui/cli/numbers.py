"""A click parameter type for numbers that refuses NaN and infinities (click's float takes them)."""

import math
from typing import Any

import click


class FiniteNumber(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    name = "NUMBER"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number", param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


FINITE_NUMBER = FiniteNumber()
