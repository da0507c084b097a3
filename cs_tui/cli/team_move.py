"""`cs-tui team move-to-postgres URL`: the book of this SQLite file onto a PostgreSQL server.

It joins the `team` group when another module already made one.
"""

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.output import echo_json, echo_table


@click.command("move-to-postgres")
@click.argument("url")
@database_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def move_to_postgres_command(ctx: click.Context, url: str, as_json: bool) -> None:
    """Copy the whole book (the current --db file) to the empty PostgreSQL database at URL, in
    one transaction, then check every table's row count and checksum. A database that already
    holds data is refused; the file is left as it was."""
    from cs_tui.data.move.to_postgres import move_to_postgres

    with open_store(ctx) as db:
        report = move_to_postgres(db, url)
    if as_json:
        echo_json(
            {
                "source": report.source,
                "target": report.target,
                "rows": report.rows,
                "tables": [
                    {"table": t.table, "rows": t.rows, "checksum": t.checksum}
                    for t in report.tables
                ],
            }
        )
        return
    echo_table(
        ["table", "rows", "checksum"],
        [[t.table, str(t.rows), t.checksum[:16]] for t in report.tables if t.rows],
        title="Copied and verified",
    )
    click.echo(
        f"Moved {report.rows} rows from {report.source} to {report.target}; every table's count "
        "and checksum match."
    )
    click.echo(
        f"Open it with: cs-tui --db '{report.target}' (or set database_url in the config file); "
        "the file is unchanged."
    )


def register(group: click.Group) -> None:
    team = group.commands.get("team")
    if not isinstance(team, click.Group):

        @click.group("team")
        def team_group() -> None:
            """Working as a team: moving the book to a PostgreSQL server."""

        group.add_command(team_group)
        team = team_group
    team.add_command(move_to_postgres_command)
