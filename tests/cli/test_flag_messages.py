"""A wrong value on the command line is named by its flag and said in plain words, and writes
nothing."""

import json

import pytest

from tests.cli.conftest import Run


@pytest.fixture
def account(run: Run) -> str:
    assert run("demo", "--accounts", "3", "--seed", "4").exit_code == 0
    return str(json.loads(run("accounts", "list", "--json").stdout)[0]["name"])


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (("--summary", ""), "--summary: cannot be empty"),
        (("--summary", "Call", "--nps", "11"), "--nps: must be at most 10"),
        (("--summary", "Call", "--sentiment", "9"), "--sentiment: must be at most 5"),
        (("--summary", "Call", "--csat", "0"), "--csat: must be at least 1"),
    ],
)
def test_a_check_in_value_out_of_range_names_its_flag(
    run: Run, account: str, flags: tuple[str, ...], said: str
) -> None:
    before = json.loads(run("timeline", account, "--json").stdout)
    logged = run("log", account, *flags)
    assert logged.exit_code == 1
    assert f"Error: {said}" in logged.output
    assert "Input should" not in logged.output and "String should" not in logged.output
    assert json.loads(run("timeline", account, "--json").stdout) == before
