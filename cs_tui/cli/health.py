"""`cs-tui sentiment` and `cs-tui override`: the CSM's own say in an account's health.

Both rescore the account at once and print its health as the list now shows it.
"""

from datetime import date

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.dates import DAY


def _echo_health(ctx: click.Context, reference: str, what: str) -> None:
    """`what` then the account's health as the list shows it (reads it back from the store)."""
    from cs_tui.data.accounts.records import get_account_detail
    from cs_tui.domain.present import health_cell

    with open_store(ctx) as db:
        detail = get_account_detail(db, reference)
    health = health_cell(
        detail.score, detail.band, detail.score_delta, overridden=detail.overridden
    )
    click.echo(f"{what} {detail.name}; health now {health}.")


@click.command()
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--value", type=int, required=True, help="1 very worried .. 5 very confident.")
@click.option("--reason", required=True, help="Why, in a few words.")
@database_option
@click.pass_context
def sentiment(ctx: click.Context, reference: str, value: int, reason: str) -> None:
    """Record your sentiment about an account (it counts in the score until it expires)."""
    from cs_tui.cli.score import load_scorer
    from cs_tui.data.scoring.health_writes import record_sentiment

    scorer = load_scorer()
    with open_store(ctx) as db:
        record_sentiment(db, reference, value=value, reason=reason, scorer=scorer)
    _echo_health(ctx, reference, f"Sentiment {value}/5 recorded for")


@click.command()
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--score", type=int, help="The score to show instead (0-100).")
@click.option("--reason", help="Why the computed score is wrong for now.")
@click.option("--until", type=DAY, help="The last day the override applies (after today).")
@click.option("--clear", is_flag=True, help="End the override in force.")
@database_option
@click.pass_context
def override(
    ctx: click.Context,
    reference: str,
    score: int | None,
    reason: str | None,
    until: date | None,
    clear: bool,
) -> None:
    """Show a manual score instead of the computed one until a date (or --clear it).

    The computed score is kept and shown next to the override.
    """
    from cs_tui.cli.score import load_scorer
    from cs_tui.data.scoring.health_writes import clear_override, set_override

    if clear and (score is not None or reason or until):
        raise click.UsageError("--clear takes no --score, --reason or --until")
    if not clear:
        missing = [name for name, given in (("--score", score), ("--reason", reason),
                                            ("--until", until)) if given is None]  # fmt: skip
        if missing:
            raise click.UsageError(
                f"an override needs {', '.join(missing)} (or use --clear to end one)"
            )
    scorer = load_scorer()
    with open_store(ctx) as db:
        if clear:
            if clear_override(db, reference, scorer=scorer) is None:
                raise click.ClickException(f"{reference!r} has no override in force")
        else:
            assert score is not None and reason is not None and until is not None
            set_override(db, reference, score=score, reason=reason, expires_on=until,
                         scorer=scorer)  # fmt: skip
    what = "Override cleared for" if clear else f"Override {score} until {until} set for"
    _echo_health(ctx, reference, what)


def register(group: click.Group) -> None:
    group.add_command(sentiment)
    group.add_command(override)
