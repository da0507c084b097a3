"""How far a success plan has come: per objective, from its metric or its milestones; per plan.

An objective's progress is, in order of preference:

1. achieved: 100 (the customer and the CSM agreed it is met);
2. measured: where the objective's metric has a value (the latest sample of that metric for the
   account, else a value recorded by hand on the objective), its position between baseline and
   target, clamped to 0-100. A "less is better" objective (target below baseline) works the same way;
3. from milestones: the share of its milestones that are done;
4. otherwise unknown (None): nothing to measure it by yet.

A plan's progress is the mean of its objectives' known progress (None when none is known).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class ProgressSource(StrEnum):
    ACHIEVED = "achieved"
    METRIC = "metric"
    MILESTONES = "milestones"
    NONE = "none"


@dataclass(frozen=True)
class Progress:
    percent: float | None
    source: ProgressSource

    @property
    def known(self) -> bool:
        return self.percent is not None


UNKNOWN = Progress(None, ProgressSource.NONE)


def _clamp(value: float) -> float:
    return max(0.0, min(100.0, value))


def measured_progress(
    baseline: float | None, target: float | None, value: float | None
) -> float | None:
    """Where `value` sits from `baseline` (0) to `target` (100), clamped; None if unmeasurable."""
    if baseline is None or target is None or value is None or target == baseline:
        return None
    return _clamp((value - baseline) / (target - baseline) * 100.0)


def milestone_progress(done: int, total: int) -> float | None:
    if total <= 0:
        return None
    return _clamp(done / total * 100.0)


def objective_progress(
    *,
    achieved: bool,
    baseline: float | None,
    target: float | None,
    value: float | None,
    milestones_done: int,
    milestones_total: int,
) -> Progress:
    if achieved:
        return Progress(100.0, ProgressSource.ACHIEVED)
    measured = measured_progress(baseline, target, value)
    if measured is not None:
        return Progress(measured, ProgressSource.METRIC)
    by_milestones = milestone_progress(milestones_done, milestones_total)
    if by_milestones is not None:
        return Progress(by_milestones, ProgressSource.MILESTONES)
    return UNKNOWN


def plan_progress(objective_percents: Iterable[float | None]) -> float | None:
    """The mean of the objectives' known progress; None when none is known."""
    known = [p for p in objective_percents if p is not None]
    return sum(known) / len(known) if known else None
