"""The daily-work rules of the config file, for the commands (a bad config is a clean message).

An invalid scorecard does not stop a CSM logging their day: its cadences fall back to the shipped
defaults, with a warning naming what is wrong, as the app does.
"""

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from cs_tui.domain.work.today_rules import TodayRules


def configured_rules() -> "TodayRules":
    from cs_tui.config import ConfigError, load_settings
    from cs_tui.data.work.settings import rules_from_settings
    from cs_tui.domain.scoring import ScorecardError
    from cs_tui.domain.work.cadence import DEFAULT_CADENCES
    from cs_tui.io.scorecard_file import configured_cadences

    try:
        settings = load_settings()
    except (ConfigError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    try:
        cadences = configured_cadences()
    except ScorecardError as error:
        click.secho(
            f"Warning: {error}\nCheck-in cadences fall back to the defaults until it is fixed.",
            fg="yellow",
            err=True,
        )
        cadences = DEFAULT_CADENCES
    try:
        return rules_from_settings(settings, cadences)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
