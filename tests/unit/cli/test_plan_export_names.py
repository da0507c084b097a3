"""A plan exported for the customer names our people as the config's team list does, not by login."""

import json
import os
from pathlib import Path

import pytest

from tests.conftest import TEST_USER
from tests.unit.cli.test_daily_work_cli import book, run

__all__ = ["book"]  # the fixture, shared with the daily-work commands


def write_config(text: str) -> None:
    folder = Path(os.environ["CS_TUI_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, "utf-8")


@pytest.fixture
def planned(book: Path) -> Path:
    assert run(book, "plan", "apply", "Acme", "onboarding", "--start", "-7d").exit_code == 0
    objective = json.loads(run(book, "plan", "show", "Acme", "--json").output)["objectives"][0]
    added = run(book, "plan", "milestone", objective["id"], "Kick-off deck", "--owner", "sam")
    assert added.exit_code == 0, added.output
    return book


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_team_members_appear_by_their_names(planned: Path, fmt: str) -> None:
    write_config(
        f'[[team]]\nlogin = "{TEST_USER}"\nname = "Tess Walker"\n\n'
        '[[team]]\nlogin = "sam"\nname = "Sam O\'Neil"\n'
    )
    exported = run(planned, "plan", "export", "Acme", "--format", fmt)
    assert exported.exit_code == 0, exported.output
    document = exported.stdout
    assert "Prepared by Tess Walker" in document
    assert "Sam O" in document and "Kick-off deck" in document
    assert TEST_USER not in document and "| sam |" not in document
    assert "Ana Lima" in document  # the customer's own people keep their names
    assert "Warning" not in exported.stderr


def test_a_login_without_a_name_is_shown_and_the_user_told_how_to_name_it(planned: Path) -> None:
    write_config(f'[[team]]\nlogin = "{TEST_USER}"\nname = "Tess Walker"\n')
    exported = run(planned, "plan", "export", "Acme")
    assert exported.exit_code == 0
    assert "Prepared by Tess Walker" in exported.stdout
    assert "Warning: the document shows 'sam' as typed" in exported.stderr
    assert '[[team]] login = "sam", name = ' in exported.stderr


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        ('[[team]]\nlogin = "sam"\n', "[[team]] entry 1 name: give the member's name"),
        ('team = "sam"\n', "[[team]] must be a list of tables"),
        ('[[team]]\nlogin = "a"\nname = "A"\n[[team]]\nlogin = "a"\nname = "B"\n',
         "entry 2 login: 'a' is listed twice"),
    ],
)  # fmt: skip
def test_a_wrong_team_list_is_named_and_nothing_is_written(
    planned: Path, tmp_path: Path, config: str, problem: str
) -> None:
    write_config(config)
    out = tmp_path / "plan.md"
    refused = run(planned, "plan", "export", "Acme", "--out", str(out))
    assert refused.exit_code == 1
    assert problem in refused.stderr and "config.toml" in refused.stderr
    assert not out.exists()
