"""One CSM's payout for a period: each component line by line, and the total of each part of the mix.

A performance component pays `on-target earnings x performance% / periods per year x weight share x
factor` (times the share of the period the CSM was on the plan); a commission component pays its
marginal tiers on the metric's amount, up to `cap x` its share of the period's commission target.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from cs_tui.domain.incentives.catalogue import BY_KEY, Unit
from cs_tui.domain.incentives.payout import (
    Commission,
    band_attainment,
    commission,
    payout_factor,
    proration,
    ratio_attainment,
    to_minor,
)
from cs_tui.domain.incentives.periods import Period
from cs_tui.domain.incentives.plan import (
    AttainmentRule,
    CommissionComponent,
    PerformanceComponent,
    Plan,
    WhenMissing,
)
from cs_tui.domain.money import minor_digits


@dataclass(frozen=True)
class Trace:
    """One account or event behind a figure: what it was, when, and how much."""

    account_id: str
    account: str
    event: str  # e.g. "churn", "nps 9", "starting ARR", "renewal due"
    on: date | None = None
    amount_minor: int | None = None
    value: str = ""


@dataclass(frozen=True)
class MetricActual:
    """A metric's value for one owner and period (None: no data), with how it was computed."""

    metric: str
    value: Fraction | None
    detail: str = ""
    traces: tuple[Trace, ...] = ()


@dataclass(frozen=True)
class PerformanceLine:
    key: str
    label: str
    metric: str
    category: str
    actual: Fraction | None
    target: Fraction
    floor: Fraction | None
    attainment: Fraction | None
    factor: Fraction
    weight_share: Fraction
    on_target_minor: int
    amount_minor: int
    note: str


@dataclass(frozen=True)
class CommissionLine:
    key: str
    label: str
    metric: str
    target_minor: int  # this component's share of the period's commission target
    result: Commission
    paid_minor: int
    withheld_minor: int


@dataclass(frozen=True)
class PartTotal:
    on_target_minor: int
    paid_minor: int


@dataclass(frozen=True)
class Payout:
    owner: str
    period: Period
    as_of: date
    currency: str
    proration: Fraction
    on_target_minor: int  # the period's on-target earnings, prorated
    performance: tuple[PerformanceLine, ...]
    commission: tuple[CommissionLine, ...]
    base: PartTotal
    performance_total: PartTotal
    commission_total: PartTotal

    @property
    def variable_minor(self) -> int:
        return self.performance_total.paid_minor + self.commission_total.paid_minor

    @property
    def total_minor(self) -> int:
        return self.base.paid_minor + self.variable_minor


def _minor(major: Fraction, currency: str) -> Fraction:
    return major * Fraction(10) ** minor_digits(currency)


def attainment_of(component: PerformanceComponent, actual: Fraction, target: Fraction) -> Fraction:
    direction = BY_KEY[component.metric].direction
    if component.attainment is AttainmentRule.BAND:
        assert component.floor is not None
        return band_attainment(actual, component.floor, target)
    return ratio_attainment(actual, target, direction)


def _performance_line(
    component: PerformanceComponent, pool: Fraction, total_weight: Fraction,
    actual: MetricActual | None, target: Fraction, currency: str,
) -> PerformanceLine:  # fmt: skip
    share = component.weight / total_weight
    on_target = pool * share
    value = actual.value if actual is not None else None
    if value is not None and BY_KEY[component.metric].unit is Unit.MONEY:
        value = value / 10 ** minor_digits(currency)  # targets are in major units
    if value is None:
        if component.when_missing is WhenMissing.TARGET:
            attainment: Fraction | None = None
            factor, note = Fraction(1), "no data: paid as on target"
        else:
            attainment, factor, note = None, Fraction(0), "no data: pays nothing"
    else:
        attainment = attainment_of(component, value, target)
        factor = payout_factor(attainment, component.curve)
        note = ""
        if attainment < component.curve.threshold:
            note = f"below the {float(component.curve.threshold):.0%} threshold"
        elif component.curve.cap is not None and factor == component.curve.cap and attainment > 1:
            note = f"capped at {float(component.curve.cap):g}x"
        elif attainment > 1 and component.curve.accelerator != 1:
            note = f"accelerated {float(component.curve.accelerator):g}x above target"
        elif attainment > 1:
            note = "above target"
    return PerformanceLine(
        key=component.key, label=component.label or component.key, metric=component.metric,
        category=component.category.value, actual=value, target=target, floor=component.floor,
        attainment=attainment, factor=factor, weight_share=share,
        on_target_minor=to_minor(on_target), amount_minor=to_minor(on_target * factor), note=note,
    )  # fmt: skip


