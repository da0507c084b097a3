"""Putting a book in and getting it out: demo, imports, listing, showing and exporting accounts."""

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import FIXTURES, Run


def names(run: Run, *options: str) -> list[str]:
    listed = json.loads(run("accounts", "list", "--json", *options).stdout)
    return [row["name"] for row in listed]


def test_demo_writes_a_deterministic_book_once(run: Run, tmp_path: Path) -> None:
    first = run("demo", "--accounts", "25", "--seed", "3")
    assert first.exit_code == 0, first.output
    assert "25 accounts" in first.stdout
    again = run("demo", "--accounts", "25", "--seed", "3", db=tmp_path / "again.db")
    assert again.exit_code == 0
    book = json.loads(run("accounts", "list", "--json").stdout)
    twin = json.loads(run("accounts", "list", "--json", db=tmp_path / "again.db").stdout)
    assert len(book) == 25
    assert book == twin  # the same seed gives the same book, ids included
    refused = run("demo", "--accounts", "5")
    assert refused.exit_code == 1
    assert "already holds 25 accounts" in refused.stderr
    assert run("demo", "--if-empty").exit_code == 0
    assert len(names(run)) == 25


def test_demo_book_has_several_owners_and_segments(run: Run) -> None:
    run("demo", "--accounts", "300", "--seed", "1")
    rows = json.loads(run("accounts", "list", "--json").stdout)
    assert len({row["owner"] for row in rows}) >= 3
    assert {row["segment"] for row in rows} >= {"Enterprise", "Mid-Market", "SMB"}
    assert any(row["open_followups"] for row in rows)
    assert any(row["plan_status"] for row in rows)


