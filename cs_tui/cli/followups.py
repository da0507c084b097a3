"""`cs-tui followups`: list follow-ups across the book or per account, and act on them by id."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.dates import DAY, DAY_HELP
from cs_tui.cli.output import echo_json, echo_table
from cs_tui.cli.rules import configured_rules

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database
    from cs_tui.data.work.views import FollowUpRow

STATUSES = ("open", "active", "done", "cancelled", "all")


def _due_cell(row: "FollowUpRow", today: date) -> str:
    if row.due_on is None:
        return "-"
    late = row.days_overdue(today)
    suffix = "" if late is None else " (today)" if late == 0 else f" ({late}d late)"
    return row.due_on.isoformat() + suffix


def _print_rows(rows: "list[FollowUpRow]", today: date, title: str) -> None:
    echo_table(
        ["Id", "Due", "Account", "Follow-up", "Owner", "Priority", "Status"],
        [
            [
                row.short_id,
                _due_cell(row, today),
                row.account_name,
                row.title,
                row.owner,
                row.priority,
                row.status
                + (
                    f", snoozed to {row.snoozed_until.isoformat()}"
                    if row.is_snoozed(today) and row.snoozed_until
                    else ""
                ),
            ]
            for row in rows
        ],
        title=title,
    )


@click.group(invoke_without_command=True, epilog=DAY_HELP)
@click.option("--owner", metavar="NAME", help="Only this owner's (default: yours; see --all).")
@click.option("--all", "everyone", is_flag=True, help="Everyone's follow-ups, not only yours.")
@click.option("--account", metavar="NAME_OR_ID", help="Only this account's.")
@click.option("--due-before", type=DAY, help="Only those due before this day.")
@click.option("--overdue", is_flag=True, help="Only overdue ones (due before today, not snoozed).")
@click.option(
    "--status", type=click.Choice(STATUSES), default="open", show_default=True,
    help="active = open and not snoozed.",
)  # fmt: skip
@click.option("--limit", type=click.IntRange(1), help="At most this many rows.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def followups(
    ctx: click.Context,
    owner: str | None,
    everyone: bool,
    account: str | None,
    due_before: date | None,
    overdue: bool,
    status: str,
    limit: int | None,
    as_json: bool,
) -> None:
    """List follow-ups (yours, open, soonest due first), or act on one:

    \b
      cs-tui followups done ID
      cs-tui followups snooze ID --until fri --reason "Out of office"
    """
    if ctx.invoked_subcommand is not None:
        return
    from cs_tui.data.work.follow_up_list import StatusFilter, list_follow_ups

    with open_store(ctx) as db:
        who = None if everyone or account else (owner or db.user)
        if owner and account:
            who = owner
        rows = list_follow_ups(
            db, account=account, owner=who, due_before=due_before,
            status=StatusFilter(status), overdue=overdue, limit=limit,
        )  # fmt: skip
        today = db.today()
    if as_json:
        echo_json([row.to_json() for row in rows])
        return
    scope = f"owned by {who}" if who else "of everyone"
    _print_rows(rows, today, f"{len(rows)} {status} follow-ups {scope}")


def _act(
    ctx: click.Context, reference: str, action: "Callable[[Database, str], FollowUpRow]", verb: str
) -> None:
    with open_store(ctx) as db:
        row = action(db, reference)
    click.echo(f"{verb}: {row.short_id} {row.title} ({row.account_name})")


def _simple(name: str, verb: str, function_name: str, help_text: str) -> None:
    @followups.command(name, help=help_text)
    @click.argument("reference", metavar="ID")
    @database_option
    @click.pass_context
    def command(ctx: click.Context, reference: str) -> None:
        from cs_tui.data.work import follow_ups

        _act(ctx, reference, getattr(follow_ups, function_name), verb)


_simple("done", "Done", "complete_follow_up", "Mark a follow-up done.")
_simple("reopen", "Reopened", "reopen_follow_up", "Open a done or cancelled follow-up again.")
_simple("cancel", "Cancelled", "cancel_follow_up", "Cancel a follow-up (kept in the history).")
_simple("unsnooze", "Unsnoozed", "unsnooze_follow_up", "End a snooze now.")
_simple("delete", "Deleted", "delete_follow_up", "Delete a follow-up (undo with `restore`).")
_simple("restore", "Restored", "restore_follow_up", "Bring back a deleted follow-up.")


@followups.command("snooze", epilog=DAY_HELP)
@click.argument("reference", metavar="ID")
@click.option("--until", type=DAY, required=True, help="Hidden from Today until this day.")
@click.option("--reason", required=True, help="Why (shown with the follow-up).")
@database_option
@click.pass_context
def snooze(ctx: click.Context, reference: str, until: date, reason: str) -> None:
    """Snooze a follow-up until a day, with a reason."""
    from cs_tui.data.store.validation import checked
    from cs_tui.data.work.drafts import SnoozeDraft
    from cs_tui.data.work.follow_ups import snooze_follow_up

    with open_store(ctx) as db:
        row = snooze_follow_up(db, reference, checked(SnoozeDraft, until=until, reason=reason))
    click.echo(f"Snoozed until {until.isoformat()}: {row.short_id} {row.title}")


@followups.command("due", epilog=DAY_HELP)
@click.argument("reference", metavar="ID")
@click.argument("due_on", metavar="DATE", type=DAY)
@database_option
@click.pass_context
def reschedule(ctx: click.Context, reference: str, due_on: date) -> None:
    """Change a follow-up's due date."""
    from cs_tui.data.work.follow_ups import reschedule_follow_up

    with open_store(ctx) as db:
        row = reschedule_follow_up(db, reference, due_on)
    click.echo(f"Due {due_on.isoformat()}: {row.short_id} {row.title}")


