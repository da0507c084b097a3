"""What a metric feed's value may be, by what the metric measures.

The scorecard says which feed is which (`SignalSettings`): the adoption metric is a share between
0 and 1, the user, usage and ticket metrics are counts, the response metric is a duration in hours.
Other metrics follow their names: `..._share` and `..._ratio` are shares, `..._count` a count.
Any value must be a finite number; these rules add the ranges. Pure: no I/O.
"""

import math
from collections.abc import Mapping
from enum import StrEnum

from cs_tui.domain.scoring.scorecard import SignalSettings


class ValueKind(StrEnum):
    SHARE = "share"  # 0..1
    COUNT = "count"  # 0 or more
    HOURS = "hours"  # 0 or more
    NUMBER = "number"  # any finite number


SHARE_SUFFIXES = ("_share", "_ratio")
COUNT_SUFFIXES = ("_count",)


def metric_kinds(signals: SignalSettings) -> dict[str, ValueKind]:
    """The kinds of the metrics the scorecard reads."""
    return {
        signals.active_users_metric: ValueKind.COUNT,
        signals.usage_metric: ValueKind.COUNT,
        signals.tickets_metric: ValueKind.COUNT,
        signals.adoption_metric: ValueKind.SHARE,
        signals.response_metric: ValueKind.HOURS,
    }


def kind_of(metric: str, kinds: Mapping[str, ValueKind]) -> ValueKind:
    if metric in kinds:
        return kinds[metric]
    if metric.endswith(SHARE_SUFFIXES):
        return ValueKind.SHARE
    if metric.endswith(COUNT_SUFFIXES):
        return ValueKind.COUNT
    return ValueKind.NUMBER


def value_problem(metric: str, value: float, kinds: Mapping[str, ValueKind]) -> str | None:
    """Why `value` cannot be a sample of `metric`, or None when it can."""
    if not math.isfinite(value):
        return "not a finite number"
    kind = kind_of(metric, kinds)
    if kind is ValueKind.SHARE and not 0 <= value <= 1:
        hint = f" (write {value / 100:g} for {value:g}%)" if 2 <= value <= 100 else ""
        return f"{metric} is a share between 0 and 1, not {value:g}{hint}"
    if kind is ValueKind.COUNT and value < 0:
        return f"{metric} is a count and cannot be negative"
    if kind is ValueKind.HOURS and value < 0:
        return f"{metric} is a number of hours and cannot be negative"
    return None
