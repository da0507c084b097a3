"""Daily-work rules from the user's settings: cadences, the Today windows and the coverage target.

Config keys (top level of config.toml): `cadence_days` (a table of segment = days),
`cadence_fallback_days`, `renewal_window_days`, `plan_coverage_window_days`,
`plan_coverage_target` (0..1) and `survey_alert_days`.
"""

from typing import Any

from cs_tui.domain.cadence import Cadences
from cs_tui.domain.today_rules import TodayRules


def rules_from_settings(settings: Any) -> TodayRules:
    return TodayRules(
        cadences=Cadences(dict(settings.cadence_days), settings.cadence_fallback_days),
        renewal_window_days=settings.renewal_window_days,
        coverage_window_days=settings.plan_coverage_window_days,
        coverage_target=settings.plan_coverage_target,
        survey_window_days=settings.survey_alert_days,
    )


def load_today_rules() -> TodayRules:
    """The rules of the config file (and CS_TUI_* environment variables), defaults elsewhere."""
    from cs_tui.config import load_settings

    return rules_from_settings(load_settings())
