"""`cs-tui surveys`: survey responses with their NPS and CSAT; `surveys reasons`: why customers left."""

from typing import TYPE_CHECKING, Any

import click

from cs_tui.cli.context import configured_rates, database_option, open_store
from cs_tui.cli.output import echo_json, echo_table
from cs_tui.cli.periods import PERIOD, PERIOD_HELP

if TYPE_CHECKING:
    from cs_tui.data.voice.views import ExitReasons, ResponseView
    from cs_tui.domain.metrics.periods import Period

MOMENTS = click.Choice(["onboarding", "periodic", "exit"])
COMMENT_WIDTH = 60


def _short(text: str, width: int = COMMENT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _response_json(r: "ResponseView") -> dict[str, Any]:
    return {
        "id": r.id, "account_id": r.account_id, "account": r.account_name, "owner": r.owner,
        "kind": r.kind, "moment": r.moment, "score": r.score, "responded_on": r.responded_on,
        "contact": r.contact, "contact_email": r.contact_email, "comment": r.comment,
        "reason": r.reason, "competitor": r.competitor, "source": r.source,
        "stakeholder_id": r.stakeholder_id, "new_contact": r.new_contact,
    }  # fmt: skip


@click.group("surveys", invoke_without_command=True)
@click.option("--account", default=None, help="One account (name, external id or id).")
@click.option("--moment", type=MOMENTS, default=None, help="Only this moment's responses.")
@click.option(
    "--period",
    type=PERIOD,
    default=None,
    help=f"Only responses of this period. {PERIOD_HELP} (default: every response).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def surveys_group(
    ctx: click.Context, account: str | None, moment: str | None, period: "Period | None",
    as_json: bool,
) -> None:  # fmt: skip
    """Survey responses, newest first, with NPS and CSAT per moment."""
    if ctx.invoked_subcommand is not None:
        return
    from cs_tui.data.voice.reads import list_responses, scores_by_moment
    from cs_tui.domain.enums import SurveyMoment
    from cs_tui.domain.voice.scores import percent, signed

    since, until = (period.start, period.end) if period else (None, None)
    with open_store(ctx) as db:
        responses = list_responses(
            db, account=account, moment=SurveyMoment(moment) if moment else None,
            since=since, until=until,
        )  # fmt: skip
    by_moment = scores_by_moment(responses)
    if as_json:
        echo_json({
            "since": since, "until": until,
            "scores": [
                {"moment": m.moment, "nps": m.nps.score, "nps_responses": m.nps.responses,
                 "csat": m.csat.score, "csat_responses": m.csat.responses}
                for m in by_moment
            ],
            "responses": [_response_json(r) for r in responses],
        })  # fmt: skip
        return
    if not responses:
        click.echo(
            f"No survey responses in {period.label}." if period else "No survey responses yet."
        )
        return
    echo_table(
        ["Date", "Account", "Moment", "Kind", "Score", "Contact", "Comment"],
        [
            [r.responded_on.isoformat(), r.account_name, r.moment, r.kind.upper(), str(r.score),
             r.contact or r.contact_email, _short(r.comment or r.reason)]
            for r in responses
        ],
    )  # fmt: skip
    for m in by_moment:
        if m.nps.responses or m.csat.responses:
            click.echo(
                f"{m.moment.capitalize()}: NPS {signed(m.nps.score)} ({m.nps.responses}), "
                f"CSAT {percent(m.csat.score)} ({m.csat.responses})"
            )


@surveys_group.command("reasons")
@click.option(
    "--period",
    type=PERIOD,
    default=None,
    help=f"Only this period's exits. {PERIOD_HELP} (default: the whole history).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def reasons_command(ctx: click.Context, period: "Period | None", as_json: bool) -> None:
    """Why customers left: exit surveys (stated) beside churn events (judged by the CSM)."""
    from cs_tui.data.voice.reasons import exit_reasons

    since, until = (period.start, period.end) if period else (None, None)
    with open_store(ctx) as db:
        found = exit_reasons(db, since=since, until=until)
    if as_json:
        echo_json(_reasons_json(found))
        return
    if not found.table.rows:
        where = f" in {period.label}" if period else " yet"
        click.echo(f"No exit surveys and no churn events{where}.")
        return
    from cs_tui.domain.money import describe_totals

    rates = configured_rates()
    echo_table(
        ["Reason", "Stated", "Judged", "Churned ARR", "Competitors named"],
        [
            [row.code.replace("_", " "), str(row.stated), str(row.judged),
             describe_totals(row.judged_amounts, rates) or "-",
             ", ".join(f"{name} ({count})" for name, count in row.competitors)]
            for row in found.table.rows
        ],
        title="Why customers left",
    )  # fmt: skip
    click.echo(
        f"{found.exit_responses} exit survey responses, {found.churn_events} churn events; "
        f"stated and judged agree for {found.table.agreeing} of "
        f"{found.table.compared} accounts with both."
    )


def _reasons_json(found: "ExitReasons") -> dict[str, Any]:
    return {
        "since": found.since, "until": found.until,
        "exit_responses": found.exit_responses, "churn_events": found.churn_events,
        "agreeing_accounts": found.table.agreeing, "compared_accounts": found.table.compared,
        "reasons": [
            {"reason": row.code, "stated": row.stated, "judged": row.judged,
             "judged_arr_minor": row.judged_amount_minor if row.single_currency else None,
             "judged_arr_by_currency": dict(row.judged_amounts),
             "competitors": [{"name": n, "count": c} for n, c in row.competitors]}
            for row in found.table.rows
        ],
    }  # fmt: skip


def register(group: click.Group) -> None:
    group.add_command(surveys_group)
