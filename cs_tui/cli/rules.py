"""The daily-work rules of the config file, for the commands (a bad config is a clean message)."""

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from cs_tui.domain.work.today_rules import TodayRules


def configured_rules() -> "TodayRules":
    from cs_tui.config import ConfigError
    from cs_tui.data.work.settings import load_today_rules

    try:
        return load_today_rules()
    except (ConfigError, ValueError) as error:
        raise click.ClickException(str(error)) from error
