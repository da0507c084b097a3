"""What a benchmark is, and where the suite finds them.

A benchmark module under `bench/` exposes `BENCHMARKS`, a list of `Benchmark`s. Each one has a
`run(context, side)` function that performs one run of the candidate (side "candidate") or of its
baseline (side "baseline") and returns the samples it took, per metric key. The runner calls it
alternately for both sides and pairs the i-th candidate sample of a metric with the i-th baseline
sample, so one run may take several samples of a metric (e.g. five page downs) as long as both
sides take the same number. A benchmark without `baseline` runs the candidate side only.

Adding one is a module with a `BENCHMARKS` list and its name in `MODULES` below; a standalone
script becomes part of the suite by appending such a list that calls its functions, e.g.:

    def _suite_run(context: Context, side: Side) -> dict[str, list[float]]:
        timed = rescore_seconds if side == "candidate" else plain_sqlite3_rescore_seconds
        return {"rescore": [timed(context.writable_book())]}

    BENCHMARKS = [Benchmark(
        name="rescore", title="Rescoring the book",
        metrics=(Metric("rescore", "Rescore the book", "s", (Target("ratio_max", 1.5),)),),
        run=_suite_run, baseline="plain sqlite3 reads and writes",
    )]

`Context` gives the cached book (`book()`, read only), a copy to write to (`writable_book()`),
a scratch folder and `memo()` for fixtures made once per suite run.
"""

import importlib
import importlib.util
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from bench.context import Context

Side = Literal["candidate", "baseline"]
Samples = Mapping[str, Sequence[float]]
TargetKind = Literal["ratio_max", "max", "min"]

MODULES: tuple[str, ...] = (
    "cold_start",
    "account_list",
    "table_speed",
    "memory",
    "import_speed",
    "frame_gap_import",
    "frame_gap_rescore",
    "demo_speed",
    "rescore_speed",
    "scoring_speed",
    "checkin_speed",
    "survey_import",
    "qbr_pack",
    "metrics_speed",
    "team_sync",
)
"""The modules of the suite, in the order their benchmarks run and are reported."""

PLANNED: Mapping[str, str] = {
    "rescore_speed": "Rescoring the book against plain sqlite3 (target <= 1.5x)",
    "scoring_speed": "Scoring function throughput (target >= 500,000 accounts/s)",
}
"""What the modules not written yet will measure, shown in the report until they arrive."""


@dataclass(frozen=True)
class Target:
    """A goal for a metric: its median at most / at least `value`, or its ratio at most `value`."""

    kind: TargetKind
    value: float

    def met(self, median: float, ratio: float | None) -> bool | None:
        """Whether the goal is met; None when it cannot be told (a ratio without a baseline)."""
        if self.kind == "ratio_max":
            return None if ratio is None else ratio <= self.value
        if self.kind == "max":
            return median <= self.value
        return median >= self.value

    def describe(self, unit: str) -> str:
        if self.kind == "ratio_max":
            return f"<= {self.value:g}x"
        sign = "<=" if self.kind == "max" else ">="
        return f"{sign} {self.value:,g} {unit}"


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    targets: tuple[Target, ...] = ()

    @property
    def higher_is_better(self) -> bool:
        return any(target.kind == "min" for target in self.targets)


@dataclass(frozen=True)
class Benchmark:
    """One candidate (and optionally a baseline) measured on one or more metrics."""

    name: str
    title: str
    metrics: tuple[Metric, ...]
    run: "Callable[[Context, Side], Samples]"
    baseline: str | None = None
    """What the baseline is, in a few words; None: the candidate is judged on its own."""
    max_repeats: int | None = None
    """At most this many runs (e.g. 1 for a minute-long build); None: the suite's --repeats."""
    warmup: int = 0
    """Unmeasured runs of each side first (imports, caches, the OS's file cache)."""
    tags: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Skipped:
    """A module of the suite that is not (yet) there, and why it is not run."""

    module: str
    note: str


@dataclass(frozen=True)
class Discovery:
    benchmarks: tuple[Benchmark, ...]
    skipped: tuple[Skipped, ...]
    broken: tuple[Skipped, ...] = ()
    """Modules that failed to import: reported as errors, the other benchmarks still run."""


def load_module_benchmarks(module: str, package: str = "bench") -> list[Benchmark] | Skipped:
    """The benchmarks of `package.module`, or why there are none; import errors propagate."""
    qualified = f"{package}.{module}"
    if importlib.util.find_spec(qualified) is None:
        planned = PLANNED.get(module)
        detail = f": {planned}" if planned else ""
        return Skipped(module, f"bench/{module}.py is not there yet{detail}")
    loaded = importlib.import_module(qualified)
    found = getattr(loaded, "BENCHMARKS", None)
    if found is None and package == "bench":
        from bench.adapters import ADAPTERS, AdapterMismatch

        adapter = ADAPTERS.get(module)
        if adapter is not None:
            try:
                return adapter(loaded)
            except AdapterMismatch as mismatch:
                return Skipped(module, str(mismatch))
    if not isinstance(found, list | tuple) or not all(isinstance(b, Benchmark) for b in found):
        return Skipped(module, f"bench/{module}.py has no BENCHMARKS list of Benchmark")
    return list(found)


def selected(benchmark: Benchmark, module: str, only: Sequence[str]) -> bool:
    """--only NAME keeps a benchmark by its name, its module's name, or a prefix of either."""
    if not only:
        return True
    return any(benchmark.name.startswith(name) or module.startswith(name) for name in only)


def discover(
    only: Sequence[str] = (), modules: Sequence[str] = MODULES, package: str = "bench"
) -> Discovery:
    """Every benchmark of `modules` kept by `only`, and the modules that are not there."""
    benchmarks: list[Benchmark] = []
    skipped: list[Skipped] = []
    broken: list[Skipped] = []
    for module in modules:
        try:
            found = load_module_benchmarks(module, package)
        except Exception as error:  # a broken module must not hide the others
            broken.append(Skipped(module, f"cannot import: {type(error).__name__}: {error}"))
            continue
        if isinstance(found, Skipped):
            if not only or any(module.startswith(name) for name in only):
                skipped.append(found)
            continue
        benchmarks.extend(b for b in found if selected(b, module, only))
    names = [b.name for b in benchmarks]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"benchmark names must be unique: {sorted(duplicates)}")
    return Discovery(tuple(benchmarks), tuple(skipped), tuple(broken))
