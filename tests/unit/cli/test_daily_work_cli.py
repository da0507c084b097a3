"""The daily-work commands through click's test runner: log, followups, plan, today, timeline."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cs_tui.cli import cli
from cs_tui.data.accounts.records import add_stakeholder, create_account
from cs_tui.data.store.database import open_database
from cs_tui.models import AccountCreate, StakeholderCreate
from tests.conftest import TEST_USER


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "book.db"
    db = open_database(str(path), user=TEST_USER)
    for name, segment, renews_in in (("Acme", "Enterprise", 60), ("Globex", "SMB", 400)):
        create_account(
            db,
            AccountCreate(
                name=name, owner=TEST_USER, segment=segment,
                contract_end=date.today() + timedelta(days=renews_in),
            ),
        )  # fmt: skip
    add_stakeholder(db, "Acme", StakeholderCreate(name="Ana Lima", role="champion"))
    db.close()
    return path


def run(book: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--db", str(book)], catch_exceptions=False)


def followups_json(book: Path, *args: str) -> list[dict[str, object]]:
    result = run(book, "followups", "--json", *args)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.output)
    return rows


def test_log_a_call_with_next_steps_then_work_them_off(book: Path) -> None:
    result = run(
        book, "log", "Acme", "--type", "call", "--summary", "Renewal prep", "--sentiment", "4",
        "--next", "Send the pricing deck @+2d", "--next", "Book the QBR", "--attendee", "ana lima",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Logged call on Acme" in result.output
    today = date.today()
    rows = followups_json(book)
    assert [(r["title"], r["due_on"]) for r in rows] == [
        ("Send the pricing deck", (today + timedelta(days=2)).isoformat()),
        ("Book the QBR", (today + timedelta(days=14)).isoformat()),  # Enterprise cadence
    ]
    first = str(rows[0]["id"])[-8:]
    done = run(book, "followups", "done", first)
    assert done.exit_code == 0 and "Done" in done.output
    snoozed = run(
        book, "followups", "snooze", str(rows[1]["id"]), "--until", "+3d", "--reason", "OOO"
    )
    assert snoozed.exit_code == 0, snoozed.output
    assert followups_json(book, "--status", "active") == []
    assert [r["title"] for r in followups_json(book, "--status", "done")] == [
        "Send the pricing deck"
    ]
    listing = run(book, "followups", "--status", "all")
    assert "Book the QBR" in listing.output and "snoozed to" in listing.output


def test_log_json_and_the_account_summary(book: Path) -> None:
    result = run(book, "log", "Acme", "--summary", "Quick call", "--nps", "3", "--json")
    saved = json.loads(result.output)
    assert saved["account_name"] == "Acme" and saved["survey_response_id"]
    shown = json.loads(run(book, "accounts", "show", "Acme", "--json").output)
    assert shown["last_touch_on"] == date.today().isoformat()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "tomorrow"], "in the future"),
        (["--next", "Send deck @fir"], "'fir' is not a date"),
        (["--sentiment", "7"], "sentiment"),
        (["--nps", "9", "--csat", "4"], "not both"),
        (["--date", "someday"], "is not a date"),
    ],
)
def test_invalid_check_ins_are_refused_and_save_nothing(
    book: Path, args: list[str], message: str
) -> None:
    result = run(book, "log", "Acme", "--summary", "Call", "--next", "A step", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert followups_json(book, "--all") == []
    assert "Call" not in run(book, "timeline", "Acme").output


def test_follow_up_commands_by_hand(book: Path) -> None:
    added = run(
        book,
        "followups",
        "add",
        "Globex",
        "Chase the invoice",
        "--due",
        "-2d",
        "--priority",
        "high",
    )
    assert added.exit_code == 0, added.output
    (row,) = followups_json(book, "--overdue")
    short = str(row["id"])[-8:]
    assert run(book, "followups", "assign", short, "sam").exit_code == 0
    assert followups_json(book) == []  # not mine any more
    assert [r["owner"] for r in followups_json(book, "--owner", "sam")] == ["sam"]
    assert run(book, "followups", "due", short, "+5d").exit_code == 0
    assert followups_json(book, "--all", "--overdue") == []
    assert run(book, "followups", "delete", short).exit_code == 0
    assert followups_json(book, "--all") == []
    assert run(book, "followups", "restore", short).exit_code == 0
    assert len(followups_json(book, "--all")) == 1
    missing = run(book, "followups", "done", "abcdef12")
    assert missing.exit_code != 0 and "no follow-up has the id" in missing.output


def test_plan_from_template_to_agreed_then_exported(book: Path, tmp_path: Path) -> None:
    listed = run(book, "plan", "templates")
    for key in ("onboarding", "adoption", "renewal-readiness", "expansion"):
        assert key in listed.output
    applied = run(book, "plan", "apply", "Acme", "onboarding", "--start", "-7d")
    assert applied.exit_code == 0 and "2 objectives" in applied.output
    refused = run(book, "plan", "set", "Acme", "--status", "agreed")
    assert refused.exit_code != 0 and "agreed" in refused.output
    agreed = run(
        book, "plan", "set", "Acme", "--status", "agreed", "--agreed-on", "yesterday",
        "--why-bought", "Reports took two days",
    )  # fmt: skip
    assert agreed.exit_code == 0, agreed.output
    plan = json.loads(run(book, "plan", "show", "Acme", "--json").output)
    assert plan["status"] == "agreed" and len(plan["objectives"]) == 2
    markdown = run(book, "plan", "export", "Acme").output
    assert "# Success plan: Acme" in markdown
    assert "Reports took two days" in markdown
    assert "feature adoption: 0% -> 40% by" in markdown
    assert "| First team invited | Ana Lima | Your team |" in markdown
    out = tmp_path / "acme.html"
    written = run(book, "plan", "export", "Acme", "--format", "html", "--out", str(out))
    assert written.exit_code == 0
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_plan_commands_on_an_account_without_a_plan(book: Path) -> None:
    result = run(book, "plan", "show", "Globex")
    assert result.exit_code != 0 and "no success plan" in result.output
    objective = run(book, "plan", "objective", "Globex", "Cut tickets", "--metric", "open_tickets",
                    "--baseline", "40", "--target", "20", "--due", "+90d")  # fmt: skip
    assert objective.exit_code == 0, objective.output
    objective_id = objective.output.split()[2].rstrip(":")
    milestone = run(book, "plan", "milestone", objective_id, "Ticket review", "--due", "+10d")
    assert milestone.exit_code == 0, milestone.output
    shown = run(book, "plan", "show", "Globex").output
    assert "Cut tickets" in shown and "Ticket review" in shown


def test_today_counts_and_coverage(book: Path) -> None:
    run(book, "followups", "add", "Acme", "Overdue thing", "--due", "-1d")
    queue = json.loads(run(book, "today", "--json").output)
    assert queue["owner"] == TEST_USER
    assert queue["counts"]["follow_ups"] == 1
    assert queue["counts"]["cadence"] == 2  # neither account was ever touched
    assert queue["coverage"]["renewing"] == 1 and queue["coverage"]["share"] == 0.0
    renewals = next(s for s in queue["sections"] if s["key"] == "renewals")
    assert renewals["rows"][0]["account_name"] == "Acme" and renewals["flagged"] == 1
    text = run(book, "today", "--team").output
    assert "for the team" in text and "Success-plan coverage: 0% of 1 renewals" in text


def test_timeline_lists_and_filters(book: Path) -> None:
    run(book, "log", "Acme", "--summary", "Kick-off call")
    run(book, "log", "Acme", "--type", "internal_note", "--summary", "Budget is tight")
    everything = run(book, "timeline", "Acme").output
    assert "Kick-off call" in everything and "Budget is tight" in everything
    notes = json.loads(run(book, "timeline", "Acme", "--type", "note", "--json").output)
    assert [n["detail"] for n in notes] == ["Budget is tight"]
