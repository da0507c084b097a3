"""Reading a scorecard from its TOML data: every problem reported with the field it is in.

An invalid scorecard is refused as a whole (`ScorecardError` lists each problem as `field: why`), so
a typo can never silently drop a measure or shift a band.
"""

import hashlib
import re
from collections.abc import Mapping
from dataclasses import fields, replace
from itertools import pairwise
from typing import Any

from cs_tui.domain.enums import HealthBand, LifecycleStage, values
from cs_tui.domain.jsonable import strict_json
from cs_tui.domain.scoring.catalogue import BY_NAME
from cs_tui.domain.scoring.reader import Reader, ScorecardError, shown, unknown
from cs_tui.domain.scoring.scorecard import (
    Band,
    Bands,
    Curve,
    CurveKind,
    Direction,
    GroupSpec,
    MeasureChange,
    MeasureSpec,
    Profile,
    Scorecard,
    SignalSettings,
)
from cs_tui.domain.work.cadence import FALLBACK_CADENCE_DAYS, OVERDUE_FACTOR, Cadences

_METRIC_NAME = re.compile(r"^[a-z][a-z0-9_]{0,79}$")
_TOP_LEVEL = ("min_coverage", "unscored_stages", "bands", "cadence", "signals", "groups",
              "measures", "profiles")  # fmt: skip
_BANDS = (HealthBand.RED, HealthBand.YELLOW, HealthBand.GREEN)
_STAGES = values(LifecycleStage)


def parse_scorecard(data: Mapping[str, Any], *, source: str = "") -> Scorecard:
    """The scorecard described by `data` (a parsed TOML document), or `ScorecardError`."""
    read = Reader()
    top = read.table(data, "", _TOP_LEVEL)
    min_coverage = read.number(top.get("min_coverage", 0.5), "min_coverage", low=0.0, high=1.0)
    unscored = read.texts(top.get("unscored_stages", ["churned"]), "unscored_stages", _STAGES)
    bands = _bands(read, top.get("bands", {}))
    cadences = _cadences(read, top.get("cadence", {}))
    signals = _signals(read, top.get("signals", {}))
    groups = _groups(read, top.get("groups"))
    measures = _measures(read, top.get("measures"), {g.name for g in groups})
    raw_measures = top.get("measures")
    given = raw_measures.values() if isinstance(raw_measures, Mapping) else ()
    used = {entry.get("group") for entry in given if isinstance(entry, Mapping)}
    for group in groups:
        if group.name not in used:
            read.fail(f"groups.{group.name}", "has no measures; add one or remove the group")
    profiles = _profiles(read, top.get("profiles", {}), groups, measures)
    if read.problems or bands is None or min_coverage is None:
        raise ScorecardError(read.problems, source)
    digest = hashlib.sha256(strict_json(data, sort_keys=True, default=str).encode()).hexdigest()
    return Scorecard(
        groups=groups,
        measures=measures,
        bands=bands,
        min_coverage=min_coverage,
        profiles=profiles,
        cadences=cadences,
        signals=signals,
        unscored_stages=unscored,
        fingerprint=digest[:12],
        source=source,
    )


def _bands(read: Reader, data: Any) -> Bands | None:
    table = read.table(data, "bands", (*_BANDS, "insufficient_label"))
    found: list[Band] = []
    for name in _BANDS:
        path = f"bands.{name}"
        if name not in table:
            read.fail(path, "is missing; the bands are red, yellow and green")
            continue
        entry = read.table(table[name], path, ("from", "to", "label"))
        lower = read.number(entry.get("from"), f"{path}.from", low=0, high=100)
        upper = read.number(entry.get("to"), f"{path}.to", low=0, high=100)
        label = read.text(entry.get("label", name.capitalize()), f"{path}.label")
        if lower is not None and upper is not None and label is not None:
            if upper <= lower:
                read.fail(f"{path}.to", f"must be above its from ({lower:g}), not {upper:g}")
            found.append(Band(name, label, lower, upper))
    insufficient = read.text(table.get("insufficient_label", "Insufficient data"),
                             "bands.insufficient_label")  # fmt: skip
    if len(found) != len(_BANDS) or insufficient is None:
        return None
    red, yellow, green = found
    if red.lower != 0:
        read.fail("bands.red.from", f"must be 0 so the bands cover 0-100, not {red.lower:g}")
    if green.upper != 100:
        read.fail("bands.green.to", f"must be 100 so the bands cover 0-100, not {green.upper:g}")
    for below, above in ((red, yellow), (yellow, green)):
        if above.lower != below.upper:
            read.fail(
                f"bands.{above.name}.from",
                f"must equal bands.{below.name}.to ({below.upper:g}) so the bands cover 0-100 "
                f"without gap or overlap, not {above.lower:g}",
            )
    return Bands(red, yellow, green, insufficient)


