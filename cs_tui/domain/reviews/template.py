"""The expectations document of a review: roles with names, what to prepare, the agenda with minutes.

A template is read from TOML (parsed by io/); here its values are checked, each problem naming the
key, and the agenda's total is held to the limit (three hours unless the template says less).
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

ROLES = ("leader", "presenter", "moderator", "note_taker")
ROLE_LABELS = {
    "leader": "Leader",
    "presenter": "Presenter",
    "moderator": "Moderator",
    "note_taker": "Note-taker",
}
MAX_MINUTES = 180  # no more than three hours
MAX_ITEMS = 30


class TemplateError(ValueError):
    """A template that cannot be used; the message names the key and what is wrong."""


@dataclass(frozen=True)
class AgendaItem:
    title: str
    minutes: int


@dataclass(frozen=True)
class Role:
    key: str  # leader, presenter, moderator, note_taker
    person: str

    @property
    def label(self) -> str:
        return ROLE_LABELS[self.key]


@dataclass(frozen=True)
class Expectations:
    name: str
    limit_minutes: int
    roles: tuple[Role, ...]
    prep: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Expectations":
        return cls(
            name=str(data["name"]),
            limit_minutes=int(data["limit_minutes"]),
            roles=tuple(Role(str(r["key"]), str(r["person"])) for r in data["roles"]),
            prep=tuple(str(p) for p in data["prep"]),
            agenda=tuple(AgendaItem(str(a["title"]), int(a["minutes"])) for a in data["agenda"]),
        )


def _text(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TemplateError(f"{key}: give a text")
    return " ".join(value.split())


def _minutes(value: object, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise TemplateError(f"{key}: give a whole number of minutes above 0, not {value!r}")
    return value


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise TemplateError(f"{key}: give a list ([[{key}]] tables)")
    if len(value) > MAX_ITEMS:
        raise TemplateError(f"{key}: at most {MAX_ITEMS} items, not {len(value)}")
    return value


def fill(name: str, people: Mapping[str, str]) -> str:
    """`{owner}` and `{lead}` in a role's name replaced by the people of this review."""
    for key, person in people.items():
        name = name.replace("{" + key + "}", person)
    return name


def expectations(data: Mapping[str, Any], people: Mapping[str, str]) -> Expectations:
    """The checked expectations of a template; `people` fills `{owner}` and `{lead}`, and names a
    role directly when given (`{"moderator": "Ana"}` beats the template)."""
    known = {"name", "limit_minutes", "roles", "prep", "agenda"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise TemplateError(f"{unknown[0]}: not a template key (use {', '.join(sorted(known))})")
    name = _text(data.get("name", "Quarterly book review"), "name")
    limit = _minutes(data.get("limit_minutes", MAX_MINUTES), "limit_minutes")
    if limit > MAX_MINUTES:
        raise TemplateError(
            f"limit_minutes: a review lasts at most {MAX_MINUTES} minutes (3 hours), not {limit}"
        )
    raw_roles = data.get("roles", {})
    if not isinstance(raw_roles, Mapping):
        raise TemplateError(
            "roles: give a [roles] table (leader, presenter, moderator, note_taker)"
        )
    for key in raw_roles:
        if key not in ROLES:
            raise TemplateError(f"roles.{key}: not a role (use {', '.join(ROLES)})")
    roles = []
    for key in ROLES:
        person = people.get(key) or fill(str(raw_roles.get(key, "")), people)
        if not person.strip() or "{" in person:
            raise TemplateError(f"roles.{key}: name who is the {ROLE_LABELS[key].lower()}")
        roles.append(Role(key, " ".join(person.split())))
    prep = []
    for number, item in enumerate(_list(data, "prep"), start=1):
        where = f"prep[{number}]"
        value = item.get("item") if isinstance(item, Mapping) else item
        prep.append(_text(value, f"{where}.item"))
    agenda = []
    for number, item in enumerate(_list(data, "agenda"), start=1):
        where = f"agenda[{number}]"
        if not isinstance(item, Mapping):
            raise TemplateError(f"{where}: give title and minutes")
        agenda.append(
            AgendaItem(
                _text(item.get("title"), f"{where}.title"),
                _minutes(item.get("minutes"), f"{where}.minutes"),
            )
        )
    if not agenda:
        raise TemplateError("agenda: give at least one item with title and minutes")
    result = Expectations(name, limit, tuple(roles), tuple(prep), tuple(agenda))
    if result.total_minutes > limit:
        raise TemplateError(
            f"agenda: the items add up to {result.total_minutes} minutes, over the {limit}-minute "
            "limit; shorten or drop items"
        )
    return result


def agenda_clock(agenda: tuple[AgendaItem, ...], elapsed_seconds: int) -> tuple[int, int, int]:
    """Where a running meeting is: (the item now, seconds left in it, seconds over the agenda).

    Past the last item the index stays on it, and the time over the whole agenda is counted."""
    if not agenda:
        raise ValueError("an agenda has at least one item")
    start = 0
    for index, item in enumerate(agenda):
        end = start + item.minutes * 60
        if elapsed_seconds < end:
            return index, end - max(elapsed_seconds, 0), 0
        start = end
    return len(agenda) - 1, 0, elapsed_seconds - start
