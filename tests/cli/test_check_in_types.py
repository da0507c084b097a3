"""`cs-tui log --type` takes the words the README and the app's form give: `m`, `note`, `qbr`..."""

import json

import pytest

from tests.cli.conftest import Run


@pytest.fixture
def account(run: Run) -> str:
    assert run("demo", "--accounts", "3", "--seed", "4").exit_code == 0
    return str(json.loads(run("accounts", "list", "--json").stdout)[0]["name"])


@pytest.mark.parametrize(
    ("typed", "stored", "said"),
    [
        ("m", "Meeting", "Logged meeting"),
        ("meeting", "Meeting", "Logged meeting"),
        ("note", "Internal note", "Logged internal note"),
        ("internal_note", "Internal note", "Logged internal note"),
        ("EBR", "QBR", "Logged qbr"),
        ("em", "Email", "Logged email"),
    ],
)
def test_the_type_words_of_the_form_are_accepted(
    run: Run, account: str, typed: str, stored: str, said: str
) -> None:
    logged = run("log", account, "--type", typed, "--summary", f"Typed {typed}")
    assert logged.exit_code == 0, logged.output
    assert logged.stdout.startswith(said)
    timeline = json.loads(run("timeline", account, "--json").stdout)
    assert [e["title"] for e in timeline if e["detail"] == f"Typed {typed}"] == [stored]


@pytest.mark.parametrize(("typed", "why"), [("e", "'e' is not a check-in type"),
                                             ("lunch", "'lunch' is not a check-in type")])  # fmt: skip
def test_an_unknown_or_ambiguous_type_names_the_flag_and_writes_nothing(
    run: Run, account: str, typed: str, why: str
) -> None:
    before = run("timeline", account, "--json").stdout
    refused = run("log", account, "--type", typed, "--summary", "Never stored")
    assert refused.exit_code == 2
    assert "--type" in refused.stderr and why in refused.stderr
    assert "call, meeting, email" in refused.stderr
    assert "Traceback" not in refused.output
    assert run("timeline", account, "--json").stdout == before
