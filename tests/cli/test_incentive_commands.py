"""`cs-tui incentives` as a user runs it: check a plan, calc, statements, what-if, close."""

import json
from datetime import date
from pathlib import Path

import pytest

from cs_tui.data.store.database import open_database
from cs_tui.models import Account
from tests.cli.conftest import Run
from tests.unit.data.incentive_book import PLAN_TEXT, add_churn, incentive_book, write_plan


@pytest.fixture
def book(run: Run, book_path: Path) -> dict[str, Account]:
    db = open_database(str(book_path), user="tess")
    try:
        return incentive_book(db)
    finally:
        db.close()


def test_check_accepts_the_example_plan(run: Run) -> None:
    result = run("incentives", "check", "cs_tui/example_incentive_plan.toml", db=None)
    assert result.exit_code == 0, result.output
    assert "valid. CSM plan" in result.stdout and "mix 60:30:10" in result.stdout
    as_json = json.loads(run("incentives", "check", "cs_tui/example_incentive_plan.toml", "--json",
                             db=None).stdout)  # fmt: skip
    assert as_json["valid"] is True and as_json["plan"]["mix"]["base"] == 60
    assert {c["key"] for c in as_json["plan"]["components"]} >= {"retention", "upsell"}


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            ('metric = "grr"', 'metric = "gross"'),
            "components.retention.metric: unknown name 'gross'",
        ),
        (("base = 60", "base = 65"), "mix: base + performance + commission must add up to 100"),
        (("cap = 2.5 ", "cap = -1 "), "components.upsell.cap: must be positive"),
        (
            ('period = "quarter"', 'period = "fortnight"'),
            "period: must be one of month, quarter, year",
        ),
        (("on_target_earnings = 120000", "on_target_earnings = 12 0000"), "file: not valid TOML"),
    ],
)
def test_check_names_the_bad_field_and_the_file(
    run: Run, tmp_path: Path, change: tuple[str, str], said: str
) -> None:
    old, new = change
    assert old in PLAN_TEXT
    plan = write_plan(tmp_path, PLAN_TEXT.replace(old, new, 1))
    result = run("incentives", "check", str(plan), db=None)
    assert result.exit_code == 1
    assert str(plan) in result.stderr and said in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_plan_file_is_named(run: Run, tmp_path: Path) -> None:
    result = run("incentives", "check", str(tmp_path / "nope.toml"), db=None)
    assert (
        result.exit_code == 1 and "nope.toml" in result.stderr and "does not exist" in result.stderr
    )


def test_calc_json_per_csm_and_component(run: Run, book: dict[str, Account]) -> None:
    result = run("incentives", "calc", "--period", "2026-Q1", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["period"] == "2026-Q1" and data["closed"] is None
    sam, tess = data["payouts"]
    assert sam["owner"] == "sam" and tess["owner"] == "tess"
    retention = next(c for c in sam["components"] if c["key"] == "retention")
    assert (
        retention["actual"] == 0.7
        and retention["attainment"] == 0
        and retention["amount_minor"] == 0
    )
    upsell = next(c for c in tess["components"] if c["key"] == "upsell")
    assert upsell["amount_minor"] == 2_500_000 and upsell["paid_minor"] == 150_000
    assert [t["earned_minor"] for t in upsell["tiers"]] == [100_000, 50_000]
    assert tess["totals"]["base"]["paid_minor"] == 1_800_000
    assert tess["totals"]["total_minor"] == sum(
        tess["totals"][part]["paid_minor"] for part in ("base", "performance", "commission")
    )


def test_calc_for_one_owner_with_what_if(run: Run, book: dict[str, Account]) -> None:
    plain = json.loads(
        run("incentives", "calc", "--period", "2026-Q1", "--owner", "sam", "--json").stdout
    )
    changed = json.loads(run("incentives", "calc", "--period", "2026-Q1", "--owner", "sam",
                             "--what-if", "grr=0.95", "--json").stdout)  # fmt: skip
    assert changed["what_if"] == {"grr": 0.95}
    assert (
        changed["payouts"][0]["totals"]["total_minor"]
        > plain["payouts"][0]["totals"]["total_minor"]
    )
    table = run("incentives", "calc", "--period", "2026-Q1", "--owner", "sam")
    assert (
        table.exit_code == 0 and "retention" in table.stdout and "Base $18,000.00" in table.stdout
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--period", "2026-03"), "is a month, but the plan pays per quarter"),
        (("--period", "soon"), "'soon' is not a period"),
        (("--period", "2026-Q1", "--what-if", "grr"), "expected metric=value"),
        (("--period", "2026-Q1", "--what-if", "happiness=3"), "unknown metric 'happiness'"),
        (("--period", "2026-Q1", "--owner", "nobody"), "no accounts are owned by 'nobody'"),
    ],
)
def test_calc_refuses_bad_input_by_name(
    run: Run, book: dict[str, Account], args: tuple[str, ...], said: str
) -> None:
    result = run("incentives", "calc", *args)
    assert result.exit_code != 0 and said in result.stderr
    assert "Traceback" not in result.output


