"""One row of the report per metric, and the JSON file a run is saved as (and compared with).

The JSON keeps the raw samples, so a later run can be compared with, or re-summarised from, it.
"""

import json
import os
import platform
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from bench import stats
from bench.registry import Metric, Target

Status = Literal["ok", "skipped", "error"]
FORMAT_VERSION = 1


@dataclass(frozen=True)
class MetricResult:
    benchmark: str
    metric: str
    label: str
    unit: str
    status: Status = "ok"
    samples: tuple[float, ...] = ()
    baseline_samples: tuple[float, ...] = ()
    targets: tuple[Target, ...] = ()
    baseline: str | None = None
    note: str = ""

    @property
    def key(self) -> str:
        return f"{self.benchmark}.{self.metric}"

    @property
    def median(self) -> float | None:
        return stats.median(self.samples) if self.samples else None

    @property
    def p95(self) -> float | None:
        return stats.p95(self.samples) if self.samples else None

    @property
    def baseline_median(self) -> float | None:
        return stats.median(self.baseline_samples) if self.baseline_samples else None

    @property
    def ratio(self) -> float | None:
        return stats.median_ratio(self.samples, self.baseline_samples)

    @property
    def passed(self) -> bool | None:
        """True when every target is met, False when one is missed, None when there is no verdict."""
        median = self.median
        if self.status != "ok" or median is None or not self.targets:
            return None
        verdicts = [target.met(median, self.ratio) for target in self.targets]
        if any(verdict is False for verdict in verdicts):
            return False
        return True if all(verdict for verdict in verdicts) else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["targets"] = [asdict(target) for target in self.targets]
        data.update(
            median=self.median,
            p95=self.p95,
            baseline_median=self.baseline_median,
            ratio=self.ratio,
            passed=self.passed,
        )
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "MetricResult":
        return cls(
            benchmark=data["benchmark"],
            metric=data["metric"],
            label=data["label"],
            unit=data["unit"],
            status=data.get("status", "ok"),
            samples=tuple(data.get("samples", ())),
            baseline_samples=tuple(data.get("baseline_samples", ())),
            targets=tuple(Target(t["kind"], t["value"]) for t in data.get("targets", ())),
            baseline=data.get("baseline"),
            note=data.get("note", ""),
        )


def metric_result(
    benchmark: str,
    metric: Metric,
    samples: Sequence[float],
    baseline_samples: Sequence[float] = (),
    *,
    baseline: str | None = None,
    status: Status = "ok",
    note: str = "",
) -> MetricResult:
    return MetricResult(
        benchmark=benchmark,
        metric=metric.key,
        label=metric.label,
        unit=metric.unit,
        status=status,
        samples=tuple(samples),
        baseline_samples=tuple(baseline_samples),
        targets=metric.targets,
        baseline=baseline,
        note=note,
    )


@dataclass(frozen=True)
class RunReport:
    """A whole suite run: where and how it ran, and its rows."""

    results: tuple[MetricResult, ...]
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "meta": self.meta,
            "results": [result.to_dict() for result in self.results],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RunReport":
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"not a benchmark report of format {FORMAT_VERSION}")
        results = tuple(MetricResult.from_dict(row) for row in data["results"])
        return cls(results, dict(data.get("meta", {})))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2, default=str) + "\n")

    @classmethod
    def load(cls, path: Path) -> "RunReport":
        return cls.from_dict(json.loads(path.read_text()))


def machine_meta(
    *, quick: bool, accounts: int, repeats: int, today: date | None = None
) -> dict[str, Any]:
    """Where and how the suite ran, for the report's heading and the JSON file."""
    import textual

    import cs_tui

    return {
        "date": (today or date.today()).isoformat(),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "textual": textual.__version__,
        "cs_tui": cs_tui.__version__,
        "quick": quick,
        "accounts": accounts,
        "repeats": repeats,
    }
