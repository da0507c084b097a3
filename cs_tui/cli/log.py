"""`cs-tui log`: log a check-in from the command line, exactly as the app's check-in form does."""

from datetime import date
from typing import Any

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.dates import DAY, DAY_HELP
from cs_tui.cli.output import echo_json
from cs_tui.cli.rules import configured_rules
from cs_tui.domain.work.check_in_input import KIND_HELP, FormProblem, parse_kind


class CheckInType(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    """The check-in type as the app's form reads it: a word or its start (`m`, `note`, `qbr`)."""

    name = "TYPE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return parse_kind(str(value)).value
        except FormProblem as problem:
            self.fail(problem.message, param, ctx)


@click.command("log", epilog=DAY_HELP)
@click.argument("reference", metavar="NAME_OR_ID")
@click.option(
    "--type",
    "kind",
    type=CheckInType(),
    default="call",
    show_default=True,
    help=f"The kind of check-in: {KIND_HELP}; a start is enough (m: meeting).",
)
@click.option("--summary", required=True, help="What happened (the first line is the headline).")
@click.option("--date", "day", type=DAY, help="When it happened (default: today; never ahead).")
@click.option("--sentiment", type=int, help="Your sentiment on the account, 1 (worried) to 5.")
@click.option(
    "--next",
    "next_steps",
    multiple=True,
    metavar='"TEXT[@DATE]"',
    help="A next step, due on DATE (default: today + the segment's cadence). Repeatable.",
)
@click.option("--owner", help="Who owns the next steps (default: you).")
@click.option("--attendee", "attendees", multiple=True, metavar="NAME", help="Repeatable.")
@click.option("--nps", type=int, help="An NPS score (0-10) given in the meeting.")
@click.option("--csat", type=int, help="A CSAT score (1-5) given in the meeting.")
@click.option("--risk", "risks", multiple=True, metavar="TEXT", help="A risk raised. Repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print what was saved as JSON.")
@database_option
@click.pass_context
def log_command(
    ctx: click.Context,
    reference: str,
    kind: str,
    summary: str,
    day: date | None,
    sentiment: int | None,
    next_steps: tuple[str, ...],
    owner: str | None,
    attendees: tuple[str, ...],
    nps: int | None,
    csat: int | None,
    risks: tuple[str, ...],
    as_json: bool,
) -> None:
    """Log a check-in on an account; each --next becomes a follow-up.

    \b
    Example:
      cs-tui log "Acme" --type call --summary "Renewal prep with Ana" --sentiment 4 \\
        --next "Send the pricing deck @fri" --next "Book the QBR @+3w"
    """
    from cs_tui.data.store.errors import InvalidInputError
    from cs_tui.data.store.validation import checked
    from cs_tui.data.work.check_ins import log_check_in
    from cs_tui.data.work.drafts import CheckInDraft
    from cs_tui.domain.work.next_steps import NextStepError, parse_next_step

    with open_store(ctx) as db:
        today = db.today()
        try:
            steps = [parse_next_step(line, today) for line in next_steps]
        except NextStepError as error:
            raise InvalidInputError(f"next: {error}", field="next") from error
        draft = checked(
            CheckInDraft,
            account=reference,
            kind=kind,
            occurred_on=day,
            summary=summary,
            attendees=attendees,
            sentiment=sentiment,
            nps=nps,
            csat=csat,
            risks="\n".join(risks),
            next_steps=[{"title": s.title, "due_on": s.due_on, "owner": owner} for s in steps],
        )
        saved = log_check_in(db, draft, cadences=configured_rules().cadences)
    if as_json:
        echo_json(saved.to_json())
        return
    label = kind.replace("_", " ")
    click.echo(f"Logged {label} on {saved.account_name} ({saved.occurred_on.isoformat()}).")
    for follow_up_id, due, step in zip(
        saved.follow_up_ids, saved.follow_up_due, steps, strict=True
    ):
        click.echo(f"  follow-up {follow_up_id[-8:]}  due {due.isoformat()}  {step.title}")


def register(group: click.Group) -> None:
    group.add_command(log_command)
