"""Turning pydantic's validation errors into one message a user can act on, naming each field."""

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cs_tui.data.store.errors import InvalidInputError
from cs_tui.models.validation import field_label

M = TypeVar("M", bound=BaseModel)


def problems(error: ValidationError) -> list[tuple[str, str]]:
    """(field, message) for each problem, field "" when it concerns several fields."""
    found = []
    for item in error.errors():
        message = str(item["msg"]).removeprefix("Value error, ")
        found.append((field_label(item["loc"]), message))
    return found


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
