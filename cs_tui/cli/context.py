"""What every command shares: the chosen database, who "I" am, and turning store errors into messages."""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database
    from cs_tui.domain.money import ExchangeRates

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class CliContext:
    database: str | None = None


def _remember_database(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    state = ctx.find_object(CliContext) or ctx.ensure_object(CliContext)
    if value is not None and not value.strip():
        raise click.BadParameter(
            "is empty; give a database file or URL, or leave --db out for your own book",
            ctx=ctx, param_hint="'--db'",
        )  # fmt: skip
    if value:
        state.database = value


def database_option(function: F) -> F:
    """`--db PATH_OR_URL` on the group and on every command; the innermost one given wins."""
    return click.option(
        "--db",
        "database",
        metavar="PATH_OR_URL",
        default=None,
        expose_value=False,
        callback=_remember_database,
        is_eager=True,
        help="Database file or URL (default: CS_TUI_DATABASE_URL, the config file, or the data dir).",
    )(function)


def chosen_database(ctx: click.Context) -> str | None:
    state = ctx.find_object(CliContext)
    return state.database if state else None


def configured_rates() -> "ExchangeRates":
    """The config's `[currency]` base and rates, for totals over several currencies."""
    from cs_tui.config import ConfigError, exchange_rates, read_config_file

    try:
        return exchange_rates(read_config_file())
    except ConfigError as error:
        raise click.ClickException(str(error)) from error


def configured_team() -> dict[str, str]:
    """The config's `[[team]]` list: each member's login and the name customers see."""
    from cs_tui.config import ConfigError, read_config_file, team_names

    try:
        return team_names(read_config_file())
    except ConfigError as error:
        raise click.ClickException(str(error)) from error


@contextmanager
def open_store(ctx: click.Context, *, migrate: bool = True) -> Iterator["Database"]:
    """Open the database chosen for this command; store and config errors become clean messages."""
    from cs_tui.config import ConfigError, launch_settings
    from cs_tui.data.store.database import open_database
    from cs_tui.data.store.errors import StoreError

    try:
        settings = launch_settings(chosen_database(ctx))
        database = open_database(settings.database_url, user=settings.user, migrate_schema=migrate)
    except (StoreError, ConfigError) as error:
        raise click.ClickException(str(error)) from error
    warnings = _WarningsOnStderr()
    logging.getLogger("cs_tui").addHandler(warnings)
    try:
        if database.notice:
            click.secho(database.notice, fg="yellow", err=True)
        if migrate and "team" not in ctx.command_path.split()[1:]:
            _say_if_the_team_moved(database)
        yield database
    except StoreError as error:
        raise click.ClickException(named_by_flags(str(error))) from error
    finally:
        logging.getLogger("cs_tui").removeHandler(warnings)
        database.close()


def _say_if_the_team_moved(database: "Database") -> None:
    """A book whose team folder moved to a server is out of date: say where the team went."""
    from cs_tui.data.move.team_folder import folder_moved
    from cs_tui.data.store.errors import StoreError
    from cs_tui.data.sync.engine import moved_message

    try:
        moved = folder_moved(database)
    except StoreError:
        return
    if moved is not None:
        click.secho(moved_message(moved), fg="yellow", err=True)


class _WarningsOnStderr(logging.Handler):
    """Warnings of the data layer (saved, but scores not refreshed) printed for the user."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        click.secho(f"Warning: {record.getMessage()}", fg="yellow", err=True)


def named_by_flags(message: str) -> str:
    """A store message with each field it names written as the running command's flag:
    `summary: cannot be empty` from `log` reads `--summary: cannot be empty`."""
    context = click.get_current_context(silent=True)
    if context is None:
        return message
    flags = {}
    for param in context.command.params:
        longest = max(param.opts, key=len)
        if isinstance(param, click.Option) and longest.startswith("--") and param.name:
            flags[param.name.replace("_", " ")] = longest
    parts = []
    for part in message.split("; "):
        field, colon, rest = part.partition(": ")
        flag = flags.get(field.strip()) if colon else None
        parts.append(f"{flag}: {rest}" if flag else part)
    return "; ".join(parts)
