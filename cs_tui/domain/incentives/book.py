"""The catalogue's metrics for one owner and period, with the accounts and events behind each figure.

Result metrics (GRR, NRR, logo retention, renewal rate, expansion, plan coverage) and the voice of
the customer (NPS, CSAT) are the book metrics' own (`domain.metrics`): the accounts an owner had at
the period's start, their flows in the period, money in the plan's currency only. They are computed
here exactly (fractions) with the same formulas. Process metrics from the CSM's own work (cadence,
health, response time) are read from the accounts the owner has today (`AccountBook`).
"""

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from cs_tui.domain.enums import EXPANSION_KINDS, RevenueKind, SurveyKind
from cs_tui.domain.incentives.calc import MetricActual, Trace
from cs_tui.domain.metrics.book import Response
from cs_tui.domain.metrics.flows import AccountFacts, AccountFlow
from cs_tui.domain.metrics.periods import Period
from cs_tui.domain.voice.scores import csat, nps
from cs_tui.domain.work.cadence import Cadences

MOVES = frozenset({*EXPANSION_KINDS, RevenueKind.NEW, RevenueKind.DOWNSELL, RevenueKind.CHURN})
GROWTH = frozenset({*EXPANSION_KINDS, RevenueKind.NEW})  # a `new` on a cohort account: a win-back


@dataclass(frozen=True)
class AccountBook:
    """What the process metrics need of one account the owner has today."""

    id: str
    name: str
    owner: str
    segment: str = ""
    churned: bool = False  # lifecycle stage churned
    touches: tuple[date, ...] = ()  # customer touches in the period so far
    touch_before: date | None = None  # the last customer touch before the period
    health: float | None = None  # the latest score on or before the period's last day so far
    health_on: date | None = None
    response_hours: tuple[tuple[date, float], ...] = ()  # first_response_hours samples


def _money(minor: int) -> str:
    return f"{minor / 100:,.2f}"


def _mean(values: Sequence[float]) -> Fraction | None:
    """The mean of measured values, to four decimals (they are floats in the store)."""
    if not values:
        return None
    return Fraction(f"{math.fsum(values) / len(values):.4f}")


