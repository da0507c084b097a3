"""The metrics tab: one line per metric with a sparkline, the latest value and its change."""

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cs_tui.data.accounts.views import Series
from cs_tui.domain.present import metric_label, number, sparkline

SPARK_WIDTH = 26


def metrics_table(series: list[Series]) -> Table:
    table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
    table.add_column("Metric", no_wrap=True)
    table.add_column("Trend", no_wrap=True)
    table.add_column("Latest", justify="right", no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    table.add_column("As of", no_wrap=True)
    table.add_column("Samples", justify="right", no_wrap=True)
    for item in series:
        values = item.values()
        latest = item.latest
        if latest is None:
            continue
        change = "-"
        if len(values) > 1 and values[-2]:
            pct = (values[-1] - values[-2]) / abs(values[-2]) * 100
            arrow = "▲" if pct > 0 else "▼" if pct < 0 else "▶"
            change = f"{arrow} {pct:+.0f}%"
        table.add_row(
            metric_label(item.name),
            Text(sparkline(values, SPARK_WIDTH), style="bold"),
            number(latest[1]),
            change,
            latest[0].isoformat(),
            str(len(values)),
        )
    return table


class MetricPanel(Static):
    def show(self, series: list[Series]) -> None:
        if not series:
            self.update("No metric samples yet. Import a feed with `cs-tui import metrics FILE`.")
        else:
            self.update(metrics_table(series))
