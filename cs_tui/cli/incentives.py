"""`cs-tui incentives`: check a plan, each CSM's attainment and payout, statements, closing a period."""

from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.out_file import out_option, write_out
from cs_tui.cli.output import echo_json, echo_table

if TYPE_CHECKING:
    from fractions import Fraction

    from cs_tui.data.incentives.report import TeamReport
    from cs_tui.domain.incentives.periods import Period
    from cs_tui.domain.incentives.plan import Plan
    from cs_tui.domain.work.cadence import Cadences
    from cs_tui.io.safe_output import OutputTarget

PLAN_HELP = ("Plan file (default: CS_TUI_INCENTIVE_PLAN, incentive_plan in the config, "
             "incentive_plan.toml in the config folder, else the example plan).")  # fmt: skip
PERIOD_HELP = "Period the plan pays for: 2026-Q2, 2026-06, 2026, current or previous."
WHAT_IF_HELP = ("Recompute with a metric set by hand, e.g. grr=0.92, nps=35, expansion_arr=25000 "
                "(repeatable; nothing is stored).")  # fmt: skip


def _plan_failed(error: Exception) -> NoReturn:
    from cs_tui.domain.incentives.plan import PlanError

    if isinstance(error, PlanError):
        where = f"{error.source}: " if error.source else ""
        lines = [f"{where}invalid incentive plan:"]
        lines += [f"  {path}: {message}" for path, message in error.problems]
        raise click.ClickException("\n".join(lines))
    raise click.ClickException(str(error))


def _plan(path: Path | None) -> "tuple[Plan, str]":
    from cs_tui.domain.incentives.plan import PlanError
    from cs_tui.io.incentives.plan_file import plan_path, read_plan_text

    try:
        return read_plan_text(plan_path(path))
    except (PlanError, OSError, UnicodeDecodeError) as error:
        _plan_failed(error)


def _cadences() -> "Cadences":
    from cs_tui.domain.scoring import ScorecardError
    from cs_tui.io.scorecard_file import configured_cadences

    try:
        return configured_cadences()
    except ScorecardError as error:
        raise click.ClickException(f"the check-in cadences cannot be read: {error}") from error


def _period(text: str, plan: "Plan", today: Any) -> "Period":
    from cs_tui.domain.incentives.periods import PeriodError, parse_period

    try:
        return parse_period(text, today, plan.period)
    except PeriodError as error:
        raise click.BadParameter(error.problem, param_hint="'--period'") from None


def _what_if(texts: tuple[str, ...], plan: "Plan") -> "dict[str, Fraction]":
    from cs_tui.domain.incentives.calc import WhatIfError, parse_what_if

    try:
        return parse_what_if(texts, plan.currency)
    except WhatIfError as error:
        raise click.BadParameter(str(error).removeprefix("--what-if "),
                                 param_hint="'--what-if'") from None  # fmt: skip


def _report(
    ctx: click.Context, plan_file: Path | None, period_text: str, owner: str | None,
    what_if: tuple[str, ...],
) -> "TeamReport":  # fmt: skip
    from datetime import date

    from cs_tui.data.incentives.report import team_report

    plan, _text = _plan(plan_file)
    period = _period(period_text, plan, date.today())
    overrides = _what_if(what_if, plan)
    cadences = _cadences()
    with open_store(ctx) as db:
        return team_report(db, plan, period, cadences, owner=owner, overrides=overrides)


@click.group("incentives")
def incentives() -> None:
    """Incentive plans: each CSM's attainment and variable pay, computed from the book."""


