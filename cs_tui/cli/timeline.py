"""`cs-tui timeline`: one account's feed of touches, notes, surveys, revenue and plan changes."""

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.output import echo_json

KINDS = ("check_in", "note", "survey", "revenue", "plan", "follow_up")


@click.command("timeline")
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--type", "kinds", type=click.Choice(KINDS), multiple=True, help="Repeatable.")
@click.option("--limit", type=click.IntRange(1), help="The newest N entries only.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def timeline(
    ctx: click.Context, reference: str, kinds: tuple[str, ...], limit: int | None, as_json: bool
) -> None:
    """The account's history, newest first."""
    from cs_tui.data.work.timeline import account_timeline

    with open_store(ctx) as db:
        entries = account_timeline(db, reference, kinds=kinds or None, limit=limit)
    if as_json:
        echo_json([entry.to_json() for entry in entries])
        return
    for entry in entries:
        click.echo(f"{entry.on.isoformat()}  {entry.kind:<9} {entry.title}")
        for line in entry.detail.splitlines():
            click.echo(f"{'':<22}{line}")


def register(group: click.Group) -> None:
    group.add_command(timeline)
