"""Reading scorecards: the shipped one is valid; an invalid one is refused naming the field."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cs_tui.domain.scoring import ScorecardError, parse_scorecard
from cs_tui.io.scorecard_file import (
    DEFAULT_SCORECARD_FILE,
    current_scorer,
    read_scorecard,
    scorecard_path,
)
from tests.scoring_helpers import small_card_data, steps

Change = Callable[[dict[str, Any]], None]


def test_the_shipped_scorecard_is_valid_and_covers_every_measure() -> None:
    card = read_scorecard(DEFAULT_SCORECARD_FILE)
    assert {m.name for m in card.measures} == {
        "licence_utilisation", "usage_trend", "feature_adoption", "open_tickets",
        "first_response_hours", "nps", "csat", "last_touch", "plan_progress",
        "overdue_followups", "csm_sentiment",
    }  # fmt: skip
    assert card.cadences.days == {"Enterprise": 14, "Mid-Market": 30, "SMB": 60}
    assert card.cadences.overdue_factor == 1.5
    assert card.signals.nps_window_days == 180 and card.signals.csat_window_days == 90
    assert card.bands.label("yellow") == "Watch"


def _set(path: str, value: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[part]
        target[last] = value

    return change


def _drop(path: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[part]
        del target[last]

    return change


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (_set("measures.nps.weight", -1), "measures.nps.weight", "must be positive"),
        (_set("measures.nps.weight", 0), "measures.nps.weight", "must be positive"),
        (_set("groups.usage.weight", "heavy"), "groups.usage.weight", "must be a number"),
        (_set("measures.nps.thresholds", [50, -50]), "measures.nps.thresholds", "increasing"),
        (_set("measures.nps.scores", [100, 0]), "measures.nps.scores", "must rise"),
        (_set("measures.nps.scores", [0, 120]), "measures.nps.scores", "between 0 and 100"),
        (_set("measures.last_touch.scores", [100, 0]), "measures.last_touch.scores",
         "one more score than thresholds"),
        (_set("measures.nps.curve", "curvy"), "measures.nps.curve", "linear or steps"),
        (_set("measures.nps.direction", "up"), "measures.nps.direction", "higher or lower"),
        (_set("measures.nps.group", "money"), "measures.nps.group", "unknown name 'money'"),
        (_set("measures.happiness", steps("usage", 1, [1], [0, 100])), "measures.happiness",
         "unknown name 'happiness'"),
        (_set("measures.nps.colour", "blue"), "measures.nps.colour", "unknown name 'colour'"),
        (_set("groups.empty", {"label": "Empty", "weight": 1}), "groups.empty", "has no measures"),
        (_set("bands.yellow.from", 55), "bands.yellow.from", "cover 0-100"),
        (_set("bands.red.from", 10), "bands.red.from", "must be 0"),
        (_set("bands.green.to", 90), "bands.green.to", "must be 100"),
        (_drop("bands.green"), "bands.green", "is missing"),
        (_set("min_coverage", 1.5), "min_coverage", "between 0 and 1"),
        (_set("min_covrage", 0.5), "min_covrage", "unknown name"),
        (_set("cadence.days.SMB", 0), "cadence.days.SMB", "whole number"),
        (_set("unscored_stages", ["gone"]), "unscored_stages", "unknown name 'gone'"),
        (_set("profiles", {"x": {"label": "X"}}), "profiles.x", "needs segments or stages"),
        (_set("profiles", {"x": {"stages": ["later"]}}), "profiles.x.stages", "unknown name"),
        (_set("profiles", {"x": {"segments": ["SMB"], "exclude": ["csat"]}}),
         "profiles.x.exclude", "unknown name 'csat'"),
        (_set("profiles", {"x": {"segments": ["SMB"], "groups": {"usage": -2}}}),
         "profiles.x.groups.usage", "must be positive"),
        (_set("profiles", {"x": {"segments": ["SMB"],
                                 "measures": {"nps": {"thresholds": [9, 1]}}}}),
         "profiles.x.measures.nps.thresholds", "increasing"),
        (_set("signals", {"usage_metric": "Logins 30d"}), "signals.usage_metric",
         "not a metric name"),
    ],
)  # fmt: skip
def test_an_invalid_scorecard_is_refused_naming_the_field(
    change: Change, field: str, words: str
) -> None:
    data = small_card_data()
    change(data)
    with pytest.raises(ScorecardError) as refused:
        parse_scorecard(data, source="scorecard.toml")
    assert any(path == field and words in message for path, message in refused.value.problems), (
        refused.value.problems
    )
    assert str(refused.value).startswith("scorecard.toml: invalid scorecard: ")
    assert field in str(refused.value)


def test_every_problem_is_reported_at_once() -> None:
    data = small_card_data()
    data["measures"]["nps"]["weight"] = -1
    data["bands"]["yellow"]["from"] = 60
    with pytest.raises(ScorecardError) as refused:
        parse_scorecard(data)
    assert {path for path, _ in refused.value.problems} == {
        "measures.nps.weight",
        "bands.yellow.from",
    }


def test_a_user_scorecard_in_the_config_folder_replaces_the_shipped_one(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    assert scorecard_path() == DEFAULT_SCORECARD_FILE
    text = DEFAULT_SCORECARD_FILE.read_text().replace("min_coverage = 0.5", "min_coverage = 0.8")
    (config / "scorecard.toml").write_text(text)
    assert scorecard_path() == config / "scorecard.toml"
    assert current_scorer().card.min_coverage == 0.8


def test_the_config_file_can_point_to_a_scorecard_elsewhere(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "config.toml").write_text('scorecard = "cards/team.toml"\n')
    assert scorecard_path() == config / "cards" / "team.toml"
    with pytest.raises(
        ScorecardError, match=r"team\.toml: invalid scorecard: file: does not exist"
    ):
        current_scorer()


def test_a_broken_toml_file_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    path.write_text("min_coverage = \n")
    with pytest.raises(
        ScorecardError, match=r"card\.toml: invalid scorecard: file: not valid TOML"
    ):
        read_scorecard(path)
