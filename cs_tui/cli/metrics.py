"""`cs-tui metrics`: the book's retention, renewals, voice and risk for a period, per group."""

from typing import TYPE_CHECKING, Any

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.output import echo_json, echo_table
from cs_tui.cli.periods import PERIOD, PERIOD_HELP

if TYPE_CHECKING:
    from cs_tui.domain.metrics.book import BookMetrics, GroupMetrics, MoneyMetrics
    from cs_tui.domain.metrics.periods import Period

BEHIND_NAMES = (
    "cohort", "accounts", "new", "expansion", "contraction", "churn", "lost", "due", "renewed",
    "not_renewed", "open", "without_plan", "at_risk",
)  # fmt: skip
MOMENTS = click.Choice(["onboarding", "periodic", "exit"])


@click.command("metrics")
@click.option(
    "--period", type=PERIOD, default=None, help=f"{PERIOD_HELP} (default: the last full quarter)."
)
@click.option(
    "--by",
    type=click.Choice(["owner", "segment"]),
    default=None,
    help="One group per owner (at the period's start) or segment.",
)
@click.option("--moment", type=MOMENTS, default=None, help="NPS and CSAT of this moment only.")
@click.option(
    "--accounts",
    "behind",
    type=click.Choice(BEHIND_NAMES),
    default=None,
    help="List the accounts behind this figure instead.",
)
@click.option(
    "--group",
    "group_key",
    default=None,
    metavar="KEY",
    help="With --accounts and --by: only this owner's or segment's accounts.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def metrics_command(
    ctx: click.Context, period: "Period | None", by: str | None, moment: str | None,
    behind: str | None, group_key: str | None, as_json: bool,
) -> None:  # fmt: skip
    """Book metrics for a period: starting and ending ARR, new, expansion, contraction, churn,
    GRR, NRR, logo churn, renewal rates, NPS, CSAT, plan coverage and ARR at risk.

    Money is per currency, never summed across currencies. JSON ratios are fractions (0.85),
    money is in minor units with its currency.
    """
    from cs_tui.data.metrics.compute import metrics_for
    from cs_tui.domain.metrics.periods import default_period

    if group_key is not None and (behind is None or by is None):
        raise click.UsageError("--group needs --accounts and --by")
    with open_store(ctx) as db:
        chosen = period or default_period(db.today())
        metrics = metrics_for(db, chosen, by=by, moment=moment)  # type: ignore[arg-type]
    if behind is not None:
        _show_behind(metrics, behind, group_key, as_json)
    elif as_json:
        echo_json(metrics_json(metrics))
    else:
        _show(metrics)


# -- JSON --------------------------------------------------------------------------------------


def _money_json(m: "MoneyMetrics") -> dict[str, Any]:
    return {
        "currency": m.currency, "starting_arr_minor": m.starting, "new_minor": m.new,
        "expansion_minor": m.expansion, "contraction_minor": m.contraction,
        "churn_minor": m.churn, "ending_arr_minor": m.ending, "grr": m.grr, "nrr": m.nrr,
        "renewable_minor": m.renewable, "renewed_gross_minor": m.renewed_gross,
        "renewed_net_minor": m.renewed_net, "renewal_rate_value_gross": m.renewal_value_gross,
        "renewal_rate_value_net": m.renewal_value_net, "arr_at_risk_minor": m.at_risk,
    }  # fmt: skip


