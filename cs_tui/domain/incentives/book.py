"""The catalogue's metrics for one owner and period, from the facts of their accounts, with traces.

Pure: the data layer loads an `AccountBook` per account (its events from the period start on, its
responses, touches and samples inside the period so far) and these functions compute each metric as
the catalogue describes it, keeping the accounts and events behind each figure.
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from cs_tui.domain.enums import EXPANSION_KINDS, RevenueKind
from cs_tui.domain.incentives.calc import MetricActual, Trace
from cs_tui.domain.incentives.periods import Period
from cs_tui.domain.plans.coverage import DEFAULT_COVERAGE_WINDOW_DAYS
from cs_tui.domain.work.cadence import Cadences

CONTRACTION_KINDS = frozenset({RevenueKind.DOWNSELL, RevenueKind.CHURN})


@dataclass(frozen=True)
class RevenueFact:
    kind: RevenueKind
    amount_minor: int
    on: date


@dataclass(frozen=True)
class AccountBook:
    id: str
    name: str
    owner: str
    segment: str = ""
    arr_minor: int = 0  # today
    churned: bool = False  # lifecycle stage churned
    contract_end: date | None = None
    revenue: tuple[RevenueFact, ...] = ()  # every event on or after the period start
    nps: tuple[tuple[date, int], ...] = ()  # responses in the period so far
    csat: tuple[tuple[date, int], ...] = ()
    touches: tuple[date, ...] = ()  # customer touches in the period so far
    touch_before: date | None = None  # the last customer touch before the period
    health: float | None = None  # the latest score on or before the period's last day so far
    health_on: date | None = None
    agreed_plan: bool = False
    response_hours: tuple[tuple[date, float], ...] = ()  # first_response_hours samples


def starting_arr(account: AccountBook, period: Period) -> int:
    """The ARR at the period start: today's with every change since undone."""
    arr = account.arr_minor
    for event in account.revenue:
        if event.on < period.start:
            continue
        if event.kind in EXPANSION_KINDS:
            arr -= event.amount_minor
        elif event.kind in CONTRACTION_KINDS:
            arr += event.amount_minor
    return max(arr, 0)


def in_cohort(account: AccountBook, period: Period) -> bool:
    """Present at the period start: ARR then, and not a new logo signed during the period."""
    new_since = any(e.kind is RevenueKind.NEW and e.on >= period.start for e in account.revenue)
    return not new_since and starting_arr(account, period) > 0


def _in(event: RevenueFact, period: Period, as_of: date) -> bool:
    return period.start <= event.on <= as_of


def _money(minor: int) -> str:
    return f"{minor / 100:,.2f}"


def _share(value: Fraction | None) -> str:
    return "no data" if value is None else f"{float(value):.1%}"


def retention(accounts: Sequence[AccountBook], period: Period, as_of: date) -> list[MetricActual]:
    """GRR, NRR and logo retention on the cohort present at the period start."""
    start = expansion = contraction = churn = 0
    logos = lost = 0
    traces: list[Trace] = []
    for account in accounts:
        if not in_cohort(account, period):
            continue
        arr = starting_arr(account, period)
        start += arr
        logos += 1
        traces.append(Trace(account.id, account.name, "starting ARR", period.start, arr))
        churned = False
        for event in account.revenue:
            if not _in(event, period, as_of):
                continue
            if event.kind in EXPANSION_KINDS:
                expansion += event.amount_minor
            elif event.kind is RevenueKind.DOWNSELL:
                contraction += event.amount_minor
            elif event.kind is RevenueKind.CHURN:
                churn += event.amount_minor
                churned = True
            else:
                continue
            traces.append(Trace(account.id, account.name, event.kind.value, event.on,
                                event.amount_minor))  # fmt: skip
        lost += churned
    detail = (f"starting ARR {_money(start)} on {logos} accounts; expansion {_money(expansion)}, "
              f"contraction {_money(contraction)}, churn {_money(churn)}")  # fmt: skip
    grr = nrr = logo = None
    if start:
        grr = min(Fraction(1), Fraction(start - contraction - churn, start))
        nrr = Fraction(start + expansion - contraction - churn, start)
    if logos:
        logo = 1 - Fraction(lost, logos)
    kept = tuple(traces)
    return [
        MetricActual("grr", grr, detail, kept),
        MetricActual("nrr", nrr, detail, kept),
        MetricActual("logo_retention", logo, f"{lost} of {logos} accounts churned", tuple(
            t for t in traces if t.event in ("starting ARR", "churn"))),
    ]  # fmt: skip


