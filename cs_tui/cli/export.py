"""`cs-tui export accounts`: the book as CSV or JSON."""

from typing import TYPE_CHECKING, TextIO

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.out_file import out_option, write_out

if TYPE_CHECKING:
    from cs_tui.io.safe_output import OutputTarget


@click.group()
def export() -> None:
    """Export data."""


@export.command("accounts")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@out_option("accounts.csv")
@database_option
@click.pass_context
def export_accounts(ctx: click.Context, fmt: str, out: "OutputTarget") -> None:
    """Export every account with its health summary."""
    from cs_tui.data.accounts.export import EXPORT_FIELDS, iter_account_records
    from cs_tui.io.export import write_csv, write_json

    def write(handle: TextIO) -> int:
        if fmt == "csv":
            return write_csv(iter_account_records(db), EXPORT_FIELDS, handle)
        return write_json(iter_account_records(db), handle)

    with open_store(ctx) as db:
        count = write_out(out, write, newline="")
    if out.path is not None:
        click.echo(f"{count} accounts written to {out}", err=True)


def register(group: click.Group) -> None:
    group.add_command(export)