def _commission_line(
    component: CommissionComponent, target: Fraction, actual: MetricActual | None, currency: str
) -> CommissionLine:
    amount = actual.value if actual is not None and actual.value is not None else Fraction(0)
    if BY_KEY[component.metric].unit is Unit.MONEY:
        amount_minor = to_minor(amount)  # money metrics are computed in minor units
    else:  # pragma: no cover - the parser allows money metrics only
        amount_minor = to_minor(_minor(amount, currency))
    tiers = tuple(
        (None if t.up_to is None else to_minor(_minor(t.up_to, currency)), t.rate)
        for t in component.tiers
    )
    cap = None if component.cap is None else component.cap * target
    result = commission(amount_minor, tiers, cap)
    paid = to_minor(result.paid)
    return CommissionLine(
        key=component.key, label=component.label or component.key, metric=component.metric,
        target_minor=to_minor(target), result=result, paid_minor=paid,
        withheld_minor=to_minor(result.earned) - paid,
    )  # fmt: skip


def compute_payout(
    plan: Plan, owner: str, period: Period, actuals: Mapping[str, MetricActual], as_of: date
) -> Payout:
    """The owner's payout for the period from the metric actuals (keyed by metric)."""
    terms = plan.terms(owner)
    share = proration(period, terms.starts_on, terms.ends_on)
    yearly = _minor(terms.on_target_earnings or plan.on_target_earnings, plan.currency)
    period_target = yearly / plan.periods_per_year * share
    base = period_target * plan.mix.base / 100
    performance_pool = period_target * plan.mix.performance / 100
    commission_pool = period_target * plan.mix.commission / 100
    weights = sum((c.weight for c in plan.performance), Fraction(0))
    performance = tuple(
        _performance_line(c, performance_pool, weights, actuals.get(c.metric),
                          terms.targets.get(c.key, c.target), plan.currency)
        for c in plan.performance
    )  # fmt: skip
    commission_weights = sum((c.weight for c in plan.commission), Fraction(0))
    commissions = tuple(
        _commission_line(c, commission_pool * c.weight / commission_weights,
                         actuals.get(c.metric), plan.currency)
        for c in plan.commission
    )  # fmt: skip
    base_minor = to_minor(base)
    return Payout(
        owner=owner, period=period, as_of=as_of, currency=plan.currency, proration=share,
        on_target_minor=to_minor(period_target),
        performance=performance, commission=commissions,
        base=PartTotal(base_minor, base_minor),
        performance_total=PartTotal(
            sum(line.on_target_minor for line in performance),
            sum(line.amount_minor for line in performance),
        ),
        commission_total=PartTotal(
            sum(line.target_minor for line in commissions),
            sum(line.paid_minor for line in commissions),
        ),
    )  # fmt: skip


class WhatIfError(ValueError):
    pass


def parse_what_if(texts: tuple[str, ...], currency: str) -> dict[str, Fraction]:
    """`metric=value` pairs; money in major units (`expansion_arr=25000`), shares as 0.92 or 92%."""
    found: dict[str, Fraction] = {}
    for text in texts:
        metric, sep, raw = text.partition("=")
        metric, raw = metric.strip(), raw.strip()
        if not sep or not metric or not raw:
            raise WhatIfError(f"--what-if {text!r}: expected metric=value, e.g. grr=0.92")
        definition = BY_KEY.get(metric)
        if definition is None:
            raise WhatIfError(
                f"--what-if {text!r}: unknown metric {metric!r}; expected one of "
                + ", ".join(BY_KEY)
            )
        percent = raw.endswith("%")
        try:
            value = Fraction(raw.removesuffix("%").replace(",", "").replace("_", ""))
        except (ValueError, ZeroDivisionError):
            raise WhatIfError(f"--what-if {text!r}: {raw!r} is not a number") from None
        if percent:
            value = value / 100 if definition.unit is Unit.SHARE else value
        if definition.unit is Unit.MONEY:
            value = _minor(value, currency)
        found[metric] = value
    return found


def what_if(
    actuals: Mapping[str, MetricActual], overrides: Mapping[str, Fraction]
) -> dict[str, MetricActual]:
    """The actuals with some metrics set by hand (nothing is stored)."""
    changed = dict(actuals)
    for metric, value in overrides.items():
        changed[metric] = MetricActual(metric, value, "what-if: set by hand")
    return changed
