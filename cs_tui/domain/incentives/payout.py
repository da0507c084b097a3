"""The arithmetic of pay: attainment, the payout curve, marginal commission tiers, proration.

All exact (`Fraction`); money is rounded to minor units once per statement line (`to_minor`), so the
lines of a statement add up to its totals.
"""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from cs_tui.domain.incentives.catalogue import Direction
from cs_tui.domain.incentives.periods import Period
from cs_tui.domain.incentives.plan import Curve

MAX_ATTAINMENT = Fraction(10)  # attainment is read up to 10x target (and a zero "less is better")


def _clamped(value: Fraction) -> Fraction:
    return min(max(value, Fraction(0)), MAX_ATTAINMENT)


def ratio_attainment(actual: Fraction, target: Fraction, direction: Direction) -> Fraction:
    """actual / target, or target / actual when less is better; 0..10."""
    if target <= 0:
        raise ValueError(f"a ratio needs a positive target, not {target}")
    if direction is Direction.LESS:
        return MAX_ATTAINMENT if actual <= 0 else _clamped(target / actual)
    return _clamped(actual / target)


def band_attainment(actual: Fraction, floor: Fraction, target: Fraction) -> Fraction:
    """(actual - floor) / (target - floor): 0 at or past the floor, 1 on target; 0..10.

    When less is better the floor is above the target and the same formula reads it the right way.
    """
    if floor == target:
        raise ValueError("a band needs a floor different from its target")
    return _clamped((actual - floor) / (target - floor))


def payout_factor(attainment: Fraction, curve: Curve) -> Fraction:
    """0 below the threshold; the attainment up to target; 1 + accelerator x (a - 1) above; capped."""
    if attainment < curve.threshold:
        return Fraction(0)
    factor = attainment if attainment <= 1 else 1 + curve.accelerator * (attainment - 1)
    return factor if curve.cap is None else min(factor, curve.cap)


@dataclass(frozen=True)
class TierLine:
    low_minor: int
    high_minor: int | None
    rate: Fraction
    amount_minor: int  # the part of the amount in this tier
    earned: Fraction  # minor units, exact


@dataclass(frozen=True)
class Commission:
    amount_minor: int
    tiers: tuple[TierLine, ...]
    earned: Fraction  # before the cap, minor units
    cap: Fraction | None  # minor units
    paid: Fraction
    withheld: Fraction  # what the cap keeps back


def commission(
    amount_minor: int, tiers: tuple[tuple[int | None, Fraction], ...], cap: Fraction | None
) -> Commission:
    """Marginal rates: each tier's rate on the part of the amount inside it; then the cap."""
    lines: list[TierLine] = []
    low = 0
    for high, rate in tiers:
        inside = max(0, (amount_minor if high is None else min(amount_minor, high)) - low)
        lines.append(TierLine(low, high, rate, inside, rate * inside))
        if high is None:
            break
        low = high
    earned = sum((line.earned for line in lines), Fraction(0))
    paid = earned if cap is None else min(earned, max(cap, Fraction(0)))
    return Commission(amount_minor, tuple(lines), earned, cap, paid, earned - paid)


def proration(period: Period, starts_on: date | None, ends_on: date | None) -> Fraction:
    """The share of the period's days a CSM was on the plan (1 for the whole period)."""
    first = max(period.start, starts_on) if starts_on else period.start
    last = min(period.end, ends_on) if ends_on else period.end
    if last < first:
        return Fraction(0)
    return Fraction((last - first).days + 1, period.days)


def to_minor(value: Fraction) -> int:
    """Rounded to a whole minor unit, halves to even (banker's rounding)."""
    return round(value)
