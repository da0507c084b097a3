"""`cs-tui db upgrade|backup|check`: looking after the store."""

from pathlib import Path

import click

from cs_tui.cli.context import database_option, open_store


@click.group("db")
def db_group() -> None:
    """Upgrade, back up and check the database."""


@db_group.command()
@database_option
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Bring the schema to this version's revision (a backup is taken first)."""
    from cs_tui.data.store import migrate

    with open_store(ctx) as db:
        if db.read_only:
            raise click.ClickException(db.notice)
        with db.engine.connect() as connection:
            revision = migrate.current_revision(connection)
    click.echo(f"{db.display_url}: schema at revision {revision} (current)")


@db_group.command()
@click.argument("path", required=False)
@database_option
@click.pass_context
def backup(ctx: click.Context, path: str | None) -> None:
    """Write a consistent copy of the database to PATH: a new file, or a folder to put it in
    (default: the backups folder). It never overwrites a file."""
    from cs_tui.data.store.backup import backup_postgres, backup_sqlite, default_backup_path
    from cs_tui.io.safe_output import OutputError, new_output_path

    with open_store(ctx, migrate=False) as db:
        database = db.sqlite_path or Path(db.url.database or "cs-tui")
        target = None
        if path is not None:
            try:
                name = default_backup_path(database).name
                target = new_output_path(path, name_in_folder=name)
            except OutputError as error:
                raise click.BadParameter(str(error), param_hint="PATH") from error
        if db.sqlite_path is not None:
            written = backup_sqlite(db.sqlite_path, target)
        else:
            written = backup_postgres(db.url, target)
    click.echo(f"backup written to {written}")


@db_group.command()
@database_option
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check integrity, references and the schema revision; exit 1 on any problem."""
    from cs_tui.data.store.check import check_database

    with open_store(ctx, migrate=False) as db:
        report = check_database(db)
    for line in report.passed:
        click.echo(f"ok       {line}")
    for line in report.problems:
        click.echo(f"PROBLEM  {line}")
    if not report.ok:
        ctx.exit(1)


def register(group: click.Group) -> None:
    group.add_command(db_group)
