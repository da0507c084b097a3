"""`cs-tui metrics`, `cs-tui surveys --period` and `surveys reasons --period`, as a user runs them."""

import json
from pathlib import Path

import pytest

from cs_tui.data.store.database import open_database
from tests.cli.conftest import Run
from tests.conftest import TEST_USER, frozen_clock
from tests.unit.data.metrics_book import metrics_book


@pytest.fixture
def book(run: Run, book_path: Path) -> dict[str, str]:
    db = open_database(str(book_path), user=TEST_USER, clock=frozen_clock)
    try:
        return metrics_book(db)
    finally:
        db.close()


def test_json_has_the_total_and_one_object_per_group(run: Run, book: dict[str, str]) -> None:
    result = run("metrics", "--period", "2026-Q1", "--by", "owner", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["period"] == {"label": "2026-Q1", "start": "2026-01-01", "end": "2026-03-31"}
    assert data["by"] == "owner"
    total = data["total"]
    assert "key" not in total
    usd = next(m for m in total["money"] if m["currency"] == "USD")
    assert usd["starting_arr_minor"] == 1_600_000
    assert usd["grr"] == pytest.approx(0.75)
    assert usd["nrr"] == pytest.approx(1_350_000 / 1_600_000)
    assert total["logo_churn"] == 0.25
    assert total["renewals"] == {"due": 3, "renewed": 1, "open": 0, "rate": pytest.approx(1 / 3)}
    assert total["nps"]["score"] == 0.0 and total["csat"]["share"] == 1.0
    assert [g["key"] for g in data["groups"]] == ["ana", "bo"]
    ana = data["groups"][0]
    assert ana["cohort"] == 3
    assert {m["currency"] for m in ana["money"]} == {"EUR", "USD"}
    moments = {v["moment"]: v for v in data["voice_by_moment"]}
    assert moments["exit"]["nps"] == -100.0 and moments["onboarding"]["csat"] == 1.0


def test_the_table_shows_money_per_currency(run: Run, book: dict[str, str]) -> None:
    result = run("metrics", "--period", "2026-Q1", "--by", "segment")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Figure\tCurrency\tTotal\tEnterprise\tMid-Market\tSMB"
    assert "GRR\tEUR\t83.3%\t-\t-\t83.3%" in lines
    assert "GRR\tUSD\t75%\t100%\t-\t33.3%" in lines
    assert "Logo churn\t\t25%\t0%\t-\t33.3%" in lines


def test_the_accounts_behind_a_figure(run: Run, book: dict[str, str]) -> None:
    args = ("metrics", "--period", "2026-Q1", "--by", "owner")
    listed = json.loads(run(*args, "--accounts", "cohort", "--group", "ana", "--json").stdout)
    assert [a["name"] for a in listed["accounts"]] == ["Initech", "Acme", "Umbrella"]
    assert listed["accounts"][0] == {
        "id": book["Initech"], "name": "Initech", "owner": "ana", "segment": "SMB",
        "currency": "EUR", "amount_minor": 600_000, "starting_arr_minor": 600_000,
        "ending_arr_minor": 500_000,
    }  # fmt: skip
    text = run(*args, "--accounts", "churn").stdout
    assert "Globex\tbo\tSMB\t$4,000" in text
    nothing = run("metrics", "--period", "2025-Q1", "--accounts", "churn")
    assert "No accounts churned in 2025-Q1." in nothing.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--period", "2026-Q5"), "Invalid value for '--period': '2026-Q5' is not a period"),
        (("--period", "2026-03-31..2026-01-01"), "ends (2026-01-01) before it starts"),
        (("--by", "region"), "Invalid value for '--by'"),
        (("--group", "ana"), "--group needs --accounts and --by"),
        (("--accounts", "everything"), "Invalid value for '--accounts'"),
    ],
)
def test_bad_options_are_named_and_nothing_runs(
    run: Run, book: dict[str, str], args: tuple[str, ...], message: str
) -> None:
    result = run("metrics", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_an_empty_book_says_so(run: Run) -> None:
    result = run("metrics", "--period", "2026-Q1")
    assert result.exit_code == 0
    assert "No revenue in this period" in result.stdout
    assert (
        json.loads(run("metrics", "--period", "2026-Q1", "--json").stdout)["total"]["money"] == []
    )


def test_surveys_of_a_period(run: Run, book: dict[str, str]) -> None:
    q1 = json.loads(run("surveys", "--period", "2026-Q1", "--json").stdout)
    assert (q1["since"], q1["until"]) == ("2026-01-01", "2026-03-31")
    assert len(q1["responses"]) == 3
    everything = json.loads(run("surveys", "--json").stdout)
    assert len(everything["responses"]) == 4
    assert "No survey responses in 2024-Q1." in run("surveys", "--period", "2024-Q1").stdout
    bad = run("surveys", "--period", "Q1")
    assert bad.exit_code == 2 and "'Q1' is not a period" in bad.stderr


def test_exit_reasons_of_a_period(run: Run, book: dict[str, str]) -> None:
    q1 = json.loads(run("surveys", "reasons", "--period", "2026-Q1", "--json").stdout)
    assert q1["churn_events"] == 1
    reasons = [(c["category"], r["code"]) for c in q1["categories"] for r in c["reasons"]]
    assert reasons == [("Money", "budget")]
    q2 = run("surveys", "reasons", "--period", "2026-Q2")
    assert "No exit survey reasons and no churn events in 2026-Q2." in q2.stdout


def test_every_figure_with_accounts_can_be_listed() -> None:
    from cs_tui.cli.metrics import BEHIND_NAMES
    from cs_tui.domain.metrics.book import BEHIND
    from cs_tui.domain.metrics.figures import FIGURES

    assert set(BEHIND_NAMES) == set(BEHIND)
    assert {kind.behind for kind, _ in FIGURES} - {None} <= set(BEHIND)
