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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

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
    red = at_risk or facts.band == RED
    contract_end = facts.contract_end
    start, end = period.start, period.end
    if not facts.events:  # most accounts in a short period: nothing moved
        arr = facts.arr_minor
        if arr <= 0:
            return None
        due = contract_end is not None and start <= contract_end <= end
        pending = due and contract_end is not None and contract_end > today
        return (arr, arr, 0, 0, 0, 0, due, pending, False, 0, red)
    after = moved = expansion = contraction = churn = renewed_minor = 0
    renewed = churned_in_period = False
    for event in facts.events:
        change = arr_change(event.kind, event.amount_minor)
        day = event.occurred_on
        if day > end:
            after += change
            continue
        if day < start:
            continue
        moved += change
        kind = event.kind
        if kind is RevenueKind.RENEWAL:
            renewed, renewed_minor = True, event.amount_minor
        elif kind is RevenueKind.CHURN:
            churn += event.amount_minor
            churned_in_period = True
        elif kind is RevenueKind.DOWNSELL:
            contraction += event.amount_minor
        else:  # upsell, cross-sell, or a `new` on a cohort account (a win-back)
            expansion += event.amount_minor
    ending = facts.arr_minor - after
    starting = ending - moved
    if starting <= 0 and ending <= 0 and not (renewed or churned_in_period):
        return None
    new = 0
    if starting <= 0:  # not in the cohort: whatever it ends with is new business
        new = ending = max(0, ending)
        starting = expansion = contraction = churn = 0
    ends_in_period = contract_end is not None and start <= contract_end <= end
    due = starting > 0 and (renewed or churned_in_period or ends_in_period)
    lost = churned_in_period or ending <= 0
    pending = due and not renewed and not lost and (contract_end is None or contract_end > today)
    renewed = renewed and due
    return (
        starting, ending, new, expansion, contraction, churn, due, pending, renewed,
        renewed_minor if due else 0, ending > 0 and red,
    )  # fmt: skip


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
