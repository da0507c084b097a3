"""The `cs-tui` command: bare, it opens the app; its subcommands script the same operations.

Subcommands import their heavy dependencies (the ORM, the importers) only when they run, so that
`cs-tui --help` and opening the app stay fast.
"""

import importlib
import sys

import click

from cs_tui import __version__
from cs_tui.cli.context import CliContext, database_option


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "--version", "-V", prog_name="cs-tui")
@database_option
@click.option(
    "--screen",
    type=click.Choice(["today", "accounts"]),
    default=None,
    help="The screen to open on (default: start_screen from the config, else today).",
)
@click.pass_context
def cli(ctx: click.Context, screen: str | None) -> None:
    """cs-tui: your book of accounts, their health and your daily work, in the terminal.

    Run without a command to open the app.
    """
    ctx.ensure_object(CliContext)
    if ctx.invoked_subcommand is None:
        from cs_tui.launch import run_app

        ctx.exit(run_app(database=ctx.obj.database, screen=screen))


COMMAND_MODULES = (
    "accounts",
    "config_cmd",
    "db",
    "demo",
    "export",
    "followups",
    "health",
    "imports",
    "incentives",
    "locate",
    "log",
    "metrics",
    "plan",
    "qbr",
    "review",
    "revenue",
    "score",
    "stakeholders",
    "survey_import",
    "surveys",
    "team",
    "timeline",
    "today",
    "team_move",  # after any module that makes the `team` group
)


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"cs_tui.cli.{name}").register(cli)


_register_commands()


def main() -> None:
    cli.main(args=sys.argv[1:], prog_name="cs-tui")
