"""Daily-work rules from the user's settings: the Today windows and the coverage target.

Config keys (top level of config.toml): `renewal_window_days`, `plan_coverage_window_days`,
`plan_coverage_target` (0..1) and `survey_alert_days`. The check-in cadences are the scorecard's
(its `[cadence]` table), so the score, the list and Today agree on when a touch is late.
"""

from typing import Any

from cs_tui.domain.work.cadence import DEFAULT_CADENCES, Cadences
from cs_tui.domain.work.today_rules import TodayRules


def rules_from_settings(settings: Any, cadences: Cadences = DEFAULT_CADENCES) -> TodayRules:
    return TodayRules(
        cadences=cadences,
        renewal_window_days=settings.renewal_window_days,
        coverage_window_days=settings.plan_coverage_window_days,
        coverage_target=settings.plan_coverage_target,
        survey_window_days=settings.survey_alert_days,
    )


def load_today_rules(cadences: Cadences | None = None) -> TodayRules:
    """The rules of the config file (and CS_TUI_* environment variables), defaults elsewhere;
    the cadences given (the app's, read once), else the scorecard's."""
    from cs_tui.config import load_settings
    from cs_tui.io.scorecard_file import configured_cadences

    return rules_from_settings(load_settings(), cadences or configured_cadences())
