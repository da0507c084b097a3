"""`cs-tui today`: what needs me (or, with --team, the team) today, as the Today screen shows it."""

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.output import echo_json, echo_table
from cs_tui.cli.rules import configured_rules

DEFAULT_ROWS = 50


@click.command("today")
@click.option("--team", is_flag=True, help="Everyone's accounts and follow-ups (for a lead).")
@click.option("--owner", metavar="NAME", help="Another CSM's queue.")
@click.option(
    "--limit", type=click.IntRange(1), default=DEFAULT_ROWS, show_default=True,
    help="Rows shown per section (the counts are always complete).",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def today(ctx: click.Context, team: bool, owner: str | None, limit: int, as_json: bool) -> None:
    """Overdue follow-ups, check-ins due by cadence, renewals without an agreed plan, health
    drops, new detractors and low CSAT, and the success-plan coverage."""
    from cs_tui.data.reviews.edits import actions_needing_attention
    from cs_tui.data.work.today import today_queue
    from cs_tui.domain.jsonable import jsonable

    rules = configured_rules()
    with open_store(ctx) as db:
        queue = today_queue(db, team=team, owner=owner, rules=rules, limit=limit)
        actions = actions_needing_attention(db, owner=queue.owner)
    if as_json:
        data = queue.to_json()
        data["review_actions"] = [
            jsonable(vars(d.action)) | {"state": d.state, "review_owner": d.review_owner,
                                        "review_period": d.review_period}
            for d in actions
        ]  # fmt: skip
        echo_json(data)
        return
    who = "the team" if queue.owner is None else queue.owner
    counts = ", ".join(f"{s.total} {s.title.lower()}" for s in queue.sections)
    click.echo(f"Today {queue.as_of.isoformat()} for {who}: {counts}.")
    click.echo(f"Success-plan coverage: {queue.coverage.describe()}.")
    for section in queue.sections:
        if not section.total:
            continue
        click.echo()
        more = f" (first {len(section.rows)})" if section.truncated else ""
        echo_table(
            ["Account", "Owner", "What", "Act on"],
            [
                [
                    row.account_name,
                    row.owner,
                    row.headline,
                    f"followups done {row.follow_up_id[-8:]}" if row.follow_up_id else "",
                ]
                for row in section.rows
            ],
            title=f"{section.title}: {section.total}{more}",
        )
    if actions:
        click.echo()
        echo_table(
            ["Action", "Owner", "State", "Due", "Review", "Act on"],
            [
                [d.action.title, d.action.owner, d.state, d.action.due_on.isoformat(),
                 f"{d.review_owner} {d.review_period}", f"review action done {d.action.id[-8:]}"]
                for d in actions
            ],
            title=f"Review actions: {len(actions)}",
        )  # fmt: skip


def register(group: click.Group) -> None:
    group.add_command(today)
