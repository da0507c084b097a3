"""`python -m bench`: the JSON it writes, --compare, --only, --list, and its exit codes."""

import json
from pathlib import Path

import pytest

import bench.__main__ as command
from bench.context import Context
from bench.registry import Benchmark, Discovery, Metric, Samples, Side, Skipped, Target


def steady(context: Context, side: Side) -> Samples:
    return {"t": [12.0 if side == "candidate" else 10.0]}


def broken(context: Context, side: Side) -> Samples:
    raise RuntimeError("no terminal")


STEADY = Benchmark(
    "steady",
    "Steady",
    (Metric("t", "Steady t", "ms", (Target("ratio_max", 1.1),)),),
    steady,
    baseline="b",
)
BROKEN = Benchmark("broken", "Broken", (Metric("t", "Broken t", "ms"),), broken)


@pytest.fixture
def suite(monkeypatch: pytest.MonkeyPatch) -> list[Benchmark]:
    chosen = [STEADY]
    monkeypatch.setattr(
        command,
        "discover",
        lambda only: Discovery(tuple(chosen), (Skipped("checkin_speed", "not there yet"),)),
    )
    monkeypatch.setattr(Context, "book", lambda self: Path("unused.db"))
    return chosen


def test_a_missed_target_is_reported_not_failed(suite: list[Benchmark], tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    assert command.main(["--quick", "--repeats", "3", "--json-out", str(out)]) == 0
    data = json.loads(out.read_text())
    steady_row, skipped_row = data["results"]
    assert steady_row["ratio"] == pytest.approx(1.2) and steady_row["passed"] is False
    assert steady_row["samples"] == [12.0, 12.0, 12.0]
    assert skipped_row["status"] == "skipped"
    assert data["meta"]["quick"] is True and data["meta"]["accounts"] == 2000
    assert data["meta"]["cpu_count"] >= 1 and data["meta"]["repeats"] == 3


def test_compare_with_an_older_run(
    suite: list[Benchmark], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    command.main(["--quick", "--repeats", "1", "--json-out", str(old)])
    capsys.readouterr()
    assert (
        command.main(["--quick", "--repeats", "1", "--json-out", str(new), "--compare", str(old)])
        == 0
    )
    assert "+0%" in capsys.readouterr().out


def test_a_crash_gives_a_non_zero_exit(suite: list[Benchmark], tmp_path: Path) -> None:
    suite.append(BROKEN)
    out = tmp_path / "latest.json"
    assert command.main(["--quick", "--repeats", "1", "--json-out", str(out)]) == 1
    statuses = [row["status"] for row in json.loads(out.read_text())["results"]]
    assert statuses == ["ok", "error", "skipped"]


def test_list_names_the_benchmarks(
    suite: list[Benchmark], capsys: pytest.CaptureFixture[str]
) -> None:
    assert command.main(["--list"]) == 0
    out = capsys.readouterr().out
    assert "steady" in out and "checkin_speed" in out


def test_bad_arguments_exit_with_usage(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        command.main(["--repeats", "0"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        command.main(["--compare", str(tmp_path / "missing.json")])
