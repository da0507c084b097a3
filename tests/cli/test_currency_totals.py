"""Totals over accounts in several currencies name each currency, or convert with the config's rates."""

import json
import os
import uuid
from datetime import date
from pathlib import Path

import pytest

from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.store.database import open_database
from cs_tui.domain.book import account_row as R
from cs_tui.domain.money import format_money
from cs_tui.models import RevenueEvent
from tests.cli.conftest import FIXTURES, Run
from tests.conftest import TEST_USER


def write_config(text: str) -> None:
    folder = Path(os.environ["CS_TUI_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, "utf-8")


@pytest.fixture
def mixed_book(run: Run, tmp_path: Path) -> None:
    """Two dollar accounts (1.0M and 0.2M) and one euro account (0.3M)."""
    csv = tmp_path / "book.csv"
    csv.write_text(
        "Account Name,Account Owner,ARR,Currency,Renewal Date\n"
        "Dollar One,tess,1000000,USD,2027-03-01\n"
        "Dollar Two,tess,200000,USD,2027-04-01\n"
        "Euro One,tess,300000,EUR,2027-05-01\n",
        "utf-8",
    )
    imported = run("import", "accounts", str(csv))
    assert imported.exit_code == 0, imported.output
    rows = json.loads(run("accounts", "list", "--json").stdout)
    assert {(r["name"], r["currency"]) for r in rows} == {
        ("Dollar One", "USD"), ("Dollar Two", "USD"), ("Euro One", "EUR")
    }  # fmt: skip


def test_without_rates_each_currency_is_summed_apart(run: Run, mixed_book: None) -> None:
    listed = run("accounts", "list")
    assert listed.exit_code == 0, listed.output
    assert "3 accounts · USD 1.2M · EUR 300k ARR" in listed.stderr
    assert "$" not in listed.stderr


def test_with_a_base_and_rates_the_total_is_converted_and_says_how(
    run: Run, mixed_book: None
) -> None:
    write_config('[currency]\nbase = "USD"\nrates = { EUR = 1.1 }\n')
    listed = run("accounts", "list")
    assert "3 accounts · USD 1.5M (EUR at 1.1) ARR" in listed.stderr  # 1.2M + 0.33M


def test_a_currency_without_a_rate_stays_apart(run: Run, mixed_book: None) -> None:
    write_config('[currency]\nbase = "USD"\nrates = { GBP = 1.25 }\n')
    assert "3 accounts · USD 1.2M · EUR 300k ARR" in run("accounts", "list").stderr


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        ('[currency]\nbase = "dollars"\n', "[currency] base: 'dollars' is not a currency code"),
        ('[currency]\nbase = "USD"\nrates = { EUR = 0 }\n', "rates.EUR: must be a positive"),
        ('[currency]\nbase = "USD"\nrates = { EUR = "1.1" }\n', "rates.EUR: '1.1' is not a number"),
        ('[currency]\nbase = "USD"\nrates = { euro = 1.1 }\n', "rates.euro: not a currency code"),
        ("[currency]\nrates = { EUR = 1.1 }\n", "[currency] base: say which currency"),
    ],
)
def test_a_wrong_currency_table_is_named_and_nothing_runs(
    run: Run, mixed_book: None, config: str, problem: str
) -> None:
    write_config(config)
    refused = run("accounts", "list")
    assert refused.exit_code == 1
    assert problem in refused.stderr and "config.toml" in refused.stderr
    assert "Traceback" not in refused.output


def test_a_single_currency_book_is_unchanged(run: Run) -> None:
    assert run("import", "accounts", str(FIXTURES / "salesforce_report.csv")).exit_code == 0
    title = run("accounts", "list").stderr
    assert "accounts · USD" in title and "EUR" not in title


def test_churned_arr_by_reason_is_given_per_currency(
    run: Run, mixed_book: None, book_path: Path
) -> None:
    db = open_database(str(book_path), user=TEST_USER)
    try:
        rows = {r[R.NAME]: r[R.ID] for r in fetch_account_rows(db)}
        with db.write() as session:
            for name, amount, currency in (("Dollar One", 1_500_000, "USD"),
                                           ("Euro One", 500_000, "EUR")):  # fmt: skip
                session.add(RevenueEvent(
                    account_id=uuid.UUID(rows[name]), kind="churn", amount_minor=amount,
                    currency=currency, occurred_on=date(2026, 1, 10), reason_code="budget",
                ))  # fmt: skip
    finally:
        db.close()
    text = run("surveys", "reasons")
    assert text.exit_code == 0, text.output
    dollars, euros = format_money(1_500_000, "USD"), format_money(500_000, "EUR")
    assert any(dollars in line and euros in line for line in text.stdout.splitlines())
    assert format_money(2_000_000, "USD") not in text.stdout  # never one sum over two currencies
    data = json.loads(run("surveys", "reasons", "--json").stdout)
    (budget,) = [r for c in data["categories"] for r in c["reasons"] if r["code"] == "budget"]
    assert budget["judged_arr_lost"] == [
        {"currency": "EUR", "amount_minor": 500_000},
        {"currency": "USD", "amount_minor": 1_500_000},
    ]
