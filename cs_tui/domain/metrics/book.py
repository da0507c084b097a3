"""The book's metrics for a period, for the whole book and per group (owner at start or segment).

Money is summed per currency and never across currencies: each group carries one `MoneyMetrics`
per currency its accounts are in, with GRR and NRR of that currency's cohort. Counts (accounts,
logos, renewals, plan coverage) and voice (NPS, CSAT) are currency-free.
"""

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal, NamedTuple

from cs_tui.domain.enums import SurveyKind, SurveyMoment
from cs_tui.domain.metrics import formulas
from cs_tui.domain.metrics.arr import owner_on
from cs_tui.domain.metrics.flows import (
    AccountFacts,
    AccountFlow,
    FlowNumbers,
    contiguous,
    period_flows,
    trend_numbers,
)
from cs_tui.domain.metrics.periods import Period
from cs_tui.domain.voice.scores import CsatResult, NpsResult, csat, nps

Grouping = Literal["owner", "segment"]
GROUPINGS: tuple[Grouping, ...] = ("owner", "segment")


class Response(NamedTuple):
    """A survey response as the metrics read it."""

    account_id: str
    kind: SurveyKind
    moment: str
    score: int
    responded_on: date


@dataclass(frozen=True)
class MoneyMetrics:
    currency: str
    starting: int = 0
    new: int = 0
    expansion: int = 0
    contraction: int = 0
    churn: int = 0
    ending: int = 0
    renewable: int = 0
    renewed_gross: int = 0  # capped at each contract's original value
    renewed_net: int = 0
    at_risk: int = 0

    @property
    def grr(self) -> float | None:
        return formulas.grr(self.starting, self.contraction, self.churn)

    @property
    def nrr(self) -> float | None:
        return formulas.nrr(self.starting, self.expansion, self.contraction, self.churn)

    @property
    def renewal_value_gross(self) -> float | None:
        return formulas.renewal_value_gross(self.renewed_gross, self.renewable)

    @property
    def renewal_value_net(self) -> float | None:
        return formulas.renewal_value_net(self.renewed_net, self.renewable)


@dataclass(frozen=True)
class GroupMetrics:
    key: str  # the owner or segment ("" when unset); "" also for the whole book
    accounts: int  # customers at the period's end
    cohort: int  # customers at the period's start
    new_logos: int
    churned: int
    due: int  # renewals decided in the period (renewed or lost)
    renewed: int
    open_renewals: int  # due in the period, not decided yet
    with_plan: int  # of every renewal due in the period, those with an agreed plan
    at_risk: int
    money: tuple[MoneyMetrics, ...]
    nps: NpsResult
    csat: CsatResult

    @property
    def logo_churn(self) -> float | None:
        return formulas.logo_churn(self.churned, self.cohort)

    @property
    def renewal_rate(self) -> float | None:
        return formulas.ratio(self.renewed, self.due)

    @property
    def plan_coverage(self) -> float | None:
        return formulas.ratio(self.with_plan, self.due + self.open_renewals)

    def money_in(self, currency: str) -> MoneyMetrics:
        for money in self.money:
            if money.currency == currency:
                return money
        return MoneyMetrics(currency)


@dataclass(frozen=True)
class MomentVoice:
    moment: str
    nps: NpsResult
    csat: CsatResult


@dataclass(frozen=True)
class BookMetrics:
    period: Period
    as_of: date
    by: Grouping | None
    moment: str | None  # the survey moment NPS and CSAT were limited to, if any
    total: GroupMetrics
    groups: tuple[GroupMetrics, ...]
    by_moment: tuple["MomentVoice", ...] = ()
    accounts: Sequence[AccountFacts] = field(default=(), repr=False, compare=False)
    at_risk_ids: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(m.currency for m in self.total.money)

    @cached_property
    def flows(self) -> tuple[AccountFlow, ...]:
        """Every account's flow in the period (worked out when first asked for)."""
        return period_flows(
            self.accounts, self.period, today=self.as_of, at_risk_ids=self.at_risk_ids
        )


def group_key(flow: AccountFlow, by: Grouping) -> str:
    return flow.owner if by == "owner" else flow.segment


def _money(currency: str, flows: Sequence[AccountFlow]) -> MoneyMetrics:
    decided = [f for f in flows if f.decided]
    return MoneyMetrics(
        currency=currency,
        starting=sum(f.starting for f in flows),
        new=sum(f.new for f in flows),
        expansion=sum(f.expansion for f in flows),
        contraction=sum(f.contraction for f in flows),
        churn=sum(f.churn for f in flows),
        ending=sum(f.ending for f in flows),
        renewable=sum(f.starting for f in decided),
        renewed_gross=sum(f.renewed_capped for f in decided),
        renewed_net=sum(f.renewed_minor for f in decided),
        at_risk=sum(f.ending for f in flows if f.at_risk),
    )


