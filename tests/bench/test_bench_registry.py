"""Finding benchmarks (absent modules are skipped with a note) and running them alternately."""

import textwrap
import uuid
from pathlib import Path

import pytest

from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Skipped, Target, discover, selected
from bench.runner import run_benchmark, sides, skipped_rows

GOOD = """
from bench.registry import Benchmark, Metric

def run(context, side):
    return {"m": [1.0]}

BENCHMARKS = [
    Benchmark("alpha", "Alpha", (Metric("m", "Alpha m", "ms"),), run),
    Benchmark("beta_two", "Beta", (Metric("m", "Beta m", "ms"),), run),
]
"""


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A throwaway package with a module of benchmarks, one without a list, one planned absent."""
    name = f"fakebench_{uuid.uuid4().hex[:8]}"
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "good.py").write_text(textwrap.dedent(GOOD))
    (folder / "nolist.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    return name


def test_absent_and_listless_modules_are_skipped_with_a_note(package: str) -> None:
    found = discover(modules=("good", "nolist", "rescore_speed"), package=package)
    assert [b.name for b in found.benchmarks] == ["alpha", "beta_two"]
    notes = {s.module: s.note for s in found.skipped}
    assert "no BENCHMARKS list" in notes["nolist"]
    assert "not there yet" in notes["rescore_speed"] and "1.5x" in notes["rescore_speed"]


def test_only_keeps_benchmarks_by_name_or_module_prefix(package: str) -> None:
    modules = ("good", "nolist", "rescore_speed")
    assert [b.name for b in discover(["beta"], modules, package).benchmarks] == ["beta_two"]
    assert len(discover(["good"], modules, package).benchmarks) == 2
    only_beta = discover(["beta"], modules, package)
    assert only_beta.skipped == ()  # absent modules not asked for stay out of the report
    assert [s.module for s in discover(["rescore"], modules, package).skipped] == ["rescore_speed"]


def test_duplicate_names_are_refused(package: str) -> None:
    with pytest.raises(ValueError, match="unique"):
        discover(modules=("good", "good"), package=package)


def test_the_suite_modules_load_and_name_their_benchmarks_uniquely() -> None:
    found = discover()
    names = {b.name for b in found.benchmarks}
    assert {"cold_start", "account_list", "memory", "import", "demo_book"} <= names
    assert all(isinstance(s, Skipped) for s in found.skipped)


def test_selected_without_only_keeps_everything() -> None:
    bench = Benchmark("x", "X", (), lambda c, s: {})
    assert selected(bench, "mod", [])
    assert not selected(bench, "mod", ["y"])


class Recorder:
    """A benchmark body that records the order of its runs and returns a sample per run."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.calls: list[Side] = []
        self.fail_on = fail_on

    def __call__(self, context: Context, side: Side) -> Samples:
        self.calls.append(side)
        if self.fail_on is not None and len(self.calls) == self.fail_on:
            raise RuntimeError("broken")
        value = float(len(self.calls))
        return {"m": [value * (2 if side == "candidate" else 1)], "n": [value, value]}


METRICS = (Metric("m", "M", "ms", (Target("ratio_max", 3),)), Metric("n", "N", "ms"))


def test_sides_alternate_and_a_benchmark_without_baseline_runs_alone() -> None:
    with_baseline = Benchmark("a", "A", METRICS, Recorder(), baseline="b")
    alone = Benchmark("a", "A", METRICS, Recorder())
    assert [sides(with_baseline, i) for i in range(3)] == [
        ("candidate", "baseline"),
        ("baseline", "candidate"),
        ("candidate", "baseline"),
    ]
    assert sides(alone, 1) == ("candidate",)


def test_runs_alternate_after_warmup_and_samples_pair_up() -> None:
    recorder = Recorder()
    bench = Benchmark("a", "A", METRICS, recorder, baseline="b", warmup=1)
    rows = run_benchmark(bench, Context(), repeats=4)
    warmup = ["candidate", "baseline"]
    alternating = ["candidate", "baseline", "baseline", "candidate"] * 2
    assert recorder.calls == warmup + alternating
    m, n = rows
    assert m.samples == (6.0, 12.0, 14.0, 20.0) and m.baseline_samples == (4.0, 5.0, 8.0, 9.0)
    assert len(n.samples) == len(n.baseline_samples) == 8
    assert m.baseline == "b" and m.status == "ok"


def test_max_repeats_caps_the_runs() -> None:
    recorder = Recorder()
    run_benchmark(Benchmark("a", "A", METRICS, recorder, max_repeats=1), Context(), repeats=7)
    assert recorder.calls == ["candidate"]


def test_a_crash_becomes_error_rows_and_the_suite_goes_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = Benchmark("a", "A", METRICS, Recorder(fail_on=3), baseline="b")
    rows = run_benchmark(bench, Context(), repeats=3)
    assert [row.status for row in rows] == ["error", "error"]
    assert rows[0].note == "RuntimeError: broken"
    assert "Traceback" in capsys.readouterr().err


def test_samples_for_an_unknown_metric_are_an_error() -> None:
    bench = Benchmark("a", "A", (Metric("m", "M", "ms"),), Recorder())
    assert run_benchmark(bench, Context(), repeats=1)[0].status == "error"


def test_skipped_modules_become_report_rows() -> None:
    (row,) = skipped_rows([Skipped("checkin_speed", "not there yet")])
    assert row.status == "skipped" and row.note == "not there yet"


def test_a_module_that_cannot_be_imported_is_reported_broken(package: str, tmp_path: Path) -> None:
    (tmp_path / package / "broken.py").write_text("import cs_tui.no_such_module\n")
    found = discover(modules=("good", "broken"), package=package)
    assert [b.name for b in found.benchmarks] == ["alpha", "beta_two"]
    (broken,) = found.broken
    assert broken.module == "broken" and "ModuleNotFoundError" in broken.note
    (row,) = skipped_rows(found.broken, status="error")
    assert row.status == "error"
