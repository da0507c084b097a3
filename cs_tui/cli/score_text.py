"""`cs-tui score explain` for people: the score, the override beside it, and why."""

from typing import TYPE_CHECKING

import click

from cs_tui.cli.output import echo_table
from cs_tui.domain.present import health_cell, sparkline

if TYPE_CHECKING:
    from cs_tui.data.scoring.health_views import HealthPanel


def _headline(panel: "HealthPanel") -> str:
    if panel.not_scored_reason:
        return f"{panel.account_name}: not scored ({panel.not_scored_reason})"
    delta = panel.change.change if panel.change else None
    cell = health_cell(panel.score, panel.band, delta, overridden=panel.override is not None)
    if panel.score is None:
        cell = panel.band_label
    since = ""
    if panel.change is not None and panel.change.change is not None:
        since = f" ({panel.change.change:+.1f} since {panel.change.previous_on.isoformat()})"
    return f"{panel.account_name}: {cell}{since}"


def echo_panel(panel: "HealthPanel") -> None:
    click.echo(_headline(panel))
    if panel.not_scored_reason and not panel.history:
        return
    if panel.groups:
        when = panel.scored_on.isoformat() if panel.scored_on else "now (not stored yet)"
        click.echo(
            f"Scored {when} · profile {panel.profile_label} · coverage {panel.coverage:.0%} "
            f"(minimum {panel.min_coverage:.0%})"
        )
    if panel.scorecard_changed:
        click.echo("The scorecard changed since this snapshot: run `cs-tui score` to refresh it.")
    if panel.override is not None:
        computed = health_cell(panel.computed_score, panel.computed_band, None).rstrip(" ·")
        o = panel.override
        click.echo(
            f"Override: {o.score} ({o.reason!r}) set by {o.author or '-'} until "
            f"{o.expires_on.isoformat()}; computed score {computed}"
        )
    if panel.sentiment is not None:
        s = panel.sentiment
        state = "expired" if s.expired else "counts until"
        click.echo(
            f"Sentiment: {s.value}/5 ({s.reason!r}) on {s.recorded_on.isoformat()}, "
            f"{state} {s.expires_on.isoformat()}"
        )
    if panel.groups:
        click.echo("")
        echo_panel_table(panel)
    if panel.biggest_detractor is not None:
        d = panel.biggest_detractor
        click.echo(f"\nBiggest detractor: {d.label} ({d.shown}), {d.points_lost:.1f} points short")
    if panel.movers and panel.change is not None:
        click.echo(f"What changed since {panel.change.previous_on.isoformat()}:")
        for m in panel.movers:
            click.echo(f"  {m.label}: {m.shown_before} -> {m.shown_after} ({m.change:+.1f} points)")
    points = [p.score for p in panel.history if p.score is not None]
    if len(points) > 1:
        click.echo(f"History: {sparkline(points)} ({len(panel.history)} snapshots)")


def echo_panel_table(panel: "HealthPanel") -> None:
    """Every group and measure with its raw value, sub-score, share of the score and points."""
    rows = []
    for group in panel.groups:
        rows.append([
            group.label, "", _number(group.score), f"{group.effective_weight:.0%}",
            f"{group.contribution:.1f}",
        ])  # fmt: skip
        for m in group.measures:
            raw = f"{m.shown} ({m.detail})" if m.detail and m.has_data else m.shown
            rows.append([
                f"  {m.label}", raw, _number(m.sub_score), f"{m.effective_weight:.0%}",
                f"{m.contribution:.1f}",
            ])  # fmt: skip
    echo_table(["Group / measure", "Value", "Sub-score", "Share", "Points"], rows)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"