def group_json(g: "GroupMetrics", *, key: bool = True) -> dict[str, Any]:
    fields: dict[str, Any] = {"key": g.key} if key else {}
    return fields | {
        "accounts": g.accounts, "cohort": g.cohort, "new_logos": g.new_logos,
        "churned_logos": g.churned, "logo_churn": g.logo_churn,
        "renewals": {"due": g.due, "renewed": g.renewed, "open": g.open_renewals,
                     "rate": g.renewal_rate},
        "plan_coverage": {"renewals": g.due + g.open_renewals, "with_agreed_plan": g.with_plan,
                          "share": g.plan_coverage},
        "at_risk_accounts": g.at_risk,
        "nps": {"score": g.nps.score, "responses": g.nps.responses,
                "promoters": g.nps.promoters, "passives": g.nps.passives,
                "detractors": g.nps.detractors},
        "csat": {"share": None if g.csat.score is None else g.csat.satisfied / g.csat.responses,
                 "responses": g.csat.responses, "satisfied": g.csat.satisfied},
        "money": [_money_json(m) for m in g.money],
    }  # fmt: skip


def metrics_json(metrics: "BookMetrics") -> dict[str, Any]:
    p = metrics.period
    return {
        "period": {"label": p.label, "start": p.start, "end": p.end},
        "as_of": metrics.as_of, "by": metrics.by, "moment": metrics.moment,
        "total": group_json(metrics.total, key=False),
        "groups": [group_json(g) for g in metrics.groups],
        "voice_by_moment": [
            {"moment": v.moment, "nps": v.nps.score, "nps_responses": v.nps.responses,
             "csat": None if v.csat.score is None else v.csat.score / 100,
             "csat_responses": v.csat.responses}
            for v in metrics.by_moment
        ],
    }  # fmt: skip


# -- text --------------------------------------------------------------------------------------


def _show(metrics: "BookMetrics") -> None:
    from cs_tui.domain.metrics.figures import PER_CURRENCY, figures

    p = metrics.period
    title = f"Book metrics · {p.label} ({p.start} to {p.end})"
    if metrics.moment:
        title += f" · NPS and CSAT of {metrics.moment} surveys"
    groups = [("Total", metrics.total)] + [(g.key or "(none)", g) for g in metrics.groups]
    currencies = metrics.currencies or ("USD",)
    by_currency = {c: [figures(group, c) for _, group in groups] for c in currencies}
    rows = []
    for index, kind in enumerate(f.kind for f in by_currency[currencies[0]][0]):
        for currency in currencies if kind.id in PER_CURRENCY else currencies[:1]:
            shown = currency if kind.id in PER_CURRENCY else ""
            rows.append(
                [kind.label, shown, *(column[index].text for column in by_currency[currency])]
            )
    echo_table(["Figure", "Currency", *(name for name, _ in groups)], rows, title=title)
    if not metrics.currencies:
        click.echo("No revenue in this period: no account had ARR at its start or end.")


def _show_behind(metrics: "BookMetrics", behind: str, group_key: str | None, as_json: bool) -> None:
    from cs_tui.domain.metrics.book import BEHIND, accounts_behind
    from cs_tui.domain.money import format_money

    rows = accounts_behind(metrics, behind, key=group_key)
    if as_json:
        echo_json({
            "period": {"label": metrics.period.label, "start": metrics.period.start,
                       "end": metrics.period.end},
            "metric": behind, "by": metrics.by, "key": group_key,
            "accounts": [
                {"id": f.account_id, "name": f.name, "owner": f.owner, "segment": f.segment,
                 "currency": f.currency, "amount_minor": amount,
                 "starting_arr_minor": f.starting, "ending_arr_minor": f.ending}
                for f, amount in rows
            ],
        })  # fmt: skip
        return
    what = BEHIND[behind][0]
    if not rows:
        click.echo(f"No accounts {what} in {metrics.period.label}.")
        return
    echo_table(
        ["Account", "Owner at start", "Segment", "Amount", "Starting ARR", "Ending ARR"],
        [
            [f.name, f.owner or "-", f.segment or "-", format_money(amount, f.currency),
             format_money(f.starting, f.currency), format_money(f.ending, f.currency)]
            for f, amount in rows
        ],
        title=f"{len(rows):,} accounts {what} · {metrics.period.label}",
    )  # fmt: skip


def register(group: click.Group) -> None:
    group.add_command(metrics_command)
