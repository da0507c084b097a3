"""Adding and editing accounts and stakeholders from the command line, and every bad input."""

import json
from typing import Any

import pytest

from tests.cli.conftest import Run


def shown(run: Run, reference: str) -> dict[str, Any]:
    result = run("accounts", "show", reference, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture
def acme(run: Run) -> dict[str, Any]:
    result = run(
        "accounts", "add", "Acme Analytics", "--owner", "tess", "--segment", "enterprise",
        "--industry", "Software", "--stage", "adoption", "--arr", "12,500.00", "--currency", "usd",
        "--contract-start", "2026-04-01", "--renewal", "2027-03-31", "--auto-renew",
        "--seats", "50", "--tags", "beta, emea", "--domain", "acme.com", "--external-id", "0015A",
        "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_add_sets_every_field_and_prints_the_record(acme: dict[str, Any], run: Run) -> None:
    assert {k: acme[k] for k in ("name", "owner", "segment", "industry", "lifecycle_stage")} == {
        "name": "Acme Analytics", "owner": "tess", "segment": "Enterprise",
        "industry": "Software", "lifecycle_stage": "adoption",
    }  # fmt: skip
    assert (acme["arr_minor"], acme["currency"]) == (1_250_000, "USD")
    assert (acme["contract_start"], acme["contract_end"]) == ("2026-04-01", "2027-03-31")
    assert (acme["auto_renew"], acme["licensed_seats"]) == (True, 50)
    assert (acme["tags"], acme["domain"], acme["external_id"]) == (
        ["beta", "emea"], "acme.com", "0015A",
    )  # fmt: skip
    listed = json.loads(run("accounts", "list", "--json").stdout)
    assert [row["name"] for row in listed] == ["Acme Analytics"]
    text = run("accounts", "add", "Beta Corp")
    assert text.exit_code == 0
    assert "Added Beta Corp" in text.stdout and "ARR             $0" in text.stdout


def test_edit_changes_only_the_named_fields(acme: dict[str, Any], run: Run) -> None:
    result = run("accounts", "edit", "Acme", "--renewal", "2027-06-30", "--no-auto-renew",
                 "--seats", "", "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    after = json.loads(result.stdout)
    assert (after["contract_end"], after["auto_renew"], after["licensed_seats"]) == (
        "2027-06-30", False, None,
    )  # fmt: skip
    untouched = {
        k: v
        for k, v in acme.items()
        if k not in {"contract_end", "auto_renew", "licensed_seats", "updated_at"}
    }
    assert {k: after[k] for k in untouched} == untouched  # fmt: skip
    renamed = run("accounts", "edit", "0015A", "--name", "Acme Group")
    assert renamed.exit_code == 0 and "Saved Acme Group." in renamed.stdout


def test_an_ambiguous_name_lists_the_candidates_and_changes_nothing(
    acme: dict[str, Any], run: Run
) -> None:
    run("accounts", "add", "Acme Robotics")
    result = run("accounts", "edit", "acme", "--owner", "sam")
    assert result.exit_code == 1
    assert "'acme' matches several accounts: Acme Analytics (0015A), Acme Robotics" in result.stderr
    assert "Give the full name, the CRM id or the id." in result.stderr
    assert shown(run, "0015A")["owner"] == "tess"
    assert run("accounts", "delete", "acme").exit_code == 1
    assert len(json.loads(run("accounts", "list", "--json").stdout)) == 2


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--renewal", "2027-02-30"], "Error: --renewal: '2027-02-30' is not a date (write it as"),
        (["--contract-start", "31/03/2026"], "Error: --contract-start: '31/03/2026' is not a date"),
        (["--arr", "-100"], "Error: --arr: ARR cannot be negative"),
        (["--arr", "lots"], "Error: --arr: not an amount"),
        (["--currency", "dollars"], "Error: --currency: not a currency (expected a three-letter"),
        (["--stage", "happy"], "Error: --stage: not a lifecycle stage (expected one of"),
        (["--seats", "1.5"], "Error: --seats: not a whole number"),
        (["--domain", "a b"], "Error: --domain: 'a b' is not a domain name"),
        (
            ["--renewal", "2025-01-01"],
            "Error: --renewal: 2025-01-01 is before --contract-start 2026",
        ),
        (["--arr", "5 EUR", "--currency", "GBP"], "--arr: the amount is in EUR, but --currency"),
    ],
)
def test_bad_input_names_the_flag_and_writes_nothing(
    acme: dict[str, Any], run: Run, flags: list[str], message: str
) -> None:
    result = run("accounts", "edit", "Acme Analytics", *flags)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert shown(run, "0015A") == acme
    added = run("accounts", "add", "Other Co", "--contract-start", "2026-04-01", *flags)
    assert added.exit_code == 1 and message.split(":")[1] in added.stderr
    assert len(json.loads(run("accounts", "list", "--json").stdout)) == 1


def test_unknown_accounts_empty_names_and_empty_edits_are_refused(run: Run) -> None:
    unknown = run("accounts", "edit", "Nobody", "--owner", "sam")
    assert unknown.exit_code == 1
    assert "Error: no account matches 'Nobody'" in unknown.stderr
    empty = run("accounts", "add", "  ")
    assert empty.exit_code == 1 and "Error: NAME: cannot be empty" in empty.stderr
    run("accounts", "add", "Zeta")
    nothing = run("accounts", "edit", "Zeta")
    assert nothing.exit_code == 2 and "Name at least one field to change" in nothing.stderr
    taken = run("accounts", "add", "Copy", "--external-id", "X1")
    assert taken.exit_code == 0
    again = run("accounts", "add", "Copy 2", "--external-id", "X1")
    assert (
        again.exit_code == 1 and "--external-id: 'X1' is already the CRM id of Copy" in again.stderr
    )


def test_delete_is_undone_by_restore(acme: dict[str, Any], run: Run) -> None:
    deleted = run("accounts", "delete", "Acme Analytics")
    assert deleted.exit_code == 0
    assert f"Undo with: cs-tui accounts restore {acme['id']}" in deleted.stdout
    assert json.loads(run("accounts", "list", "--json").stdout) == []
    assert run("accounts", "show", "0015A").exit_code == 1
    again = run("accounts", "delete", "Acme Analytics")
    assert again.exit_code == 1 and "no account matches" in again.stderr
    restored = run("accounts", "restore", "Acme Analytics", "--json")
    assert restored.exit_code == 0
    assert json.loads(restored.stdout)["id"] == acme["id"]
    assert [row["name"] for row in json.loads(run("accounts", "list", "--json").stdout)] == [
        "Acme Analytics"
    ]
    nothing = run("accounts", "restore", "Acme Analytics")
    assert nothing.exit_code == 1 and "no deleted account matches" in nothing.stderr


def test_stakeholders_are_listed_added_edited_and_deleted(acme: dict[str, Any], run: Run) -> None:
    ana = run("stakeholders", "add", "Acme", "Ana Lima", "--email", "ana@acme.com",
              "--role", "champion", "--primary", "--json")  # fmt: skip
    assert ana.exit_code == 0, ana.output
    ana_id = json.loads(ana.stdout)["id"]
    bob = run("stakeholders", "add", "0015A", "Bob Smith", "--title", "CFO", "--role", "sponsor")
    assert bob.exit_code == 0 and "Role     sponsor" in bob.stdout
    listed = json.loads(run("stakeholders", "list", "Acme", "--json").stdout)
    assert [(p["name"], p["role"], p["is_primary"]) for p in listed] == [
        ("Ana Lima", "champion", True), ("Bob Smith", "executive_sponsor", False),
    ]  # fmt: skip
    bob_id = listed[1]["id"]
    edited = run("stakeholders", "edit", bob_id, "--primary", "--json")
    assert edited.exit_code == 0
    assert json.loads(edited.stdout)["title"] == "CFO"  # untouched fields stay
    listed = json.loads(run("stakeholders", "list", "Acme", "--json").stdout)
    assert [(p["name"], p["is_primary"]) for p in listed] == [
        ("Bob Smith", True), ("Ana Lima", False),
    ]  # fmt: skip
    table = run("stakeholders", "list", "Acme")
    assert f"{ana_id}\tAna Lima\tchampion" in table.stdout
    deleted = run("stakeholders", "delete", ana_id)
    assert deleted.exit_code == 0 and "Deleted Ana Lima" in deleted.stdout
    assert len(json.loads(run("stakeholders", "list", "Acme", "--json").stdout)) == 1
    assert run("stakeholders", "restore", ana_id).exit_code == 0
    assert len(json.loads(run("stakeholders", "list", "Acme", "--json").stdout)) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "Acme", "Cy", "--role", "boss"], "Error: --role: 'boss' is not a role (expected"),
        (["add", "Acme", "Cy", "--email", "cy at acme"], "Error: --email: email 'cy at acme'"),
        (["add", "Nobody", "Cy"], "Error: no account matches 'Nobody'"),
        (["list", "Nobody"], "Error: no account matches 'Nobody'"),
        (["edit", "12ab", "--title", "CTO"], "Error: '12ab' is not a stakeholder id"),
        (["delete", "0" * 32], "Error: no stakeholder has the id"),
        (["add", "Acme", ""], "Error: NAME: cannot be empty"),
    ],
)
def test_bad_stakeholder_input_is_named_and_nothing_is_written(
    acme: dict[str, Any], run: Run, args: list[str], message: str
) -> None:
    result = run("stakeholders", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert json.loads(run("stakeholders", "list", "Acme", "--json").stdout) == []
