"""A saved edit writes only what the user changed, and never over a change made since the form opened.

A form remembers the values it was opened with (`opened`). On save it hands over only the fields
the user changed (`wanted`). `plan_edit` compares them with what is stored now (`current`):

- a field the user did not change is never written, whatever the form still shows for it;
- a wanted field whose stored value is already the wanted one is not written either;
- a wanted field that someone else changed since the form opened (stored value differs from the
  opened one, and from the wanted one) is a conflict: nothing is written until the user chooses.

Values are compared as they are (dates, ints, strings); the caller normalises them first.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldConflict:
    """A field the user changed that was changed underneath since their form opened."""

    field: str
    opened: Any  # what the form showed when it opened
    theirs: Any  # what is stored now
    mine: Any  # what the user typed


@dataclass(frozen=True)
class EditPlan:
    writes: dict[str, Any]
    conflicts: tuple[FieldConflict, ...]

    @property
    def blocked(self) -> bool:
        return bool(self.conflicts)


def plan_edit(
    current: Mapping[str, Any],
    wanted: Mapping[str, Any],
    opened: Mapping[str, Any] | None = None,
) -> EditPlan:
    """What to write of `wanted` over `current`, or the conflicts with changes made since `opened`.

    Without `opened` (a command line edit names its fields explicitly) there is nothing to be
    stale against: every wanted field that differs is written.
    """
    unknown = sorted(set(wanted) - set(current))
    if unknown:
        raise KeyError(f"not a field of this record: {', '.join(unknown)}")
    writes: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for field, mine in wanted.items():
        theirs = current[field]
        if theirs == mine:
            continue
        if opened is not None and field in opened and opened[field] != theirs:
            conflicts.append(FieldConflict(field, opened[field], theirs, mine))
            continue
        writes[field] = mine
    return EditPlan(writes if not conflicts else {}, tuple(conflicts))


def resolved(
    wanted: Mapping[str, Any],
    opened: Mapping[str, Any],
    conflicts: tuple[FieldConflict, ...],
    *,
    keep_mine: bool,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (wanted, opened) to save again once the user chose for these conflicts.

    Either way the form now counts as opened on the values the user was shown as theirs; keeping
    mine writes the user's values over them, taking theirs drops those fields from the save. A
    field changed yet again meanwhile is a new conflict on the next save.
    """
    seen = dict(opened)
    chosen = dict(wanted)
    for conflict in conflicts:
        seen[conflict.field] = conflict.theirs
        if not keep_mine:
            chosen.pop(conflict.field, None)
    return chosen, seen


def changed_fields(opened: Mapping[str, Any], edited: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of `edited` whose value differs from the one the form opened with."""
    return {
        field: value
        for field, value in edited.items()
        if field not in opened or opened[field] != value
    }
