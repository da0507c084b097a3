"""Field-level ops and the merge rule: per (table, row, field) the greatest clock wins.

A delete is the field `deleted_at` like any other, so an edit of another field never brings a
deleted row back; only an op on `deleted_at` itself (a restore) with a later clock does.
"""

import json
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from cs_tui.domain.sync.clock import Hlc

DELETED_FIELD = "deleted_at"

Scalar = str | int | float | bool | None
FieldKey = tuple[str, str, str]


class Op(NamedTuple):
    """One field's new value, as written by `author` on the device in `clock`.

    `base` is the clock of the value it replaced (None for a new row's first value): it tells a
    concurrent edit from a later one.
    """

    table: str
    row: str
    field: str
    value: Scalar
    clock: Hlc
    author: str = ""
    base: Hlc | None = None

    @property
    def key(self) -> FieldKey:
        return (self.table, self.row, self.field)

    @property
    def device(self) -> str:
        return self.clock.device

    def order(self) -> tuple[Hlc, str, str, str]:
        """The total order the merge uses: the clock, then (for a malformed tie) the rest."""
        base = self.base.encode() if self.base else ""
        return (self.clock, json.dumps(self.value, sort_keys=True), self.author, base)


def wins(candidate: Op, current: Op | None) -> bool:
    """Whether `candidate` replaces `current` as the field's value."""
    return current is None or candidate.order() > current.order()


def merge(state: Mapping[FieldKey, Op], ops: Iterable[Op]) -> dict[FieldKey, Op]:
    """The winning op of every field after seeing `ops` (any order, duplicates allowed)."""
    merged = dict(state)
    for op in ops:
        if wins(op, merged.get(op.key)):
            merged[op.key] = op
    return merged


def is_conflict(incoming: Op, local: Op | None) -> bool:
    """Same-field edits made without seeing each other, by different people, to different values."""
    if local is None or incoming.clock == local.clock:
        return False
    if incoming.base == local.clock or local.base == incoming.clock:
        return False
    if incoming.base is None and local.base is None:
        return False  # two devices creating the same row id: not an edit of each other's value
    return incoming.author != local.author and incoming.value != local.value


def row_values(state: Mapping[FieldKey, Op], table: str, row: str) -> dict[str, Scalar]:
    """The fields of one row as the winning ops say."""
    return {key[2]: op.value for key, op in state.items() if key[0] == table and key[1] == row}


def is_deleted(values: Mapping[str, Scalar]) -> bool:
    return values.get(DELETED_FIELD) is not None
