"""Reading metric feeds (CSV or JSON lines) into samples, row errors and skipped lines."""

from datetime import date
from pathlib import Path

import pytest

from cs_tui.io.account_file import ImportFileError
from cs_tui.io.metrics_file import MetricFile, read_metric_file

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def write(tmp_path: Path, text: str, name: str = "feed.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def samples(parsed: MetricFile) -> list[tuple[int, str, str, date, float, str]]:
    return [
        (
            r.line,
            r.account_ref,
            r.sample.metric,
            r.sample.observed_on,
            r.sample.value,
            r.sample.source,
        )
        for r in parsed.rows
    ]


def problems(parsed: MetricFile) -> list[tuple[int, str, str]]:
    return [(e.line, e.column, e.value) for e in parsed.errors]


def test_csv_feed() -> None:
    parsed = read_metric_file(FIXTURES / "metrics.csv")
    assert parsed.format == "csv"
    assert samples(parsed) == [
        (2, "0015g00000AcmeA", "active_users", date(2026, 5, 31), 412.0, "metrics.csv"),
        (3, "0015g00000AcmeA", "logins_30d", date(2026, 5, 31), 1204.0, "metrics.csv"),
        (4, "Globex", "open_tickets", date(2026, 5, 31), 7.0, "metrics.csv"),
    ]
    assert problems(parsed) == [(5, "value", "n/a")]
    assert parsed.errors[0].message.startswith("not a number")


def test_json_lines_feed() -> None:
    parsed = read_metric_file(FIXTURES / "metrics.jsonl")
    assert parsed.format == "jsonl"
    assert samples(parsed) == [
        (1, "0015g00000AcmeA", "active_users", date(2026, 5, 31), 412.0, "metrics.jsonl"),
        (2, "Globex", "feature_adoption", date(2026, 5, 31), 0.62, "pendo"),
    ]
    assert problems(parsed)[0][:2] == (4, "")
    assert parsed.errors[0].message.startswith("not valid JSON")
    assert problems(parsed)[1] == (5, "metric", "30d_logins")
    assert "starts with a letter" in parsed.errors[1].message
    assert [(s.line, s.reason) for s in parsed.skipped] == [(3, "blank line")]


def test_json_lines_are_sniffed_from_the_content(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '{"account": 42, "metric": "nps", "value": "9", "date": "05/31/2026"}\n',
        "feed.txt",
    )
    parsed = read_metric_file(path)
    assert parsed.format == "jsonl"
    assert samples(parsed) == [(1, "42", "nps", date(2026, 5, 31), 9.0, "feed.txt")]


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ('{"account": "A", "metric": "nps", "value": 9}', "date", "missing date"),
        ('{"account": "A", "metric": "nps", "date": "2026-05-31"}', "value", "missing value"),
        ('{"metric": "nps", "value": 9, "date": "2026-05-31"}', "account", "missing account"),
        (
            '{"account": "A", "metric": "nps", "value": true, "date": "2026-05-31"}',
            "value",
            "not a value",
        ),
        (
            '{"account": "A", "metric": "nps", "value": NaN, "date": "2026-05-31"}',
            "value",
            "not a finite number",
        ),
        (
            '{"account": "A", "metric": "nps", "value": -Infinity, "date": "2026-05-31"}',
            "value",
            "not a finite number",
        ),
        (
            '{"account": "A", "metric": "nps", "value": 1e999, "date": "2026-05-31"}',
            "value",
            "too large a number",
        ),
        (
            '{"account": "A", "metric": "nps", "value": ' + "9" * 5000 + ', "date": "2026-05-31"}',
            "value",
            "too long to be a number (5,000 characters)",
        ),
        ("[" * 100_000, "", "nested too deeply"),
        (
            '{"account": "A", "metric": "feature_adoption", "value": 62, "date": "2026-05-31"}',
            "value",
            "feature_adoption is a share between 0 and 1, not 62 (write 0.62 for 62%)",
        ),
        (
            '{"account": "A", "metric": "open_tickets", "value": -2, "date": "2026-05-31"}',
            "value",
            "open_tickets is a count and cannot be negative",
        ),
        (
            '{"account": "A", "metric": "nps", "value": 9, "date": "2026-02-30"}',
            "date",
            "February 2026",
        ),
        ('["A", "nps", 9, "2026-05-31"]', "", "not a JSON object"),
        (
            '{"account": "A", "metric": "nps", "value": 9, "date": "2026-05-31"',
            "",
            "not valid JSON",
        ),
    ],
)
def test_bad_json_lines(tmp_path: Path, line: str, column: str, message: str) -> None:
    good = '{"account": "A", "metric": "nps", "value": 9, "date": "2026-05-31"}'
    parsed = read_metric_file(write(tmp_path, f"{good}\n{line}\n", "feed.jsonl"))
    assert [r.line for r in parsed.rows] == [1]
    (error,) = parsed.errors
    assert (error.line, error.column) == (2, column)
    assert message in error.message


def test_a_json_array_is_refused_with_advice(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"feed\.json: this is a JSON array"):
        read_metric_file(write(tmp_path, '[{"account": "A"}]\n', "feed.json"))


def test_csv_feed_with_semicolons_day_first_dates_and_decimal_commas(tmp_path: Path) -> None:
    text = "Account;Metric;Value;Date;Source\nA;Health Score;72,5;31/05/2026;gainsight\nB;nps;9;01/06/2026;\n"
    parsed = read_metric_file(write(tmp_path, text))
    assert samples(parsed) == [
        (2, "A", "health_score", date(2026, 5, 31), 72.5, "gainsight"),
        (3, "B", "nps", date(2026, 6, 1), 9.0, "feed.csv"),
    ]


