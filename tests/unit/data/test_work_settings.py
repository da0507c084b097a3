"""Daily-work rules from the config file: cadences per segment, Today windows, coverage target."""

import pytest

from cs_tui import locations
from cs_tui.config import ConfigError
from cs_tui.data.work_settings import load_today_rules


def write_config(text: str) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_defaults_without_a_config_file() -> None:
    rules = load_today_rules()
    assert rules.cadences.days_for("Enterprise") == 14
    assert (rules.renewal_window_days, rules.coverage_window_days) == (120, 183)
    assert (rules.coverage_target, rules.survey_window_days) == (0.5, 14)


def test_the_config_file_sets_cadences_windows_and_target() -> None:
    write_config(
        "renewal_window_days = 90\nplan_coverage_target = 0.7\nsurvey_alert_days = 30\n"
        "cadence_fallback_days = 45\n[cadence_days]\nEnterprise = 7\nStartup = 21\n"
    )
    rules = load_today_rules()
    assert rules.cadences.days_for("enterprise") == 7
    assert rules.cadences.days_for("Startup") == 21
    assert rules.cadences.days_for("SMB") == 45  # not configured: the fallback
    assert (rules.renewal_window_days, rules.coverage_target, rules.survey_window_days) == (
        90,
        0.7,
        30,
    )


def test_a_bad_cadence_is_refused_naming_the_key() -> None:
    write_config("[cadence_days]\nSMB = 0\n")
    with pytest.raises(ConfigError, match="cadence_days"):
        load_today_rules()
