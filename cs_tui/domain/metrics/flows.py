"""One account in one period: its ARR at the start and end, and what moved it in between.

The cohort is the accounts with ARR above zero at the period's start; what a cohort account gains
is expansion (a `new` event on it, a win-back, counts as expansion too), what it loses is
contraction or churn. An account outside the cohort that ends the period with ARR is a new logo:
its ending ARR is new business. So ending = starting + new + expansion - contraction - churn holds
for every account and every sum of them.

Renewals: an account is due in the period when it renewed or churned in it, or its contract ends
in it. A due contract that ends after `today` without a renewal yet is still open: it counts for
plan coverage but not in the renewal rates.
"""

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, NamedTuple

from cs_tui.domain.enums import HealthBand, RevenueKind
from cs_tui.domain.metrics.arr import OwnerChange, RevenueChange, arr_change, owner_on
from cs_tui.domain.metrics.periods import Period


class AccountFacts(NamedTuple):
    """What the metrics need of one account, as stored today."""

    id: str
    name: str
    owner: str  # today's
    segment: str
    currency: str
    arr_minor: int  # today's
    contract_end: date | None
    band: str  # today's health band
    agreed_plan: bool
    events: tuple[RevenueChange, ...] = ()
    owner_changes: tuple[OwnerChange, ...] = ()


@dataclass(frozen=True)
class AccountFlow:
    account_id: str
    name: str
    owner: str  # at the period's start
    segment: str
    currency: str
    starting: int
    ending: int
    new: int
    expansion: int
    contraction: int
    churn: int
    due: bool
    pending: bool
    renewed: bool
    renewed_minor: int  # the value the last renewal of the period renewed at
    at_risk: bool
    agreed_plan: bool

    @property
    def in_cohort(self) -> bool:
        return self.starting > 0

    @property
    def new_logo(self) -> bool:
        return not self.in_cohort and self.new > 0

    @property
    def churned(self) -> bool:
        """A cohort account that ended the period without ARR."""
        return self.in_cohort and self.ending <= 0

    @property
    def customer_at_end(self) -> bool:
        return self.ending > 0

    @property
    def decided(self) -> bool:
        """Due, and renewed or lost (not still open): counts in the renewal rates."""
        return self.due and not self.pending

    @property
    def renewed_capped(self) -> int:
        return min(self.renewed_minor, max(0, self.starting))


FlowNumbers = tuple[int, int, int, int, int, int, bool, bool, bool, int, bool]
"""starting, ending, new, expansion, contraction, churn, due, pending, renewed, renewed value,
at risk: an account's flow as plain values, for summing 100,000 of them quickly."""

RED = HealthBand.RED.value


def flow_numbers(
    facts: AccountFacts, period: Period, today: date, at_risk: bool
) -> FlowNumbers | None:
    """The account's flow in the period, or None when it was no customer at all in it."""
    return trend_numbers(facts, (period,), (period.start,), today, at_risk)[0]


def contiguous(periods: Sequence[Period]) -> bool:
    """Whether each period starts the day after the one before it ends (as `trailing` gives)."""
    return all(later.start == earlier.end + ONE_DAY for earlier, later in pairwise(periods))


ONE_DAY = timedelta(days=1)


