"""The report: one Rich table of every metric, optionally next to a previous run's figures."""

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bench.results import MetricResult, RunReport


def format_value(value: float | None, unit: str) -> str:
    """A figure with a sensible number of digits for its size, and its unit."""
    if value is None:
        return "-"
    magnitude = abs(value)
    if magnitude >= 10_000:
        text = f"{value:,.0f}"
    elif magnitude >= 100:
        text = f"{value:.0f}"
    elif magnitude >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def format_ratio(ratio: float | None) -> str:
    return "-" if ratio is None else f"{ratio:.2f}x"


def verdict(result: MetricResult) -> Text:
    if result.status == "skipped":
        return Text("skipped", style="dim")
    if result.status == "error":
        return Text("ERROR", style="bold red")
    passed = result.passed
    if passed is None:
        return Text("info", style="dim")
    return Text("pass", style="green") if passed else Text("MISSED", style="bold yellow")


def change(new: MetricResult, old: MetricResult | None, higher_is_better: bool) -> Text:
    """How the median moved since the old run, as a percentage (marked when it got worse)."""
    if old is None or new.median is None or old.median is None or old.median == 0:
        return Text("-", style="dim")
    delta = (new.median - old.median) / old.median
    worse = delta < 0 if higher_is_better else delta > 0
    text = f"{delta:+.0%}"
    if new.ratio is not None and old.ratio is not None:
        text += f" ({old.ratio:.2f}x→{new.ratio:.2f}x)"
    return Text(text, style="yellow" if worse and abs(delta) >= 0.1 else "")


def results_table(report: RunReport, previous: RunReport | None = None) -> Table:
    meta = report.meta
    mode = "quick" if meta.get("quick") else "full"
    title = (
        f"cs-tui benchmarks · {mode} · {meta.get('accounts', 0):,} accounts · "
        f"{meta.get('date', '')} · {meta.get('cpu_count', '?')} cores"
    )
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("Benchmark")
    table.add_column("Median", justify="right")
    table.add_column("p95", justify="right")
    table.add_column("Baseline", justify="right")
    table.add_column("Ratio", justify="right")
    table.add_column("Target", justify="right")
    table.add_column("Result")
    old = {row.key: row for row in previous.results} if previous else {}
    if previous is not None:
        table.add_column(f"vs {previous.meta.get('date', 'previous')}", justify="right")
    for result in report.results:
        table.add_row(*row_cells(result, old.get(result.key), previous is not None))
    return table


def row_cells(result: MetricResult, old: MetricResult | None, comparing: bool) -> list[str | Text]:
    if result.status != "ok":
        cells: list[str | Text] = [result.label, "-", "-", "-", "-", "-", verdict(result)]
        return [*cells, ""] if comparing else cells
    unit = result.unit
    higher = any(target.kind == "min" for target in result.targets)
    cells = [
        result.label,
        format_value(result.median, unit),
        format_value(result.p95, unit),
        format_value(result.baseline_median, unit) if result.baseline_samples else "-",
        format_ratio(result.ratio),
        " & ".join(target.describe(unit) for target in result.targets) or "-",
        verdict(result),
    ]
    if comparing:
        cells.append(change(result, old, higher))
    return cells


def baselines_legend(results: Sequence[MetricResult]) -> list[str]:
    """One line per benchmark naming its baseline, printed under the table."""
    seen: dict[str, str] = {}
    for result in results:
        if result.baseline and result.benchmark not in seen:
            seen[result.benchmark] = result.baseline
    return [f"{name}: against {baseline}" for name, baseline in seen.items()]


def print_report(
    report: RunReport, previous: RunReport | None = None, console: Console | None = None
) -> None:
    console = console or Console()
    console.print(results_table(report, previous))
    for line in baselines_legend(report.results):
        console.print(f"  {line}", style="dim")
    for result in report.results:
        if result.note:
            name = result.key if result.status == "ok" else result.benchmark
            console.print(f"  {name}: {result.note}", style="dim" if result.status == "ok" else "")
