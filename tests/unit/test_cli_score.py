"""`cs-tui score`, `score explain`, `score card`, `sentiment`, `override` and the scored demo book."""

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cs_tui.cli import cli
from cs_tui.data.store.database import Database, open_database
from tests.conftest import FROZEN_TODAY, TEST_USER, frozen_clock
from tests.unit.data.health_book import (
    add_account,
    add_overdue_followup,
    add_touch,
    days_ago,
    healthy_account,
)


@pytest.fixture(autouse=True)
def frozen_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands open the store on the tests' frozen clock (today is FROZEN_TODAY)."""
    import cs_tui.data.store.database as database

    opener = database.open_database

    def open_frozen(url: str, **options: object) -> Database:
        return opener(url, **{**options, "clock": frozen_clock})  # type: ignore[arg-type]

    monkeypatch.setattr(database, "open_database", open_frozen)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[tuple[Path, Database]]:
    path = tmp_path / "book.db"
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    add_overdue_followup(db, healthy_account(db, "Acme Corp"), due_ago=10)
    healthy_account(db, "Gone Ltd", lifecycle_stage="churned")
    add_touch(db, add_account(db, "Thin Inc"), 3)
    yield path, db
    db.close()


def run(path: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(path), *args], catch_exceptions=False)


def test_score_rescores_the_book_and_counts_the_bands(book: tuple[Path, Database]) -> None:
    path, _db = book
    result = run(path, "score")
    assert result.exit_code == 0, result.output
    assert "Scored 2 of 3 accounts" in result.output
    assert "(1 not scored: churned)" in result.output
    assert "Healthy" in result.output and "Insufficient data" in result.output
    data = json.loads(run(path, "score", "--json").output)
    assert (data["accounts"], data["scored"], data["unscored"]) == (3, 2, 1)
    assert data["bands"] == {"green": 1, "insufficient": 1}
    assert data["seconds"] >= 0


def test_score_one_account_as_of_a_day(book: tuple[Path, Database]) -> None:
    path, _db = book
    data = json.loads(run(path, "score", "--account", "acme", "--as-of", "2026-06-01",
                          "--json").output)  # fmt: skip
    assert (data["as_of"], data["accounts"]) == ("2026-06-01", 1)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("2026-13-01", "'2026-13-01' is not a calendar date"),
        ("15/06/2026", "'15/06/2026' is not a date; use YYYY-MM-DD"),
        ("next month", "'next month' is not a date; use YYYY-MM-DD"),
    ],
)
def test_a_bad_date_gets_a_clear_message(
    book: tuple[Path, Database], bad: str, message: str
) -> None:
    path, _db = book
    result = CliRunner().invoke(cli, ["--db", str(path), "score", "--as-of", bad])
    assert result.exit_code == 2
    assert message in result.output


def test_explain_prints_every_group_and_measure_and_json_is_stable(
    book: tuple[Path, Database],
) -> None:
    path, _db = book
    run(path, "score", "--as-of", days_ago(7).isoformat())
    run(path, "score")
    text = run(path, "score", "explain", "Acme Corp").output
    assert text.startswith("Acme Corp: ")
    assert "Licence utilisation\t90%" in text
    assert "Last customer touch\t7 days (cadence 60 days)" in text
    assert "Success-plan progress\tno data" in text
    assert "Biggest detractor: Overdue follow-ups (1)" in text
    assert "What changed since" in text
    data = json.loads(run(path, "score", "explain", "Acme Corp", "--json").output)
    assert data["account_name"] == "Acme Corp"
    assert data["scored_on"] == FROZEN_TODAY.isoformat()
    assert data["band"] == "green" and data["overridden"] is False
    assert [g["name"] for g in data["groups"]] == [
        "usage", "adoption", "support", "voice", "engagement", "plan", "sentiment",
    ]  # fmt: skip
    measure = data["groups"][0]["measures"][0]
    assert set(measure) == {
        "name", "label", "group", "unit", "raw", "shown", "detail", "sub_score", "weight",
        "effective_weight", "contribution", "points_lost", "has_data",
    }  # fmt: skip
    assert data["change"]["previous_on"] == days_ago(7).isoformat()
    assert [p["taken_on"] for p in data["history"]] == [days_ago(7).isoformat(),
                                                       FROZEN_TODAY.isoformat()]  # fmt: skip


def test_an_unknown_account_is_named_in_the_error(book: tuple[Path, Database]) -> None:
    path, _db = book
    result = CliRunner().invoke(cli, ["--db", str(path), "score", "explain", "Nobody"])
    assert result.exit_code == 1
    assert "no account matches 'Nobody'" in result.output


