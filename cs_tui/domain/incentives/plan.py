"""An incentive plan: the pay mix, performance and commission components, per-CSM terms.

Numbers are exact fractions (`Fraction`), read from the file's decimals without float rounding;
money in the plan (on-target earnings, tier bounds) is in major units of the plan's currency.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType

from cs_tui.domain.incentives.catalogue import Category
from cs_tui.domain.incentives.periods import PERIODS_PER_YEAR, PeriodKind


class PlanError(ValueError):
    """The plan is invalid; `problems` holds (field path, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]], source: str = "") -> None:
        self.problems = tuple(problems)
        self.source = source
        where = f"{source}: " if source else ""
        listed = "; ".join(f"{path}: {message}" for path, message in problems)
        super().__init__(f"{where}invalid incentive plan: {listed}")


class AttainmentRule(StrEnum):
    RATIO = "ratio"  # actual / target (target / actual when less is better)
    BAND = "band"  # (actual - floor) / (target - floor), 0 below the floor


class WhenMissing(StrEnum):
    NOTHING = "nothing"  # no data for the metric: the component pays nothing
    TARGET = "target"  # no data: paid as if on target


@dataclass(frozen=True)
class Mix:
    """Shares of on-target earnings, in percent (they add up to 100)."""

    base: Fraction
    performance: Fraction
    commission: Fraction


@dataclass(frozen=True)
class Curve:
    """Nothing below the threshold, the attainment up to target, accelerated above it, capped."""

    threshold: Fraction = Fraction(0)
    accelerator: Fraction = Fraction(1)
    cap: Fraction | None = None


@dataclass(frozen=True)
class PerformanceComponent:
    key: str
    metric: str
    category: Category
    weight: Fraction
    attainment: AttainmentRule
    target: Fraction
    floor: Fraction | None = None
    curve: Curve = Curve()
    label: str = ""
    when_missing: WhenMissing = WhenMissing.NOTHING


@dataclass(frozen=True)
class Tier:
    rate: Fraction
    up_to: Fraction | None = None  # major units; None: everything above the previous tier


@dataclass(frozen=True)
class CommissionComponent:
    key: str
    metric: str
    tiers: tuple[Tier, ...]
    cap: Fraction | None = None  # times the period's commission target
    weight: Fraction = Fraction(1)  # share of the commission part among commission components
    label: str = ""


@dataclass(frozen=True)
class OwnerTerms:
    """One CSM's own terms: earnings, targets per component key, and the days on the plan."""

    on_target_earnings: Fraction | None = None
    targets: Mapping[str, Fraction] = field(default_factory=lambda: MappingProxyType({}))
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(frozen=True)
class Plan:
    name: str
    period: PeriodKind
    currency: str
    on_target_earnings: Fraction  # per year, major units
    mix: Mix
    performance: tuple[PerformanceComponent, ...]
    commission: tuple[CommissionComponent, ...]
    owners: Mapping[str, OwnerTerms] = field(default_factory=lambda: MappingProxyType({}))
    version: str = ""
    fingerprint: str = ""
    source: str = ""

    @property
    def periods_per_year(self) -> int:
        return PERIODS_PER_YEAR[self.period]

    def terms(self, owner: str) -> OwnerTerms:
        return self.owners.get(owner, OwnerTerms())

    def component_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.performance) + tuple(c.key for c in self.commission)
