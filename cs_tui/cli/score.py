"""`cs-tui score [explain|card]`: rescore the book or one account, explain a score, check the scorecard.

`cs-tui score --json` prints the rescoring summary:
    {"as_of": "2026-06-15", "accounts": 300, "scored": 270, "unscored": 30,
     "bands": {"green": 154, "yellow": 59, "red": 45, "insufficient": 12},
     "overridden": 3, "seconds": 0.154}

`cs-tui score explain NAME_OR_ID --json` prints the health panel (stable; fields are only ever
added). Dates are ISO strings, shares (coverage, weights) are 0..1, scores and points are 0..100:
    {"account_id": hex, "account_name": str,
     "scored_on": date | null (null: never scored, computed now and not stored),
     "profile": str, "profile_label": str,
     "score": number | null, "band": "red" | "yellow" | "green" | "insufficient" | "",
     "band_label": str,                       # score and band as the list shows them
     "computed_score": number | null, "computed_band": str, "computed_band_label": str,
     "overridden": bool,
     "override": null | {"score", "reason", "set_on", "expires_on", "author"},
     "sentiment": null | {"value", "reason", "recorded_on", "expires_on", "author", "expired"},
     "coverage": number, "min_coverage": number,
     "groups": [{"name", "label", "weight", "effective_weight", "score", "contribution",
                 "measures": [{"name", "label", "group", "unit", "raw", "shown", "detail",
                               "sub_score", "weight", "effective_weight", "contribution",
                               "points_lost", "has_data"}]}],
     "biggest_detractor": null | {a measure, as above},
     "change": null | {"previous_on", "previous_score", "previous_band", "change"},
     "movers": [{"name", "label", "before", "after", "change", "shown_before", "shown_after"}],
     "history": [{"taken_on", "score", "band", "overridden"}],   # oldest first
     "scorecard_changed": bool, "not_scored_reason": str}
"""

import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.dates import DAY
from cs_tui.cli.output import echo_json

if TYPE_CHECKING:
    from cs_tui.data.scoring.rescoring import RescoreSummary
    from cs_tui.domain.scoring import Scorer

BAND_ORDER = ("green", "yellow", "red", "insufficient")


def bands_text(summary: "RescoreSummary") -> str:
    """ "1,204 green, 310 yellow, 96 red": the bands a rescoring showed, best first."""
    shown = [f"{summary.bands[band]:,} {band}" for band in BAND_ORDER if summary.bands.get(band)]
    return ", ".join(shown) or "no account scored"


def load_scorer() -> "Scorer":
    """The scorecard in force, or a clean error naming the file and field at fault."""
    from cs_tui.domain.scoring import ScorecardError
    from cs_tui.io.scorecard_file import current_scorer

    try:
        return current_scorer()
    except ScorecardError as error:
        raise click.ClickException(str(error)) from error


@click.group(invoke_without_command=True)
@click.option("--account", "reference", metavar="NAME_OR_ID", help="Rescore only this account.")
@click.option("--as-of", "as_of", type=DAY, help="Score as on this day (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@database_option
@click.pass_context
def score(ctx: click.Context, reference: str | None, as_of: date | None, as_json: bool) -> None:
    """Rescore every account (or one) and print how many are in each band."""
    if ctx.invoked_subcommand is not None:
        return
    from cs_tui.data.accounts.records import account_id_for
    from cs_tui.data.scoring.rescoring import rescore_accounts, rescore_book

    scorer = load_scorer()
    started = time.perf_counter()
    with open_store(ctx) as db:
        if reference:
            result = rescore_accounts(db, [account_id_for(db, reference)], as_of=as_of,
                                      scorer=scorer)  # fmt: skip
        else:
            result = rescore_book(db, as_of=as_of, scorer=scorer, progress=_progress(as_json))
    elapsed = time.perf_counter() - started
    if as_json:
        echo_json({**result.to_json(), "seconds": round(elapsed, 3)})
        return
    _echo_summary(result, elapsed, scorer)


def _progress(quiet: bool) -> "Callable[[int, int], None] | None":
    if quiet:
        return None

    def report(done: int, total: int) -> None:
        if done < total:
            click.echo(f"  {done:,} of {total:,} accounts scored…", err=True)

    return report


def _echo_summary(result: "RescoreSummary", elapsed: float, scorer: "Scorer") -> None:
    bands = scorer.card.bands
    noun = "account" if result.accounts == 1 else "accounts"
    click.echo(
        f"Scored {result.scored:,} of {result.accounts:,} {noun} as of "
        f"{result.as_of.isoformat()} in {elapsed:.2f}s"
        + (f" ({result.unscored:,} not scored: churned)" if result.unscored else "")
        + "."
    )
    for band in BAND_ORDER:
        if result.bands.get(band):
            click.echo(f"  {bands.label(band):<18} {result.bands[band]:>8,}")
    if result.overridden:
        click.echo(f"  {result.overridden:,} shown with a manual override")


@score.command("explain")
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@database_option
@click.pass_context
def explain(ctx: click.Context, reference: str, as_json: bool) -> None:
    """Explain an account's score: every group and measure, the biggest detractor, what changed."""
    from cs_tui.data.scoring.health_panel import health_panel

    scorer = load_scorer()
    with open_store(ctx) as db:
        panel = health_panel(db, reference, scorer=scorer)
    if as_json:
        echo_json(panel.to_json())
        return
    from cs_tui.cli.score_text import echo_panel

    echo_panel(panel)


@score.command("card")
@click.option("--default", "shipped", is_flag=True, help="Print the shipped scorecard (to copy).")
def card(shipped: bool) -> None:
    """Check the scorecard in force and say which file it is."""
    from cs_tui.io.scorecard_file import DEFAULT_SCORECARD_FILE, scorecard_path

    if shipped:
        click.echo(DEFAULT_SCORECARD_FILE.read_text(encoding="utf-8"), nl=False)
        return
    scorecard = load_scorer().card
    where = scorecard_path()
    origin = "shipped with cs-tui" if where == DEFAULT_SCORECARD_FILE else "yours"
    click.echo(f"{where} ({origin}) is valid:")
    click.echo(f"  {len(scorecard.groups)} groups, {len(scorecard.measures)} measures, "
               f"{len(scorecard.profiles)} profiles, minimum coverage "
               f"{scorecard.min_coverage:.0%}")  # fmt: skip
    cadences = ", ".join(f"{s} {d} days" for s, d in scorecard.cadences.days.items())
    click.echo(f"  cadences: {cadences or '-'} (others {scorecard.cadences.fallback_days} days)")


def register(group: click.Group) -> None:
    group.add_command(score)
