"""Importing what real exports and real people produce: reports, messages and strict JSON."""

import csv
import io
import json
from pathlib import Path
from typing import Any

from tests.cli.conftest import FIXTURES, Run


def strict(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in JSON output")

    return json.loads(text, parse_constant=refuse)


def write(tmp_path: Path, text: str, name: str = "export.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_grouped_salesforce_report_lists_what_it_skipped(run: Run) -> None:
    result = run("import", "accounts", str(FIXTURES / "salesforce_grouped_report.csv"))
    assert result.exit_code == 0, result.output
    assert "3 new, 0 updated, 0 unchanged" in result.stdout
    report = result.stderr
    assert (
        "salesforce_grouped_report.csv:7 skipped: report group heading 'Tess Ng (2 records)'"
        in report
    )
    assert "salesforce_grouped_report.csv:12 skipped: report subtotal 'Subtotal'" in report
    assert (
        "salesforce_grouped_report.csv:16 skipped: report footer 'Grand Totals (3 records)'"
        in report
    )
    assert (
        "salesforce_grouped_report.csv:21 skipped: report footer 'Confidential Information"
        in report
    )
    assert "missing account name" not in report


def test_the_json_report_lists_skipped_lines_changes_and_rescoring(run: Run) -> None:
    result = run("import", "accounts", str(FIXTURES / "salesforce_grouped_report.csv"), "--json")
    assert result.exit_code == 0, result.output
    report = strict(result.stdout)
    assert (report["file"], report["encoding"], report["header_line"]) == (
        "salesforce_grouped_report.csv",
        "utf-8-sig",
        6,
    )
    assert report["counts"] == {"create": 3, "update": 0, "unchanged": 0}
    assert (report["written"], report["refused"], report["problems"]) == (True, False, [])
    assert [c["line"] for c in report["changes"]] == [8, 9, 14]
    skipped = {s["line"]: s["reason"] for s in report["skipped"]}
    assert skipped[13] == "report group heading 'Sam Ortiz (1 record)'"
    assert skipped[20].startswith("report footer 'Copyright (c) 2000-2026 salesforce.com")
    assert sorted(skipped) == [1, 2, 3, 4, 5, 7, 12, 13, 15, *range(16, 24)]
    assert report["rescored"]["accounts"] == 3


def test_a_refused_import_still_prints_its_json_report_and_fails(run: Run, tmp_path: Path) -> None:
    source = write(tmp_path, "Account Name,Account ID,ARR\nAcme,1,5\nGlobex;2;7\n")
    result = run("import", "accounts", source, "--json")
    assert result.exit_code == 1
    report = strict(result.stdout)
    assert report["refused"] is True and report["written"] is False
    (problem,) = report["problems"]
    assert problem["line"] == 3
    assert problem["message"].startswith("this line's values are separated by semicolons")
    assert "nothing was imported" in result.stderr
    assert strict(run("accounts", "list", "--json").stdout) == []


def test_duplicated_headers_are_refused_and_a_mapping_picks_one(run: Run, tmp_path: Path) -> None:
    source = write(tmp_path, "Account Name,ARR,Account Name\nAcme,5,Acme Holdings\n")
    refused = run("import", "accounts", source)
    assert refused.exit_code == 1
    assert (
        "export.csv: 2 columns are headed 'Account Name': columns 1 (A) and 3 (C)" in refused.stderr
    )
    mapping = write(tmp_path, '[columns]\nname = "Account Name #2"\n', "mapping.toml")
    picked = run("import", "accounts", source, "--mapping", mapping)
    assert picked.exit_code == 0, picked.output
    assert [row["name"] for row in strict(run("accounts", "list", "--json").stdout)] == [
        "Acme Holdings"
    ]


def test_all_ambiguous_dates_need_a_date_format(run: Run, tmp_path: Path) -> None:
    source = write(tmp_path, "Account Name,Renewal Date\nAcme,03/04/2027\nGlobex,05/06/2027\n")
    refused = run("import", "accounts", source)
    assert refused.exit_code == 1
    assert "every date in column 'Renewal Date' reads both" in refused.stderr
    assert "(line 2: '03/04/2027' could be 2027-03-04 or 2027-04-03)" in refused.stderr
    assert "--date-format" in refused.stderr
    bad = run("import", "accounts", source, "--date-format", "%Q")
    assert bad.exit_code == 2
    assert "Invalid value for --date-format: '%Q' is not a date format" in bad.stderr
    told = run("import", "accounts", source, "--date-format", "%d/%m/%Y")
    assert told.exit_code == 0, told.output
    shown = strict(run("accounts", "show", "Acme", "--json").stdout)
    assert shown["contract_end"] == "2027-04-03"


def test_a_two_digit_year_is_refused_until_the_format_says_how_to_read_it(
    run: Run, tmp_path: Path
) -> None:
    source = write(tmp_path, "Account Name,Renewal Date\nAcme,3/31/27\n")
    refused = run("import", "accounts", source)
    assert refused.exit_code == 1
    assert "export.csv:2 [Renewal Date] '3/31/27': the year '27' has two digits" in refused.stderr
    told = run("import", "accounts", source, "--date-format", "%m/%d/%y")
    assert told.exit_code == 0, told.output
    assert strict(run("accounts", "show", "Acme", "--json").stdout)["contract_end"] == "2027-03-31"


def test_metric_feed_problems_are_listed_by_line_in_text_and_json(run: Run, tmp_path: Path) -> None:
    run("import", "accounts", str(FIXTURES / "salesforce_grouped_report.csv"))
    source = write(
        tmp_path,
        "Usage feed\n\naccount,metric,value,date\n"
        "0015g00000AcmeA,active_users,40,2026-05-31\n"
        "0015g00000AcmeA,active_users,NaN,2026-05-30\n"
        "0015g00000AcmeA,feature_adoption,62,2026-05-31\n"
        "0015g00000AcmeA,open_tickets,-1,2026-05-31\n"
        f"0015g00000AcmeA,logins_30d,{'9' * 500},2026-05-31\n"
        "0015g00000AcmeA,active_users,41,2026-05-31\n"
        "0015g00000AcmeA;logins_30d;5;2026-05-31\n",
        "feed.csv",
    )
    text = run("import", "metrics", source)
    assert text.exit_code == 1
    assert "feed.csv:1 skipped: report title above the header" in text.stderr
    assert "feed.csv:5 [value] 'NaN': not a finite number" in text.stderr
    assert "feed.csv:6 [value] '62': feature_adoption is a share between 0 and 1" in text.stderr
    assert "feed.csv:7 [value] '-1': open_tickets is a count and cannot be negative" in text.stderr
    assert "feed.csv:8 [value]" in text.stderr and "too long to be a number" in text.stderr
    assert "feed.csv:9 [value] '41': line 4 gives this account's active_users on" in text.stderr
    assert "feed.csv:10 '0015g00000AcmeA;logins_30d;5;2026-05-31': this line's" in text.stderr
    assert "Traceback" not in text.output
    result = run("import", "metrics", source, "--json")
    assert result.exit_code == 1
    report = strict(result.stdout)
    assert [p["line"] for p in report["problems"]] == [5, 6, 7, 8, 9, 10]
    assert report["skipped"] == [
        {"line": 1, "reason": "report title above the header"},
        {"line": 2, "reason": "blank line"},
    ]
    assert report["written"] is False and report["samples"] == 1
    dry = strict(run("import", "metrics", source, "--json", "--dry-run").stdout)
    assert dry["dry_run"] is True


def test_json_lines_that_break_a_parser_are_problems_not_tracebacks(
    run: Run, tmp_path: Path
) -> None:
    run("import", "accounts", str(FIXTURES / "salesforce_grouped_report.csv"))
    good = '{"account": "0015g00000AcmeA", "metric": "nps", "value": 9, "date": "2026-05-31"}'
    source = write(
        tmp_path,
        "\n".join(
            [
                good,
                "[" * 200_000,
                '{"account": "0015g00000AcmeA", "metric": "x", "value": '
                + "7" * 10_000
                + ', "date": "2026-05-31"}',
                '{"account": "0015g00000AcmeA", "metric": "y", "value": -Infinity, "date": "2026-05-31"}',
            ]
        ),
        "feed.jsonl",
    )
    result = run("import", "metrics", source, "--json")
    assert result.exit_code == 1
    report = strict(result.stdout)
    assert [(p["line"], p["message"]) for p in report["problems"]] == [
        (2, "not read: its JSON is nested too deeply"),
        (3, "too long to be a number (10,000 characters)"),
        (4, "not a finite number"),
    ]


def test_a_metric_date_format_flag_reads_day_first_feeds(run: Run, tmp_path: Path) -> None:
    run("import", "accounts", str(FIXTURES / "salesforce_grouped_report.csv"))
    source = write(tmp_path, "account,metric,value,date\n0015g00000AcmeA,nps,9,04/05/2026\n")
    refused = run("import", "metrics", source)
    assert refused.exit_code == 1 and "say which with --date-format" in refused.stderr
    told = run("import", "metrics", source, "--date-format", "%d/%m/%Y", "--json")
    assert told.exit_code == 0, told.output
    assert strict(told.stdout)["samples"] == 1


def test_an_exported_cell_cannot_split_a_row_or_start_a_formula(run: Run, tmp_path: Path) -> None:
    source = write(
        tmp_path,
        "Account Name,Industry,Account Owner\r\n"
        '"Acme\r=HYPERLINK(""http://evil.example"")","Retail\n@SUM(A1)","-5 days\r\n+1 day"\r\n'
        "Globex,Energy,Sam\r\n",
    )
    assert run("import", "accounts", source).exit_code == 0
    exported = run("export", "accounts", "--format", "csv")
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.stdout, newline="")))
    assert [row["name"] for row in rows] == [
        'Acme\r\'=HYPERLINK("http://evil.example")',
        "Globex",
    ]
    acme = rows[0]
    assert acme["industry"] == "Retail\n'@SUM(A1)"
    assert acme["owner"].splitlines() == ["'-5 days", "'+1 day"]
    as_json = strict(run("export", "accounts", "--format", "json").stdout)
    assert as_json[0]["name"] == 'Acme\r=HYPERLINK("http://evil.example")'


def test_listing_in_a_pipe_keeps_one_line_per_account(run: Run, tmp_path: Path) -> None:
    source = write(
        tmp_path, 'Account Name,Account Owner\n"Acme\r\nEurope","Tess\tNg"\nGlobex,Sam\n'
    )
    assert run("import", "accounts", source).exit_code == 0
    lines = run("accounts", "list").stdout.splitlines()
    assert len(lines) == 3
    assert lines[1].split("\t")[:2] == ["Acme Europe", "Tess Ng"]