@incentives.command("check")
@click.argument("plan_file", metavar="PLAN.toml", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
def check_command(plan_file: Path, as_json: bool) -> None:
    """Validate a plan file; every problem is named with its field."""
    from cs_tui.domain.incentives.plan import PlanError
    from cs_tui.domain.incentives.present import metric_value, plan_json
    from cs_tui.io.incentives.plan_file import read_plan

    try:
        plan = read_plan(plan_file)
    except PlanError as error:
        _plan_failed(error)
    if as_json:
        echo_json({"valid": True, "plan": plan_json(plan)})
        return
    mix = plan.mix
    click.echo(
        f"{plan_file}: valid. {plan.name}{f' {plan.version}' if plan.version else ''}, paid per "
        f"{plan.period.value} in {plan.currency}, on-target earnings {float(plan.on_target_earnings):,.0f} "
        f"a year, mix {float(mix.base):g}:{float(mix.performance):g}:{float(mix.commission):g}."
    )  # fmt: skip
    weights = sum(c.weight for c in plan.performance)
    rows = [
        [c.key, "performance", c.metric, c.category.value, f"{float(c.weight / weights):.0%}",
         c.attainment.value, metric_value(c.metric, c.target, plan.currency, minor=False),
         f"{float(c.curve.threshold):.0%}", f"{float(c.curve.accelerator):g}",
         "-" if c.curve.cap is None else f"{float(c.curve.cap):g}x"]
        for c in plan.performance
    ] + [
        [c.key, "commission", c.metric, "result", "", "tiers",
         ", ".join(f"{float(t.rate):.1%}" + (f" to {float(t.up_to):,.0f}" if t.up_to else " above")
                   for t in c.tiers), "", "", "-" if c.cap is None else f"{float(c.cap):g}x target"]
        for c in plan.commission
    ]  # fmt: skip
    echo_table(["Key", "Kind", "Metric", "Category", "Weight", "Attainment", "Target",
                "Threshold", "Accelerator", "Cap"], rows)  # fmt: skip
    if plan.owners:
        click.echo(f"Own terms for: {', '.join(sorted(plan.owners))}")


@incentives.command("metrics")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def metrics_command(as_json: bool) -> None:
    """The metrics a plan can name, and how each is computed from the book."""
    from cs_tui.domain.incentives.catalogue import METRICS

    if as_json:
        echo_json([{"key": m.key, "label": m.label, "category": m.category.value,
                    "direction": m.direction.value, "unit": m.unit.value, "computed": m.computed}
                   for m in METRICS])  # fmt: skip
        return
    echo_table(["Metric", "Label", "Category", "Better", "Unit", "Computed as"],
               [[m.key, m.label, m.category.value, m.direction.value, m.unit.value, m.computed]
                for m in METRICS])  # fmt: skip


@incentives.command("calc")
@click.option("--plan", "plan_file", type=click.Path(path_type=Path), default=None, help=PLAN_HELP)
@click.option("--period", "period_text", required=True, help=PERIOD_HELP)
@click.option("--owner", default=None, help="One CSM (as the accounts name their owner).")
@click.option("--what-if", "what_if", multiple=True, metavar="METRIC=VALUE", help=WHAT_IF_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (fractions, minor units).")
@database_option
@click.pass_context
def calc_command(
    ctx: click.Context, plan_file: Path | None, period_text: str, owner: str | None,
    what_if: tuple[str, ...], as_json: bool,
) -> None:  # fmt: skip
    """Each CSM's attainment and payout for a period, per component and per part of the mix."""
    from cs_tui.domain.incentives.present import factor, line_actual, money, payout_json, ratio

    report = _report(ctx, plan_file, period_text, owner, what_if)
    if as_json:
        echo_json(_report_json(report, payout_json))
        return
    state = f"closed {report.closed.closed_at:%Y-%m-%d}" if report.closed else "open"
    what_if_note = " - what-if, not stored" if report.what_if else ""
    click.echo(f"{report.plan.name}, {report.period.label} ({state}), counted up to "
               f"{report.as_of.isoformat()}{what_if_note}")  # fmt: skip
    if not report.payouts:
        click.echo("No accounts have an owner yet: nobody to pay.")
        return
    currency = report.plan.currency
    if owner is None:
        echo_table(["CSM", "Base", "Performance", "Commission", "Total", "Variable vs target"], [
            [p.owner, money(p.base.paid_minor, currency),
             money(p.performance_total.paid_minor, currency),
             money(p.commission_total.paid_minor, currency), money(p.total_minor, currency),
             ratio(_variable_share(p))]
            for p in report.payouts
        ], title="Team")  # fmt: skip
    for payout in report.payouts if owner is not None else ():
        echo_table(
            ["Component", "Actual", "Target", "Attainment", "Factor", "Weight", "Amount", "Note"],
            [[line.key, line_actual(line, currency),
              _target_text(line.metric, line.target, currency), ratio(line.attainment),
              factor(line.factor), ratio(line.weight_share), money(line.amount_minor, currency),
              line.note] for line in payout.performance]
            + [[line.key, money(line.result.amount_minor, currency), "tiers", "", "", "",
                money(line.paid_minor, currency),
                f"withheld by the cap {money(line.withheld_minor, currency)}"
                if line.withheld_minor else ""] for line in payout.commission],
            title=payout.owner,
        )  # fmt: skip
        click.echo(
            f"Base {money(payout.base.paid_minor, currency)} + performance "
            f"{money(payout.performance_total.paid_minor, currency)} of "
            f"{money(payout.performance_total.on_target_minor, currency)} + commission "
            f"{money(payout.commission_total.paid_minor, currency)} = "
            f"{money(payout.total_minor, currency)}"
        )


def _variable_share(payout: Any) -> "Fraction | None":
    from fractions import Fraction

    target = payout.performance_total.on_target_minor + payout.commission_total.on_target_minor
    return Fraction(payout.variable_minor, target) if target else None


def _target_text(metric: str, target: "Fraction", currency: str) -> str:
    from cs_tui.domain.incentives.present import metric_value

    return metric_value(metric, target, currency, minor=False)


def _report_json(report: "TeamReport", payout_json: Any, *, traces: bool = False) -> dict[str, Any]:
    from cs_tui.domain.incentives.present import number

    return {
        "plan": {"name": report.plan.name, "version": report.plan.version,
                 "fingerprint": report.plan.fingerprint, "currency": report.plan.currency},
        "period": report.period.label, "starts_on": report.period.start,
        "ends_on": report.period.end, "as_of": report.as_of,
        "closed": None if report.closed is None else {
            "closed_at": report.closed.closed_at, "closed_by": report.closed.closed_by},
        "what_if": {k: number(v) for k, v in report.what_if.items()},
        "payouts": [payout_json(p, report.inputs.get(p.owner, {}), traces=traces)
                    for p in report.payouts],
    }  # fmt: skip


@incentives.command("statement")
@click.option("--owner", required=True, help="The CSM (as the accounts name their owner).")
@click.option("--period", "period_text", required=True, help=PERIOD_HELP)
@click.option("--plan", "plan_file", type=click.Path(path_type=Path), default=None, help=PLAN_HELP)
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md",
              show_default=True)  # fmt: skip
@click.option("--what-if", "what_if", multiple=True, metavar="METRIC=VALUE", help=WHAT_IF_HELP)
@out_option("statement.md")
@database_option
@click.pass_context
def statement_command(
    ctx: click.Context, owner: str, period_text: str, plan_file: Path | None, fmt: str,
    what_if: tuple[str, ...], out: "OutputTarget",
) -> None:  # fmt: skip
    """A CSM's statement to check line by line: each figure traced to its accounts and events."""
    import json
    from typing import TextIO

    from cs_tui.domain.incentives.present import payout_json
    from cs_tui.io.incentives.statement import render_statement

    report = _report(ctx, plan_file, period_text, owner, what_if)
    if not report.payouts:
        raise click.ClickException(f"{owner} has no accounts in {report.period.label}")
    payout = report.payouts[0]
    actuals = report.inputs.get(payout.owner, {})
    if fmt == "json":
        document = json.dumps(_report_json(report, payout_json, traces=True), indent=2,
                              ensure_ascii=False, default=str) + "\n"  # fmt: skip
    else:
        closed = ""
        if report.closed is not None:
            closed = (f"{report.closed.closed_at:%Y-%m-%d} by "
                      f"{report.closed.closed_by or 'someone'}")  # fmt: skip
        document = render_statement(report.plan, payout, actuals, fmt="html" if fmt == "html"
                                    else "md", closed=closed, what_if=report.what_if)  # fmt: skip

    def write(handle: TextIO) -> None:
        handle.write(document)

    write_out(out, write)
    if out.path is not None:
        click.echo(
            f"Statement for {payout.owner}, {report.period.label} written to {out}", err=True
        )


@incentives.command("close")
@click.argument("period_text", metavar="PERIOD")
@click.option("--plan", "plan_file", type=click.Path(path_type=Path), default=None, help=PLAN_HELP)
@click.option("--replace", is_flag=True, help="Freeze today's book again for a closed period.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def close_command(
    ctx: click.Context, period_text: str, plan_file: Path | None, replace: bool, as_json: bool
) -> None:
    """Freeze an ended period's inputs and plan, so its statements stay the same later."""
    from datetime import date

    from cs_tui.data.incentives.report import close_period
    from cs_tui.domain.incentives.periods import PeriodError, parse_period

    plan, text = _plan(plan_file)
    try:
        period = parse_period(period_text, date.today(), plan.period)
    except PeriodError as error:
        raise click.BadParameter(error.problem, param_hint="'PERIOD'") from None
    cadences = _cadences()
    with open_store(ctx) as db:
        closed = close_period(db, plan, text, period, cadences, replace=replace)
    if as_json:
        echo_json({"period": closed.period, "closed_at": closed.closed_at,
                   "closed_by": closed.closed_by, "plan": closed.plan_name,
                   "fingerprint": closed.plan_fingerprint})  # fmt: skip
        return
    click.echo(f"{closed.period} closed with {closed.plan_name} ({closed.plan_fingerprint}): "
               "its statements now come from the inputs frozen today.")  # fmt: skip


def register(group: click.Group) -> None:
    group.add_command(incentives)
