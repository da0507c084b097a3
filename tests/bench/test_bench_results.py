"""Report rows: verdicts against targets, the JSON round trip, and the comparison with an old run."""

import json
from pathlib import Path

import pytest
from rich.console import Console

from bench.registry import Metric, Target
from bench.report import format_value, print_report
from bench.results import MetricResult, RunReport, metric_result

FAST = Metric("filter", "List: filter", "ms", (Target("max", 50),))
RATIO = Metric("start", "Cold start", "ms", (Target("ratio_max", 1.3),))
THROUGHPUT = Metric("score", "Scoring", "accounts/s", (Target("min", 500_000),))
BOTH = Metric("import", "Import", "s", (Target("ratio_max", 3.5), Target("max", 1.5)))


@pytest.mark.parametrize(
    ("metric", "samples", "baseline", "expected"),
    [
        (FAST, [40.0, 45.0, 60.0], [], True),
        (FAST, [40.0, 55.0, 60.0], [], False),
        (RATIO, [12.0, 13.0, 14.0], [10.0, 10.0, 10.0], True),
        (RATIO, [14.0, 14.0, 12.0], [10.0, 10.0, 10.0], False),
        (RATIO, [14.0], [], None),  # a ratio target without a baseline: no verdict
        (THROUGHPUT, [600_000.0], [], True),
        (THROUGHPUT, [400_000.0], [], False),
        (BOTH, [1.4], [0.5], True),
        (BOTH, [1.6], [0.5], False),  # ratio met, time missed
        (BOTH, [1.4], [0.3], False),  # time met, ratio missed
        (Metric("rss", "RSS", "MiB"), [100.0], [], None),  # no target: information only
    ],
)
def test_verdicts(
    metric: Metric, samples: list[float], baseline: list[float], expected: bool | None
) -> None:
    assert metric_result("b", metric, samples, baseline).passed is expected


def test_error_and_skipped_rows_have_no_verdict() -> None:
    assert metric_result("b", FAST, [], status="error", note="boom").passed is None
    row = MetricResult("rescore_speed", "-", "rescore_speed", "", status="skipped")
    assert row.passed is None and row.median is None


def sample_report(date: str = "2026-11-23", factor: float = 1.0) -> RunReport:
    rows = (
        metric_result("list", FAST, [40.0 * factor, 42.0 * factor], [10.0, 11.0], baseline="bare"),
        metric_result("cold", RATIO, [1200.0 * factor], [1000.0], baseline="trivial"),
        metric_result("score", THROUGHPUT, [600_000.0 / factor]),
        MetricResult("checkin_speed", "-", "checkin_speed", "", status="skipped", note="absent"),
    )
    return RunReport(rows, {"date": date, "cpu_count": 2, "quick": True, "accounts": 2000})


def test_json_round_trip(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / "results" / "latest.json"
    report.save(path)
    loaded = RunReport.load(path)
    assert loaded == report
    assert loaded.to_dict() == report.to_dict()
    data = json.loads(path.read_text())
    first = data["results"][0]
    assert first["median"] == 41.0 and first["ratio"] == pytest.approx(40 / 10 / 2 + 42 / 11 / 2)
    assert first["passed"] is True and first["targets"] == [{"kind": "max", "value": 50}]


def test_a_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"results": []}))
    with pytest.raises(ValueError, match="format"):
        RunReport.load(path)


def render(report: RunReport, previous: RunReport | None = None) -> str:
    console = Console(width=200, record=True, color_system=None)
    print_report(report, previous, console)
    return console.export_text()


def test_the_table_shows_figures_targets_and_verdicts() -> None:
    text = render(sample_report())
    assert "41.0 ms" in text and "<= 50 ms" in text and "pass" in text
    assert "1.20x" in text and "<= 1.3x" in text
    assert ">= 500,000 accounts/s" in text
    assert "skipped" in text and "absent" in text
    assert "list: against bare" in text


def test_compare_shows_the_change_since_the_old_run() -> None:
    old = sample_report(date="2026-11-01")
    new = sample_report(factor=1.5)
    text = render(new, old)
    assert "vs 2026-11-01" in text
    assert "+50%" in text  # the filter got slower
    assert "-33%" in text  # throughput went down
    assert "1.20x→1.80x" in text


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (None, "ms", "-"),
        (3.14159, "ms", "3.14 ms"),
        (31.4159, "ms", "31.4 ms"),
        (314.159, "MiB", "314 MiB"),
        (612_345.0, "accounts/s", "612,345 accounts/s"),
    ],
)
def test_format_value(value: float | None, unit: str, expected: str) -> None:
    assert format_value(value, unit) == expected


def test_a_run_as_a_markdown_table() -> None:
    from bench.markdown import markdown_table

    text = markdown_table(sample_report())
    lines = text.splitlines()
    assert lines[0].startswith("Quick run of 2026-11-23 on 2 cores, 2,000-account book")
    assert "| List: filter | 41.0 ms | 41.9 ms | 10.5 ms | 3.91x | <= 50 ms | pass |" in lines
    assert "| Cold start | 1200 ms | 1200 ms | 1000 ms | 1.20x | <= 1.3x | pass |" in lines
    assert lines[-1] == "| checkin_speed | - | - | - | - | - | skipped |"
