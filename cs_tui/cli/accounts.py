"""`cs-tui accounts list|show`: the book from the command line."""

import click

from cs_tui.cli.context import configured_rates, database_option, open_store
from cs_tui.cli.output import echo_facts, echo_json, echo_table


@click.group()
def accounts() -> None:
    """List and show accounts."""


@accounts.command("list")
@click.option("--owner", metavar="NAME", help="Only this CSM's accounts.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@database_option
@click.pass_context
def list_accounts(ctx: click.Context, owner: str | None, as_json: bool) -> None:
    """List accounts by name."""
    from cs_tui.data.accounts.list_rows import fetch_account_rows
    from cs_tui.domain.book import account_row as rows_
    from cs_tui.domain.book.views import Query, describe, totals
    from cs_tui.domain.money import format_money
    from cs_tui.domain.present import health_cell, renewal_cell

    with open_store(ctx) as db:
        rows = fetch_account_rows(db, owner=owner)
        today = db.today()
    if as_json:
        echo_json([rows_.row_as_dict(row) for row in rows])
        return
    echo_table(
        ["Name", "Owner", "Segment", "ARR", "Renewal", "Health", "Last touch", "Open", "Plan"],
        [
            [
                row[rows_.NAME],
                row[rows_.OWNER],
                row[rows_.SEGMENT],
                format_money(row[rows_.ARR_MINOR], row[rows_.CURRENCY]),
                renewal_cell(row[rows_.RENEWAL_ON], today),
                health_cell(
                    row[rows_.SCORE],
                    row[rows_.BAND],
                    row[rows_.SCORE_DELTA],
                    overridden=row[rows_.OVERRIDDEN],
                ),
                row[rows_.LAST_TOUCH_ON].isoformat() if row[rows_.LAST_TOUCH_ON] else "never",
                str(row[rows_.OPEN_FOLLOWUPS]),
                row[rows_.PLAN_STATUS] or "none",
            ]
            for row in rows
        ],
        title=f"{len(rows)} accounts" + (f" owned by {owner}" if owner else ""),
        summary=describe(Query(), totals(rows), configured_rates()),
    )


@accounts.command("show")
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def show_account(ctx: click.Context, reference: str, as_json: bool) -> None:
    """Show one account: key facts, health and stakeholders."""
    from cs_tui.data.accounts.records import get_account_detail
    from cs_tui.domain.money import format_money
    from cs_tui.domain.present import health_cell, renewal_cell

    with open_store(ctx) as db:
        detail = get_account_detail(db, reference)
        today = db.today()
    if as_json:
        echo_json(detail.to_json())
        return
    echo_facts(
        [
            ("Account", detail.name),
            ("CRM id", detail.external_id or "-"),
            ("Id", detail.id),
            ("Owner", detail.owner or "-"),
            ("Segment", detail.segment or "-"),
            ("Industry", detail.industry or "-"),
            ("Stage", detail.lifecycle_stage),
            ("ARR", format_money(detail.arr_minor, detail.currency)),
            ("Renewal", renewal_cell(detail.contract_end, today)),
            ("Auto-renew", "yes" if detail.auto_renew else "no"),
            ("Seats", str(detail.licensed_seats) if detail.licensed_seats is not None else "-"),
            (
                "Health",
                health_cell(
                    detail.score, detail.band, detail.score_delta, overridden=detail.overridden
                ),
            ),
            ("Last touch", detail.last_touch_on.isoformat() if detail.last_touch_on else "never"),
            ("Follow-ups", f"{detail.open_followups} open, {detail.overdue_followups} overdue"),
            ("Plan", detail.plan_status or "none"),
            ("Tags", ", ".join(detail.tags) or "-"),
        ]
    )
    if detail.stakeholders:
        click.echo("\nStakeholders")
        for person in detail.stakeholders:
            flags = " (primary)" if person.is_primary else ""
            flags += f" (left {person.left_on.isoformat()})" if person.left_on else ""
            role = person.role.replace("_", " ")
            click.echo(f"  {person.name} <{person.email or '-'}>  {role}{flags}")


def register(group: click.Group) -> None:
    group.add_command(accounts)
