"""Running a benchmark: warm up, then alternate candidate and baseline runs and collect samples.

Warm-up runs are skipped in quick mode (its medians are for spotting breakage, not for the record).
The order flips every repeat (candidate first, then baseline first, ...) so that neither side
always runs right after the other's caches were warmed or its garbage made. A benchmark that
raises becomes an "error" row and the suite goes on; the command's exit code reports it.
"""

import sys
import traceback
from collections.abc import Callable, Sequence

from bench.context import Context
from bench.registry import Benchmark, Samples, Side, Skipped
from bench.results import MetricResult, Status, metric_result

Progress = Callable[[str], None]


def sides(benchmark: Benchmark, repeat: int) -> tuple[Side, ...]:
    """Which sides run in this repeat, and in what order."""
    if benchmark.baseline is None:
        return ("candidate",)
    return ("candidate", "baseline") if repeat % 2 == 0 else ("baseline", "candidate")


def _collect(into: dict[str, list[float]], samples: Samples, benchmark: Benchmark) -> None:
    known = {metric.key for metric in benchmark.metrics}
    for key, values in samples.items():
        if key not in known:
            raise KeyError(f"{benchmark.name} returned samples for an unknown metric {key!r}")
        into.setdefault(key, []).extend(float(value) for value in values)


def run_benchmark(
    benchmark: Benchmark, context: Context, repeats: int, progress: Progress | None = None
) -> list[MetricResult]:
    """Every metric of `benchmark` as a report row (error rows when it raised)."""
    taken: dict[Side, dict[str, list[float]]] = {"candidate": {}, "baseline": {}}
    count = min(repeats, benchmark.max_repeats or repeats)
    try:
        for _ in range(0 if context.quick else benchmark.warmup):
            for side in sides(benchmark, 0):
                benchmark.run(context, side)
        for repeat in range(count):
            if progress:
                progress(f"{benchmark.title}: run {repeat + 1} of {count}")
            for side in sides(benchmark, repeat):
                _collect(taken[side], benchmark.run(context, side), benchmark)
    except Exception as error:  # one broken benchmark must not hide the others
        traceback.print_exc(file=sys.stderr)
        note = f"{type(error).__name__}: {error}"
        return [
            metric_result(benchmark.name, metric, (), status="error", note=note)
            for metric in benchmark.metrics
        ]
    rows = []
    for metric in benchmark.metrics:
        samples = taken["candidate"].get(metric.key, [])
        baseline_samples = taken["baseline"].get(metric.key, [])
        note = ""
        if baseline_samples and len(baseline_samples) != len(samples):
            note = f"{len(samples)} samples against {len(baseline_samples)} baseline samples"
        rows.append(
            metric_result(
                benchmark.name,
                metric,
                samples,
                baseline_samples,
                baseline=benchmark.baseline,
                status="ok" if samples else "error",
                note=note if samples else "no samples were taken",
            )
        )
    return rows


def skipped_rows(skipped: Sequence[Skipped], status: Status = "skipped") -> list[MetricResult]:
    """Report rows for modules that were not run: absent ("skipped") or broken ("error")."""
    return [
        MetricResult(
            benchmark=s.module, metric="-", label=s.module, unit="", status=status, note=s.note
        )
        for s in skipped
    ]