def test_csv_feed_missing_columns_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        ImportFileError,
        match=r"feed.csv: no value, date column \(the header has: account, metric\)",
    ):
        read_metric_file(write(tmp_path, "account,metric\nA,nps\n"))
    with pytest.raises(ImportFileError, match=r"feed\.csv: no account column"):
        read_metric_file(write(tmp_path, "customer,metric,value,date\nA,nps,1,2026-05-31\n"))


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("A,,5,2026-05-31", "metric", "missing metric"),
        (",nps,5,2026-05-31", "account", "missing account"),
        ("A,nps,,2026-05-31", "value", "missing value"),
        ("A,nps,5,", "date", "missing date"),
        ("A,nps,5,soon", "date", "not a date"),
        ("A,nps,$5,2026-05-31", "value", "not a number"),
        ("A,9 lives,5,2026-05-31", "metric", "not a metric name"),
        ("A,nps,NaN,2026-05-31", "value", "not a finite number"),
        ("A,nps,Infinity,2026-05-31", "value", "not a finite number"),
        ("A,nps,-inf,2026-05-31", "value", "not a finite number"),
        ("A,nps,1e999,2026-05-31", "value", "too large a number"),
        ("A,nps," + "9" * 400 + ",2026-05-31", "value", "too long to be a number (400 characters)"),
        ("A,feature_adoption,1.5,2026-05-31", "value", "a share between 0 and 1, not 1.5"),
        ("A,seat_share,-0.1,2026-05-31", "value", "seat_share is a share between 0 and 1"),
        ("A,Open Tickets,-1,2026-05-31", "value", "open_tickets is a count and cannot be negative"),
        ("A,active_users,-40,2026-05-31", "value", "active_users is a count"),
        ("A,first_response_hours,-2,2026-05-31", "value", "a number of hours and cannot be"),
        ("A,nps,5,5/31/26", "date", "the year '26' has two digits"),
        ("A;nps;5;2026-05-31", "", "separated by semicolons, but the header's by commas"),
        ("A\tnps\t5\t2026-05-31", "", "separated by tabs"),
    ],
)
def test_bad_csv_rows(tmp_path: Path, row: str, column: str, message: str) -> None:
    parsed = read_metric_file(write(tmp_path, f"account,metric,value,date\n{row}\n"))
    assert not parsed.rows
    (error,) = parsed.errors
    assert (error.line, error.column) == (2, column)
    assert message in error.message


def test_blank_lines_and_title_are_skipped(tmp_path: Path) -> None:
    parsed = read_metric_file(
        write(tmp_path, "Usage export\naccount,metric,value,date\n\nA,nps,9,2026-05-31\n\n")
    )
    assert [r.line for r in parsed.rows] == [4]
    assert [s.line for s in parsed.skipped] == [1, 3, 5]


def test_refused_files_name_the_file(tmp_path: Path) -> None:
    for fixture in ("empty.csv", "binary_garbage.csv", "html_error_page.csv"):
        with pytest.raises(ImportFileError, match=fixture):
            read_metric_file(FIXTURES / fixture)


def test_a_value_shown_in_a_problem_is_cut_short(tmp_path: Path) -> None:
    parsed = read_metric_file(
        write(tmp_path, f"account,metric,value,date\nA,nps,{'9' * 5000},2026-05-31\n")
    )
    (error,) = parsed.errors
    assert len(error.value) == 80 and error.value.endswith("...")


def test_negative_values_of_other_metrics_are_fine(tmp_path: Path) -> None:
    parsed = read_metric_file(
        write(tmp_path, "account,metric,value,date\nA,usage_trend,-12.5,2026-05-31\n")
    )
    assert samples(parsed) == [(2, "A", "usage_trend", date(2026, 5, 31), -12.5, "feed.csv")]


def test_the_kinds_follow_the_scorecard(tmp_path: Path) -> None:
    from cs_tui.domain.signals.feed_values import ValueKind

    path = write(
        tmp_path,
        "account,metric,value,date\nA,adoption_pct,62,2026-05-31\nA,open_tickets,-1,2026-05-31\n",
    )
    parsed = read_metric_file(path, kinds={"adoption_pct": ValueKind.SHARE})
    assert [(e.line, e.column, e.message) for e in parsed.errors] == [
        (2, "value", "adoption_pct is a share between 0 and 1, not 62 (write 0.62 for 62%)")
    ]


def test_a_date_column_of_only_ambiguous_dates_needs_the_order(tmp_path: Path) -> None:
    path = write(tmp_path, "account,metric,value,date\nA,nps,5,2026-05-31\nA,nps,6,03/04/2026\n")
    with pytest.raises(
        ImportFileError,
        match=r"column 'date' .* \(line 3: '03/04/2026' could be 2026-03-04 or 2026-04-03\)",
    ):
        read_metric_file(path)
    parsed = read_metric_file(path, date_format="%d/%m/%Y")
    assert [row.sample.observed_on for row in parsed.rows] == [date(2026, 5, 31), date(2026, 4, 3)]


def test_json_lines_with_only_ambiguous_dates_need_the_order(tmp_path: Path) -> None:
    line = '{"account": "A", "metric": "nps", "value": 9, "date": "04/05/2026"}\n'
    with pytest.raises(ImportFileError, match=r"\(line 1: '04/05/2026'"):
        read_metric_file(write(tmp_path, line, "feed.jsonl"))


def test_duplicated_feed_columns_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "account,metric,value,date,value\nA,nps,5,2026-05-31,6\n")
    with pytest.raises(ImportFileError) as refused:
        read_metric_file(path)
    assert str(refused.value) == (
        "feed.csv: 2 columns are headed 'value': columns 3 (C) and 5 (E); rename the columns so "
        "that each header is written once"
    )
