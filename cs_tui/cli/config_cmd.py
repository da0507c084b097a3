"""`cs-tui config set KEY VALUE`: write one setting into the config file."""

import click


@click.group("config")
def config_group() -> None:
    """Read and write the config file (`cs-tui locate config` says where it is)."""


@config_group.command("set")
@click.argument("key", type=click.Choice(["database_url", "user", "theme", "start_screen"]))
@click.argument("value")
@click.option(
    "--save-password",
    is_flag=True,
    help="Keep a password given in database_url (by default it is left out: set PGPASSWORD or "
    "use ~/.pgpass).",
)
def set_command(key: str, value: str, save_password: bool) -> None:
    """Set KEY to VALUE in the config file, keeping its comments."""
    from cs_tui.config import (
        ConfigError,
        normalise_database_url,
        read_config_file,
        save_database_url,
        save_setting,
        without_password,
    )

    if not value.strip():
        raise click.BadParameter("must not be blank", param_hint="VALUE")
    if key == "start_screen" and value not in ("today", "accounts"):
        raise click.BadParameter("must be today or accounts", param_hint="VALUE")
    try:
        read_config_file()  # a malformed file is reported, not overwritten
        if key == "database_url":
            saved = save_database_url(value, keep_password=save_password)
            if not save_password and without_password(normalise_database_url(value)) != (
                normalise_database_url(value)
            ):
                click.echo("The password was not saved: set PGPASSWORD or add it to ~/.pgpass.")
            value = saved
        else:
            save_setting(key, value.strip())
    except ConfigError as error:
        raise click.ClickException(str(error)) from error
    except OSError as error:
        raise click.ClickException(f"Cannot write the config file: {error}") from error
    click.echo(f"{key} = {value}")


def register(group: click.Group) -> None:
    group.add_command(config_group)
