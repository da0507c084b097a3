"""`cs-tui export accounts`: the book as CSV or JSON."""

import sys
from pathlib import Path

import click

from cs_tui.cli.context import database_option, open_store


@click.group()
def export() -> None:
    """Export data."""


@export.command("accounts")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout)."
)
@database_option
@click.pass_context
def export_accounts(ctx: click.Context, fmt: str, out: Path | None) -> None:
    """Export every account with its health summary."""
    from cs_tui.data.accounts.export import EXPORT_FIELDS, iter_account_records
    from cs_tui.io.export import write_csv, write_json

    with open_store(ctx) as db:
        records = iter_account_records(db)
        if out is None:
            count = (
                write_csv(records, EXPORT_FIELDS, sys.stdout)
                if fmt == "csv"
                else write_json(records, sys.stdout)
            )
            return
        partial = out.with_name(out.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8", newline="") as handle:
                if fmt == "csv":
                    count = write_csv(records, EXPORT_FIELDS, handle)
                else:
                    count = write_json(records, handle)
            partial.replace(out)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise click.ClickException(f"cannot write {out}: {error.strerror}") from error
    click.echo(f"{count} accounts written to {out}", err=True)


def register(group: click.Group) -> None:
    group.add_command(export)
