"""`cs-tui plan`: show, edit, template and export an account's success plan."""

from datetime import date
from typing import TYPE_CHECKING

import click

from cs_tui.cli.context import configured_team, database_option, open_store
from cs_tui.cli.dates import DAY, DAY_HELP
from cs_tui.cli.numbers import FINITE_NUMBER
from cs_tui.cli.out_file import out_option, write_out
from cs_tui.cli.output import echo_facts, echo_json

if TYPE_CHECKING:
    from cs_tui.domain.plans.views import PlanView
    from cs_tui.io.safe_output import OutputTarget

STATUSES = ("draft", "agreed", "active", "achieved", "abandoned")


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}%"


def print_plan(plan: "PlanView") -> None:
    from cs_tui.io.plan_export import label, measure

    echo_facts(
        [
            ("Account", plan.account_name),
            ("Status", label(plan.status)),
            ("Agreed on", plan.agreed_on.isoformat() if plan.agreed_on else "-"),
            ("Started", plan.started_on.isoformat() if plan.started_on else "-"),
            ("Review", plan.review_on.isoformat() if plan.review_on else "-"),
            ("Template", plan.template or "-"),
            ("Progress", _percent(plan.progress)),
            ("Why bought", plan.why_bought or "-"),
            ("Pain points", plan.pain_points or "-"),
            ("Success", plan.success_definition or "-"),
        ]
    )
    for objective in plan.objectives:
        source = objective.progress_source
        measured = f" (from {source})" if source in ("metric", "milestones") else ""
        click.echo(
            f"\n[{objective.id[-8:]}] {objective.title}  {_percent(objective.progress)}{measured}"
            f" · {label(objective.status)}"
        )
        if objective.metric:
            click.echo(f"    {objective.metric}: {measure(objective)}")
        for m in objective.milestones:
            side = "customer" if m.side == "customer" else "ours"
            due = m.due_on.isoformat() if m.due_on else "-"
            click.echo(
                f"    [{m.id[-8:]}] {m.title} · {m.owner or 'unassigned'} ({side}) · {due} · "
                f"{label(m.status)}"
            )


@click.group()
def plan() -> None:
    """Success plans: show, edit, apply a template, export for the customer."""


@plan.command("show")
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def show(ctx: click.Context, reference: str, as_json: bool) -> None:
    """Show the account's plan with objectives, progress and milestones."""
    from cs_tui.data.plans.read import get_plan

    with open_store(ctx) as db:
        view = get_plan(db, reference)
    if view is None:
        raise click.ClickException(
            f"{reference} has no success plan yet; `cs-tui plan apply` starts one from a template"
        )
    if as_json:
        echo_json(view.to_json())
        return
    print_plan(view)


@plan.command("set", epilog=DAY_HELP)
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--why-bought", help="Why the customer bought, in their words.")
@click.option("--pain-points", help="Their pain points, in their words.")
@click.option("--success", "success_definition", help="What success means to them.")
@click.option("--actions", help="From expectations to actions: how we get there.")
@click.option("--status", type=click.Choice(STATUSES))
@click.option("--agreed-on", type=DAY, help="The day the customer agreed (needed for agreed).")
@click.option("--review-on", type=DAY, help="The next review of the plan.")
@database_option
@click.pass_context
def set_fields(ctx: click.Context, /, reference: str, **fields: object) -> None:
    """Edit the plan (created as a draft if the account has none)."""
    from cs_tui.data.plans.plan import update_plan
    from cs_tui.data.store.validation import checked
    from cs_tui.models import SuccessPlanUpdate

    given = {name: value for name, value in fields.items() if value is not None}
    if not given:
        raise click.UsageError("give at least one field to change")
    with open_store(ctx) as db:
        view = update_plan(db, reference, checked(SuccessPlanUpdate, **given))
    click.echo(f"Plan of {view.account_name} updated ({view.status}).")


@plan.command("templates")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
def templates(as_json: bool) -> None:
    """List the plan templates: shipped ones and yours (in the config folder's templates/)."""
    from dataclasses import asdict

    from cs_tui.io.plan_templates import load_catalog

    catalog = load_catalog()
    for problem in catalog.problems:
        click.secho(f"skipped {problem}", fg="yellow", err=True)
    if as_json:
        echo_json([asdict(t) for t in catalog.templates.values()])
        return
    for key, template in catalog.templates.items():
        source = "" if template.source == "shipped" else f"  ({template.source})"
        click.echo(f"{key:<20} {template.name}: {template.description}{source}")
        for objective in template.objectives:
            hint = f" - {objective.hint}" if objective.hint else ""
            click.echo(f"{'':<22}{objective.title} (+{objective.due_days}d){hint}")


