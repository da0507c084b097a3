"""The health panel: an account's score and why, rendered from the `HealthPanel` read-model.

Two views of the same read-model: `HealthSummary`, a few lines beside the key facts (score, trend,
history, coverage, override, sentiment, biggest detractor, what changed), and `HealthBreakdown`,
every group and measure with its raw value, sub-score, weight and contribution. Meaning is never in
colour alone: each band shows its number, label and trend glyph.
"""

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cs_tui.data.scoring.health_views import HealthPanel
from cs_tui.domain.present import sparkline, trend_glyph
from cs_tui.domain.scoring.explain import GroupResult, MeasureResult

BandStyles = Mapping[str, str]
PLAIN: BandStyles = {}
SENTIMENT_WORDS = {
    1: "very worried",
    2: "worried",
    3: "neutral",
    4: "confident",
    5: "very confident",
}
HISTORY_WIDTH = 26


def band_styles(variables: Mapping[str, str]) -> BandStyles:
    """Band colours from the theme's variables (so every theme, and NO_COLOR, is respected)."""
    return {
        "red": f"bold {variables.get('error', '')}".strip(),
        "yellow": f"bold {variables.get('warning', '')}".strip(),
        "green": f"bold {variables.get('success', '')}".strip(),
    }


def _band(score: float | None, band: str, label: str, styles: BandStyles) -> Text:
    number = "—" if score is None else f"{score:.0f}"
    return Text.assemble((number, styles.get(band, "bold")), " ", (label, "bold"))


def _points(value: float) -> str:
    return f"{value:+.1f} pts"


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def headline(panel: HealthPanel, styles: BandStyles = PLAIN) -> Text:
    """`72 Watch ▼ -6.0 since 2026-06-08 (was 78 Healthy)`, or why there is no score."""
    if panel.not_scored_reason:
        return Text(f"Not scored: {panel.not_scored_reason}", style="bold")
    line = _band(panel.score, panel.band, panel.band_label, styles)
    change = panel.change
    if change is not None and change.change is not None:
        line.append(f" {trend_glyph(change.change)} {change.change:+.1f}")
        was = "—" if change.previous_score is None else f"{change.previous_score:.0f}"
        line.append(f" since {change.previous_on.isoformat()} (was {was})", style="dim")
    elif panel.scored_on is None:
        line.append("  computed now, not yet stored", style="dim")
    if panel.overridden:
        line.append("  OVERRIDDEN", style="bold reverse")
    return line


def _override_line(panel: HealthPanel, styles: BandStyles) -> Text | None:
    override = panel.override
    if override is None:
        return None
    computed = _band(panel.computed_score, panel.computed_band, panel.computed_band_label, styles)
    return Text.assemble(
        ("Override ", "bold"),
        f"{override.score} until {override.expires_on.isoformat()} by {override.author or '-'}: ",
        (override.reason, "italic"),
        " · computed ",
        computed,
    )


def _sentiment_line(panel: HealthPanel) -> Text:
    sentiment = panel.sentiment
    if sentiment is None:
        return Text("Sentiment  none recorded (s to set)", style="dim")
    word = SENTIMENT_WORDS.get(sentiment.value, "")
    status = "expired" if sentiment.expired else f"counts until {sentiment.expires_on.isoformat()}"
    return Text.assemble(
        ("Sentiment  ", "bold"),
        f"{sentiment.value}/5 {word}: ",
        (sentiment.reason, "italic"),
        (f"  ({sentiment.recorded_on.isoformat()}, {status})", "dim"),
    )


def _coverage_line(panel: HealthPanel) -> Text:
    line = Text.assemble(("Coverage   ", "bold"), _percent(panel.coverage))
    line.append(" of the scorecard's weight had data", style="dim")
    if panel.coverage < panel.min_coverage:
        line.append(f"  below the {_percent(panel.min_coverage)} minimum", style="bold")
    if panel.profile_label:
        line.append(f" · profile {panel.profile_label}", style="dim")
    return line


