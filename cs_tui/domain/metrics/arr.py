"""ARR at a date and the owner on a date, from what is stored today and what changed since.

The store keeps each account's current ARR and its revenue events. The ARR in force at the end of
a day is the current ARR with every later event undone: new business, upsells and cross-sells
added ARR, downsells and churn removed it; a renewal keeps the contract going at the ARR in force
(its amount is the renewed value; a price change at renewal is recorded as an upsell or downsell).
The owner on a day comes from the owner history: the owner set by the latest change on or before
that day, else the owner before the first later change, else (no history) the current owner.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from cs_tui.domain.enums import EXPANSION_KINDS, RevenueKind

ADDS = frozenset({RevenueKind.NEW, *EXPANSION_KINDS})
REMOVES = frozenset({RevenueKind.DOWNSELL, RevenueKind.CHURN})


class RevenueChange(NamedTuple):
    """A revenue event as the metrics read it."""

    kind: RevenueKind
    amount_minor: int
    occurred_on: date


class OwnerChange(NamedTuple):
    """From `changed_on`, the account belongs to `owner` (before it, to `previous_owner`)."""

    changed_on: date
    owner: str
    previous_owner: str


def arr_change(kind: RevenueKind, amount_minor: int) -> int:
    """How much the event moved the ARR: + for new and expansion, - for contraction and churn."""
    if kind in ADDS:
        return amount_minor
    if kind in REMOVES:
        return -amount_minor
    return 0


def arr_on(current_minor: int, events: Iterable[RevenueChange], day: date) -> int:
    """The ARR in force at the end of `day` (after that day's events)."""
    later = sum(arr_change(e.kind, e.amount_minor) for e in events if e.occurred_on > day)
    return current_minor - later


def owner_on(current: str, changes: Sequence[OwnerChange], day: date) -> str:
    """Who owned the account on `day`; `changes` in the order they were made."""
    if not changes:
        return current
    ordered = sorted(changes, key=lambda c: c.changed_on)  # stable: same-day changes keep order
    before = [c for c in ordered if c.changed_on <= day]
    if before:
        return before[-1].owner
    if ordered:
        return ordered[0].previous_owner
    return current