def summarise(
    key: str, flows: Sequence[AccountFlow], responses: Sequence[Response]
) -> GroupMetrics:
    """A group's metrics from its accounts' flows: the definition `book_metrics` tallies faster."""
    by_currency: dict[str, list[AccountFlow]] = {}
    for flow in flows:
        by_currency.setdefault(flow.currency, []).append(flow)
    due = [f for f in flows if f.due]
    return GroupMetrics(
        key=key,
        accounts=sum(1 for f in flows if f.customer_at_end),
        cohort=sum(1 for f in flows if f.in_cohort),
        new_logos=sum(1 for f in flows if f.new_logo),
        churned=sum(1 for f in flows if f.churned),
        due=sum(1 for f in due if f.decided),
        renewed=sum(1 for f in due if f.renewed),
        open_renewals=sum(1 for f in due if f.pending),
        with_plan=sum(1 for f in due if f.agreed_plan),
        at_risk=sum(1 for f in flows if f.at_risk),
        money=tuple(_money(c, by_currency[c]) for c in sorted(by_currency)),
        nps=nps(r.score for r in responses if r.kind is SurveyKind.NPS),
        csat=csat(r.score for r in responses if r.kind is SurveyKind.CSAT),
    )


def book_metrics(
    accounts: Sequence[AccountFacts],
    responses: Iterable[Response],
    period: Period,
    *,
    today: date,
    by: Grouping | None = None,
    moment: str | None = None,
    at_risk_ids: frozenset[str] = frozenset(),
) -> BookMetrics:
    """The period's metrics; `responses` may span more than the period (those outside are left
    out), `at_risk_ids` are accounts forecast at risk (red health counts anyway).

    One pass over the accounts adds each one's flow into its group's tallies (the same sums as
    `summarise` over the flows, without making 100,000 flow objects).
    """
    return book_metrics_trend(
        accounts, responses, (period,), today=today, by=by, moment=moment, at_risk_ids=at_risk_ids
    )[0]


def book_metrics_trend(
    accounts: Sequence[AccountFacts],
    responses: Iterable[Response],
    periods: Sequence[Period],
    *,
    today: date,
    by: Grouping | None = None,
    moment: str | None = None,
    at_risk_ids: frozenset[str] = frozenset(),
) -> tuple[BookMetrics, ...]:
    """`book_metrics` of each of `periods`, in their order. Periods that follow each other
    without gaps (a trend) take one pass over the accounts and their events for all of them."""
    if not periods:
        return ()
    if not contiguous(periods):
        return tuple(
            book_metrics_trend(
                accounts, responses, (p,), today=today, by=by, moment=moment,
                at_risk_ids=at_risk_ids,
            )[0]
            for p in periods
        )  # fmt: skip
    count = len(periods)
    starts = tuple(p.start for p in periods)
    counts: list[dict[str, list[int]]] = [{} for _ in periods]
    money: list[dict[tuple[str, str], list[int]]] = [{} for _ in periods]
    for facts in accounts:
        found = trend_numbers(facts, periods, starts, today, facts.id in at_risk_ids)
        currency, agreed_plan = facts.currency, facts.agreed_plan
        moving_key = by == "owner" and bool(facts.owner_changes)
        key = "" if by is None else facts.segment if by == "segment" else facts.owner
        for index in range(count):
            numbers = found[index]
            if numbers is None:
                continue
            if moving_key:
                key = owner_on(facts.owner, facts.owner_changes, starts[index])
            _tally(counts[index], money[index], key, currency, agreed_plan, numbers)
    by_period: list[list[Response]] = [[] for _ in periods]
    first, last = starts[0], periods[-1].end
    for response in responses:
        day = response.responded_on
        if first <= day <= last and (moment is None or response.moment == moment):
            by_period[bisect_right(starts, day) - 1].append(response)
    facts_of = {a.id: a for a in accounts} if by is not None else {}
    return tuple(
        _period_metrics(
            period, today, by, moment, counts[index], money[index], by_period[index],
            facts_of, accounts, at_risk_ids,
        )
        for index, period in enumerate(periods)
    )  # fmt: skip


def _tally(
    counts: dict[str, list[int]],
    money: dict[tuple[str, str], list[int]],
    key: str,
    currency: str,
    agreed_plan: bool,
    numbers: FlowNumbers,
) -> None:
    starting, ending, new, expansion, contraction, churn = numbers[:6]
    due, pending, renewed, renewed_minor, risky = numbers[6:]
    c = counts.get(key)
    if c is None:
        c = counts[key] = [0] * 9
    m = money.get((key, currency))
    if m is None:
        m = money[(key, currency)] = [0] * 10
    if ending > 0:
        c[0] += 1
    if starting > 0:
        c[1] += 1
        if ending <= 0:
            c[3] += 1
    elif new > 0:
        c[2] += 1
    if due:
        if pending:
            c[6] += 1
        else:
            c[4] += 1
            m[6] += starting
            m[7] += min(renewed_minor, starting)
            m[8] += renewed_minor
        if renewed:
            c[5] += 1
        if agreed_plan:
            c[7] += 1
    if risky:
        c[8] += 1
        m[9] += ending
    m[0] += starting
    m[1] += new
    m[2] += expansion
    m[3] += contraction
    m[4] += churn
    m[5] += ending


