"""Benchmarks for standalone scripts of `bench/` that do not (yet) declare a `BENCHMARKS` list.

Each adapter turns the public functions of one script into suite benchmarks, so the script joins
the suite as it is. A script that declares its own `BENCHMARKS` is used as it declares them; an
adapter whose functions are missing from the script reports it as skipped, with the reason.
"""

from collections.abc import Callable
from types import ModuleType
from typing import Any, cast

from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Target


class AdapterMismatch(Exception):
    """The script lacks a function the adapter calls."""


def _function(module: ModuleType, name: str) -> Callable[..., Any]:
    found = getattr(module, name, None)
    if not callable(found):
        raise AdapterMismatch(f"bench/{module.__name__.rsplit('.', 1)[-1]}.py has no {name}()")
    return cast(Callable[..., Any], found)


def rescore_speed(module: ModuleType) -> list[Benchmark]:
    """`candidate(db_path)` and `baseline(db_path)`: seconds to rescore the whole book."""
    candidate, baseline = _function(module, "candidate"), _function(module, "baseline")

    def run(context: Context, side: Side) -> Samples:
        rescore = candidate if side == "candidate" else baseline
        return {"rescore": [float(rescore(context.writable_book()))]}

    return [
        Benchmark(
            name="rescore",
            title="Rescoring the whole book",
            metrics=(Metric("rescore", "Rescore the book", "s", (Target("ratio_max", 1.5),)),),
            run=run,
            baseline="plain sqlite3: the same reads, scoring and writes",
            warmup=1,  # the first rescoring of the day inserts; later ones replace, on both sides
            max_repeats=5,
        )
    ]


def scoring_speed(module: ModuleType) -> list[Benchmark]:
    """`score_function_throughput(accounts, repeats=N)`: accounts scored per second."""
    throughput = _function(module, "score_function_throughput")

    def run(context: Context, side: Side) -> Samples:
        rate = throughput(context.accounts, repeats=1)
        return {"throughput": [float(rate)]}

    return [
        Benchmark(
            name="scoring",
            title="The scoring function alone",
            metrics=(
                Metric(
                    "throughput",
                    "Scoring function throughput",
                    "accounts/s",
                    (Target("min", 500_000),),
                ),
            ),
            run=run,
            warmup=1,
        )
    ]


ADAPTERS: dict[str, Callable[[ModuleType], list[Benchmark]]] = {
    "rescore_speed": rescore_speed,
    "scoring_speed": scoring_speed,
}
