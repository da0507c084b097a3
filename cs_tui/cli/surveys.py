"""`cs-tui surveys`: survey responses with their NPS and CSAT; `surveys reasons`: why customers left."""

from typing import TYPE_CHECKING, Any

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.output import echo_json, echo_table
from cs_tui.cli.periods import PERIOD, PERIOD_HELP

if TYPE_CHECKING:
    from cs_tui.data.voice.views import ExitReasons, ResponseView
    from cs_tui.domain.metrics.periods import Period
    from cs_tui.domain.voice.reasons import Amounts, Competitor, ReasonRow

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
    """Why customers left, per category and reason of the revenue reason taxonomy: stated in exit
    surveys beside judged on churn events, with the ARR lost and the competitors named."""
    from cs_tui.data.voice.reasons import exit_reasons
    from cs_tui.domain.revenue.taxonomy import TaxonomyError

    since, until = (period.start, period.end) if period else (None, None)
    try:
        with open_store(ctx) as db:
            found = exit_reasons(db, since=since, until=until)
    except TaxonomyError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        echo_json(_reasons_json(found))
        return
    table = found.table
    if not table.categories and not table.unmapped:
        where = f" in {period.label}" if period else " yet"
        click.echo(f"No exit survey reasons and no churn events{where}.")
        return
    rows: list[list[str]] = []
    for category in table.categories:
        rows.append([category.name, str(category.stated), _lost(category.stated_lost),
                     str(category.judged), _lost(category.judged_lost), ""])  # fmt: skip
        rows.extend(
            [f"  {r.label}", str(r.stated), _lost(r.stated_lost), str(r.judged),
             _lost(r.judged_lost), ", ".join(_rival(c) for c in r.competitors)]
            for r in category.reasons
        )  # fmt: skip
    echo_table(
        ["Category / reason", "Stated", "Stated ARR", "Judged", "Judged ARR", "Competitors"],
        rows,
        title="Why customers left (ARR lost by the accounts stating / judged so)",
    )
    if table.unmapped:
        click.echo(f"Stated reasons not in the taxonomy ({sum(u.count for u in table.unmapped)}):")
        for u in table.unmapped:
            rivals = f" (to {', '.join(u.competitors)})" if u.competitors else ""
            click.echo(f"  {u.count} x {_short(u.text)!r}{rivals}")
    unstated = f", {table.unstated} without a reason" if table.unstated else ""
    click.echo(
        f"{_counted(found.exit_responses, 'exit survey response')}{unstated}, "
        f"{_counted(found.churn_events, 'churn event')}; stated and judged agree for "
        f"{table.agreeing} of {_counted(table.compared, 'account')} with both."
    )


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _lost(amounts: "Amounts") -> str:
    from cs_tui.domain.money import format_money

    return ", ".join(format_money(minor, currency) for currency, minor in amounts) or "-"


def _rival(c: "Competitor") -> str:
    sides = [f"{n} {side}" for n, side in ((c.stated, "stated"), (c.judged, "judged")) if n]
    return f"{c.name} ({', '.join(sides)})"


def _lost_json(amounts: "Amounts") -> list[dict[str, Any]]:
    return [{"currency": currency, "amount_minor": minor} for currency, minor in amounts]


def _reason_json(r: "ReasonRow") -> dict[str, Any]:
    return {
        "code": r.code, "label": r.label, "stated": r.stated, "judged": r.judged,
        "stated_arr_lost": _lost_json(r.stated_lost), "judged_arr_lost": _lost_json(r.judged_lost),
        "competitors": [{"name": c.name, "stated": c.stated, "judged": c.judged}
                        for c in r.competitors],
    }  # fmt: skip


def _reasons_json(found: "ExitReasons") -> dict[str, Any]:
    table = found.table
    return {
        "since": found.since, "until": found.until,
        "exit_responses": found.exit_responses, "churn_events": found.churn_events,
        "without_reason": table.unstated,
        "agreeing_accounts": table.agreeing, "compared_accounts": table.compared,
        "categories": [
            {"category": c.name, "stated": c.stated, "judged": c.judged,
             "stated_arr_lost": _lost_json(c.stated_lost),
             "judged_arr_lost": _lost_json(c.judged_lost),
             "reasons": [_reason_json(r) for r in c.reasons]}
            for c in table.categories
        ],
        "unmapped": [
            {"text": u.text, "count": u.count, "competitors": list(u.competitors)}
            for u in table.unmapped
        ],
    }  # fmt: skip


def register(group: click.Group) -> None:
    group.add_command(surveys_group)