def _period_metrics(
    period: Period,
    today: date,
    by: Grouping | None,
    moment: str | None,
    counts: dict[str, list[int]],
    money: dict[tuple[str, str], list[int]],
    voice: Sequence[Response],
    facts_of: dict[str, AccountFacts],
    accounts: Sequence[AccountFacts],
    at_risk_ids: frozenset[str],
) -> BookMetrics:
    total = _tallied("", list(counts.values()), _summed_money(money), voice)
    groups: tuple[GroupMetrics, ...] = ()
    if by is not None:
        key_of = _account_keys(facts_of, period, by)
        voice_by: dict[str, list[Response]] = {}
        for response in voice:
            voice_by.setdefault(key_of(response.account_id), []).append(response)
        money_by: dict[str, dict[str, list[int]]] = {}
        for (group, currency), values in money.items():
            money_by.setdefault(group, {})[currency] = values
        groups = tuple(
            _tallied(k, [counts.get(k, [0] * 9)], money_by.get(k, {}), voice_by.get(k, []))
            for k in sorted(set(counts) | set(voice_by))
        )
    by_moment = tuple(
        MomentVoice(
            m.value,
            nps(r.score for r in voice if r.moment == m.value and r.kind is SurveyKind.NPS),
            csat(r.score for r in voice if r.moment == m.value and r.kind is SurveyKind.CSAT),
        )
        for m in SurveyMoment
    )
    return BookMetrics(period, today, by, moment, total, groups, by_moment, accounts, at_risk_ids)


def _summed_money(money: dict[tuple[str, str], list[int]]) -> dict[str, list[int]]:
    summed: dict[str, list[int]] = {}
    for (_key, currency), values in money.items():
        into = summed.setdefault(currency, [0] * 10)
        for index, value in enumerate(values):
            into[index] += value
    return summed


def _tallied(
    key: str,
    counts: Sequence[list[int]],
    money: dict[str, list[int]],
    voice: Sequence[Response],
) -> GroupMetrics:
    c = [sum(column) for column in zip(*counts, strict=True)] if counts else [0] * 9
    return GroupMetrics(
        key=key, accounts=c[0], cohort=c[1], new_logos=c[2], churned=c[3], due=c[4],
        renewed=c[5], open_renewals=c[6], with_plan=c[7], at_risk=c[8],
        money=tuple(MoneyMetrics(currency, *money[currency]) for currency in sorted(money)),
        nps=nps(r.score for r in voice if r.kind is SurveyKind.NPS),
        csat=csat(r.score for r in voice if r.kind is SurveyKind.CSAT),
    )  # fmt: skip


def _account_keys(
    facts: dict[str, AccountFacts], period: Period, by: Grouping
) -> Callable[[str], str]:
    """The group of any account, for its survey responses."""

    def key_of(account_id: str) -> str:
        found = facts.get(account_id)
        if found is None:
            return ""
        if by == "segment":
            return found.segment
        return owner_on(found.owner, found.owner_changes, period.start)

    return key_of


# -- the accounts behind a number ------------------------------------------------------------

BEHIND: dict[str, tuple[str, Callable[[AccountFlow], bool], Callable[[AccountFlow], int]]] = {
    "cohort": ("customers at the start", lambda f: f.in_cohort, lambda f: f.starting),
    "accounts": ("customers at the end", lambda f: f.customer_at_end, lambda f: f.ending),
    "new": ("new logos", lambda f: f.new_logo, lambda f: f.new),
    "expansion": ("expanded", lambda f: f.expansion > 0, lambda f: f.expansion),
    "contraction": ("contracted", lambda f: f.contraction > 0, lambda f: f.contraction),
    "churn": ("churned", lambda f: f.churned or f.churn > 0, lambda f: f.churn),
    "lost": ("contracted or churned", lambda f: f.contraction + f.churn > 0,
             lambda f: f.contraction + f.churn),
    "due": ("renewals due", lambda f: f.due, lambda f: f.starting),
    "renewed": ("renewed", lambda f: f.renewed, lambda f: f.renewed_minor),
    "not_renewed": ("due, not renewed", lambda f: f.decided and not f.renewed, lambda f: f.starting),
    "open": ("renewals still open", lambda f: f.pending, lambda f: f.starting),
    "without_plan": ("due without an agreed plan", lambda f: f.due and not f.agreed_plan,
                     lambda f: f.starting),
    "at_risk": ("ARR at risk", lambda f: f.at_risk, lambda f: f.ending),
}  # fmt: skip
"""Each metric whose accounts can be listed: (what they are, which flows, the amount shown)."""


def accounts_behind(
    metrics: BookMetrics, metric: str, *, key: str | None = None
) -> tuple[tuple[AccountFlow, int], ...]:
    """The accounts behind `metric` (of one group when `key` is given), largest amount first."""
    if metric not in BEHIND:
        raise ValueError(f"no accounts behind {metric!r} (one of {', '.join(BEHIND)})")
    _, chosen, amount = BEHIND[metric]
    rows = [
        (f, amount(f))
        for f in metrics.flows
        if chosen(f) and (key is None or metrics.by is None or group_key(f, metrics.by) == key)
    ]
    rows.sort(key=lambda pair: (pair[0].currency, -pair[1], pair[0].name))
    return tuple(rows)
