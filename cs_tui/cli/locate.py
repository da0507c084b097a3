"""`cs-tui locate config|data|db`: where things live."""

import click

from cs_tui.cli.context import chosen_database, database_option


@click.command()
@click.argument("what", type=click.Choice(["config", "data", "db", "backups"]))
@database_option
@click.pass_context
def locate(ctx: click.Context, what: str) -> None:
    """Print where the config file, the data folder, the database or the backups live."""
    from cs_tui import locations
    from cs_tui.config import ConfigError, launch_settings

    if what == "config":
        click.echo(locations.config_file())
    elif what == "data":
        click.echo(locations.data_dir())
    elif what == "backups":
        click.echo(locations.backups_dir())
    else:
        try:
            url = launch_settings(chosen_database(ctx)).database_url
        except ConfigError as error:
            raise click.ClickException(str(error)) from error
        click.echo(url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url)


def register(group: click.Group) -> None:
    group.add_command(locate)