def test_a_statement_traces_each_figure(run: Run, book: dict[str, Account], tmp_path: Path) -> None:
    result = run("incentives", "statement", "--owner", "sam", "--period", "2026-Q1")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "# Incentive statement: sam, 2026-Q1" in text
    assert "| Globex | churn | 2026-03-01 | $50,000.00 |" in text
    assert "| Initech | downsell | 2026-01-15 | $10,000.00 |" in text
    assert "starting ARR 200,000.00 on 3 accounts" in text
    out = tmp_path / "sam.html"
    html = run("incentives", "statement", "--owner", "sam", "--period", "2026-Q1", "--format", "html",
               "--out", str(out))  # fmt: skip
    assert html.exit_code == 0 and "written to" in html.stderr
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "<td>Globex</td><td>churn</td>" in page
    data = json.loads(run("incentives", "statement", "--owner", "sam", "--period", "2026-Q1",
                          "--format", "json").stdout)  # fmt: skip
    traces = data["payouts"][0]["metrics"]["grr"]["traces"]
    assert {
        "account": "Globex",
        "event": "churn",
        "on": "2026-03-01",
        "amount_minor": 5_000_000,
    } in [{k: t[k] for k in ("account", "event", "on", "amount_minor")} for t in traces]


def test_a_closed_period_gives_the_same_statement_later(
    run: Run, book: dict[str, Account], book_path: Path
) -> None:
    closed = run("incentives", "close", "2026-Q1")
    assert closed.exit_code == 0, closed.output
    assert "2026-Q1 closed with CSM plan" in closed.stdout
    before = run("incentives", "statement", "--owner", "sam", "--period", "2026-Q1").stdout
    db = open_database(str(book_path), user="tess")
    try:
        add_churn(db, book["Acme"], 110 * 100_000, date(2026, 3, 20))
    finally:
        db.close()
    after = run("incentives", "statement", "--owner", "sam", "--period", "2026-Q1").stdout
    assert after == before and "Closed: " in after
    again = run("incentives", "close", "2026-Q1")
    assert again.exit_code == 1 and "was closed on" in again.stderr and "--replace" in again.stderr
    running = run("incentives", "close", "current")
    assert running.exit_code == 1 and "close it once it has ended" in running.stderr
    replaced = run("incentives", "close", "2026-Q1", "--replace", "--json")
    assert json.loads(replaced.stdout)["period"] == "2026-Q1"
    assert run("incentives", "statement", "--owner", "sam", "--period", "2026-Q1").stdout != before


def test_metrics_lists_the_catalogue(run: Run) -> None:
    data = json.loads(run("incentives", "metrics", "--json", db=None).stdout)
    keys = {m["key"]: m for m in data}
    assert {"grr", "nrr", "nps", "csat", "first_response_time", "check_in_cadence_kept"} <= set(
        keys
    )
    assert keys["first_response_time"]["direction"] == "less"
