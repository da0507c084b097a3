"""Incentive figures for people (metric values in their unit, money, attainment) and for JSON
(fractions for ratios, minor units for money)."""

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from cs_tui.domain.incentives.calc import (
    CommissionLine,
    MetricActual,
    Payout,
    PerformanceLine,
    Trace,
)
from cs_tui.domain.incentives.catalogue import BY_KEY, Unit
from cs_tui.domain.incentives.plan import Plan
from cs_tui.domain.money import format_money, minor_digits


def money(minor: int, currency: str) -> str:
    return format_money(minor, currency, cents=True)


def metric_value(metric: str, value: Fraction | None, currency: str, *, minor: bool = True) -> str:
    """0.85 -> `85.0%`, NPS 12.5 -> `+12.5`, money in minor units -> `$1,250.00`, hours -> `6.5 h`.

    `minor=False` reads money as major units (a target written in the plan)."""
    if value is None:
        return "no data"
    unit = BY_KEY[metric].unit if metric in BY_KEY else Unit.SCORE
    if unit is Unit.SHARE:
        return f"{float(value):.1%}"
    if unit is Unit.MONEY:
        amount = value if minor else value * Fraction(10) ** minor_digits(currency)
        return money(round(amount), currency)
    if unit is Unit.PERCENT:
        return f"{float(value):.1f}%"
    if unit is Unit.HOURS:
        return f"{float(value):.1f} h"
    return f"{float(value):+.1f}" if metric == "nps" else f"{float(value):.1f}"


def line_actual(line: PerformanceLine, currency: str) -> str:
    """A performance line's actual: money there is in major units already."""
    return metric_value(line.metric, line.actual, currency, minor=False)


def ratio(value: Fraction | None) -> str:
    return "-" if value is None else f"{float(value):.1%}"


def factor(value: Fraction) -> str:
    return f"{float(value):.3f}".rstrip("0").rstrip(".") + "x"


def number(value: Fraction | None) -> float | None:
    """A fraction for JSON (six decimals are plenty for a ratio)."""
    return None if value is None else round(float(value), 6)


def trace_json(trace: Trace) -> dict[str, Any]:
    return {
        "account_id": trace.account_id, "account": trace.account, "event": trace.event,
        "on": trace.on.isoformat() if trace.on else None, "amount_minor": trace.amount_minor,
        "value": trace.value or None,
    }  # fmt: skip


def _performance_json(line: PerformanceLine, actual: MetricActual | None) -> dict[str, Any]:
    return {
        "key": line.key, "kind": "performance", "label": line.label, "metric": line.metric,
        "category": line.category, "actual": number(line.actual), "target": number(line.target),
        "floor": number(line.floor), "attainment": number(line.attainment),
        "factor": number(line.factor), "weight": number(line.weight_share),
        "on_target_minor": line.on_target_minor, "amount_minor": line.amount_minor,
        "note": line.note, "detail": actual.detail if actual else "",
    }  # fmt: skip


def _commission_json(line: CommissionLine, actual: MetricActual | None) -> dict[str, Any]:
    result = line.result
    return {
        "key": line.key, "kind": "commission", "label": line.label, "metric": line.metric,
        "amount_minor": result.amount_minor, "target_minor": line.target_minor,
        "tiers": [
            {"from_minor": t.low_minor, "up_to_minor": t.high_minor, "rate": number(t.rate),
             "amount_minor": t.amount_minor, "earned_minor": round(t.earned)}
            for t in result.tiers
        ],
        "earned_minor": round(result.earned),
        "cap_minor": None if result.cap is None else round(result.cap),
        "withheld_minor": line.withheld_minor, "paid_minor": line.paid_minor,
        "detail": actual.detail if actual else "",
    }  # fmt: skip


def payout_json(
    payout: Payout, actuals: Mapping[str, MetricActual], *, traces: bool = False
) -> dict[str, Any]:
    """One CSM's payout: per component actual, target, attainment, factor, weight, amount; totals
    of each part of the mix. With `traces`, the accounts and events behind each metric."""
    found: dict[str, Any] = {
        "owner": payout.owner, "period": payout.period.label, "as_of": payout.as_of.isoformat(),
        "currency": payout.currency, "proration": number(payout.proration),
        "on_target_minor": payout.on_target_minor,
        "components": [
            *(_performance_json(line, actuals.get(line.metric)) for line in payout.performance),
            *(_commission_json(line, actuals.get(line.metric)) for line in payout.commission),
        ],
        "totals": {
            "base": {"on_target_minor": payout.base.on_target_minor,
                     "paid_minor": payout.base.paid_minor},
            "performance": {"on_target_minor": payout.performance_total.on_target_minor,
                            "paid_minor": payout.performance_total.paid_minor},
            "commission": {"on_target_minor": payout.commission_total.on_target_minor,
                           "paid_minor": payout.commission_total.paid_minor},
            "variable_minor": payout.variable_minor,
            "total_minor": payout.total_minor,
        },
    }  # fmt: skip
    if traces:
        found["metrics"] = {
            key: {"value": number(a.value), "detail": a.detail,
                  "traces": [trace_json(t) for t in a.traces]}
            for key, a in sorted(actuals.items())
        }  # fmt: skip
    return found


def plan_json(plan: Plan) -> dict[str, Any]:
    return {
        "name": plan.name, "version": plan.version, "period": plan.period.value,
        "currency": plan.currency, "fingerprint": plan.fingerprint, "source": plan.source,
        "on_target_earnings_minor": round(plan.on_target_earnings
                                          * Fraction(10) ** minor_digits(plan.currency)),
        "mix": {"base": number(plan.mix.base), "performance": number(plan.mix.performance),
                "commission": number(plan.mix.commission)},
        "components": [
            *({"key": c.key, "kind": "performance", "metric": c.metric,
               "category": c.category.value, "weight": number(c.weight),
               "attainment": c.attainment.value, "floor": number(c.floor),
               "target": number(c.target), "threshold": number(c.curve.threshold),
               "accelerator": number(c.curve.accelerator), "cap": number(c.curve.cap),
               "when_missing": c.when_missing.value} for c in plan.performance),
            *({"key": c.key, "kind": "commission", "metric": c.metric,
               "tiers": [{"up_to": number(t.up_to), "rate": number(t.rate)} for t in c.tiers],
               "cap": number(c.cap), "weight": number(c.weight)} for c in plan.commission),
        ],
        "owners": sorted(plan.owners),
    }  # fmt: skip
