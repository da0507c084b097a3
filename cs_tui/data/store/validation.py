"""Turning pydantic's validation errors into one message a user can act on, naming each field."""

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cs_tui.data.store.errors import InvalidInputError
from cs_tui.models.validation import field_label

M = TypeVar("M", bound=BaseModel)


def problems(error: ValidationError) -> list[tuple[str, str]]:
    """(field, message) for each problem, field "" when it concerns several fields."""
    return [(field_label(item["loc"]), plain_message(item)) for item in error.errors()]


def plain_message(item: Mapping[str, Any]) -> str:
    """What pydantic found, in the words of a form or a flag rather than of the library."""
    kind, context = str(item.get("type", "")), item.get("ctx") or {}
    if kind in ("string_too_short", "too_short") and context.get("min_length") == 1:
        return "cannot be empty"
    words = _PLAIN.get(kind)
    if words is not None:
        try:
            return words.format(**context)
        except (KeyError, IndexError, ValueError):
            pass
    return str(item["msg"]).removeprefix("Value error, ")


_PLAIN = {
    "missing": "is required",
    "string_too_short": "must be at least {min_length} characters",
    "string_too_long": "must be at most {max_length} characters",
    "too_long": "must have at most {max_length} items",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "finite_number": "must be a finite number",
    "decimal_parsing": "must be a number",
    "bool_parsing": "must be yes or no (true/false)",
    "date_parsing": "is not a date (write it as 2026-07-01)",
    "date_from_datetime_parsing": "is not a date (write it as 2026-07-01)",
    "date_type": "is not a date (write it as 2026-07-01)",
    "datetime_parsing": "is not a date and time",
    "enum": "must be one of {expected}",
    "literal_error": "must be one of {expected}",
    "uuid_parsing": "is not a record id",
    "string_type": "must be text",
}


def invalid_input(error: ValidationError) -> InvalidInputError:
    listed = problems(error)
    message = "; ".join(f"{field}: {msg}" if field else msg for field, msg in listed)
    return InvalidInputError(message, field=listed[0][0] if listed else "")


def checked(model: type[M], **values: Any) -> M:
    """`model(**values)`, or an `InvalidInputError` naming every field that is wrong."""
    try:
        return model(**values)
    except ValidationError as error:
        raise invalid_input(error) from error
