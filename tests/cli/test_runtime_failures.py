"""A write that is saved is reported as saved, even when what derives from it cannot be refreshed."""

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run


def test_a_check_in_logged_with_a_broken_scorecard_is_saved_and_the_user_warned(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("demo", "--accounts", "5", "--seed", "2").exit_code == 0
    name = json.loads(run("accounts", "list", "--json").stdout)[0]["name"]
    card = tmp_path / "broken.toml"
    card.write_text("[groups.usage]\nweight = 'heavy'\n")
    monkeypatch.setenv("CS_TUI_SCORECARD", str(card))
    logged = run("log", name, "--type", "call", "--summary", "Checked the rollout")
    assert logged.exit_code == 0, logged.output
    assert "Warning: Saved, but the health scores were not refreshed" in logged.stderr
    assert str(card) in logged.stderr
    monkeypatch.delenv("CS_TUI_SCORECARD")
    timeline = json.loads(run("timeline", name, "--json").stdout)
    assert any("Checked the rollout" in str(entry) for entry in timeline)