def test_sentiment_is_recorded_and_the_account_rescored(book: tuple[Path, Database]) -> None:
    path, _db = book
    result = run(path, "sentiment", "Acme Corp", "--value", "1", "--reason", "Budget freeze")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Sentiment 1/5 recorded for Acme Corp; health now ")
    data = json.loads(run(path, "score", "explain", "Acme Corp", "--json").output)
    assert data["sentiment"]["reason"] == "Budget freeze"
    bad = CliRunner().invoke(cli, ["--db", str(path), "sentiment", "Acme Corp", "--value", "9",
                                   "--reason", "Great"])  # fmt: skip
    assert bad.exit_code == 1
    assert "--value: must be at most 5" in bad.output


def test_an_override_is_set_shown_and_cleared(book: tuple[Path, Database]) -> None:
    path, _db = book
    until = days_ago(-30).isoformat()
    result = run(path, "override", "Acme Corp", "--score", "35", "--reason", "Sponsor leaving",
                 "--until", until)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "health now 35 At risk · override." in result.output
    listed = run(path, "accounts", "list").output
    assert "35 At risk · override" in next(line for line in listed.splitlines() if "Acme" in line)
    assert "35 At risk · override" in run(path, "accounts", "show", "Acme Corp").output
    shown = json.loads(run(path, "accounts", "show", "Acme Corp", "--json").output)
    assert (shown["overridden"], shown["health_label"]) == (True, "At risk (override)")
    row = next(r for r in json.loads(run(path, "accounts", "list", "--json").output)
               if r["name"] == "Acme Corp")  # fmt: skip
    assert (row["overridden"], row["health_label"]) == (True, "At risk (override)")
    exported = json.loads(run(path, "export", "accounts", "--format", "json").output)
    acme = next(r for r in exported if r["name"] == "Acme Corp")
    assert (acme["health_score"], acme["health_band"], acme["health_label"],
            acme["health_overridden"]) == (35, "red", "At risk (override)", True)  # fmt: skip
    csv_rows = list(csv.DictReader(io.StringIO(run(path, "export", "accounts").output)))
    acme_csv = next(r for r in csv_rows if r["name"] == "Acme Corp")
    assert [acme_csv["health_label"], acme_csv["health_overridden"]] == [
        "At risk (override)",
        "true",
    ]
    text = run(path, "score", "explain", "Acme Corp").output
    assert f"Override: 35 ('Sponsor leaving') set by {TEST_USER} until {until}" in text
    assert "computed score" in text and "Healthy" in text
    cleared = run(path, "override", "Acme Corp", "--clear")
    assert "Override cleared for Acme Corp; health now" in cleared.output
    assert "Healthy" in cleared.output
    again = CliRunner().invoke(cli, ["--db", str(path), "override", "Acme Corp", "--clear"])
    assert again.exit_code == 1 and "has no override in force" in again.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--score", "35"], "an override needs --reason, --until"),
        (["--clear", "--score", "35"], "--clear takes no --score"),
        (["--score", "35", "--reason", "x", "--until", FROZEN_TODAY.isoformat()],
         "must be after"),
        (["--score", "135", "--reason", "x", "--until", "2026-07-01"],
         "--score: must be at most 100"),
    ],
)  # fmt: skip
def test_a_bad_override_is_refused_with_a_clear_message(
    book: tuple[Path, Database], args: list[str], message: str
) -> None:
    path, _db = book
    result = CliRunner().invoke(cli, ["--db", str(path), "override", "Acme Corp", *args])
    assert result.exit_code in (1, 2)
    assert message in result.output


def test_score_card_names_the_file_in_force_and_refuses_a_broken_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["score", "card"])
    assert result.exit_code == 0
    assert "default_scorecard.toml (shipped with cs-tui) is valid" in result.output
    shipped = CliRunner().invoke(cli, ["score", "card", "--default"]).output
    user_card = tmp_path / "config" / "scorecard.toml"
    user_card.parent.mkdir(exist_ok=True)
    user_card.write_text(shipped.replace("weight = 25", "weight = -25"))
    broken = CliRunner().invoke(cli, ["score", "card"])
    assert broken.exit_code == 1
    assert "groups.usage.weight: must be positive, not -25" in broken.output


def test_the_demo_book_comes_scored_with_a_few_weeks_of_history(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--accounts", "60", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "Health: " in result.output and " green" in result.output
    listed = json.loads(CliRunner().invoke(cli, ["--db", str(path), "accounts", "list",
                                                 "--json"]).output)  # fmt: skip
    scored = [row for row in listed if row["band"] not in ("", "insufficient")]
    assert len(scored) >= 40
    assert any(row["score_delta"] for row in scored)
    name = scored[0]["name"]
    history = json.loads(run(path, "score", "explain", name, "--json").output)["history"]
    assert len(history) == 5