@plan.command("apply", epilog=DAY_HELP)
@click.argument("reference", metavar="NAME_OR_ID")
@click.argument("template", metavar="TEMPLATE")
@click.option("--start", type=DAY, help="The plan's start day (default: today).")
@database_option
@click.pass_context
def apply(ctx: click.Context, reference: str, template: str, start: date | None) -> None:
    """Add a template's objectives and milestones to the account's plan, dated from --start."""
    from cs_tui.data.plans.templates import apply_template

    with open_store(ctx) as db:
        view = apply_template(db, reference, template, start)
    click.echo(
        f"Applied {template} to {view.account_name}: {len(view.objectives)} objectives, "
        f"{sum(len(o.milestones) for o in view.objectives)} milestones."
    )


@plan.command("export")
@click.argument("reference", metavar="NAME_OR_ID")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@out_option("plan.md")
@database_option
@click.pass_context
def export(ctx: click.Context, reference: str, fmt: str, out: "OutputTarget") -> None:
    """The plan as a clean document to share with the customer."""
    from cs_tui.data.plans.read import get_plan
    from cs_tui.io.plan_export import render_plan, unnamed_logins
    from cs_tui.locations import config_file

    with open_store(ctx) as db:
        view = get_plan(db, reference)
        today = db.today()
    if view is None:
        raise click.ClickException(f"{reference} has no success plan to export")
    people = configured_team()
    document = render_plan(view, fmt="html" if fmt == "html" else "md", today=today, people=people)
    write_out(out, lambda handle: handle.write(document))
    unnamed = unnamed_logins(view, people)
    if unnamed:
        click.secho(
            f"Warning: the document shows {', '.join(map(repr, unnamed))} as typed: give "
            "each a name the customer knows in the config's team list, e.g. "
            f'[[team]] login = "{unnamed[0]}", name = "Jane Doe" ({config_file()})',
            fg="yellow",
            err=True,
        )
    if out.path is not None:
        click.echo(f"Plan of {view.account_name} written to {out}", err=True)


@plan.command("objective", epilog=DAY_HELP)
@click.argument("reference", metavar="NAME_OR_ID")
@click.argument("title")
@click.option("--metric", default="", help="The metric that measures it (as imported).")
@click.option("--baseline", type=FINITE_NUMBER)
@click.option("--target", type=FINITE_NUMBER)
@click.option("--unit", default="")
@click.option("--due", "due_on", type=DAY)
@click.option("--owner", default="", help="Default: the account's CSM.")
@database_option
@click.pass_context
def add_objective_command(
    ctx: click.Context, /, reference: str, title: str, **fields: object
) -> None:
    """Add an objective to the account's plan."""
    from cs_tui.data.plans.items import add_objective
    from cs_tui.data.store.validation import checked
    from cs_tui.models import ObjectiveCreate

    with open_store(ctx) as db:
        if not fields["owner"]:
            from cs_tui.data.accounts.records import get_account_detail

            fields["owner"] = get_account_detail(db, reference).owner or db.user
        objective_id = add_objective(db, reference, checked(ObjectiveCreate, title=title, **fields))
    click.echo(f"Added objective {objective_id[-8:]}: {title}")


@plan.command("milestone", epilog=DAY_HELP)
@click.argument("objective_id", metavar="OBJECTIVE_ID")
@click.argument("title")
@click.option("--side", type=click.Choice(["ours", "customer"]), default="ours", show_default=True)
@click.option("--owner", default="", help="Ours: a team member; customer: a stakeholder's name.")
@click.option("--due", "due_on", type=DAY)
@database_option
@click.pass_context
def add_milestone_command(
    ctx: click.Context, objective_id: str, title: str, side: str, owner: str, due_on: date | None
) -> None:
    """Add a milestone to an objective (the id `plan show` prints)."""
    from cs_tui.data.plans.items import add_milestone
    from cs_tui.data.store.validation import checked
    from cs_tui.models import MilestoneCreate

    with open_store(ctx) as db:
        data = checked(MilestoneCreate, title=title, owner_side=side, owner=owner, due_on=due_on)
        milestone_id = add_milestone(db, objective_id, data)
    click.echo(f"Added milestone {milestone_id[-8:]}: {title}")


def register(group: click.Group) -> None:
    group.add_command(plan)
