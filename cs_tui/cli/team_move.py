"""`cs-tui team move-to-postgres URL`: the book of this SQLite file onto a PostgreSQL server.

A book joined to a team folder is synced first, and the folder is marked as moved once the copy
is verified. It joins the `team` group when another module already made one.
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
    holds data is refused; the file is left as it was.

    When this book is in a team folder, it first syncs (publishes and merges everything; a
    folder with damaged, held or waiting files is refused), then marks the folder as moved:
    teammates' syncs stop and tell them to connect to the server."""
    from cs_tui.data.move.team_folder import move_team_to_postgres
    from cs_tui.data.sync.engine import TeamError

    with open_store(ctx) as db:
        try:
            result = move_team_to_postgres(db, url)
        except TeamError as error:
            raise click.ClickException(str(error)) from error
    report = result.copy
    moved = result.moved
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
                "folder": result.folder or None,
                "moved": None
                if moved is None
                else {
                    "host": moved.host,
                    "port": moved.port,
                    "database": moved.database,
                    "moved_at": moved.moved_at.isoformat(),
                    "moved_by": moved.moved_by,
                },
                "late_files": result.late_files,
            }
        )
        return
    if result.synced is not None:
        synced = result.synced
        click.echo(
            f"Synced the team folder first: sent {synced.sent} changes, applied {synced.applied}."
        )
    echo_table(
        ["table", "rows", "checksum"],
        [[t.table, str(t.rows), t.checksum[:16]] for t in report.tables if t.rows],
        title="Copied and verified",
    )
    click.echo(
        f"Moved {report.rows} rows from {report.source} to {report.target}; every table's count "
        "and checksum match."
    )
    if moved is not None:
        click.echo(
            f"The team folder {result.folder} is marked as moved to {moved.server}: teammates' "
            "syncs stop there and tell them to connect to the server."
        )
    if result.late_files:
        click.secho(
            f"{result.late_files} teammates' files arrived in the folder after the sync and are "
            "not on the server; their authors should redo those changes on the server.",
            fg="yellow",
            err=True,
        )
    click.echo(
        f"Open it with: cs-tui --db '{report.target}' (or "
        f"`cs-tui config set database_url '{report.target}'`); the file is unchanged."
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
