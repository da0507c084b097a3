"""`cs-tui review ...`: prepare, list, show, edit, export and actions, as a lead and a CSM use them."""

import json
from pathlib import Path

import pytest

from cs_tui.data.store.database import open_database
from tests.cli.conftest import Run
from tests.conftest import TEST_USER, frozen_clock
from tests.unit.data.daily_book import add_account
from tests.unit.data.qbr_book import qbr_book


@pytest.fixture
def book(book_path: Path) -> None:
    db = open_database(str(book_path), user=TEST_USER, clock=frozen_clock)
    qbr_book(db)
    add_account(db, "Gamma", owner="sam")
    db.close()


def prepare(run: Run, *args: str) -> dict[str, object]:
    result = run(
        "review",
        "prepare",
        "--owner",
        "tess",
        "--period",
        "2026-Q2",
        "--lead",
        "Lee Park",
        "--json",
        *args,
    )
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.usefixtures("book")
def test_prepare_list_show_and_export(run: Run, tmp_path: Path) -> None:
    review = prepare(run, "--note-taker", "Ana")
    short = str(review["id"])[-8:]
    assert review["expectations"]["total_minutes"] == 160  # type: ignore[index]
    listed = json.loads(run("review", "list", "--json").stdout)
    assert [(r["owner"], r["period"], r["status"]) for r in listed] == [
        ("tess", "2026-Q2", "prepared")
    ]
    text = run("review", "list").stdout
    assert short in text and "0 done, 0 open" in text
    shown = run("review", "show", short)
    assert shown.exit_code == 0
    assert "# Quarterly book review: tess, 2026-Q2" in shown.stdout
    assert "| Leader | Lee Park |" in shown.stdout and "| Note-taker | Ana |" in shown.stdout
    assert "| Metric | 2026-Q2 | 2026-Q1 | Change |" in shown.stdout
    assert "- Acme: $50,000" in shown.stdout  # renewed
    assert "## What worked\n\n_To be written in the review._" in shown.stdout
    out = tmp_path / "review.html"
    exported = run("review", "export", short, "--format", "html", "--out", str(out))
    assert exported.exit_code == 0 and f"written to {out}" in exported.stderr
    assert "<td>Lee Park</td>" in out.read_text()


@pytest.mark.usefixtures("book")
def test_edit_sections_status_and_actions(run: Run) -> None:
    short = str(prepare(run)["id"])[-8:]
    edited = run(
        "review",
        "edit",
        short,
        "--worked",
        "Weekly adoption calls",
        "--status",
        "held",
        "--held",
        "2026-06-12",
    )
    assert edited.exit_code == 0, edited.output
    assert "· held ·" in edited.stdout
    from_stdin = run(
        "review", "edit", short, "--learned", "-", stdin="Start plans earlier\nwith the customer\n"
    )
    assert from_stdin.exit_code == 0
    added = run(
        "review",
        "action",
        "add",
        short,
        "Call every red account",
        "--owner",
        "tess",
        "--due",
        "2026-01-10",
        "--check",
        "2026-01-05",
    )
    assert added.exit_code == 0, added.output
    action_id = added.stdout.split("[", 1)[1].split("]", 1)[0]
    due = json.loads(run("review", "action", "due", "--json").stdout)
    assert [(d["title"], d["state"]) for d in due] == [("Call every red account", "late")]
    assert run("review", "action", "done", action_id).exit_code == 0
    assert "No review actions need you today." in run("review", "action", "due").stdout
    data = json.loads(run("review", "show", short, "--json").stdout)
    assert (data["worked"], data["learned"], data["status"], data["held_on"]) == (
        "Weekly adoption calls", "Start plans earlier\nwith the customer", "held", "2026-06-12",
    )  # fmt: skip
    assert [(a["title"], a["status"], a["state"]) for a in data["actions"]] == [
        ("Call every red account", "done", "done")
    ]
    assert "1 of 1 actions done" in run("review", "show", short).stdout


