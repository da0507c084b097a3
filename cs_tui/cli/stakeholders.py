"""`cs-tui stakeholders list|add|edit|delete|restore`: the people on the customer's side."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.output import echo_facts, echo_json, echo_table

if TYPE_CHECKING:
    from cs_tui.data.accounts.views import StakeholderView

F = TypeVar("F", bound=Callable[..., Any])
FLAGS = {"name": "--name", "email": "--email", "title": "--title", "role": "--role",
         "primary": "--primary", "is_primary": "--primary"}  # fmt: skip
ROLES = "champion, sponsor, decision_maker, user or detractor"


def flag_label(key: str) -> str:
    return FLAGS.get(key, key)


@click.group()
def stakeholders() -> None:
    """List, add, edit and delete an account's stakeholders."""


def person_json(person: "StakeholderView") -> dict[str, Any]:
    from dataclasses import asdict

    from cs_tui.domain.jsonable import jsonable

    data: dict[str, Any] = jsonable(asdict(person))
    return data


def _print_person(person: "StakeholderView", as_json: bool, done: str) -> None:
    from cs_tui.data.stakeholders.fields import role_label

    if as_json:
        echo_json(person_json(person))
        return
    click.echo(done)
    echo_facts(
        [
            ("Name", person.name),
            ("Id", person.id),
            ("E-mail", person.email or "-"),
            ("Title", person.title or "-"),
            ("Role", role_label(person.role)),
            ("Primary", "yes" if person.is_primary else "no"),
        ]
    )


def person_options(function: F) -> F:
    options = [
        click.option("--email", metavar="ADDRESS"),
        click.option("--title", metavar="TEXT", help="Their job title."),
        click.option("--role", metavar="ROLE", help=f"{ROLES}."),
        click.option("--json", "as_json", is_flag=True, help="Print the record as JSON."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _given(values: dict[str, Any]) -> dict[str, str | bool]:
    return {key: value for key, value in values.items() if key in FLAGS and value is not None}


@stakeholders.command("list")
@click.argument("account", metavar="ACCOUNT")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@database_option
@click.pass_context
def list_command(ctx: click.Context, account: str, as_json: bool) -> None:
    """The stakeholders of ACCOUNT (a name, CRM id or id), the primary one first."""
    from cs_tui.data.stakeholders.fields import role_label
    from cs_tui.data.stakeholders.people import list_stakeholders

    with open_store(ctx) as db:
        found = list_stakeholders(db, account)
    if as_json:
        echo_json([person_json(person) for person in found.people])
        return
    echo_table(
        ["Id", "Name", "Role", "Title", "E-mail", "Primary"],
        [
            [p.id, p.name, role_label(p.role), p.title, p.email, "yes" if p.is_primary else ""]
            for p in found.people
        ],
        title=f"{len(found.people)} stakeholders of {found.account_name}",
    )


@stakeholders.command("add")
@click.argument("account", metavar="ACCOUNT")
@click.argument("name")
@person_options
@click.option("--primary", is_flag=True, default=None, help="Make them the primary contact.")
@database_option
@click.pass_context
def add_command(
    ctx: click.Context, /, account: str, name: str, as_json: bool, **fields: Any
) -> None:
    """Add NAME as a stakeholder of ACCOUNT."""
    from cs_tui.data.stakeholders.people import add_stakeholder_to

    typed = {"name": name, **_given(fields)}
    label = lambda key: "NAME" if key == "name" else flag_label(key)  # noqa: E731
    with open_store(ctx) as db:
        person = add_stakeholder_to(db, account, typed, label=label)
    _print_person(person, as_json, f"Added {person.name}.")


@stakeholders.command("edit")
@click.argument("stakeholder_id", metavar="ID")
@click.option("--name", metavar="NAME", help="A new name.")
@person_options
@click.option("--primary/--not-primary", default=None, help="Make them (or not) the primary.")
@database_option
@click.pass_context
def edit_command(ctx: click.Context, /, stakeholder_id: str, as_json: bool, **fields: Any) -> None:
    """Change the fields named by flags, and only those (ID: see `stakeholders list`)."""
    from cs_tui.data.stakeholders.people import edit_stakeholder

    typed = _given(fields)
    if not typed:
        raise click.UsageError("Name at least one field to change, e.g. --role champion.")
    with open_store(ctx) as db:
        person = edit_stakeholder(db, stakeholder_id, typed, label=flag_label)
    _print_person(person, as_json, f"Saved {person.name}.")


@stakeholders.command("delete")
@click.argument("stakeholder_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the deleted record as JSON.")
@database_option
@click.pass_context
def delete_command(ctx: click.Context, stakeholder_id: str, as_json: bool) -> None:
    """Delete a stakeholder (`stakeholders restore ID` brings them back)."""
    from cs_tui.data.stakeholders.people import delete_stakeholder

    with open_store(ctx) as db:
        person = delete_stakeholder(db, stakeholder_id)
    if as_json:
        echo_json(person_json(person))
        return
    click.echo(f"Deleted {person.name}. Undo with: cs-tui stakeholders restore {person.id}")


@stakeholders.command("restore")
@click.argument("stakeholder_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the restored record as JSON.")
@database_option
@click.pass_context
def restore_command(ctx: click.Context, stakeholder_id: str, as_json: bool) -> None:
    """Bring back a deleted stakeholder."""
    from cs_tui.data.stakeholders.people import restore_stakeholder

    with open_store(ctx) as db:
        person = restore_stakeholder(db, stakeholder_id)
    _print_person(person, as_json, f"Restored {person.name}.")


def register(group: click.Group) -> None:
    group.add_command(stakeholders)