def _cadences(read: Reader, data: Any) -> Cadences:
    table = read.table(data, "cadence", ("days", "default_days", "overdue_factor"))
    days: dict[str, int] = {}
    for segment, value in read.table(table.get("days", {}), "cadence.days").items():
        checked = read.whole(value, f"cadence.days.{segment}")
        if checked is not None:
            days[segment] = checked
    fallback = read.whole(table.get("default_days", FALLBACK_CADENCE_DAYS), "cadence.default_days")
    factor = read.number(
        table.get("overdue_factor", OVERDUE_FACTOR), "cadence.overdue_factor", low=1, high=10
    )
    if not days:
        return Cadences(fallback_days=fallback or FALLBACK_CADENCE_DAYS,
                        overdue_factor=factor or OVERDUE_FACTOR)  # fmt: skip
    return Cadences(days, fallback or FALLBACK_CADENCE_DAYS, factor or OVERDUE_FACTOR)


def _signals(read: Reader, data: Any) -> SignalSettings:
    names = tuple(f.name for f in fields(SignalSettings))
    table = read.table(data, "signals", names)
    chosen: dict[str, Any] = {}
    for name in names:
        if name not in table:
            continue
        path = f"signals.{name}"
        if name.endswith("_metric"):
            value = read.text(table[name], path)
            if value is not None and not _METRIC_NAME.match(value):
                read.fail(path, f"{value!r} is not a metric name (lower case, digits and _)")
            elif value is not None:
                chosen[name] = value
        else:
            days = read.whole(table[name], path)
            if days is not None:
                chosen[name] = days
    return replace(SignalSettings(), **chosen)


def _groups(read: Reader, data: Any) -> tuple[GroupSpec, ...]:
    if data is None:
        read.fail("groups", "is missing; a scorecard needs at least one group")
        return ()
    groups: list[GroupSpec] = []
    for name, entry in read.table(data, "groups").items():
        table = read.table(entry, f"groups.{name}", ("label", "weight"))
        label = read.text(table.get("label", name.replace("_", " ").capitalize()),
                          f"groups.{name}.label")  # fmt: skip
        weight = read.number(table.get("weight"), f"groups.{name}.weight", positive=True)
        if label is not None and weight is not None:
            groups.append(GroupSpec(name, label, weight))
    if not groups and not read.problems:
        read.fail("groups", "is empty; a scorecard needs at least one group")
    return tuple(groups)


def read_curve(
    read: Reader, table: Mapping[str, Any], path: str, base: Curve | None
) -> Curve | None:
    """A curve from a measure's table; a profile's change may give only some fields (`base`)."""
    kind_text = table.get("curve", base.kind.value if base else "linear")
    direction_text = table.get("direction", base.direction.value if base else None)
    if kind_text not in values(CurveKind):
        read.fail(f"{path}.curve", f"must be linear or steps, not {shown(kind_text)}")
        return None
    if direction_text not in values(Direction):
        read.fail(f"{path}.direction", f"must be higher or lower (which is better), not "
                                       f"{shown(direction_text)}")  # fmt: skip
        return None
    xs = read.numbers(table["thresholds"], f"{path}.thresholds") if "thresholds" in table else (
        base.thresholds if base else read.numbers(None, f"{path}.thresholds"))  # fmt: skip
    ys = read.numbers(table["scores"], f"{path}.scores") if "scores" in table else (
        base.scores if base else read.numbers(None, f"{path}.scores"))  # fmt: skip
    if xs is None or ys is None:
        return None
    kind, direction = CurveKind(kind_text), Direction(direction_text)
    problems = len(read.problems)
    if any(b <= a for a, b in pairwise(xs)):
        read.fail(f"{path}.thresholds", f"must be in increasing order, not {list(xs)}")
    expected = len(xs) + 1 if kind is CurveKind.STEPS else len(xs)
    if len(ys) != expected:
        rule = "one more score than thresholds" if kind is CurveKind.STEPS else "one per threshold"
        read.fail(f"{path}.scores", f"a {kind} curve needs {rule} ({expected}), not {len(ys)}")
    if kind is CurveKind.LINEAR and len(xs) < 2:
        read.fail(f"{path}.thresholds", "a linear curve needs at least two thresholds")
    if any(not 0 <= y <= 100 for y in ys):
        read.fail(f"{path}.scores", f"must each be between 0 and 100, not {list(ys)}")
    step = 1 if direction is Direction.HIGHER else -1
    if any((b - a) * step < 0 for a, b in pairwise(ys)):
        order = "rise" if direction is Direction.HIGHER else "fall"
        read.fail(f"{path}.scores", f"must {order} with the thresholds when {direction} is "
                                    f"better, not {list(ys)}")  # fmt: skip
    if len(read.problems) > problems:
        return None
    return Curve(kind, direction, xs, ys)


