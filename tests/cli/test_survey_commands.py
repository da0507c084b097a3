"""`cs-tui import surveys`, `cs-tui surveys` and `cs-tui surveys reasons`, as a user runs them."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import Run

SURVEYS = Path(__file__).parent.parent / "fixtures" / "surveys"
ACCOUNTS = (
    "Account Name,Website,Account ID,Account Owner\n"
    "Acme Analytics,acme.com,0015ACME,tess\nGlobex,https://www.globex.com,0015GLOB,sam\n"
    "Initech,initech.com,0011,tess\n"
)


@pytest.fixture
def book(run: Run, tmp_path: Path) -> Run:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(ACCOUNTS)
    assert run("import", "accounts", str(accounts)).exit_code == 0
    return run


def test_a_qualtrics_export_imports_once_and_lists_the_unmatched(book: Run) -> None:
    source = str(SURVEYS / "qualtrics_nps.csv")
    first = book("import", "surveys", source)
    assert first.exit_code == 0, first.output
    assert "Qualtrics export; score question Q1 'How likely are you to recommend" in first.stdout
    assert "import it with --question 'Q2_1'" in first.stdout
    assert "Imported 3 new responses for 3 accounts" in first.stdout
    assert (
        "qualtrics_nps.csv:7 incomplete, skipped: unfinished response (Finished = 0)"
        in first.stderr
    )
    assert "1 respondent not matched to an account" in first.stderr
    assert (
        "qualtrics_nps.csv:9 kit@unknown-corp.example: no account has the domain "
        "unknown-corp.example"
    ) in first.stderr
    again = book("import", "surveys", source)
    assert "Imported 0 new responses for 0 accounts (3 already imported" in again.stdout
    listed = json.loads(book("surveys", "--json").stdout)
    assert len(listed["responses"]) == 3


def test_invalid_rows_mean_nothing_is_imported(book: Run) -> None:
    source = str(SURVEYS / "plain_bad.csv")
    refused = book("import", "surveys", source, "--kind", "nps")
    assert refused.exit_code == 1
    assert "plain_bad.csv:3 [score] '11': NPS score must be 0-10, not 11" in refused.stderr
    assert "plain_bad.csv:4 [date] 'someday': not a date" in refused.stderr
    assert "nothing was imported because of the invalid rows above" in refused.stderr
    assert json.loads(book("surveys", "--json").stdout)["responses"] == []
    skipped = book("import", "surveys", source, "--kind", "nps", "--skip-invalid")
    assert skipped.exit_code == 0 and "Imported 1 new response for 1 account" in skipped.stdout


def test_a_dry_run_and_a_missing_kind(book: Run) -> None:
    dry = book("import", "surveys", str(SURVEYS / "delighted_nps.csv"), "--dry-run")
    assert "Dry run, nothing written: would import 2 new responses" in dry.stdout
    assert json.loads(book("surveys", "--json").stdout)["responses"] == []
    no_kind = book("import", "surveys", str(SURVEYS / "plain_nps.csv"))
    assert no_kind.exit_code == 1 and "pass --kind nps or --kind csat" in no_kind.stderr


def test_a_new_detractor_raises_one_follow_up(book: Run, tmp_path: Path) -> None:
    source = tmp_path / "pulse.csv"
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    source.write_text(f"email,nps,date,comment\njo@acme.com,2,{yesterday},Too slow\r\n")
    first = book("import", "surveys", str(source))
    assert "Raised 1 follow-up on Today" in first.stdout
    book("import", "surveys", str(source))
    follow_ups = json.loads(book("followups", "--all", "--json").stdout)
    assert [f["title"] for f in follow_ups] == [
        f"Detractor on the survey: jo@acme.com gave NPS 2 on {yesterday}; call back"
    ]


def test_surveys_filter_by_account_and_moment(book: Run) -> None:
    book("import", "surveys", str(SURVEYS / "qualtrics_nps.csv"))
    book("import", "surveys", str(SURVEYS / "surveymonkey_exit.csv"), "--moment", "exit")
    exits = json.loads(book("surveys", "--moment", "exit", "--json").stdout)
    assert {r["account"] for r in exits["responses"]} == {"Globex", "Initech"}
    scores = {s["moment"]: s for s in exits["scores"]}
    assert (scores["exit"]["csat"], scores["exit"]["csat_responses"]) == (50.0, 2)
    globex = book("surveys", "--account", "Globex")
    assert globex.exit_code == 0
    assert "Love the new dashboards" in globex.stdout and "Initech" not in globex.stdout
    assert "Periodic: NPS +100 (1), CSAT - (0)" in globex.stdout


def test_exit_reasons_stated_beside_judged(book: Run) -> None:
    imported = book("import", "surveys", str(SURVEYS / "plain_exit.csv"))
    assert imported.exit_code == 0, imported.output
    assert (
        "Exit reasons by the reason taxonomy: 1 budget, 1 competitor, 1 low_adoption, 1 price, "
        "1 product_gap." in imported.stdout
    )
    assert "2 exit reasons in no reason of the taxonomy" in imported.stdout
    assert "plain_exit.csv:7 'the moon was in the wrong phase'" in imported.stdout
    again = book("import", "surveys", str(SURVEYS / "plain_exit.csv"))
    assert "Exit reasons" not in again.stdout and "8 already imported" in again.stdout
    for name, arr in (("Globex", "12000"), ("Acme Analytics", "5000")):
        sold = book(
            "revenue", "add", name, "--kind", "new", "--amount", arr, "--date", "2026-01-05"
        )
        assert sold.exit_code == 0, sold.output
    assert book("revenue", "add", "Globex", "--kind", "churn", "--date", "2026-06-10",
                "--reason", "budget").exit_code == 0  # fmt: skip
    assert book("revenue", "add", "Acme Analytics", "--kind", "churn", "--date", "2026-06-10",
                "--reason", "competitor", "--competitor", "ChurnZero").exit_code == 0  # fmt: skip
    shown = book("surveys", "reasons", "--json")
    assert shown.exit_code == 0, shown.output
    found = json.loads(shown.stdout)
    assert set(found) == {
        "since", "until", "exit_responses", "churn_events", "without_reason",
        "agreeing_accounts", "compared_accounts", "categories", "unmapped",
    }  # fmt: skip
    assert (found["exit_responses"], found["churn_events"], found["without_reason"]) == (8, 2, 1)
    assert [c["category"] for c in found["categories"]] == [
        "Money",
        "Competition",
        "Product",
        "Value",
    ]
    money = found["categories"][0]
    assert (money["stated"], money["judged"]) == (2, 1)
    assert money["judged_arr_lost"] == [{"currency": "USD", "amount_minor": 1_200_000}]
    budget, price = money["reasons"]
    assert budget == {
        "code": "budget", "label": "Budget cut", "stated": 1, "judged": 1,
        "stated_arr_lost": [{"currency": "USD", "amount_minor": 1_200_000}],
        "judged_arr_lost": [{"currency": "USD", "amount_minor": 1_200_000}],
        "competitors": [],
    }  # fmt: skip
    assert price["competitors"] == [{"name": "ChurnZero", "stated": 1, "judged": 0}]
    assert found["unmapped"] == [
        {"text": "The moon was in the wrong phase", "count": 2, "competitors": ["Vitally"]}
    ]
    assert (found["agreeing_accounts"], found["compared_accounts"]) == (1, 2)
    table = book("surveys", "reasons")
    assert table.exit_code == 0, table.output
    assert "  Budget cut\t1\t$12,000\t1\t$12,000\t" in table.stdout
    assert "Money\t2\t$17,000\t1\t$12,000\t" in table.stdout
    assert "ChurnZero (1 judged), Gainsight (1 stated)" in table.stdout
    assert "2 x 'The moon was in the wrong phase' (to Vitally)" in table.stdout
    june = json.loads(book("surveys", "reasons", "--period", "2026-06", "--json").stdout)
    assert june["since"] == "2026-06-01" and june["exit_responses"] == 8
    may = book("surveys", "reasons", "--period", "2026-05")
    assert "No exit survey reasons and no churn events in" in may.stdout


def test_an_exit_survey_export_keeps_its_stated_reasons(book: Run) -> None:
    book("import", "surveys", str(SURVEYS / "surveymonkey_exit.csv"), "--moment", "exit")
    found = json.loads(book("surveys", "reasons", "--json").stdout)
    assert found["exit_responses"] == 2
    stated = {r["code"]: r["stated"] for c in found["categories"] for r in c["reasons"]}
    assert stated == {"budget": 1, "acquired": 1}
    assert "Gainsight (1 stated)" in book("surveys", "reasons").stdout


def test_a_broken_taxonomy_file_is_named_not_a_traceback(
    book: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "reasons.toml"
    broken.write_text('[[reason]]\ncode = "budget"\nkeywords = "budget"\n')
    monkeypatch.setenv("CS_TUI_REVENUE_REASONS", str(broken))
    refused = book("surveys", "reasons")
    assert refused.exit_code == 1
    assert "reason 1.keywords: a list of texts in quotes" in refused.stderr
    assert "Traceback" not in refused.output
    imported = book("import", "surveys", str(SURVEYS / "plain_exit.csv"))
    assert imported.exit_code == 0, imported.output
    assert "Exit reasons not mapped: " in imported.stderr
    assert "Imported 8 new responses" in imported.stdout


def test_a_two_digit_year_needs_a_date_format(book: Run, tmp_path: Path) -> None:
    source = tmp_path / "pulse.csv"
    source.write_text("email,nps,date\njo@acme.com,9,5/31/26\n")
    refused = book("import", "surveys", str(source))
    assert refused.exit_code == 1
    assert "pulse.csv:2 [date] '5/31/26': the year '26' has two digits" in refused.stderr
    told = book("import", "surveys", str(source), "--date-format", "%m/%d/%y")
    assert told.exit_code == 0, told.output
    listed = json.loads(book("surveys", "--json").stdout)
    assert "2026-05-31" in json.dumps(listed)


def test_the_taxonomy_lists_the_keywords_exit_surveys_are_mapped_by(run: Run) -> None:
    shown = json.loads(run("revenue", "reasons", "--json").stdout)
    price = next(r for r in shown["reasons"] if r["code"] == "price")
    assert "expensive" in price["keywords"] and "Too expensive" in price["aliases"]


def test_a_plain_file_whose_dates_all_read_both_ways_needs_a_date_format(
    book: Run, tmp_path: Path
) -> None:
    source = tmp_path / "pulse.csv"
    source.write_text("email,nps,date\njo@acme.com,9,03/04/2026\nlee.kim@globex.com,3,05/06/2026\n")
    refused = book("import", "surveys", str(source))
    assert refused.exit_code == 1
    assert "line 2: '03/04/2026' could be 2026-03-04 or 2026-04-03" in refused.output
    assert "--date-format" in refused.output
    assert json.loads(book("surveys", "--json").stdout)["responses"] == []
    told = book("import", "surveys", str(source), "--date-format", "%d/%m/%Y")
    assert told.exit_code == 0, told.output
    assert "2026-04-03" in json.dumps(json.loads(book("surveys", "--json").stdout))
