"""Upserting parsed account rows: by external id else by name, atomic unless skipping invalid rows."""

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from cs_tui.data.accounts.imports import import_accounts
from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.store.database import Database
from cs_tui.domain.book import account_row as r
from cs_tui.models import Account, AccountCreate


@dataclass(frozen=True)
class Row:
    line: int
    account: AccountCreate


@dataclass(frozen=True)
class Error:
    line: int
    column: str
    value: str
    message: str


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)


def parsed(*accounts: dict[str, object], errors: list[Error] | None = None) -> Parsed:
    return Parsed(
        [Row(line, AccountCreate(**data)) for line, data in enumerate(accounts, start=2)],
        errors or [],
    )


def stored(db: Database) -> dict[str, Account]:
    with db.read() as session:
        return {
            a.name: a
            for a in session.exec(select(Account).where(col(Account.deleted_at).is_(None)))
        }


def test_new_accounts_are_created_and_listed(db: Database) -> None:
    report = import_accounts(
        db,
        parsed(
            {"name": "Acme", "external_id": "001A", "arr_minor": 120_000_00, "owner": "tess"},
            {"name": "Globex", "contract_end": date(2027, 1, 31)},
        ),
    )
    assert report.written and report.count("create") == 2
    rows = fetch_account_rows(db)
    assert [row[r.NAME] for row in rows] == ["Acme", "Globex"]
    assert stored(db)["Acme"].updated_by == "tess"


def test_rows_update_by_external_id_else_by_name_and_keep_other_fields(db: Database) -> None:
    import_accounts(
        db,
        parsed(
            {"name": "Acme", "external_id": "001A", "industry": "Retail", "arr_minor": 1},
            {"name": "Globex", "industry": "Energy"},
        ),
    )
    report = import_accounts(
        db,
        parsed(
            {"name": "Acme Corporation", "external_id": "001A", "arr_minor": 5},
            {"name": "globex", "external_id": "002B"},
            {"name": "Initech"},
        ),
    )
    assert [(c.action, c.fields) for c in report.changes] == [
        ("update", ("arr_minor", "name")),
        ("update", ("external_id", "name")),
        ("create", ()),
    ]
    accounts = stored(db)
    assert accounts["Acme Corporation"].industry == "Retail"  # not in the file: kept
    assert accounts["Acme Corporation"].arr_minor == 5
    assert accounts["globex"].external_id == "002B"
    assert len(accounts) == 3


def test_reimporting_the_same_file_changes_nothing(db: Database) -> None:
    data = parsed({"name": "Acme", "external_id": "001A", "arr_minor": 100})
    import_accounts(db, data)
    before = stored(db)["Acme"].updated_at
    report = import_accounts(db, data)
    assert [c.action for c in report.changes] == ["unchanged"]
    assert not report.written
    assert stored(db)["Acme"].updated_at == before


def test_any_invalid_row_means_nothing_is_written(db: Database) -> None:
    bad = Error(3, "Renewal Date", "31/02/2027", "not a date")
    report = import_accounts(db, parsed({"name": "Acme"}, errors=[bad]))
    assert report.refused and not report.written
    assert report.problems[0].line == 3
    assert stored(db) == {}


def test_skip_invalid_writes_the_valid_rows(db: Database) -> None:
    bad = Error(3, "ARR", "-5", "ARR cannot be negative")
    report = import_accounts(db, parsed({"name": "Acme"}, errors=[bad]), skip_invalid=True)
    assert report.written and not report.refused
    assert list(stored(db)) == ["Acme"]


def test_dry_run_reports_without_writing(db: Database) -> None:
    report = import_accounts(db, parsed({"name": "Acme"}, {"name": "Globex"}), dry_run=True)
    assert report.count("create") == 2 and not report.written
    assert stored(db) == {}


def test_an_ambiguous_name_is_an_error_not_a_guess(db: Database) -> None:
    import_accounts(
        db, parsed({"name": "Acme", "external_id": "1"}, {"name": "ACME", "external_id": "2"})
    )
    report = import_accounts(db, parsed({"name": "acme", "industry": "Retail"}))
    assert report.refused
    assert "2 accounts are named" in report.problems[0].message