_MEASURE_KEYS = ("group", "weight", "curve", "direction", "thresholds", "scores")


def _measures(read: Reader, data: Any, groups: set[str]) -> tuple[MeasureSpec, ...]:
    if data is None:
        read.fail("measures", "is missing; a scorecard needs at least one measure")
        return ()
    measures: list[MeasureSpec] = []
    for name, entry in read.table(data, "measures").items():
        path = f"measures.{name}"
        if name not in BY_NAME:
            read.fail(path, unknown(name, tuple(BY_NAME)))
            continue
        table = read.table(entry, path, _MEASURE_KEYS)
        group = read.text(table.get("group"), f"{path}.group")
        if group is not None and group not in groups:
            read.fail(f"{path}.group", unknown(group, tuple(sorted(groups))))
            group = None
        weight = read.number(table.get("weight"), f"{path}.weight", positive=True)
        curve = read_curve(read, table, path, None)
        if group is not None and weight is not None and curve is not None:
            measures.append(MeasureSpec(name, group, weight, curve))
    return tuple(measures)


_PROFILE_KEYS = ("label", "segments", "stages", "exclude", "groups", "measures")


def _profiles(
    read: Reader, data: Any, groups: tuple[GroupSpec, ...], measures: tuple[MeasureSpec, ...]
) -> tuple[Profile, ...]:
    group_names = tuple(g.name for g in groups)
    by_name = {m.name: m for m in measures}
    profiles: list[Profile] = []
    for name, entry in read.table(data, "profiles").items():
        path = f"profiles.{name}"
        table = read.table(entry, path, _PROFILE_KEYS)
        label = read.text(table.get("label", name.replace("_", " ").capitalize()), f"{path}.label")
        segments = read.texts(table.get("segments", []), f"{path}.segments")
        stages = read.texts(table.get("stages", []), f"{path}.stages", _STAGES)
        if not segments and not stages:
            read.fail(path, "needs segments or stages to say which accounts it applies to")
        exclude = read.texts(table.get("exclude", []), f"{path}.exclude", list(by_name))
        if exclude and exclude >= set(by_name):
            read.fail(f"{path}.exclude", "leaves no measure to score")
        weights: dict[str, float] = {}
        for group, weight in read.table(table.get("groups", {}), f"{path}.groups").items():
            if group not in group_names:
                read.fail(f"{path}.groups.{group}", unknown(group, group_names))
            elif checked := read.number(weight, f"{path}.groups.{group}", positive=True):
                weights[group] = checked
        changes: dict[str, MeasureChange] = {}
        for measure, change in read.table(table.get("measures", {}), f"{path}.measures").items():
            where = f"{path}.measures.{measure}"
            if measure not in by_name:
                read.fail(where, unknown(measure, tuple(by_name)))
                continue
            given = read.table(change, where, ("weight", "curve", "thresholds", "scores"))
            weight = None
            if "weight" in given:
                weight = read.number(given["weight"], f"{where}.weight", positive=True)
            curve = None
            if {"curve", "thresholds", "scores"} & set(given):
                curve = read_curve(read, given, where, by_name[measure].curve)
            changes[measure] = MeasureChange(weight, curve)
        if label is not None:
            profiles.append(Profile(name, label, segments, stages, exclude, weights, changes))
    return tuple(profiles)
