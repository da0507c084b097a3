"""`cs-tui accounts list|show|add|edit|delete|restore`: the book from the command line."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cs_tui.cli.context import configured_rates, database_option, open_store
from cs_tui.cli.output import echo_facts, echo_json, echo_table

if TYPE_CHECKING:
    from cs_tui.data.accounts.views import AccountDetail

F = TypeVar("F", bound=Callable[..., Any])


@click.group()
def accounts() -> None:
    """List, show, add, edit, delete and restore accounts."""


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

    with open_store(ctx) as db:
        detail = get_account_detail(db, reference)
        today = db.today()
    if as_json:
        echo_json(detail.to_json())
        return
    echo_detail(detail, today)


def echo_detail(detail: "AccountDetail", today: "date") -> None:
    """An account's facts and stakeholders, for people."""
    from cs_tui.domain.money import format_money
    from cs_tui.domain.present import health_cell, renewal_cell

    echo_facts(
        [
            ("Account", detail.name),
            ("CRM id", detail.external_id or "-"),
            ("Id", detail.id),
            ("Owner", detail.owner or "-"),
            ("Segment", detail.segment or "-"),
            ("Industry", detail.industry or "-"),
            ("Domain", detail.domain or "-"),
            ("Stage", detail.lifecycle_stage),
            ("ARR", format_money(detail.arr_minor, detail.currency)),
            ("Contract start", detail.contract_start.isoformat() if detail.contract_start else "-"),
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


# -- writing accounts by hand ----------------------------------------------------------------------

FLAGS = {
    "name": "--name",
    "owner": "--owner",
    "segment": "--segment",
    "industry": "--industry",
    "stage": "--stage",
    "arr": "--arr",
    "currency": "--currency",
    "contract_start": "--contract-start",
    "renewal": "--renewal",
    "auto_renew": "--auto-renew",
    "seats": "--seats",
    "tags": "--tags",
    "domain": "--domain",
    "external_id": "--external-id",
}


def flag_label(key: str) -> str:
    return FLAGS.get(key, key)


def account_field_options(function: F) -> F:
    """The flags of every field a user can set; a flag not given leaves its field as it is."""
    options = [
        click.option("--owner", metavar="NAME", help="The CSM who owns the account."),
        click.option("--segment", metavar="TEXT", help="Enterprise, Mid-Market, SMB or your own."),
        click.option("--industry", metavar="TEXT"),
        click.option("--stage", metavar="STAGE",
                     help="onboarding, adoption, value, renewal or churned."),
        click.option("--arr", metavar="AMOUNT",
                     help='Annual recurring revenue: "12,500.00", "€48 000".'),
        click.option("--currency", metavar="CODE", help="A three-letter code such as USD or EUR."),
        click.option("--contract-start", metavar="YYYY-MM-DD", help="'' clears it."),
        click.option("--renewal", metavar="YYYY-MM-DD",
                     help="The contract's end, when it renews. '' clears it."),
        click.option("--auto-renew/--no-auto-renew", default=None,
                     help="Whether the contract renews on its own."),
        click.option("--seats", metavar="N", help="Licensed seats. '' clears them."),
        click.option("--tags", metavar="T", help='Comma-separated: "beta, emea".'),
        click.option("--domain", metavar="DOMAIN", help="The customer's web domain."),
        click.option("--external-id", metavar="ID", help="The CRM's id. '' clears it."),
        click.option("--json", "as_json", is_flag=True, help="Print the resulting record as JSON."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def given_fields(values: dict[str, Any]) -> dict[str, str | bool]:
    """The account inputs whose flag was given (an empty value clears an optional field)."""
    return {key: value for key, value in values.items() if key in FLAGS and value is not None}


def _print_record(detail: "AccountDetail", today: date, as_json: bool, done: str) -> None:
    if as_json:
        echo_json(detail.to_json())
        return
    click.echo(done)
    echo_detail(detail, today)


@accounts.command("add")
@click.argument("name")
@account_field_options
@database_option
@click.pass_context
def add_account_command(ctx: click.Context, /, name: str, as_json: bool, **fields: Any) -> None:
    """Add an account named NAME; flags not given take their defaults."""
    from cs_tui.data.accounts.edits import add_account

    typed = {"name": name, **given_fields(fields)}
    with open_store(ctx) as db:
        detail = add_account(
            db, typed, label=lambda key: "NAME" if key == "name" else flag_label(key)
        )
        today = db.today()
    _print_record(detail, today, as_json, f"Added {detail.name} ({detail.id}).")


@accounts.command("edit")
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--name", metavar="NAME", help="A new name for the account.")
@account_field_options
@database_option
@click.pass_context
def edit_account_command(
    ctx: click.Context, /, reference: str, as_json: bool, **fields: Any
) -> None:
    """Change the fields named by flags, and only those."""
    from cs_tui.data.accounts.edits import edit_account

    typed = given_fields(fields)
    if not typed:
        raise click.UsageError("Name at least one field to change, e.g. --renewal 2027-03-31.")
    with open_store(ctx) as db:
        detail = edit_account(db, reference, typed, label=flag_label)
        today = db.today()
    _print_record(detail, today, as_json, f"Saved {detail.name}.")


@accounts.command("delete")
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--json", "as_json", is_flag=True, help="Print the deleted record as JSON.")
@database_option
@click.pass_context
def delete_account_command(ctx: click.Context, reference: str, as_json: bool) -> None:
    """Delete an account (it leaves every list; `accounts restore` brings it back)."""
    from cs_tui.data.accounts.edits import delete_account

    with open_store(ctx) as db:
        detail = delete_account(db, reference)
    if as_json:
        echo_json(detail.to_json())
        return
    click.echo(f"Deleted {detail.name} ({detail.id}).")
    click.echo(f"Undo with: cs-tui accounts restore {detail.id}")


@accounts.command("restore")
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--json", "as_json", is_flag=True, help="Print the restored record as JSON.")
@database_option
@click.pass_context
def restore_account_command(ctx: click.Context, reference: str, as_json: bool) -> None:
    """Bring back a deleted account, with its history."""
    from cs_tui.data.accounts.edits import restore_account

    with open_store(ctx) as db:
        detail = restore_account(db, reference)
        today = db.today()
    _print_record(detail, today, as_json, f"Restored {detail.name}.")


@accounts.command("merge")
@click.argument("survivor", metavar="SURVIVOR")
@click.argument("merged", metavar="MERGED")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def merge_command(ctx: click.Context, survivor: str, merged: str, as_json: bool) -> None:
    """Merge MERGED into SURVIVOR (names or ids): its stakeholders, check-ins, follow-ups, plan,
    signals and surveys move to SURVIVOR, which keeps its own fields; MERGED is deleted."""
    from cs_tui.data.accounts.merge import merge_accounts

    with open_store(ctx) as db:
        report = merge_accounts(db, survivor, merged)
    if as_json:
        echo_json(
            {"survivor_id": report.survivor_id, "survivor": report.survivor,
             "merged_id": report.merged_id, "merged": report.merged, "moved": report.moved}
        )  # fmt: skip
        return
    moved = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in report.moved.items()) or "nothing"
    click.echo(f"Merged {report.merged} into {report.survivor} (moved {moved}).")


def register(group: click.Group) -> None:
    group.add_command(accounts)
