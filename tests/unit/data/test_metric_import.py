"""Storing metric feeds: bad lines are reported by line and nothing is written (both backends)."""

from pathlib import Path

from sqlmodel import col, select

from cs_tui.data.accounts.imports import import_accounts
from cs_tui.data.signals.metric_import import import_metrics
from cs_tui.data.store.database import Database
from cs_tui.io.account_file import read_account_file
from cs_tui.io.metrics_file import read_metric_file
from cs_tui.models import MetricSample

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "imports"


def book(db: Database) -> None:
    report = import_accounts(db, read_account_file(FIXTURES / "salesforce_grouped_report.csv"))
    assert report.written and report.count("create") == 3


def stored(db: Database) -> list[tuple[str, str, float]]:
    with db.read() as session:
        samples = session.exec(select(MetricSample).order_by(col(MetricSample.metric)))
        return [(s.metric, s.observed_on.isoformat(), s.value) for s in samples]


def feed(tmp_path: Path, *rows: str, name: str = "feed.csv") -> Path:
    path = tmp_path / name
    path.write_text("account,metric,value,date\n" + "".join(f"{row}\n" for row in rows))
    return path


def test_two_values_for_one_account_metric_and_day_are_refused(
    db: Database, tmp_path: Path
) -> None:
    book(db)
    path = feed(
        tmp_path,
        "0015g00000AcmeA,active_users,412,2026-05-31",
        "0015g00000AcmeA,feature_adoption,0.5,2026-05-31",
        "Acme Corporation,active_users,398,2026-05-31",  # the same account by its name
        "0015g00000AcmeA,active_users,412,2026-06-01",
    )
    report = import_metrics(db, read_metric_file(path))
    assert not report.written
    assert [(p.line, p.column, p.value, p.message) for p in report.problems] == [
        (
            4,
            "value",
            "398",
            "line 2 gives this account's active_users on 2026-05-31 as 412; a feed gives one "
            "value per account, metric and day",
        )
    ]
    assert stored(db) == []
    skipped = import_metrics(db, read_metric_file(path), skip_invalid=True)
    assert skipped.written and skipped.samples == 3
    assert stored(db) == [
        ("active_users", "2026-05-31", 412.0),
        ("active_users", "2026-06-01", 412.0),
        ("feature_adoption", "2026-05-31", 0.5),
    ]


def test_the_same_value_twice_is_one_sample(db: Database, tmp_path: Path) -> None:
    book(db)
    path = feed(
        tmp_path,
        "0015g00000GlbxB,open_tickets,3,2026-05-31",
        "Globex; Inc.,open_tickets,3,2026-05-31",
        "0015g00000GlbxB,open_tickets,3,2026-05-31",
    )
    report = import_metrics(db, read_metric_file(path))
    assert [(p.line, p.message) for p in report.problems] == [
        (3, "no account has the external id or name 'Globex; Inc.'")
    ]
    report = import_metrics(db, read_metric_file(path), skip_invalid=True)
    assert report.written and report.samples == 1
    assert stored(db) == [("open_tickets", "2026-05-31", 3.0)]


def test_every_bad_value_is_a_problem_on_its_line_and_nothing_is_written(
    db: Database, tmp_path: Path
) -> None:
    book(db)
    lines = [
        '{"account": "0015g00000AcmeA", "metric": "active_users", "value": 40, "date": "2026-05-31"}',
        '{"account": "0015g00000AcmeA", "metric": "active_users", "value": NaN, "date": "2026-05-30"}',
        '{"account": "0015g00000AcmeA", "metric": "logins_30d", "value": Infinity, "date": "2026-05-30"}',
        '{"account": "0015g00000AcmeA", "metric": "feature_adoption", "value": 1.2, "date": "2026-05-30"}',
        '{"account": "0015g00000AcmeA", "metric": "open_tickets", "value": -4, "date": "2026-05-30"}',
        '{"account": "0015g00000AcmeA", "metric": "active_users", "value": '
        + "1" * 5000
        + ', "date": "2026-05-29"}',
        "[" * 50_000 + "]" * 50_000,
        '{"account": "0015g00000AcmeA", "metric": "active_users", "value": 41, "date": "2026-05-31"}',
    ]  # fmt: skip
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = import_metrics(db, read_metric_file(path))
    assert not report.written
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (2, "value", "not a finite number"),
        (3, "value", "not a finite number"),
        (4, "value", "feature_adoption is a share between 0 and 1, not 1.2"),
        (5, "value", "open_tickets is a count and cannot be negative"),
        (6, "value", "too long to be a number (5,000 characters)"),
        (7, "", "not read: its JSON is nested too deeply"),
        (
            8,
            "value",
            "line 1 gives this account's active_users on 2026-05-31 as 40; a feed gives one "
            "value per account, metric and day",
        ),
    ]
    assert stored(db) == []
