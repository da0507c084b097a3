"""Plain values of read-models, ready for JSON: dates as ISO strings, tuples as lists.

JSON has no NaN or infinity: every JSON the program writes is strict (`allow_nan=False`), and a
non-finite number that reached a value anyway (a store written by an older version) is written
as null by `strict_json` rather than as the `NaN` that other JSON readers refuse.
"""

import json
import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any


def jsonable(value: Any) -> Any:
    """A read-model's dict with dates as ISO strings and tuples as lists, ready for `json.dumps`."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def finite(value: Any) -> Any:
    """`value` with every non-finite float (in dicts, lists and tuples) replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def strict_json(value: Any, *, default: Callable[[Any], Any] | None = None, **options: Any) -> str:
    """`json.dumps` that never writes NaN or Infinity (they become null)."""
    try:
        return json.dumps(value, allow_nan=False, default=default, **options)
    except ValueError:
        return json.dumps(
            finite(value), allow_nan=False, default=_finite_default(default), **options
        )


def _finite_default(default: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if default is None:
        return None
    return lambda value: finite(default(value))