@followups.command("assign")
@click.argument("reference", metavar="ID")
@click.argument("owner", metavar="OWNER")
@database_option
@click.pass_context
def reassign(ctx: click.Context, reference: str, owner: str) -> None:
    """Give a follow-up to another owner."""
    from cs_tui.data.work.follow_ups import reassign_follow_up

    with open_store(ctx) as db:
        row = reassign_follow_up(db, reference, owner)
    click.echo(f"Assigned to {row.owner}: {row.short_id} {row.title}")


@followups.command("add", epilog=DAY_HELP)
@click.argument("account", metavar="NAME_OR_ID")
@click.argument("title")
@click.option("--due", type=DAY, help="Due day (default: today + the segment's cadence).")
@click.option("--owner", help="Owner (default: you).")
@click.option(
    "--kind", type=click.Choice(["follow_up", "risk", "opportunity", "lifecycle"]),
    default="follow_up", show_default=True,
)  # fmt: skip
@click.option(
    "--priority", type=click.Choice(["low", "normal", "high", "urgent"]), default="normal",
    show_default=True,
)  # fmt: skip
@database_option
@click.pass_context
def add(
    ctx: click.Context,
    account: str,
    title: str,
    due: date | None,
    owner: str | None,
    kind: str,
    priority: str,
) -> None:
    """Add a follow-up by hand."""
    from cs_tui.data.store.validation import checked
    from cs_tui.data.work.drafts import FollowUpDraft
    from cs_tui.data.work.follow_ups import add_follow_up

    with open_store(ctx) as db:
        draft = checked(
            FollowUpDraft, title=title, due_on=due, owner=owner, kind=kind, priority=priority
        )
        row = add_follow_up(db, account, draft, cadences=configured_rules().cadences)
    due_text = row.due_on.isoformat() if row.due_on else "-"
    click.echo(f"Added {row.short_id} on {row.account_name}, due {due_text}: {row.title}")


def register(group: click.Group) -> None:
    group.add_command(followups)