def trend_numbers(
    facts: AccountFacts,
    periods: Sequence[Period],
    starts: Sequence[date],
    today: date,
    at_risk: bool,
) -> list[FlowNumbers | None]:
    """`flow_numbers` of the account in each of `periods` (contiguous, oldest first, `starts`
    their first days), from one pass over its events: each event falls in one period or after
    the last, and the ARR at each period's end is undone from the periods after it."""
    red = at_risk or facts.band == RED
    contract_end = facts.contract_end
    count = len(periods)
    due_in = -1  # the period the contract ends in, if any
    if contract_end is not None and starts[0] <= contract_end <= periods[-1].end:
        due_in = bisect_right(starts, contract_end) - 1
    arr = facts.arr_minor
    if not facts.events:  # most accounts in a short period: nothing moved
        if arr <= 0:
            return [None] * count
        steady: FlowNumbers = (arr, arr, 0, 0, 0, 0, False, False, False, 0, red)
        found: list[FlowNumbers | None] = [steady] * count
        if due_in >= 0:
            assert contract_end is not None
            found[due_in] = (arr, arr, 0, 0, 0, 0, True, contract_end > today, False, 0, red)
        return found
    first, last = starts[0], periods[-1].end
    after_last = 0
    # per period with events: moved, expansion, contraction, churn, renewed value, renewed, churned
    buckets: dict[int, list[Any]] = {}
    for event in facts.events:
        change = arr_change(event.kind, event.amount_minor)
        day = event.occurred_on
        if day > last:
            after_last += change
            continue
        if day < first:
            continue
        index = 0 if count == 1 else bisect_right(starts, day) - 1
        bucket = buckets.get(index)
        if bucket is None:
            bucket = buckets[index] = [0, 0, 0, 0, 0, False, False]
        bucket[0] += change
        kind = event.kind
        if kind is RevenueKind.RENEWAL:
            bucket[4], bucket[5] = event.amount_minor, True
        elif kind is RevenueKind.CHURN:
            bucket[3] += event.amount_minor
            bucket[6] = True
        elif kind is RevenueKind.DOWNSELL:
            bucket[2] += event.amount_minor
        else:  # upsell, cross-sell, or a `new` on a cohort account (a win-back)
            bucket[1] += event.amount_minor
    result: list[FlowNumbers | None] = [None] * count
    after = after_last
    for index in range(count - 1, -1, -1):
        ending = arr - after
        bucket = buckets.get(index)
        if bucket is None:  # nothing moved in the period
            if ending > 0:
                due = index == due_in
                pending = due and contract_end is not None and contract_end > today
                result[index] = (ending, ending, 0, 0, 0, 0, due, pending, False, 0, red)
            continue
        moved, expansion, contraction, churn, renewed_minor, renewed, churned_in_period = bucket
        after += moved
        starting = ending - moved
        if starting <= 0 and ending <= 0 and not (renewed or churned_in_period):
            continue
        new = 0
        if starting <= 0:  # not in the cohort: whatever it ends with is new business
            new = ending = max(0, ending)
            starting = expansion = contraction = churn = 0
        due = starting > 0 and (renewed or churned_in_period or index == due_in)
        lost = churned_in_period or ending <= 0
        pending = (
            due and not renewed and not lost and (contract_end is None or contract_end > today)
        )
        renewed = renewed and due
        result[index] = (
            starting, ending, new, expansion, contraction, churn, due, pending, renewed,
            renewed_minor if due else 0, ending > 0 and red,
        )  # fmt: skip
    return result


def account_flow(
    facts: AccountFacts, period: Period, *, today: date, at_risk: bool = False
) -> AccountFlow | None:
    """The account's flow in the period, or None when it was no customer at all in it."""
    numbers = flow_numbers(facts, period, today, at_risk)
    if numbers is None:
        return None
    starting, ending, new, expansion, contraction, churn = numbers[:6]
    due, pending, renewed, renewed_minor, risky = numbers[6:]
    return AccountFlow(
        account_id=facts.id, name=facts.name,
        owner=owner_on(facts.owner, facts.owner_changes, period.start),
        segment=facts.segment, currency=facts.currency, starting=starting, ending=ending,
        new=new, expansion=expansion, contraction=contraction, churn=churn, due=due,
        pending=pending, renewed=renewed, renewed_minor=renewed_minor, at_risk=risky,
        agreed_plan=facts.agreed_plan,
    )  # fmt: skip


def period_flows(
    accounts: Sequence[AccountFacts],
    period: Period,
    *,
    today: date,
    at_risk_ids: frozenset[str] = frozenset(),
) -> tuple[AccountFlow, ...]:
    flows = (
        account_flow(facts, period, today=today, at_risk=facts.id in at_risk_ids)
        for facts in accounts
    )
    return tuple(flow for flow in flows if flow is not None)
