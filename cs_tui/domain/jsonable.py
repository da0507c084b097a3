"""Plain values of read-models, ready for JSON: dates as ISO strings, tuples as lists."""

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