def _ratio(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def _moves(facts: AccountFacts | None, period: Period, as_of: date, kinds: frozenset[RevenueKind]
           ) -> Iterable[tuple[RevenueKind, int, date]]:  # fmt: skip
    for event in facts.events if facts else ():
        if event.kind in kinds and period.start <= event.occurred_on <= as_of:
            yield event.kind, event.amount_minor, event.occurred_on


def result_metrics(
    flows: Sequence[AccountFlow], facts: Mapping[str, AccountFacts], period: Period, as_of: date,
    currency: str,
) -> list[MetricActual]:  # fmt: skip
    """GRR, NRR, logo retention, renewal rate, expansion ARR and plan coverage of one owner."""
    cohort = [f for f in flows if f.in_cohort]
    priced = [f for f in cohort if f.currency == currency]
    start = sum(f.starting for f in priced)
    expansion = sum(f.expansion for f in priced)
    contraction = sum(f.contraction for f in priced)
    churn = sum(f.churn for f in priced)
    money: list[Trace] = []
    for flow in priced:
        money.append(Trace(flow.account_id, flow.name, "starting ARR", period.start, flow.starting))
        for kind, amount, on in _moves(facts.get(flow.account_id), period, as_of, MOVES):
            money.append(Trace(flow.account_id, flow.name, kind.value, on, amount))
    left_out = len(cohort) - len(priced)
    other = f"; {left_out} accounts in other currencies left out" if left_out else ""
    detail = (f"starting ARR {_money(start)} on {len(priced)} accounts; expansion "
              f"{_money(expansion)}, contraction {_money(contraction)}, "
              f"churn {_money(churn)}{other}")  # fmt: skip
    grr = nrr = None
    if start > 0:
        grr = min(Fraction(1), max(Fraction(0), Fraction(start - contraction - churn, start)))
        nrr = max(grr, Fraction(start + expansion - contraction - churn, start))
    lost = [f for f in cohort if f.churned]
    logo_traces = tuple(
        Trace(f.account_id, f.name, "churned" if f.churned else "kept", None, f.starting)
        for f in cohort
    )
    logo = None if not cohort else 1 - min(Fraction(1), Fraction(len(lost), len(cohort)))
    due = [f for f in flows if f.due]
    decided = [f for f in due if f.decided]
    renewed = [f for f in decided if f.renewed]
    renewal_traces = tuple(
        Trace(f.account_id, f.name, "renewed" if f.renewed else "lost" if f.decided else
              "open, not renewed yet", facts[f.account_id].contract_end if f.account_id in facts
              else None, f.renewed_minor or f.starting)
        for f in due
    )  # fmt: skip
    growth = [
        Trace(f.account_id, f.name, kind.value, on, amount)
        for f in priced
        for kind, amount, on in _moves(facts.get(f.account_id), period, as_of, GROWTH)
    ]
    with_plan = [f for f in due if f.agreed_plan]
    coverage_traces = tuple(
        Trace(f.account_id, f.name, "agreed plan" if f.agreed_plan else "no agreed plan",
              facts[f.account_id].contract_end if f.account_id in facts else None)
        for f in due
    )  # fmt: skip
    return [
        MetricActual("grr", grr, detail, tuple(money)),
        MetricActual("nrr", nrr, detail, tuple(money)),
        MetricActual("logo_retention", logo, f"{len(lost)} of {len(cohort)} accounts churned",
                     logo_traces),
        MetricActual("renewal_rate", _ratio(len(renewed), len(decided)),
                     f"{len(renewed)} of {len(decided)} decided renewals renewed "
                     f"({len(due) - len(decided)} still open)", renewal_traces),
        MetricActual("expansion_arr", Fraction(expansion),
                     f"{len(growth)} expansions, {_money(expansion)}{other}", tuple(growth)),
        MetricActual("plan_coverage", _ratio(len(with_plan), len(due)),
                     f"{len(with_plan)} of {len(due)} renewals due have an agreed plan",
                     coverage_traces),
    ]  # fmt: skip


def voice_metrics(responses: Sequence[Response], names: Mapping[str, str]) -> list[MetricActual]:
    """NPS and CSAT of the responses on one owner's accounts."""
    found: list[MetricActual] = []
    for kind, metric, label in ((SurveyKind.NPS, "nps", "NPS"), (SurveyKind.CSAT, "csat", "CSAT")):
        chosen = [r for r in responses if r.kind is kind]
        traces = tuple(
            Trace(r.account_id, names.get(r.account_id, r.account_id), f"{label} response",
                  r.responded_on, None, str(r.score))
            for r in chosen
        )  # fmt: skip
        scores = [r.score for r in chosen]
        if kind is SurveyKind.NPS:
            result = nps(scores)
            value = _ratio((result.promoters - result.detractors) * 100, result.responses)
            detail = (f"{result.promoters} promoters, {result.detractors} detractors of "
                      f"{result.responses} responses")  # fmt: skip
        else:
            happy = csat(scores)
            value = _ratio(happy.satisfied * 100, happy.responses)
            detail = f"{happy.satisfied} of {happy.responses} responses 4 or 5"
        found.append(MetricActual(metric, value, detail, traces))
    return found


def longest_gap(account: AccountBook, period: Period, as_of: date) -> int:
    """The longest stretch in days without a customer touch, from the last touch before the period
    (or the period start) through the touches in it to the period's last day so far."""
    points = [account.touch_before or period.start, *sorted(account.touches), as_of]
    return max((b - a).days for a, b in itertools.pairwise(points))


def cadence_kept(
    accounts: Sequence[AccountBook], period: Period, as_of: date, cadences: Cadences
) -> MetricActual:
    live = [a for a in accounts if not a.churned]
    kept = 0
    traces: list[Trace] = []
    for account in live:
        cadence = cadences.for_segment(account.segment)
        gap = longest_gap(account, period, as_of)
        ok = gap <= cadence and (account.touch_before is not None or bool(account.touches))
        kept += ok
        traces.append(Trace(account.id, account.name, "kept" if ok else "missed", None, None,
                            f"longest gap {gap} days, cadence {cadence}"))  # fmt: skip
    return MetricActual("check_in_cadence_kept", _ratio(kept, len(live)),
                        f"{kept} of {len(live)} live accounts kept their cadence", tuple(traces))  # fmt: skip


def average_health(accounts: Sequence[AccountBook]) -> MetricActual:
    scored = [a for a in accounts if not a.churned and a.health is not None]
    traces = tuple(Trace(a.id, a.name, "health score", a.health_on, None, f"{a.health:.0f}")
                   for a in scored)  # fmt: skip
    value = _mean([a.health for a in scored if a.health is not None])
    return MetricActual("average_health", value, f"mean of {len(scored)} accounts' latest scores",
                        traces)  # fmt: skip


def first_response_time(accounts: Sequence[AccountBook]) -> MetricActual:
    """The mean of every sample; each account's samples are listed on its trace."""
    sampled = [a for a in accounts if a.response_hours]
    traces = tuple(
        Trace(a.id, a.name, f"{len(a.response_hours)} first-response samples",
              a.response_hours[-1][0], None,
              ", ".join(f"{hours:g} h" for _, hours in a.response_hours))
        for a in sampled
    )  # fmt: skip
    hours = [h for a in sampled for _, h in a.response_hours]
    return MetricActual("first_response_time", _mean(hours),
                        f"mean of {len(hours)} samples (hours)", traces)  # fmt: skip


def process_metrics(
    accounts: Sequence[AccountBook], period: Period, as_of: date, cadences: Cadences
) -> list[MetricActual]:
    return [
        cadence_kept(accounts, period, as_of, cadences),
        average_health(accounts),
        first_response_time(accounts),
    ]


def owner_metrics(
    flows: Sequence[AccountFlow], facts: Mapping[str, AccountFacts],
    responses: Sequence[Response], accounts: Sequence[AccountBook],
    period: Period, as_of: date, cadences: Cadences, currency: str,
) -> dict[str, MetricActual]:  # fmt: skip
    """Every catalogue metric of one owner, keyed by metric."""
    names = {f.account_id: f.name for f in flows}
    found = [
        *result_metrics(flows, facts, period, as_of, currency),
        *voice_metrics(responses, names),
        *process_metrics(accounts, period, as_of, cadences),
    ]
    return {m.metric: m for m in found}
