"""Daily-work rules: Today windows and coverage target from the config, cadences from the scorecard."""

import pytest

from cs_tui import locations
from cs_tui.config import ConfigError
from cs_tui.data.work.settings import load_today_rules
from cs_tui.domain.scoring import ScorecardError
from cs_tui.io.scorecard_file import DEFAULT_SCORECARD_FILE


def write_config(text: str) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_scorecard_cadences(table: str) -> None:
    """The shipped scorecard with another `[cadence]` table, as the user's scorecard.toml."""
    shipped = DEFAULT_SCORECARD_FILE.read_text(encoding="utf-8")
    start = shipped.index("[cadence]")
    end = shipped.index("\n[", start + 1)
    path = locations.user_scorecard_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(shipped[:start] + table + shipped[end:], encoding="utf-8")


def test_defaults_without_a_config_file() -> None:
    rules = load_today_rules()
    assert rules.cadences.for_segment("Enterprise") == 14
    assert (rules.renewal_window_days, rules.coverage_window_days) == (120, 183)
    assert (rules.coverage_target, rules.survey_window_days) == (0.5, 14)


def test_the_config_file_sets_windows_and_target() -> None:
    write_config("renewal_window_days = 90\nplan_coverage_target = 0.7\nsurvey_alert_days = 30\n")
    rules = load_today_rules()
    assert (rules.renewal_window_days, rules.coverage_target, rules.survey_window_days) == (
        90,
        0.7,
        30,
    )


def test_cadences_come_from_the_scorecard_in_force() -> None:
    write_scorecard_cadences(
        "[cadence]\ndefault_days = 45\ndays = { Enterprise = 7, Startup = 21 }\n"
    )
    rules = load_today_rules()
    assert rules.cadences.for_segment("enterprise") == 7
    assert rules.cadences.for_segment("Startup") == 21
    assert rules.cadences.for_segment("SMB") == 45  # not configured: the fallback


def test_a_bad_cadence_is_refused_naming_the_field() -> None:
    write_scorecard_cadences("[cadence]\ndays = { SMB = 0 }\n")
    with pytest.raises(ScorecardError, match="cadence"):
        load_today_rules()


def test_a_bad_window_is_refused_naming_the_key() -> None:
    write_config("renewal_window_days = 0\n")
    with pytest.raises(ConfigError, match="renewal_window_days"):
        load_today_rules()
