"""Standalone scripts join the suite through adapters of their public functions."""

import types
from pathlib import Path

import pytest

from bench.adapters import AdapterMismatch, rescore_speed, scoring_speed
from bench.context import Context
from bench.runner import run_benchmark


def script(name: str, **functions: object) -> types.ModuleType:
    module = types.ModuleType(f"bench.{name}")
    for key, value in functions.items():
        setattr(module, key, value)
    return module


def test_rescoring_compares_the_script_candidate_with_its_baseline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    books: list[Path] = []

    def candidate(path: Path) -> float:
        books.append(path)
        return 1.2

    def baseline(path: Path) -> float:
        books.append(path)
        return 1.0

    monkeypatch.setattr(Context, "writable_book", lambda self: Path("copy.db"))
    (benchmark,) = rescore_speed(script("rescore_speed", candidate=candidate, baseline=baseline))
    (row,) = run_benchmark(benchmark, Context(), repeats=3)
    assert row.ratio == pytest.approx(1.2) and row.passed is True
    assert set(books) == {Path("copy.db")}


def test_throughput_is_judged_against_its_floor() -> None:
    module = script("scoring_speed", score_function_throughput=lambda accounts, repeats: 400_000.0)
    (benchmark,) = scoring_speed(module)
    (row,) = run_benchmark(benchmark, Context(), repeats=2)
    assert row.median == 400_000 and row.passed is False


def test_a_script_without_the_functions_is_a_mismatch() -> None:
    with pytest.raises(AdapterMismatch, match="has no baseline"):
        rescore_speed(script("rescore_speed", candidate=lambda path: 1.0))
