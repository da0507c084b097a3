"""A saved run as a Markdown table, for the README: `python -m bench.markdown [RUN.json]`."""

import argparse
from pathlib import Path

from bench.report import format_ratio, format_value
from bench.results import MetricResult, RunReport

DEFAULT_RUN = Path(__file__).resolve().parent / "results" / "latest.json"
VERDICTS = {True: "pass", False: "**missed**", None: "info"}


def markdown_row(result: MetricResult) -> str:
    if result.status != "ok":
        cells = [result.label, "-", "-", "-", "-", "-", result.status]
    else:
        unit = result.unit
        cells = [
            result.label,
            format_value(result.median, unit),
            format_value(result.p95, unit),
            format_value(result.baseline_median, unit) if result.baseline_samples else "-",
            format_ratio(result.ratio),
            " & ".join(target.describe(unit) for target in result.targets) or "-",
            VERDICTS[result.passed],
        ]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def markdown_table(report: RunReport) -> str:
    meta = report.meta
    mode = "quick" if meta.get("quick") else "full"
    heading = (
        f"{mode.capitalize()} run of {meta.get('date', '?')} on {meta.get('cpu_count', '?')} cores, "
        f"{meta.get('accounts', 0):,}-account book, {meta.get('repeats', '?')} alternating runs "
        f"per side (Python {meta.get('python', '?')}, Textual {meta.get('textual', '?')})."
    )
    lines = [
        heading,
        "",
        "| Benchmark | Median | p95 | Baseline | Ratio | Target | Result |",
        "|---|---:|---:|---:|---:|---:|---|",
        *(markdown_row(result) for result in report.results),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.markdown", description=__doc__)
    parser.add_argument("run", nargs="?", type=Path, default=DEFAULT_RUN)
    print(markdown_table(RunReport.load(parser.parse_args(argv).run)))


if __name__ == "__main__":
    main()