@pytest.mark.usefixtures("book")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("review", "prepare", "--owner", "nobody", "--period", "2026-Q2"), "--owner: no accounts are owned by 'nobody' (owners: sam, tess)"),
        (("review", "prepare", "--owner", "tess", "--period", "Q2"), "Invalid value for '--period'"),
        (("review", "prepare", "--owner", "tess", "--period", "2026-Q2", "--template", "/nope.toml"), "Invalid value for '--template': /nope.toml: no such file"),
        (("review", "show", "zz"), "'zz' is not a review id"),
        (("review", "edit", "abcd1234"), "give a section (--worked, --failed, --learned, --next-plan) or --status"),
        (("review", "action", "add", "abcd1234", "Call", "--owner", "tess"), "Missing option '--due'"),
        (("review", "action", "done", "abcd1234"), "no action has the id 'abcd1234'"),
    ],
)  # fmt: skip
def test_bad_input_is_a_message_and_writes_nothing(
    run: Run, args: tuple[str, ...], message: str
) -> None:
    result = run(*args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert json.loads(run("review", "list", "--json").stdout) == []


@pytest.mark.usefixtures("book")
def test_a_template_over_three_hours_is_refused(run: Run, tmp_path: Path) -> None:
    template = tmp_path / "long.toml"
    template.write_text('[roles]\nleader = "{lead}"\npresenter = "{owner}"\nmoderator = "{lead}"\nnote_taker = "{owner}"\n'
                        '[[agenda]]\ntitle = "Everything"\nminutes = 200\n')  # fmt: skip
    result = run(
        "review", "prepare", "--owner", "tess", "--period", "2026-Q2", "--template", str(template)
    )
    assert result.exit_code == 1
    assert (
        f"{template}: agenda: the items add up to 200 minutes, over the 180-minute limit"
        in result.stderr
    )
    broken = tmp_path / "broken.toml"
    broken.write_text("name = ")
    result = run(
        "review", "prepare", "--owner", "tess", "--period", "2026-Q2", "--template", str(broken)
    )
    assert result.exit_code == 2 and "not valid TOML" in result.stderr
    assert json.loads(run("review", "list", "--json").stdout) == []


@pytest.mark.usefixtures("book")
def test_the_users_own_template_is_used(run: Run) -> None:
    from cs_tui.io.reviews.template_file import user_template_file

    user_template_file().parent.mkdir(parents=True, exist_ok=True)
    user_template_file().write_text(
        'name = "Our review"\nlimit_minutes = 90\n[roles]\nleader = "{lead}"\npresenter = "{owner}"\n'
        'moderator = "Kim"\nnote_taker = "{owner}"\n[[agenda]]\ntitle = "Numbers"\nminutes = 30\n'
    )
    review = prepare(run)
    assert review["expectations"]["name"] == "Our review"  # type: ignore[index]
    assert review["template"] == str(user_template_file())


@pytest.mark.usefixtures("book")
def test_today_lists_review_actions_due_or_to_check(run: Run) -> None:
    short = str(prepare(run)["id"])[-8:]
    run(
        "review",
        "action",
        "add",
        short,
        "Call every red account",
        "--owner",
        "tess",
        "--due",
        "2026-01-10",
    )
    run("review", "action", "add", short, "Later", "--owner", "tess", "--due", "2099-01-10")
    data = json.loads(run("today", "--json").stdout)
    assert [(a["title"], a["state"], a["review_period"]) for a in data["review_actions"]] == [
        ("Call every red account", "late", "2026-Q2"),
    ]
    text = run("today").stdout
    assert (
        "Call every red account\ttess\tlate\t2026-01-10\ttess 2026-Q2\treview action done" in text
    )
    assert json.loads(run("today", "--owner", "sam", "--json").stdout)["review_actions"] == []


@pytest.mark.usefixtures("book")
def test_an_edit_with_a_bad_day_saves_nothing(run: Run) -> None:
    short = str(prepare(run)["id"])[-8:]
    result = run(
        "review", "edit", short, "--worked", "Calls", "--status", "held", "--held", "2099-01-01"
    )
    assert result.exit_code == 1 and "--held: 2099-01-01 is in the future" in result.stderr
    data = json.loads(run("review", "show", short, "--json").stdout)
    assert (data["worked"], data["status"], data["held_on"]) == ("", "prepared", None)
