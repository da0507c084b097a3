"""The program's entry point: a bare `cs-tui` opens the app at once; anything else is a command.

Opening the app is what users do most, so it skips loading the command line's machinery (click and
every command module, about a tenth of a second) when the arguments only choose the database and the
first screen. Every other invocation goes through the click group in `cs_tui.cli`.
"""

import sys
from collections.abc import Sequence

LAUNCH_OPTIONS = {"--db": "database", "--screen": "screen"}
SCREENS = ("today", "accounts")


def launch_arguments(argv: Sequence[str]) -> dict[str, str] | None:
    """`{"database": ..., "screen": ...}` when `argv` only opens the app; else None (a command)."""
    found: dict[str, str] = {}
    items = list(argv)
    while items:
        token = items.pop(0)
        name, equals, value = token.partition("=")
        if name not in LAUNCH_OPTIONS or LAUNCH_OPTIONS[name] in found:
            return None
        if not equals:
            if not items:
                return None
            value = items.pop(0)
        if not value or (name == "--screen" and value not in SCREENS):
            return None
        found[LAUNCH_OPTIONS[name]] = value
    return found


def main() -> None:
    launch = launch_arguments(sys.argv[1:])
    if launch is not None:
        from cs_tui.launch import run_app

        sys.exit(run_app(database=launch.get("database"), screen=launch.get("screen")))
    from cs_tui.cli import main as run_command

    run_command()
