"""`cs-tui review`: the internal quarterly book review of a CSM with their lead, and its actions."""

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.dates import DAY, DAY_HELP
from cs_tui.cli.out_file import out_option, write_out
from cs_tui.cli.output import echo_json, echo_table
from cs_tui.cli.periods import PERIOD, PERIOD_HELP

if TYPE_CHECKING:
    from cs_tui.domain.metrics.periods import Period
    from cs_tui.domain.reviews.views import ActionView, ReviewView
    from cs_tui.io.safe_output import OutputTarget

STATUSES = click.Choice(["prepared", "held", "closed"])


def _short(hex_id: str) -> str:
    return hex_id[-8:]


def _summary(review: "ReviewView", today: date) -> str:
    from cs_tui.domain.reviews.rules import done_report

    e = review.expectations
    return (
        f"Review {_short(review.id)}: {review.owner}, {review.period} · {review.status} · "
        f"agenda {e.total_minutes} of {e.limit_minutes} min · {done_report(review.actions, today)}"
    )


@click.group()
def review() -> None:
    """The internal quarterly book review: prepare, show, edit, export, list; actions to check."""


@review.command("prepare")
@click.option("--owner", required=True, help="The CSM whose book is reviewed.")
@click.option("--period", "period", type=PERIOD, required=True, help=PERIOD_HELP)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A review template (TOML; default: review-template.toml in the config folder, "
    "else the shipped one).",
)
@click.option("--lead", default="", help="Who leads the review (default: you).")
@click.option("--moderator", default="", help="Default: from the template.")
@click.option("--note-taker", "note_taker", default="", help="Default: from the template.")
@click.option("--json", "as_json", is_flag=True, help="Print the review as JSON.")
@database_option
@click.pass_context
def prepare(
    ctx: click.Context, owner: str, period: "Period", template: Path | None, lead: str,
    moderator: str, note_taker: str, as_json: bool,
) -> None:  # fmt: skip
    """Create the review: roles, prep list and agenda (checked against the limit), the book's
    metrics beside the previous period, the accounts worth discussing, empty sections to fill."""
    from cs_tui.data.reviews.prepare import prepare_review
    from cs_tui.io.reviews.template_file import TemplateFileError, read_template

    try:
        source, data = read_template(template)
    except TemplateFileError as error:
        raise click.BadParameter(str(error), param_hint="'--template'") from error
    people = {"lead": lead, "moderator": moderator, "note_taker": note_taker}
    with open_store(ctx) as db:
        view = prepare_review(
            db, owner, period, template=data, template_source=source, people=people
        )
        today = db.today()
    if as_json:
        echo_json(view.to_json())
        return
    click.echo(_summary(view, today))
    discuss = sum(len(s.accounts) for s in view.discuss)
    click.echo(
        f"{len(view.metrics)} metrics beside {view.previous_period}, {discuss} accounts to discuss."
    )
    click.echo(
        f"`cs-tui review show {_short(view.id)}` shows it; `cs-tui review edit` fills it in."
    )