def _history_line(panel: HealthPanel) -> Text:
    scores = [point.score for point in panel.history if point.score is not None]
    line = Text("History    ", style="bold")
    if len(scores) < 2:
        return line.append("not enough snapshots yet", style="dim")
    line.append(sparkline(scores, HISTORY_WIDTH, bounds=(0, 100)))
    first = panel.history[0].taken_on.isoformat()
    return line.append(f"  {len(scores)} snapshots since {first}", style="dim")


def _detractor_line(panel: HealthPanel) -> Text | None:
    worst = panel.biggest_detractor
    if worst is None:
        return None
    detail = f" ({worst.detail})" if worst.detail else ""
    return Text.assemble(
        ("Detractor  ", "bold"),
        f"{worst.label}: {worst.shown}{detail} costs {worst.points_lost:.1f} points",
    )


def _movers_line(panel: HealthPanel) -> Text | None:
    if panel.change is None:
        return None
    line = Text("Changed    ", style="bold")
    if not panel.movers:
        return line.append("no measure moved the score", style="dim")
    parts = [
        f"{m.label} {_points(m.change)} ({m.shown_before} → {m.shown_after})" for m in panel.movers
    ]
    return line.append("; ".join(parts))


def summary_renderable(panel: HealthPanel, styles: BandStyles = PLAIN) -> RenderableType:
    lines: list[Text | None] = [
        headline(panel, styles),
        _override_line(panel, styles),
        _history_line(panel),
        _coverage_line(panel),
        _detractor_line(panel),
        _movers_line(panel),
        _sentiment_line(panel),
    ]
    if panel.scorecard_changed:
        lines.append(Text("The scorecard changed since this snapshot: rescore to refresh.", "bold"))
    return Group(*(line for line in lines if line is not None))


def _measure_row(measure: MeasureResult) -> list[RenderableType]:
    name = Text(f"  {measure.label}")
    if not measure.has_data:
        return [
            Text(f"  {measure.label}", style="dim"),
            Text("no data", style="dim"),
            Text("—", style="dim"),
            Text(f"{measure.weight:g}", style="dim"),
            Text("left out", style="dim"),
            Text("weight redistributed", style="dim"),
        ]
    value = measure.shown + (f" ({measure.detail})" if measure.detail else "")
    return [
        name,
        Text(value),
        Text(f"{measure.sub_score:.0f}" if measure.sub_score is not None else "—"),
        Text(f"{measure.weight:g}"),
        Text(_percent(measure.effective_weight)),
        Text(f"{measure.contribution:.1f}"),
    ]


def _group_row(group: GroupResult) -> list[RenderableType]:
    score = "—" if group.score is None else f"{group.score:.0f}"
    return [
        Text(group.label, style="bold"),
        Text(""),
        Text(score, style="bold"),
        Text(f"{group.weight:g}", style="bold"),
        Text(_percent(group.effective_weight), style="bold"),
        Text(f"{group.contribution:.1f}", style="bold"),
    ]


def breakdown_renderable(panel: HealthPanel) -> RenderableType:
    """Every group and measure: raw value, sub-score 0-100, weight, share of the score, points."""
    if not panel.groups:
        return Text(panel.not_scored_reason or "This account has no score yet.", style="dim")
    table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
    table.add_column("Measure", no_wrap=True, overflow="ellipsis", ratio=3)
    table.add_column("Value", no_wrap=True, overflow="ellipsis", ratio=3)
    table.add_column("Sub-score", justify="right", no_wrap=True)
    table.add_column("Weight", justify="right", no_wrap=True)
    table.add_column("Share", justify="right", no_wrap=True)
    table.add_column("Points", justify="right", no_wrap=True)
    for group in panel.groups:
        table.add_row(*_group_row(group))
        for measure in group.measures:
            table.add_row(*_measure_row(measure))
    total = "—" if panel.computed_score is None else f"{panel.computed_score:.1f}"
    table.add_row(Text("Computed score", style="bold"), "", "", "", "", Text(total, style="bold"))
    return table


class HealthSummary(Static):
    """The few lines of health beside an account's key facts."""

    def show(self, panel: HealthPanel) -> None:
        self.update(summary_renderable(panel, band_styles(self.app.get_css_variables())))


class HealthBreakdown(Static):
    """Every group and measure of an account's score."""

    def show(self, panel: HealthPanel) -> None:
        self.update(breakdown_renderable(panel))
