"""Reading an incentive plan from its TOML data: every problem reported with the field it is in.

An invalid plan is refused as a whole (`PlanError` lists each problem as `path: why`), so a typo can
never silently drop a component or change what someone is paid.
"""

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from cs_tui.domain.incentives.catalogue import BY_KEY, METRIC_KEYS, Category, Direction, Unit
from cs_tui.domain.incentives.periods import PeriodKind
from cs_tui.domain.incentives.plan import (
    AttainmentRule,
    CommissionComponent,
    Curve,
    Mix,
    OwnerTerms,
    PerformanceComponent,
    Plan,
    PlanError,
    Tier,
    WhenMissing,
)
from cs_tui.domain.scoring.reader import Reader, shown, unknown

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_TOP = ("name", "version", "period", "currency", "on_target_earnings", "mix", "components",
        "owners")  # fmt: skip
_PERFORMANCE = ("key", "kind", "label", "metric", "category", "weight", "attainment", "floor",
                "target", "threshold", "accelerator", "cap", "when_missing")  # fmt: skip
_COMMISSION = ("key", "kind", "label", "metric", "tiers", "cap", "weight")
_OWNER = ("on_target_earnings", "targets", "starts_on", "ends_on")


def exact(value: float) -> Fraction:
    """The decimal the file wrote (0.95 is 95/100, not the float nearest to it)."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


class _Read(Reader):
    def exact(self, data: Any, path: str, **limits: Any) -> Fraction | None:
        value = self.number(data, path, **limits)
        return None if value is None else exact(data)

    def choice(self, data: Any, path: str, allowed: tuple[str, ...]) -> str | None:
        if not isinstance(data, str) or data not in allowed:
            self.fail(path, f"must be one of {', '.join(allowed)}, not {shown(data)}")
            return None
        return data

    def day(self, data: Any, path: str) -> date | None:
        if data is None:
            return None
        if not isinstance(data, date) or hasattr(data, "hour"):
            self.fail(path, f"must be a date like 2026-05-01, not {shown(data)}")
            return None
        return data


def parse_plan(data: Mapping[str, Any], *, source: str = "") -> Plan:
    """The plan described by `data` (a parsed TOML document), or `PlanError` naming each problem."""
    read = _Read()
    top = read.table(data, "", _TOP)
    name = read.text(top.get("name"), "name")
    version = str(top.get("version", "")).strip()
    kind = read.choice(top.get("period"), "period", tuple(k.value for k in PeriodKind))
    currency = top.get("currency", "USD")
    if not isinstance(currency, str) or not _CURRENCY.match(currency):
        read.fail("currency", f"must be a three-letter ISO code like USD, not {shown(currency)}")
    earnings = read.exact(top.get("on_target_earnings"), "on_target_earnings", positive=True)
    mix = _mix(read, top.get("mix"))
    performance, commission = _components(read, top.get("components"))
    if mix is not None:
        if mix.performance > 0 and not performance:
            read.fail("mix.performance", "is above 0 but the plan has no performance component")
        if mix.performance == 0 and performance:
            read.fail("mix.performance", "is 0 but the plan has performance components")
        if mix.commission > 0 and not commission:
            read.fail("mix.commission", "is above 0 but the plan has no commission component")
        if mix.commission == 0 and commission:
            read.fail("mix.commission", "is 0 but the plan has commission components")
    owners = _owners(read, top.get("owners", {}), performance)
    if read.problems or name is None or kind is None or earnings is None or mix is None:
        raise PlanError(read.problems or [("file", "is not a plan")], source)
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    return Plan(
        name=name,
        period=PeriodKind(kind),
        currency=str(currency),
        on_target_earnings=earnings,
        mix=mix,
        performance=performance,
        commission=commission,
        owners=MappingProxyType(owners),
        version=version,
        fingerprint=digest[:12],
        source=source,
    )


def _mix(read: _Read, data: Any) -> Mix | None:
    if data is None:
        read.fail("mix", "is missing; e.g. base = 60, performance = 30, commission = 10")
        return None
    table = read.table(data, "mix", ("base", "performance", "commission"))
    parts = [read.exact(table.get(k, 0), f"mix.{k}", low=0, high=100)
             for k in ("base", "performance", "commission")]  # fmt: skip
    if any(p is None for p in parts):
        return None
    base, performance, commission = (p or Fraction(0) for p in parts)
    total = base + performance + commission
    if total != 100:
        read.fail(
            "mix", f"base + performance + commission must add up to 100, not {float(total):g}"
        )
        return None
    return Mix(base, performance, commission)


def _components(
    read: _Read, data: Any
) -> tuple[tuple[PerformanceComponent, ...], tuple[CommissionComponent, ...]]:
    if not isinstance(data, list) or not data:
        read.fail("components", "must be a non-empty list of [[components]] tables")
        return (), ()
    performance: list[PerformanceComponent] = []
    commission: list[CommissionComponent] = []
    seen: set[str] = set()
    for n, entry in enumerate(data):
        path = f"components[{n}]"
        if not isinstance(entry, Mapping):
            read.fail(path, f"must be a table, not {shown(entry)}")
            continue
        key = entry.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            read.fail(
                f"{path}.key", f"must be a short lower-case name like retention, not {shown(key)}"
            )
            key = None
        elif key in seen:
            read.fail(f"{path}.key", f"{key!r} is used by another component; keys must differ")
        else:
            seen.add(key)
        if key is not None:
            path = f"components.{key}"
        kind = read.choice(entry.get("kind"), f"{path}.kind", ("performance", "commission"))
        if kind == "performance":
            found = _performance(read, entry, path, key or "")
            if found is not None:
                performance.append(found)
        elif kind == "commission":
            paid = _commission(read, entry, path, key or "")
            if paid is not None:
                commission.append(paid)
    return tuple(performance), tuple(commission)


def _metric(read: _Read, data: Any, path: str) -> str | None:
    if not isinstance(data, str) or data not in BY_KEY:
        read.fail(path, unknown(str(data), METRIC_KEYS))
        return None
    return data


def _check_target(
    read: _Read, path: str, rule: str | None, direction: Direction,
    target: Fraction | None, floor: Fraction | None,
) -> None:  # fmt: skip
    if target is None:
        return
    if rule == AttainmentRule.RATIO and target <= 0:
        read.fail(path, f"must be above 0 for a ratio, not {float(target):g}")
    if rule == AttainmentRule.BAND and floor is not None:
        if direction is Direction.MORE and not floor < target:
            read.fail(path, f"must be above the floor ({float(floor):g}) when more is better, "
                            f"not {float(target):g}")  # fmt: skip
        if direction is Direction.LESS and not floor > target:
            read.fail(path, f"must be below the floor ({float(floor):g}) when less is better, "
                            f"not {float(target):g}")  # fmt: skip


def _performance(
    read: _Read, entry: Mapping[str, Any], path: str, key: str
) -> PerformanceComponent | None:
    read.table(entry, path, _PERFORMANCE)
    metric = _metric(read, entry.get("metric"), f"{path}.metric")
    definition = BY_KEY.get(metric or "")
    category = read.choice(
        entry.get("category", definition.category.value if definition else "process"),
        f"{path}.category", tuple(c.value for c in Category),
    )  # fmt: skip
    weight = read.exact(entry.get("weight"), f"{path}.weight", positive=True)
    rule = read.choice(entry.get("attainment", "ratio"), f"{path}.attainment",
                       tuple(r.value for r in AttainmentRule))  # fmt: skip
    target = read.exact(entry.get("target"), f"{path}.target")
    floor: Fraction | None = None
    if rule == AttainmentRule.BAND:
        if "floor" not in entry:
            read.fail(
                f"{path}.floor", "is missing; a band reads attainment from a floor to the target"
            )
        else:
            floor = read.exact(entry.get("floor"), f"{path}.floor")
    elif "floor" in entry:
        read.fail(f"{path}.floor", 'only applies to attainment = "band"')
    direction = definition.direction if definition else Direction.MORE
    _check_target(read, f"{path}.target", rule, direction, target, floor)
    threshold = read.exact(entry.get("threshold", 0), f"{path}.threshold", low=0, high=1)
    accelerator = read.exact(entry.get("accelerator", 1), f"{path}.accelerator", low=0, high=10)
    cap: Fraction | None = None
    if "cap" in entry:
        cap = read.exact(entry["cap"], f"{path}.cap", low=1, high=10)
    missing = read.choice(entry.get("when_missing", "nothing"), f"{path}.when_missing",
                          tuple(w.value for w in WhenMissing))  # fmt: skip
    label = entry.get("label", definition.label if definition else key)
    if not isinstance(label, str):
        read.fail(f"{path}.label", f"must be a string, not {shown(label)}")
    if None in (metric, category, weight, rule, target, threshold, accelerator, missing) or (
        rule == AttainmentRule.BAND and floor is None
    ):
        return None
    assert metric and category and weight and rule and target is not None and missing
    assert threshold is not None and accelerator is not None
    return PerformanceComponent(
        key=key, metric=metric, category=Category(category), weight=weight,
        attainment=AttainmentRule(rule), target=target, floor=floor,
        curve=Curve(threshold, accelerator, cap), label=str(label),
        when_missing=WhenMissing(missing),
    )  # fmt: skip


def _commission(
    read: _Read, entry: Mapping[str, Any], path: str, key: str
) -> CommissionComponent | None:
    read.table(entry, path, _COMMISSION)
    metric = _metric(read, entry.get("metric"), f"{path}.metric")
    definition = BY_KEY.get(metric or "")
    if definition is not None and definition.unit is not Unit.MONEY:
        read.fail(f"{path}.metric", f"{metric} is not an amount of money; commission is paid on "
                                    "an amount such as expansion_arr")  # fmt: skip
    tiers = _tiers(read, entry.get("tiers"), f"{path}.tiers")
    cap = read.exact(entry["cap"], f"{path}.cap", positive=True) if "cap" in entry else None
    weight = read.exact(entry.get("weight", 1), f"{path}.weight", positive=True)
    label = entry.get("label", definition.label if definition else key)
    if metric is None or tiers is None or weight is None or ("cap" in entry and cap is None):
        return None
    return CommissionComponent(key, metric, tiers, cap, weight, str(label))


def _tiers(read: _Read, data: Any, path: str) -> tuple[Tier, ...] | None:
    if not isinstance(data, list) or not data:
        read.fail(
            path, "must be a non-empty list like [{ up_to = 20000, rate = 0.05 }, { rate = 0.1 }]"
        )
        return None
    found: list[Tier] = []
    previous = Fraction(0)
    ok = True
    for n, entry in enumerate(data):
        where = f"{path}[{n}]"
        table = read.table(entry, where, ("up_to", "rate"))
        rate = read.exact(table.get("rate"), f"{where}.rate", low=0, high=1)
        last = n == len(data) - 1
        up_to: Fraction | None = None
        if "up_to" in table:
            up_to = read.exact(table["up_to"], f"{where}.up_to", positive=True)
            if last:
                read.fail(f"{where}.up_to", "the last tier takes everything above; leave out up_to")
                ok = False
            elif up_to is not None and up_to <= previous:
                read.fail(
                    f"{where}.up_to", f"must be above the previous tier's ({float(previous):g})"
                )
                ok = False
            previous = up_to or previous
        elif not last:
            read.fail(f"{where}.up_to", "is missing; only the last tier has no upper bound")
            ok = False
        if rate is None:
            ok = False
        else:
            found.append(Tier(rate, up_to))
    return tuple(found) if ok else None


def _owners(
    read: _Read, data: Any, performance: tuple[PerformanceComponent, ...]
) -> dict[str, OwnerTerms]:
    by_key = {c.key: c for c in performance}
    found: dict[str, OwnerTerms] = {}
    for owner, entry in read.table(data, "owners").items():
        path = f"owners.{owner}"
        table = read.table(entry, path, _OWNER)
        earnings = None
        if "on_target_earnings" in table:
            earnings = read.exact(table["on_target_earnings"], f"{path}.on_target_earnings",
                                  positive=True)  # fmt: skip
        targets: dict[str, Fraction] = {}
        for key, value in read.table(table.get("targets", {}), f"{path}.targets").items():
            where = f"{path}.targets.{key}"
            component = by_key.get(key)
            if component is None:
                read.fail(where, unknown(key, tuple(by_key)))
                continue
            target = read.exact(value, where)
            if target is not None:
                direction = BY_KEY[component.metric].direction
                _check_target(read, where, component.attainment, direction, target, component.floor)
                targets[key] = target
        starts = read.day(table.get("starts_on"), f"{path}.starts_on")
        ends = read.day(table.get("ends_on"), f"{path}.ends_on")
        if starts and ends and ends < starts:
            read.fail(f"{path}.ends_on", f"must be on or after starts_on ({starts.isoformat()})")
        found[owner] = OwnerTerms(earnings, MappingProxyType(targets), starts, ends)
    return found