def renewal_rate(accounts: Sequence[AccountBook], period: Period, as_of: date) -> MetricActual:
    """Renewed / due: contracts ending in the period so far, or renewed or churned in it."""
    due = renewed = 0
    traces: list[Trace] = []
    for account in accounts:
        events = [e for e in account.revenue if _in(e, period, as_of)]
        renewal = next((e for e in events if e.kind is RevenueKind.RENEWAL), None)
        churn = next((e for e in events if e.kind is RevenueKind.CHURN), None)
        ends_now = (
            account.contract_end is not None and period.start <= account.contract_end <= as_of
        )
        if renewal is None and churn is None and not ends_now:
            continue
        due += 1
        if renewal is not None:
            renewed += 1
            traces.append(
                Trace(account.id, account.name, "renewed", renewal.on, renewal.amount_minor)
            )
        elif churn is not None:
            traces.append(Trace(account.id, account.name, "churned", churn.on, churn.amount_minor))
        else:
            traces.append(Trace(account.id, account.name, "due, not renewed", account.contract_end,
                                account.arr_minor))  # fmt: skip
    value = Fraction(renewed, due) if due else None
    return MetricActual("renewal_rate", value, f"{renewed} of {due} due renewed", tuple(traces))


def expansion_arr(accounts: Sequence[AccountBook], period: Period, as_of: date) -> MetricActual:
    total = 0
    traces: list[Trace] = []
    for account in accounts:
        for event in account.revenue:
            if event.kind in EXPANSION_KINDS and _in(event, period, as_of):
                total += event.amount_minor
                traces.append(Trace(account.id, account.name, event.kind.value, event.on,
                                    event.amount_minor))  # fmt: skip
    return MetricActual("expansion_arr", Fraction(total),
                        f"{len(traces)} expansions, {_money(total)}", tuple(traces))  # fmt: skip


def survey_scores(accounts: Sequence[AccountBook]) -> list[MetricActual]:
    nps_traces: list[Trace] = []
    csat_traces: list[Trace] = []
    promoters = detractors = happy = 0
    for account in accounts:
        for on, score in account.nps:
            promoters += score >= 9
            detractors += score <= 6
            nps_traces.append(Trace(account.id, account.name, "NPS response", on, None, str(score)))
        for on, score in account.csat:
            happy += score >= 4
            csat_traces.append(
                Trace(account.id, account.name, "CSAT response", on, None, str(score))
            )
    n_nps, n_csat = len(nps_traces), len(csat_traces)
    nps = Fraction((promoters - detractors) * 100, n_nps) if n_nps else None
    csat = Fraction(happy * 100, n_csat) if n_csat else None
    return [
        MetricActual("nps", nps, f"{promoters} promoters, {detractors} detractors of {n_nps} "
                                 "responses", tuple(nps_traces)),
        MetricActual("csat", csat, f"{happy} of {n_csat} responses 4 or 5", tuple(csat_traces)),
    ]  # fmt: skip


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
    value = Fraction(kept, len(live)) if live else None
    return MetricActual("check_in_cadence_kept", value,
                        f"{kept} of {len(live)} live accounts kept their cadence", tuple(traces))  # fmt: skip


def plan_coverage(accounts: Sequence[AccountBook], as_of: date) -> MetricActual:
    until = as_of + timedelta(days=DEFAULT_COVERAGE_WINDOW_DAYS)
    renewing = [a for a in accounts if not a.churned and a.contract_end is not None
                and as_of < a.contract_end <= until]  # fmt: skip
    agreed = sum(a.agreed_plan for a in renewing)
    traces = tuple(
        Trace(a.id, a.name, "agreed plan" if a.agreed_plan else "no agreed plan", a.contract_end)
        for a in renewing
    )
    value = Fraction(agreed, len(renewing)) if renewing else None
    return MetricActual("plan_coverage", value, f"{agreed} of {len(renewing)} renewing by "
                        f"{until.isoformat()} have an agreed plan", traces)  # fmt: skip


def average_health(accounts: Sequence[AccountBook]) -> MetricActual:
    scored = [a for a in accounts if not a.churned and a.health is not None]
    traces = tuple(Trace(a.id, a.name, "health score", a.health_on, None, f"{a.health:.0f}")
                   for a in scored)  # fmt: skip
    total = sum((Fraction(repr(a.health)) for a in scored if a.health is not None), Fraction(0))
    value = total / len(scored) if scored else None
    return MetricActual("average_health", value, f"mean of {len(scored)} accounts' latest scores",
                        traces)  # fmt: skip


def first_response_time(accounts: Sequence[AccountBook]) -> MetricActual:
    samples = [(a, on, hours) for a in accounts for on, hours in a.response_hours]
    traces = tuple(Trace(a.id, a.name, "first response", on, None, f"{hours:g} h")
                   for a, on, hours in samples)  # fmt: skip
    total = sum((Fraction(repr(hours)) for _, _, hours in samples), Fraction(0))
    value = total / len(samples) if samples else None
    return MetricActual("first_response_time", value, f"mean of {len(samples)} samples (hours)",
                        traces)  # fmt: skip


def book_metrics(
    accounts: Sequence[AccountBook], period: Period, as_of: date, cadences: Cadences
) -> dict[str, MetricActual]:
    """Every catalogue metric for these accounts (one owner's), keyed by metric."""
    found = [
        *retention(accounts, period, as_of),
        renewal_rate(accounts, period, as_of),
        expansion_arr(accounts, period, as_of),
        *survey_scores(accounts),
        cadence_kept(accounts, period, as_of, cadences),
        plan_coverage(accounts, as_of),
        average_health(accounts),
        first_response_time(accounts),
    ]
    return {m.metric: m for m in found}
