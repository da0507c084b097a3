"""What a revenue event does to its account: ARR, lifecycle stage and contract end.

- new business sets the ARR to the amount (a new logo starts at its contract value; a churned
  account won back starts again in onboarding);
- a renewal sets the ARR to the amount when one is given (0 keeps it) and moves the contract end:
  to `renewal_to`, else a year after the current end;
- an expansion adds the amount, a contraction subtracts it (never below zero: refused);
- a churn sets the ARR to 0 and the stage to churned (it stores the ARR it took away).

An event dated before the newest event already recorded for the account is history: it is stored
but changes nothing (the later event already says what the account is worth). `apply_events`
replays a batch in date order, as an import does.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from cs_tui.domain.enums import EXPANSION_KINDS, LifecycleStage, RevenueKind
from cs_tui.domain.money import format_money

ALREADY_RENEWED_DAYS = 300  # a contract ending this much after a renewal has already been moved
LAPSED_DAYS = 365  # a contract that ended this long before a renewal restarts from the renewal


class EffectError(ValueError):
    """The event cannot apply to the account as it stands; the message says why."""


@dataclass(frozen=True)
class AccountState:
    arr_minor: int
    stage: LifecycleStage
    contract_end: date | None
    currency: str = "USD"
    latest_event_on: date | None = None


@dataclass(frozen=True)
class EventInput:
    kind: RevenueKind
    amount_minor: int
    occurred_on: date
    renewal_to: date | None = None


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it has fewer days)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def renewed_until(contract_end: date | None, occurred_on: date, renewal_to: date | None) -> date:
    """The contract end after a renewal signed on `occurred_on`."""
    if renewal_to is not None:
        if renewal_to <= occurred_on:
            raise EffectError(
                f"the new contract end {renewal_to.isoformat()} is not after the renewal "
                f"({occurred_on.isoformat()})"
            )
        return renewal_to
    if contract_end is None or contract_end < occurred_on - timedelta(days=LAPSED_DAYS):
        return add_months(occurred_on, 12)
    if contract_end > occurred_on + timedelta(days=ALREADY_RENEWED_DAYS):
        return contract_end
    return add_months(contract_end, 12)


def is_history(state: AccountState, event: EventInput) -> bool:
    return state.latest_event_on is not None and event.occurred_on < state.latest_event_on


def apply_event(state: AccountState, event: EventInput) -> AccountState:
    """The account after the event; `EffectError` when it cannot apply."""
    if event.amount_minor < 0:
        raise EffectError("the amount cannot be negative")
    if is_history(state, event):
        return state
    latest = event.occurred_on
    kind, amount = event.kind, event.amount_minor
    churned = state.stage is LifecycleStage.CHURNED
    if kind is RevenueKind.NEW:
        stage = LifecycleStage.ONBOARDING if churned else state.stage
        return replace(state, arr_minor=amount, stage=stage, latest_event_on=latest)
    if kind is RevenueKind.RENEWAL:
        if churned and amount == 0:
            raise EffectError("the account has churned: give the amount it renewed at")
        until = renewed_until(state.contract_end, event.occurred_on, event.renewal_to)
        stage = LifecycleStage.VALUE if state.stage in _RENEWED_FROM else state.stage
        arr = amount if amount > 0 else state.arr_minor
        return replace(
            state, arr_minor=arr, stage=stage, contract_end=until, latest_event_on=latest
        )
    if churned:
        raise EffectError(
            "the account has churned; record new business or a renewal to win it back"
        )
    if kind in EXPANSION_KINDS:
        return replace(state, arr_minor=state.arr_minor + amount, latest_event_on=latest)
    if kind is RevenueKind.DOWNSELL:
        if amount > state.arr_minor:
            raise EffectError(
                f"a contraction of {format_money(amount, state.currency, cents=True)} is more "
                f"than the ARR of {format_money(state.arr_minor, state.currency, cents=True)}"
            )
        return replace(state, arr_minor=state.arr_minor - amount, latest_event_on=latest)
    return replace(state, arr_minor=0, stage=LifecycleStage.CHURNED, latest_event_on=latest)


_RENEWED_FROM = frozenset({LifecycleStage.RENEWAL, LifecycleStage.CHURNED})


def apply_events(state: AccountState, events: Iterable[EventInput]) -> AccountState:
    """Replay events in date order (stable for events of one day)."""
    for event in sorted(events, key=lambda e: e.occurred_on):
        state = apply_event(state, event)
    return state


@dataclass(frozen=True)
class Effect:
    """An event applied: the account before and after, and the amount to store (a churn stores
    the ARR it took away, a flat renewal the ARR it carried over). `history`: it changed nothing."""

    before: AccountState
    after: AccountState
    amount_minor: int
    history: bool


def effect_of(state: AccountState, event: EventInput) -> Effect:
    after = apply_event(state, event)
    if is_history(state, event):
        return Effect(state, state, event.amount_minor, True)
    carried = event.kind is RevenueKind.RENEWAL and event.amount_minor == 0
    takes_all = event.kind is RevenueKind.CHURN
    amount = state.arr_minor if carried or takes_all else event.amount_minor
    return Effect(state, after, amount, False)
