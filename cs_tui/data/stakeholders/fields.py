"""A stakeholder's fields as a user types them (flags, form fields); no database library here."""

from collections.abc import Callable, Mapping
from typing import Any

from cs_tui.data.accounts.views import StakeholderView
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.domain.enums import StakeholderRole
from cs_tui.io.values import parse_bool

INPUTS = ("name", "email", "title", "role", "primary")
FIELD_OF = {"name": "name", "email": "email", "title": "title", "role": "role",
            "primary": "is_primary"}  # fmt: skip
INPUT_OF = {field: key for key, field in FIELD_OF.items()}
EDITABLE = tuple(FIELD_OF.values())
LABELS = {"name": "Name", "email": "E-mail", "title": "Title", "role": "Role", "primary": "Primary"}
ROLE_WORDS = {
    "champion": StakeholderRole.CHAMPION,
    "sponsor": StakeholderRole.EXECUTIVE_SPONSOR,
    "executive_sponsor": StakeholderRole.EXECUTIVE_SPONSOR,
    "exec_sponsor": StakeholderRole.EXECUTIVE_SPONSOR,
    "decision_maker": StakeholderRole.DECISION_MAKER,
    "user": StakeholderRole.USER,
    "detractor": StakeholderRole.DETRACTOR,
}
ROLE_CHOICES = ("champion", "sponsor", "decision_maker", "user", "detractor")

Labeller = Callable[[str], str]


def default_label(key: str) -> str:
    key = INPUT_OF.get(key, key)
    return LABELS.get(key, key)


def parse_role(text: str) -> StakeholderRole:
    """A role as people write it: "champion", "sponsor", "decision maker", "Decision-Maker"."""
    word = "_".join(text.strip().lower().replace("-", " ").split())
    if word in ROLE_WORDS:
        return ROLE_WORDS[word]
    raise ValueError(f"{text.strip()!r} is not a role (expected one of {', '.join(ROLE_CHOICES)})")


def _required(text: str) -> str:
    if not text.strip():
        raise ValueError("cannot be empty")
    return text.strip()


PARSERS: dict[str, Callable[[str], object]] = {
    "name": _required,
    "email": str.strip,
    "title": str.strip,
    "role": parse_role,
}


def parse_stakeholder_input(
    typed: Mapping[str, str | bool], *, label: Labeller = default_label
) -> dict[str, object]:
    """Model fields from the inputs given; every wrong input named in one error."""
    fields: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    for key, value in typed.items():
        if key not in FIELD_OF:
            raise KeyError(f"not a stakeholder input: {key}")
        if key == "primary":
            try:
                fields["is_primary"] = value if isinstance(value, bool) else parse_bool(value)
            except ValueError as problem:
                problems.append((key, str(problem)))
            continue
        try:
            fields[FIELD_OF[key]] = PARSERS[key](str(value))
        except ValueError as problem:
            problems.append((key, str(problem)))
    if problems:
        raise InvalidInputError(
            "; ".join(f"{label(key)}: {message}" for key, message in problems),
            field=problems[0][0],
        )
    return fields


def person_values(person: StakeholderView) -> dict[str, Any]:
    """The stored values of every editable field, as an edit compares them."""
    return {
        "name": person.name,
        "email": person.email,
        "title": person.title,
        "role": person.role,
        "is_primary": person.is_primary,
    }


def person_texts(values: Mapping[str, Any]) -> dict[str, str]:
    """The text of every input for a form opened on these stored values."""
    return {
        "name": str(values.get("name", "")),
        "email": str(values.get("email", "")),
        "title": str(values.get("title", "")),
        "role": str(values.get("role", StakeholderRole.USER.value)),
        "primary": "yes" if values.get("is_primary") else "no",
    }


def role_label(role: str) -> str:
    return "sponsor" if role == StakeholderRole.EXECUTIVE_SPONSOR else role