def test_a_salesforce_report_is_imported_and_reimporting_changes_nothing(run: Run) -> None:
    first = run("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    assert first.exit_code == 0, first.output
    assert "4 new, 0 updated, 0 unchanged" in first.stdout
    assert "report footer" in first.stderr  # footers are reported as skipped, not silently lost
    again = run("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    assert "0 new, 0 updated, 4 unchanged" in again.stdout
    shown = json.loads(run("accounts", "show", "0015g00000AcmeA", "--json").stdout)
    assert shown["name"] == "Acme Corporation"
    assert shown["arr_minor"] == 123_456_789
    assert shown["contract_end"] == "2026-03-31"


def test_invalid_rows_are_listed_by_line_and_column_and_nothing_is_written(run: Run) -> None:
    result = run("import", "accounts", str(FIXTURES / "bad_rows.csv"))
    assert result.exit_code == 1
    assert "bad_rows.csv:3 [Renewal Date] '2026-02-30'" in result.stderr
    assert "bad_rows.csv:5 [Account Name]: missing account name" in result.stderr
    assert "nothing was imported" in result.stderr
    assert names(run) == []


def test_skip_invalid_writes_the_valid_rows_and_dry_run_writes_nothing(run: Run) -> None:
    dry = run("import", "accounts", str(FIXTURES / "hubspot_companies.csv"), "--dry-run")
    assert "Dry run, nothing written" in dry.stdout
    assert names(run) == []
    skipped = run("import", "accounts", str(FIXTURES / "bad_rows.csv"), "--skip-invalid")
    assert skipped.exit_code == 0
    assert "invalid rows skipped" in skipped.stdout
    assert names(run) == ["Acme Corporation"]


def test_a_mapping_file_reads_other_layouts(run: Run) -> None:
    result = run(
        "import", "accounts", str(FIXTURES / "custom_layout.csv"),
        "--mapping", str(FIXTURES / "custom_mapping.toml"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    shown = json.loads(run("accounts", "show", "K-1001", "--json").stdout)
    assert shown["name"] == "Bäckerei Schmidt"
    assert (shown["arr_minor"], shown["currency"]) == (4_800_000, "EUR")
    assert shown["contract_end"] == "2026-03-31"


def test_metric_feeds_report_unknown_accounts_and_write_nothing_unless_asked(run: Run) -> None:
    run("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    refused = run("import", "metrics", str(FIXTURES / "metrics.csv"))
    assert refused.exit_code == 1
    assert "no account has the external id or name 'Globex'" in refused.stderr
    written = run("import", "metrics", str(FIXTURES / "metrics.csv"), "--skip-invalid")
    assert written.exit_code == 0
    assert "Imported" in written.stdout


def test_imports_are_scored_at_once_and_fresh_metrics_move_the_score(
    run: Run, tmp_path: Path
) -> None:
    imported = run("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    assert "Rescored 4 accounts: 4 insufficient." in imported.stdout
    before = json.loads(run("accounts", "show", "0015g00000AcmeA", "--json").stdout)
    assert before["band"] == "insufficient" and before["coverage"] > 0  # scored, not "not scored"
    recent = (date.today() - timedelta(days=3)).isoformat()
    feed = tmp_path / "feed.csv"
    feed.write_text(
        "account,metric,value,date\n"
        f"0015g00000AcmeA,feature_adoption,0.8,{recent}\n"
        f"0015g00000AcmeA,open_tickets,1,{recent}\n"
    )
    fed = run("import", "metrics", str(feed))
    assert "Imported 2 samples for 1 account." in fed.stdout
    assert "Rescored 1 account:" in fed.stdout
    after = json.loads(run("accounts", "show", "0015g00000AcmeA", "--json").stdout)
    assert after["coverage"] > before["coverage"]
    dry = run("import", "metrics", str(feed), "--dry-run")
    assert "Rescored" not in dry.stdout


def test_listing_filters_by_owner_and_show_finds_by_partial_name(run: Run) -> None:
    run("import", "accounts", str(FIXTURES / "salesforce_report.csv"))
    assert names(run, "--owner", "Sam Ortiz") == ["Globex, Inc.", "Initech"]
    table = run("accounts", "list")
    assert table.stdout.splitlines()[0].split("\t")[:3] == ["Name", "Owner", "Segment"]
    shown = run("accounts", "show", "globex")
    assert "Globex, Inc." in shown.stdout and "Mid-Market" in shown.stdout
    missing = run("accounts", "show", "nobody")
    assert missing.exit_code == 1
    assert "no account matches 'nobody'" in missing.stderr


def test_export_csv_keeps_formulas_inert_and_numbers_as_numbers(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "evil.csv"
    source.write_text(
        "Account Name,Account ID,ARR\n"
        '"=HYPERLINK(""http://x"",""y"")",E-1,1000\n'
        "@SUM(A1),E-2,2500.50\n"
        "Plain Co,-5,300\n"
    )
    assert run("import", "accounts", str(source)).exit_code == 0
    out = tmp_path / "out.csv"
    result = run("export", "accounts", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0
    assert "3 accounts written" in result.stderr
    rows = {row["external_id"]: row for row in csv.DictReader(io.StringIO(out.read_text()))}
    assert rows["E-1"]["name"].startswith("'=HYPERLINK")
    assert rows["E-2"]["name"] == "'@SUM(A1)"
    assert rows["-5"]["name"] == "Plain Co"  # a genuine number is left alone
    assert rows["E-2"]["arr"] == "2500.50"


def test_export_json_round_trips(run: Run) -> None:
    run("import", "accounts", str(FIXTURES / "hubspot_companies.csv"))
    exported = json.loads(run("export", "accounts", "--format", "json").stdout)
    assert [row["name"] for row in exported] == ["Hooli", "Pied Piper", "Raviga Capital"]
    assert exported[0]["arr"] == "2500000.00"
    assert exported[0]["licensed_seats"] == 1200


def test_db_commands_check_back_up_and_upgrade(run: Run, tmp_path: Path) -> None:
    run("demo", "--accounts", "5")
    check = run("db", "check")
    assert check.exit_code == 0
    assert "integrity check: ok" in check.stdout
    target = tmp_path / "copy.db"
    assert run("db", "backup", str(target)).exit_code == 0
    assert len(names(run)) == len(json.loads(run("accounts", "list", "--json", db=target).stdout))
    again = run("db", "backup", str(target))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert "(current)" in run("db", "upgrade").stdout


def test_who_i_am_is_recorded_on_writes(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CS_TUI_USER", "priya")
    run("import", "accounts", str(FIXTURES / "hubspot_companies.csv"))
    shown = json.loads(run("accounts", "show", "Hooli", "--json").stdout)
    assert shown["updated_by"] == "priya"


@pytest.mark.postgres
def test_a_postgresql_url_works_wherever_a_path_does(run: Run, postgres_url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("TRUNCATE account, account_summary CASCADE"))
    engine.dispose()
    result = run("import", "accounts", str(FIXTURES / "salesforce_report.csv"), db=postgres_url)
    assert result.exit_code == 0, result.output
    listed = json.loads(run("accounts", "list", "--json", db=postgres_url).stdout)
    assert len(listed) == 4
    assert "the server answers" in run("db", "check", db=postgres_url).stdout
