"""Field rules shared by the Create/Update models: a bad value is reported, never stored."""

import re
from collections.abc import Sequence
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, StringConstraints

CURRENCY_PATTERN = re.compile(r"^[A-Z]{3}$")


def _currency(value: str) -> str:
    value = value.strip().upper()
    if not CURRENCY_PATTERN.match(value):
        raise ValueError("must be a three-letter ISO 4217 code such as USD or EUR")
    return value


def _tags(value: str) -> str:
    parts = [p.strip().lower() for p in re.split(r"[,;|]", value) if p.strip()]
    return ", ".join(dict.fromkeys(parts))


def _domain(value: str) -> str:
    value = value.strip().lower()
    value = re.sub(r"^https?://", "", value)
    value = value.removeprefix("www.").split("/")[0]
    if value and not re.match(r"^[a-z0-9.-]+\.[a-z]{2,}$", value):
        raise ValueError(f"{value!r} is not a domain name")
    return value


LINE_BREAKS = re.compile(r"[ ]*[\r\n\t\v\f]+[ ]*")


def _one_line(value: object) -> object:
    """A name or title pasted from a cell with a line break or tab stays one line: a space."""
    return LINE_BREAKS.sub(" ", value.strip()) if isinstance(value, str) else value


Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    BeforeValidator(_one_line),
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]
Currency = Annotated[str, AfterValidator(_currency)]
Tags = Annotated[str, AfterValidator(_tags)]
Domain = Annotated[str, AfterValidator(_domain)]


def field_label(location: Sequence[int | str]) -> str:
    """A pydantic error location for people: ("next_steps", 0, "title") -> "next step 1 title"."""
    parts: list[str] = []
    for index, part in enumerate(location):
        if isinstance(part, int):
            parts.append(str(part + 1))
            continue
        name = str(part).replace("_", " ")
        followed_by_number = index + 1 < len(location) and isinstance(location[index + 1], int)
        parts.append(name.removesuffix("s") if followed_by_number else name)
    return " ".join(parts)


def check_order(start: date | None, end: date | None, what: str) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError(f"{what}: end {end.isoformat()} is before start {start.isoformat()}")