@review.command("show")
@click.argument("reference", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def show(ctx: click.Context, reference: str, as_json: bool) -> None:
    """The review as written, and which of its actions are done."""
    from cs_tui.data.reviews.reads import get_review
    from cs_tui.io.reviews.render import render_review

    with open_store(ctx) as db:
        view = get_review(db, reference)
        today = db.today()
    if as_json:
        data = view.to_json()
        for action, shown in zip(view.actions, data["actions"], strict=True):
            shown["state"] = action.state(today)
        echo_json(data)
        return
    click.echo(render_review(view, "md", today=today), nl=False)


@review.command("edit")
@click.argument("reference", metavar="ID")
@click.option("--worked", default=None, help="What worked.")
@click.option("--failed", default=None, help="What failed.")
@click.option("--learned", default=None, help="What was learned.")
@click.option("--next-plan", "next_plan", default=None, help="Next quarter's plan.")
@click.option("--status", type=STATUSES, default=None, help="held or closed records the day.")
@click.option("--held", "held_on", type=DAY, default=None, help="The day it was held.")
@database_option
@click.pass_context
def edit(
    ctx: click.Context, reference: str, worked: str | None, failed: str | None,
    learned: str | None, next_plan: str | None, status: str | None, held_on: date | None,
) -> None:  # fmt: skip
    """Write the sections (a value of `-` reads it from standard input), or set the status."""
    from cs_tui.data.reviews.edits import update_review

    given = {"worked": worked, "failed": failed, "learned": learned, "next_plan": next_plan}
    sections = {k: v for k, v in given.items() if v is not None}
    if sum(1 for v in sections.values() if v == "-") > 1:
        raise click.UsageError("only one section can be read from standard input (-)")
    stdin = sys.stdin
    for key, value in sections.items():
        if value == "-":
            sections[key] = stdin.read()
    if not sections and status is None and held_on is None:
        raise click.UsageError(
            "give a section (--worked, --failed, --learned, --next-plan) or --status"
        )
    with open_store(ctx) as db:
        view = update_review(db, reference, sections=sections, status=status, held_on=held_on)
        today = db.today()
    click.echo(_summary(view, today))


@review.command("export", epilog=DAY_HELP)
@click.argument("reference", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@out_option("review.md")
@database_option
@click.pass_context
def export(ctx: click.Context, reference: str, fmt: str, out: "OutputTarget") -> None:
    """The review as a document to keep or share."""
    from cs_tui.data.reviews.reads import get_review
    from cs_tui.io.reviews.render import render_review

    with open_store(ctx) as db:
        view = get_review(db, reference)
        today = db.today()
    document = render_review(view, fmt, today=today)
    write_out(out, lambda handle: handle.write(document))
    if out.path is not None:
        click.echo(f"Review {_short(view.id)} written to {out}", err=True)


@review.command("list")
@click.option("--owner", default=None, help="One CSM's reviews (default: the team's).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def list_command(ctx: click.Context, owner: str | None, as_json: bool) -> None:
    """Reviews, newest period first."""
    from cs_tui.data.reviews.reads import list_reviews

    with open_store(ctx) as db:
        rows = list_reviews(db, owner=owner)
    if as_json:
        echo_json([row.to_json() for row in rows])
        return
    if not rows:
        click.echo(
            "No reviews yet; `cs-tui review prepare --owner NAME --period 2026-Q3` starts one."
        )
        return
    echo_table(
        ("Id", "Owner", "Period", "Status", "Held", "Actions"),
        [
            (_short(r.id), r.owner, r.period, r.status, r.held_on.isoformat() if r.held_on else "-",
             f"{r.actions_done} done, {r.actions_open} open")
            for r in rows
        ],
    )  # fmt: skip


@review.group("action")
def action() -> None:
    """Actions agreed in a review: due on a day, checked again on another."""


def _action_line(a: "ActionView", today: date) -> str:
    check = f", check {a.check_on.isoformat()}" if a.check_on else ""
    return f"[{_short(a.id)}] {a.title} · {a.owner} · due {a.due_on.isoformat()}{check} · {a.state(today)}"


@action.command("add", epilog=DAY_HELP)
@click.argument("reference", metavar="ID")
@click.argument("text")
@click.option("--owner", required=True, help="Who does it.")
@click.option("--due", "due_on", type=DAY, required=True, help="When it is due.")
@click.option("--check", "check_on", type=DAY, default=None, help="A day to check it again.")
@database_option
@click.pass_context
def action_add(
    ctx: click.Context, reference: str, text: str, owner: str, due_on: date, check_on: date | None
) -> None:
    """Add an action to the review; it shows on Today when due and on its check day."""
    from cs_tui.data.reviews.edits import add_action

    with open_store(ctx) as db:
        added = add_action(db, reference, text, owner=owner, due_on=due_on, check_on=check_on)
        today = db.today()
    click.echo(f"Added {_action_line(added, today)}")


def _set(ctx: click.Context, reference: str, verb: str) -> None:
    from cs_tui.data.reviews import edits

    change = {
        "done": edits.complete_action,
        "reopen": edits.reopen_action,
        "cancel": edits.cancel_action,
    }
    with open_store(ctx) as db:
        changed = change[verb](db, reference)
        today = db.today()
    click.echo(_action_line(changed, today))


@action.command("done")
@click.argument("reference", metavar="ACTION_ID")
@database_option
@click.pass_context
def action_done(ctx: click.Context, reference: str) -> None:
    """Mark an action done."""
    _set(ctx, reference, "done")


@action.command("reopen")
@click.argument("reference", metavar="ACTION_ID")
@database_option
@click.pass_context
def action_reopen(ctx: click.Context, reference: str) -> None:
    """Open a done or cancelled action again."""
    _set(ctx, reference, "reopen")


@action.command("cancel")
@click.argument("reference", metavar="ACTION_ID")
@database_option
@click.pass_context
def action_cancel(ctx: click.Context, reference: str) -> None:
    """Drop an action."""
    _set(ctx, reference, "cancel")


@action.command("due")
@click.option("--owner", default=None, help="One person's (default: everyone's).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def action_due(ctx: click.Context, owner: str | None, as_json: bool) -> None:
    """Actions due or late, or whose check day has come (what Today shows)."""
    from cs_tui.data.reviews.edits import actions_needing_attention
    from cs_tui.domain.jsonable import jsonable

    with open_store(ctx) as db:
        found = actions_needing_attention(db, owner=owner)
        today = db.today()
    if as_json:
        echo_json([jsonable(vars(d.action)) | {"state": d.state, "review_owner": d.review_owner,
                                               "review_period": d.review_period} for d in found])  # fmt: skip
        return
    if not found:
        click.echo("No review actions need you today.")
    for due in found:
        click.echo(f"{_action_line(due.action, today)} ({due.review_owner}, {due.review_period})")


def register(cli: click.Group) -> None:
    cli.add_command(review)
